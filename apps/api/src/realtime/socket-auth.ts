import { Room, SESSION_COOKIE } from '@motcua/contracts';
import type { Namespace, Socket } from 'socket.io';
import type { Actor } from '../common/actor.js';
import type { AuthService } from '../modules/auth/auth.service.js';
import { sameSiteVerdict, type OriginPolicy } from '../common/origin-check.js';

/** A cookie from a handshake's Cookie header (the same httpOnly cookies as HTTP). */
export function cookieOf(socket: Socket, cookie: string): string | undefined {
  const header = socket.handshake.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === cookie) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

const sessionTokenOf = (socket: Socket) => cookieOf(socket, SESSION_COOKIE);

export const actorOf = (socket: Socket): Actor | undefined => socket.data.actor as Actor | undefined;

/** A signed-in socket joins its person's and its session's rooms, so either can be closed from any instance. */
async function admit(socket: Socket, actor: Actor): Promise<void> {
  socket.data.actor = actor;
  await socket.join([Room.user(actor.staffId), Room.session(actor.sessionId)]);
}

/**
 * Admits only sockets with a live session, as HTTP does. A middleware, not a connection
 * handler: no event can arrive before the session is checked.
 */
export function requireSession(namespace: Namespace, auth: AuthService, origins: OriginPolicy): void {
  namespace.use((socket, next) => {
    // A page of another site may not open a socket with the person's cookie (cross-site WebSocket hijacking).
    const { origin, referer, host } = socket.handshake.headers;
    const verdict = sameSiteVerdict(origins, { origin, referer, host });
    if (!verdict.ok) return next(new Error(`forbidden: origin ${verdict.seen} is not allowed`));
    auth
      .resolve(sessionTokenOf(socket))
      .then(async (actor) => {
        if (!actor) return next(new Error('unauthorized: sign in first'));
        if (actor.mustChangePassword) return next(new Error('password change required: change your temporary password first'));
        await admit(socket, actor);
        next();
      })
      .catch(() => next(new Error('unavailable')));
  });
}
