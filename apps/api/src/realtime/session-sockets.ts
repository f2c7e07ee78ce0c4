import { Namespace } from '@motcua/contracts';
import type { RealtimePublisher } from '@motcua/platform';

/**
 * Closes the signed-in sockets (/staff and /dashboard) of a person or a session on every
 * API instance, through the Redis adapter: sign-out, revoked sessions, deactivation, new
 * roles. The client reconnects once; the handshake then checks the session and the roles again.
 */
export function closeSignedInSockets(realtime: RealtimePublisher, room: string, except?: string): void {
  // Redis down: no socket can receive anything then, and the next handshake checks the session anyway.
  for (const ns of [Namespace.staff, Namespace.dashboard]) realtime.disconnect(ns, room, except).catch(() => {});
}
