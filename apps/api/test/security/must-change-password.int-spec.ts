import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, seed, signIn, startStack, type Account, type Stack } from '../harness.js';

/**
 * #15 item 3: with a temporary password every route worked; the flag was only a hint to the UI.
 * While `mustChangePassword` is set the API allows only `me`, change-password and sign-out
 * (403 PASSWORD_CHANGE_REQUIRED elsewhere), and signed-in sockets are refused.
 */
describe('mustChangePassword is enforced by the API', () => {
  let stack: Stack;
  let accounts: Account[];
  let cookie = '';
  let temporary = '';
  let centerId = '';
  const send = (method: string, path: string, body?: unknown, who = cookie) =>
    fetch(`${stack.baseUrl}/api${path}`, { method, headers: { cookie: who, 'content-type': 'application/json', 'accept-language': 'en' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const handshake = (namespace: string, who: string) =>
    new Promise<string>((resolve) => {
      const socket = io(`${stack.baseUrl}${namespace}`, { transports: ['websocket'], extraHeaders: { cookie: who }, reconnection: false });
      socket.on('connect', () => (socket.close(), resolve('connected')));
      socket.on('connect_error', (e) => (socket.close(), resolve(e.message)));
    });

  beforeAll(async () => {
    stack = await startStack();
    accounts = await seed(stack);
    const admin = await signIn(stack, 'admin', accounts.find((a) => a.username === 'admin')!.password);
    const [manager] = await stack.database.sql`select id, home_center_id from staff where username = 'quanly.anxuyen'`;
    centerId = manager!.home_center_id as string;
    const reset = await send('POST', `/staff/${manager!.id}/reset-password`, undefined, admin);
    temporary = (await json(reset)).temporaryPassword;
    cookie = await signIn(stack, 'quanly.anxuyen', temporary);
  });
  afterAll(() => stack?.stop());

  it('every other route answers 403 with a code the UI routes on', async () => {
    for (const [method, path, body] of [
      ['GET', '/staff'],
      ['GET', `/centers/${centerId}`],
      ['GET', `/centers/${centerId}/devices`],
      ['POST', `/centers/${centerId}/devices`, { kind: 'display', name: 'TV sảnh' }],
      ['GET', '/me/assignments'],
    ] as const) {
      const res = await send(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(403);
      const answer = await json(res);
      expect(answer.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
      expect(answer.error.message).toMatch(/change your temporary password/i);
    }
    expect((await stack.database.sql`select count(*)::int as n from devices where name = 'TV sảnh'`)[0]!.n).toBe(0);
  });

  it('signed-in sockets are refused while the flag is set', async () => {
    expect(await handshake('/staff', cookie)).toMatch(/password/i);
  });

  it('me, change-password and sign-out still work; after the change everything does', async () => {
    const me = await send('GET', '/auth/me');
    expect(me.status).toBe(200);
    expect((await json(me)).mustChangePassword).toBe(true);
    const changed = await send('POST', '/auth/change-password', { currentPassword: temporary, newPassword: 'Mat-khau-moi-2026!' });
    expect(changed.status).toBe(200);
    expect((await send('GET', '/staff')).status).toBe(200);
    expect(await handshake('/staff', cookie)).toBe('connected');
    expect((await send('POST', '/auth/sign-out')).status).toBe(200);
  });
});
