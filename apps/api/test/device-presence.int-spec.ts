import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freePort } from '../../../scripts/lib/infra.mjs';
import { startApp, waitForHttp } from '../../../scripts/lib/proc.mjs';
import { apiMain, json, signIn, startStack, type Stack } from './harness.js';

const TTL_MS = 1500;

/** #18 item 12: a paired device's socket is its presence, kept in Redis with a TTL so a dead API instance cannot keep it online. */
describe('device presence', () => {
  let stack: Stack;
  let manager = '';
  let centerId = '';
  const sockets: Socket[] = [];
  const call = (method: string, path: string, cookie: string, body?: unknown, base = stack.baseUrl) =>
    fetch(`${base}/api${path}`, { method, headers: { cookie, 'content-type': 'application/json', 'accept-language': 'en' }, body: body === undefined ? undefined : JSON.stringify(body) });

  beforeAll(async () => {
    stack = await startStack({ env: { DEVICE_PRESENCE_TTL_MS: String(TTL_MS) } });
    const account = stack.accounts!.find((a) => a.username === 'quanly.anxuyen')!;
    manager = await signIn(stack, account.username, account.password);
    const [c] = await stack.database.sql`select id from centers where code = 'TT-32002'`;
    centerId = c!.id;
  }, 120_000);
  afterAll(async () => {
    for (const s of sockets) s.close();
    await stack?.stop();
  });

  /** A device paired through the manager's code: its cookie. */
  const pairDevice = async (kind: 'kiosk' | 'display', name: string) => {
    const created = await json(await call('POST', `/centers/${centerId}/devices`, manager, { kind, name }));
    const paired = await call('POST', '/devices/pair', '', { code: created.pairingCode });
    return { id: created.device.id as string, cookie: paired.headers.getSetCookie()[0]!.split(';')[0]! };
  };
  const connect = async (base: string, cookie: string) => {
    const socket = io(`${base}/public`, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { cookie } });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return socket;
  };
  const listed = async (id: string) => {
    const list = await json(await call('GET', `/centers/${centerId}/devices`, manager));
    return list.find((d: { id: string }) => d.id === id) as { online: boolean; lastSeenAt: string | null };
  };

  it('a connected device is online and its last-seen moves; it goes offline when its socket closes', async () => {
    const kiosk = await pairDevice('kiosk', 'Ki-ốt sảnh');
    expect(await listed(kiosk.id)).toMatchObject({ online: false, lastSeenAt: null });
    const socket = await connect(stack.baseUrl, kiosk.cookie);
    await vi.waitFor(async () => expect((await listed(kiosk.id)).online).toBe(true), { timeout: 10_000, interval: 100 });
    const first = (await listed(kiosk.id)).lastSeenAt!;
    expect(first).not.toBeNull();
    // Renewed every third of the TTL while connected.
    await vi.waitFor(async () => expect(Date.parse((await listed(kiosk.id)).lastSeenAt!)).toBeGreaterThan(Date.parse(first)), { timeout: 10_000, interval: 200 });
    expect((await listed(kiosk.id)).online).toBe(true);
    socket.close();
    await vi.waitFor(async () => expect((await listed(kiosk.id)).online).toBe(false), { timeout: 10_000, interval: 100 });
    expect((await listed(kiosk.id)).lastSeenAt).not.toBeNull();
  });

  it('an anonymous or revoked socket is no device', async () => {
    const tv = await pairDevice('display', 'TV bị thu hồi');
    expect((await call('POST', `/devices/${tv.id}/revoke`, manager)).status).toBe(200);
    await connect(stack.baseUrl, tv.cookie);
    await connect(stack.baseUrl, '');
    // A valid device connecting after them is seen: their handshakes were handled by then.
    const kiosk = await pairDevice('kiosk', 'Ki-ốt đối chứng');
    await connect(stack.baseUrl, kiosk.cookie);
    await vi.waitFor(async () => expect((await listed(kiosk.id)).online).toBe(true), { timeout: 10_000, interval: 100 });
    expect(await listed(tv.id)).toMatchObject({ online: false, lastSeenAt: null });
  });

  it('a device on a second API instance shows online on the first, and offline within the TTL after that instance is SIGKILLed', async () => {
    const port = await freePort();
    const second = startApp('api2', apiMain, { ...stack.env, PORT: String(port) }, { quiet: true });
    const base = `http://127.0.0.1:${port}`;
    try {
      expect(await waitForHttp(`${base}/api/health`, second, 60_000)).toBeTruthy();
      const tv = await pairDevice('display', 'TV tầng 2');
      await connect(base, tv.cookie);
      await vi.waitFor(async () => expect((await listed(tv.id)).online).toBe(true), { timeout: 10_000, interval: 100 });
      const killedAt = Date.now();
      second.child.kill('SIGKILL');
      await vi.waitFor(async () => expect((await listed(tv.id)).online).toBe(false), { timeout: 15_000, interval: 100 });
      // Not before its last renewal's TTL ran out: the instance did not say goodbye.
      expect(Date.now() - killedAt).toBeLessThan(TTL_MS + 5_000);
    } finally {
      await second.stop();
    }
  });
});
