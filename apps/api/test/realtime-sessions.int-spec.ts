import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { json, seed, signIn, startSecondApi, startStack, type Account, type Stack } from './harness.js';

/** A signed-in socket that records when and why the server closed it. */
async function connect(baseUrl: string, namespace: '/staff' | '/dashboard', cookie: string) {
  const socket: Socket = io(`${baseUrl}${namespace}`, { transports: ['websocket'], extraHeaders: { cookie }, reconnection: false });
  await new Promise<void>((resolve, reject) => {
    socket.on('connect', () => resolve());
    socket.on('connect_error', reject);
  });
  let closed: { reason: string; at: number } | undefined;
  socket.on('disconnect', (reason) => (closed = { reason, at: Date.now() }));
  return { socket, closed: () => closed };
}
/** Waits (generously) until the server has closed every one of `sockets`; the tests then check how fast it did. */
const closedByServer = (...sockets: Array<{ closed: () => { reason: string } | undefined }>) =>
  vi.waitFor(() => expect(sockets.map((s) => s.closed()?.reason)).toEqual(sockets.map(() => 'io server disconnect')), { timeout: 10_000, interval: 20 });

/**
 * Ended sessions keep no live connection, on any API instance: the close goes through Redis
 * to every instance's adapter. Two API processes share one database and Redis here.
 */
describe('signed-in sockets end with their session', () => {
  let stack: Stack;
  let second: Awaited<ReturnType<typeof startSecondApi>>;
  let accounts: Account[];
  let admin = '';
  const password = (u: string) => accounts.find((a) => a.username === u)!.password;
  const call = (base: string, method: string, path: string, cookie: string, body?: unknown) =>
    fetch(`${base}/api${path}`, { method, headers: { cookie, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const sockets: Socket[] = [];
  const open = async (...args: Parameters<typeof connect>) => {
    const s = await connect(...args);
    sockets.push(s.socket);
    return s;
  };

  beforeAll(async () => {
    stack = await startStack();
    second = await startSecondApi(stack);
    accounts = await seed(stack);
    admin = await signIn(stack, 'admin', password('admin'));
  }, 60_000);
  afterAll(async () => {
    for (const s of sockets) s.close();
    await second?.stop();
    await stack?.stop();
  });

  it('sign-out closes that session’s /staff and /dashboard sockets on both instances within a second; other sessions stay', async () => {
    const here = await signIn(stack, 'canbo.anxuyen1', password('canbo.anxuyen1'));
    const elsewhere = await signIn(stack, 'canbo.anxuyen1', password('canbo.anxuyen1'));
    const leader = await signIn(stack, 'lanhdao.anxuyen', password('lanhdao.anxuyen'));
    const mine = [await open(stack.baseUrl, '/staff', here), await open(second.baseUrl, '/dashboard', here), await open(second.baseUrl, '/staff', here)];
    const others = [await open(stack.baseUrl, '/staff', elsewhere), await open(second.baseUrl, '/dashboard', leader), await open(stack.baseUrl, '/staff', leader)];

    const at = Date.now();
    expect((await call(stack.baseUrl, 'POST', '/auth/sign-out', here)).status).toBe(200);
    await closedByServer(...mine);
    for (const s of mine) {
      expect(s.closed()?.reason).toBe('io server disconnect');
      expect(s.closed()!.at - at).toBeLessThan(1000);
    }
    expect(others.map((s) => s.socket.connected)).toEqual([true, true, true]);
    // The cookie no longer opens a socket either.
    await expect(connect(second.baseUrl, '/staff', here)).rejects.toThrow(/unauthorized/);
  });

  it('deactivating a person closes all their sockets on both instances within a second; another user’s stay', async () => {
    const target = await signIn(stack, 'canbo.anxuyen2', password('canbo.anxuyen2'));
    const leader = await signIn(stack, 'lanhdao.anxuyen', password('lanhdao.anxuyen'));
    const theirs = [await open(stack.baseUrl, '/staff', target), await open(second.baseUrl, '/dashboard', target)];
    const other = await open(second.baseUrl, '/dashboard', leader);
    const [row] = await stack.database.sql`select id from staff where username = 'canbo.anxuyen2'`;

    const at = Date.now();
    const res = await call(second.baseUrl, 'PATCH', `/staff/${row!.id}`, admin, { active: false });
    expect(res.status, JSON.stringify(await json(res))).toBe(200);
    await closedByServer(...theirs);
    for (const s of theirs) {
      expect(s.closed()?.reason).toBe('io server disconnect');
      expect(s.closed()!.at - at).toBeLessThan(1000);
    }
    expect(other.socket.connected).toBe(true);
  });

  it('a password change closes the person’s other sessions’ sockets and keeps this one’s', async () => {
    const specialist = 'chuyenvien.anxuyen';
    const here = await signIn(stack, specialist, password(specialist));
    const elsewhere = await signIn(stack, specialist, password(specialist));
    const kept = await open(stack.baseUrl, '/staff', here);
    const dropped = await open(second.baseUrl, '/staff', elsewhere);
    const res = await call(stack.baseUrl, 'POST', '/auth/change-password', here, { currentPassword: password(specialist), newPassword: 'mot-mat-khau-moi-dai' });
    expect(res.status).toBe(200);
    await closedByServer(dropped);
    expect(dropped.closed()?.reason).toBe('io server disconnect');
    expect(kept.socket.connected).toBe(true);
  });

  it('new roles close the person’s sockets; the reconnect is checked against the new roles', async () => {
    const leaderName = 'lanhdao.anxuyen';
    const cookie = await signIn(stack, leaderName, password(leaderName));
    const [unit] = await stack.database.sql`select unit_id from centers where code = 'TT-32002'`;
    const [other] = await stack.database.sql`select id, unit_id from centers where code <> 'TT-32002' and code <> 'TT-96' limit 1`;
    const [row] = await stack.database.sql`select id from staff where username = ${leaderName}`;
    const ask = (socket: Socket, room: string) => new Promise<{ ok: boolean }>((resolve) => socket.emit('subscribe', room, resolve));
    const before = await open(second.baseUrl, '/dashboard', cookie);
    expect((await ask(before.socket, `unit:${unit!.unit_id}`)).ok).toBe(true);

    const res = await call(stack.baseUrl, 'PATCH', `/staff/${row!.id}`, admin, { roles: [{ role: 'leader', scopeUnitId: other!.unit_id, scopeCenterId: null }] });
    expect(res.status, JSON.stringify(await json(res))).toBe(200);
    await closedByServer(before);
    expect(before.closed()?.reason).toBe('io server disconnect');
    const after = await open(second.baseUrl, '/dashboard', cookie);
    expect((await ask(after.socket, `unit:${unit!.unit_id}`)).ok).toBe(false);
    expect((await ask(after.socket, `unit:${other!.unit_id}`)).ok).toBe(true);
  });
});
