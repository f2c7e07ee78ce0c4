import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, seed, signIn, startStack, type Account, type Stack } from './harness.js';

const call = (stack: Stack, method: string, path: string, cookie = '', body?: unknown) =>
  fetch(`${stack.baseUrl}/api${path}`, { method, headers: { cookie, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) }, body: body !== undefined ? JSON.stringify(body) : undefined });

describe('sign-in, sessions and lockout', () => {
  let stack: Stack;
  let accounts: Account[];
  const officer = () => accounts.find((a) => a.username === 'canbo.anxuyen1')!;

  beforeAll(async () => {
    stack = await startStack();
    accounts = await seed(stack);
  });
  afterAll(() => stack?.stop());

  it('signs in with an httpOnly cookie, answers me, and signs out', async () => {
    const res = await call(stack, 'POST', '/auth/sign-in', '', { username: 'CANBO.ANXUYEN1', password: officer().password });
    expect(res.status).toBe(200);
    const setCookie = res.headers.getSetCookie()[0]!;
    expect(setCookie).toMatch(/^motcua_session=[\w-]{43};/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = setCookie.split(';')[0]!;
    const me = await json(await call(stack, 'GET', '/auth/me', cookie));
    expect(me).toMatchObject({ username: 'canbo.anxuyen1', roles: [expect.objectContaining({ role: 'officer' })] });
    expect((await call(stack, 'POST', '/auth/sign-out', cookie)).status).toBe(200);
    expect((await call(stack, 'GET', '/auth/me', cookie)).status).toBe(401);
    // Only a hash of the token is stored.
    const [row] = await stack.database.sql`select count(*)::int as n from sessions where token_hash = ${cookie.split('=')[1]!}`;
    expect(row!.n).toBe(0);
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    const unknown = await json(await call(stack, 'POST', '/auth/sign-in', '', { username: 'khong.co', password: 'x' }));
    const wrong = await json(await call(stack, 'POST', '/auth/sign-in', '', { username: 'chuyenvien.anxuyen', password: 'x' }));
    expect(unknown).toEqual(wrong);
    expect(wrong.error.code).toBe('UNAUTHENTICATED');
  });

  it('never locks an account: after wrong passwords from one address the right one works once the short delay has passed', async () => {
    const leader = accounts.find((a) => a.username === 'lanhdao.anxuyen')!;
    for (let i = 0; i < 3; i++) expect((await call(stack, 'POST', '/auth/sign-in', '', { username: leader.username, password: 'sai' })).status).toBe(401);
    // Below the free failures there is no wait at all (sign-in-throttle.int-spec covers the delay).
    expect((await call(stack, 'POST', '/auth/sign-in', '', { username: leader.username, password: leader.password })).status).toBe(200);
    const [row] = await stack.database.sql`select locked_until from staff where username = ${leader.username}`;
    expect(row!.locked_until).toBeNull();
  });

  it('a password change ends every other session of the person, and keeps this one', async () => {
    const specialist = accounts.find((a) => a.username === 'chuyenvien.anxuyen')!;
    const here = await signIn(stack, specialist.username, specialist.password);
    const elsewhere = await signIn(stack, specialist.username, specialist.password);
    const weak = await call(stack, 'POST', '/auth/change-password', here, { currentPassword: specialist.password, newPassword: 'short' });
    expect(weak.status).toBe(400);
    expect((await json(weak)).error.details[0].path).toBe('body.newPassword');
    const wrong = await call(stack, 'POST', '/auth/change-password', here, { currentPassword: 'nope', newPassword: 'mot-mat-khau-moi-dai' });
    expect(wrong.status).toBe(400);
    expect((await json(wrong)).error.details).toEqual([{ path: 'body.currentPassword', message: 'Mật khẩu hiện tại không đúng' }]);
    expect((await call(stack, 'POST', '/auth/change-password', here, { currentPassword: specialist.password, newPassword: 'mot-mat-khau-moi-dai' })).status).toBe(200);
    expect((await call(stack, 'GET', '/auth/me', here)).status).toBe(200);
    expect((await call(stack, 'GET', '/auth/me', elsewhere)).status).toBe(401);
    expect((await call(stack, 'POST', '/auth/sign-in', '', { username: specialist.username, password: specialist.password })).status).toBe(401);
    await signIn(stack, specialist.username, 'mot-mat-khau-moi-dai');
  });

  it('authenticates Socket.IO staff connections with the same session, and checks rooms by role and scope', async () => {
    const anonymous = io(`${stack.baseUrl}/staff`, { transports: ['websocket'] });
    const refusedWith = await new Promise<string>((resolve) => {
      anonymous.on('connect_error', (e) => resolve(e.message));
      anonymous.on('connect', () => resolve('connected'));
    });
    anonymous.close();
    expect(refusedWith).toMatch(/unauthorized/);

    const cookie = await signIn(stack, 'quanly.tanthanh', accounts.find((a) => a.username === 'quanly.tanthanh')!.password);
    const [own] = await stack.database.sql`select c.id from centers c join staff s on s.home_center_id = c.id where s.username = 'quanly.tanthanh'`;
    const [other] = await stack.database.sql`select id from centers where id <> ${own!.id} limit 1`;
    const socket = io(`${stack.baseUrl}/staff`, { transports: ['websocket'], extraHeaders: { cookie } });
    try {
      await new Promise<void>((resolve) => socket.on('connect', () => resolve()));
      const ask = (room: string) => new Promise<{ ok: boolean }>((resolve) => socket.emit('subscribe', room, resolve));
      expect((await ask(`center:${own!.id}`)).ok).toBe(true);
      expect((await ask(`center:${other!.id}`)).ok).toBe(false);
      expect((await ask('system')).ok).toBe(false);
    } finally {
      socket.close();
    }
  });
});

describe('session expiry', () => {
  it('a session ends after SESSION_TTL_SECONDS without use', async () => {
    const stack = await startStack({ env: { SESSION_TTL_SECONDS: '5' } });
    try {
      const admin = (await seed(stack)).find((a) => a.role === 'admin')!;
      const cookie = await signIn(stack, admin.username, admin.password);
      expect((await call(stack, 'GET', '/auth/me', cookie)).status).toBe(200);
      // Time without use is what is tested: polling /auth/me would use (and extend) the session.
      await new Promise((r) => setTimeout(r, 6000));
      expect((await call(stack, 'GET', '/auth/me', cookie)).status).toBe(401);
    } finally {
      await stack.stop();
    }
  });
});
