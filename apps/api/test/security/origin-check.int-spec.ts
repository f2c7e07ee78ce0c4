import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, seed, signIn, startStack, type Account, type Stack } from '../harness.js';

/**
 * #15 item 11: CSRF rested on SameSite=Lax alone: a cross-site `text/plain` POST to a body-less
 * route (reset-password, call-next, revoke) succeeded and the /staff socket took a foreign Origin.
 * Now every POST/PUT/PATCH/DELETE and every signed-in socket handshake must come from this host,
 * PUBLIC_URL or ALLOWED_ORIGINS (Origin, else Referer). A request with neither header is a
 * non-browser client, which cannot carry a victim's cookie, and passes; `Origin: null` does not.
 */
describe('state-changing requests and sockets check their origin', () => {
  let stack: Stack;
  let accounts: Account[];
  let manager = '';
  let officerId = '';
  const hashOf = async () => (await stack.database.sql`select password_hash from staff where id = ${officerId}`)[0]!.password_hash as string;
  const reset = (headers: Record<string, string>) =>
    fetch(`${stack.baseUrl}/api/staff/${officerId}/reset-password`, { method: 'POST', headers: { cookie: manager, 'content-type': 'text/plain', 'accept-language': 'en', ...headers }, body: 'x' });
  const handshake = (headers: Record<string, string>) =>
    new Promise<string>((resolve) => {
      const socket = io(`${stack.baseUrl}/staff`, { transports: ['websocket'], extraHeaders: { cookie: manager, ...headers }, reconnection: false });
      socket.on('connect', () => (socket.close(), resolve('connected')));
      socket.on('connect_error', (e) => (socket.close(), resolve(e.message)));
    });

  beforeAll(async () => {
    stack = await startStack({ env: { ALLOWED_ORIGINS: 'https://cong.dichvucong.example.vn' } });
    accounts = await seed(stack);
    manager = await signIn(stack, 'quanly.anxuyen', accounts.find((a) => a.username === 'quanly.anxuyen')!.password);
    officerId = (await stack.database.sql`select id from staff where username = 'canbo.anxuyen1'`)[0]!.id as string;
  });
  afterAll(() => stack?.stop());

  it('a cross-site form post (Origin of another site, Referer only, or Origin null) is refused and changes nothing', async () => {
    const before = await hashOf();
    const attempts: Array<Record<string, string>> = [{ origin: 'https://evil.example' }, { referer: 'https://evil.example/page.html' }, { origin: 'null' }, { origin: `${stack.baseUrl}.evil.example` }];
    for (const headers of attempts) {
      const res = await reset(headers);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      const body = await json(res);
      expect(body.error.code).toBe('FORBIDDEN');
      expect(body.error.message).toMatch(/came from another site/);
    }
    expect(await hashOf()).toBe(before);
  });

  it('the API’s own origin, an allowed origin and a client without Origin or Referer pass', async () => {
    expect((await reset({ origin: stack.baseUrl })).status).toBe(200);
    expect((await reset({ origin: 'https://cong.dichvucong.example.vn' })).status).toBe(200);
    expect((await reset({ referer: `${stack.baseUrl}/backoffice/staff` })).status).toBe(200);
    expect((await reset({})).status).toBe(200);
  });

  it('reads are not affected', async () => {
    expect((await fetch(`${stack.baseUrl}/api/auth/me`, { headers: { cookie: manager, origin: 'https://evil.example' } })).status).toBe(200);
  });

  it('the /staff socket refuses a foreign Origin and admits its own', async () => {
    expect(await handshake({ origin: 'https://evil.example' })).toMatch(/origin/);
    expect(await handshake({ origin: stack.baseUrl })).toBe('connected');
    expect(await handshake({})).toBe('connected');
  });
});
