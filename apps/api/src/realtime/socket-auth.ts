import { Room, SESSION_COOKIE } from '@motcua/contracts';
import type { Socket } from 'socket.io';
import type { Actor } from '../common/actor.js';

/** The session token from a handshake's Cookie header (the same httpOnly cookie as HTTP). */
export function sessionTokenOf(socket: Socket): string | undefined {
  const header = socket.handshake.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === SESSION_COOKIE) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

export const actorOf = (socket: Socket): Actor | undefined => socket.data.actor as Actor | undefined;

/** A signed-in socket joins its person's and its session's rooms, so either can be closed from any instance. */
export async function admit(socket: Socket, actor: Actor): Promise<void> {
  socket.data.actor = actor;
  await socket.join([Room.user(actor.staffId), Room.session(actor.sessionId)]);
}
