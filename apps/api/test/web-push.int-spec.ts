import { createECDH, createPublicKey, randomBytes, randomUUID, verify, type ECDH } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { JobName, QueueName } from '@motcua/contracts';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { json, seed, signIn, startStack, type Stack } from './harness.js';

// The maintained RFC 8188/8291 implementation (the one web-push encrypts with), to decrypt as a browser does.
const ece = createRequire(import.meta.url)('http_ece') as { decrypt(body: Buffer, params: { version: 'aes128gcm'; privateKey: ECDH; authSecret: string }): Buffer };

// Wednesday 2026-11-25 in Hồ Chí Minh City: tickets from 09:00, one a minute.
const at = (minute: number) => new Date(Date.parse('2026-11-25T02:00:00.000Z') + minute * 60_000).toISOString();
const HOURS = JSON.stringify(Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [{ start: '07:30', end: '17:00' }]])));
const b64u = (b: Buffer) => b.toString('base64url');

/** A P-256 key pair whose private key is a full 32 bytes (what VAPID and web-push expect). */
function p256(): ECDH {
  for (;;) {
    const ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
    if (ecdh.getPrivateKey().length === 32) return ecdh;
  }
}
const vapid = p256();
const VAPID = { publicKey: b64u(vapid.getPublicKey()), privateKey: b64u(vapid.getPrivateKey()), subject: 'mailto:push-test@motcua.local' };

type Received = { path: string; headers: http.IncomingHttpHeaders; body: Buffer };

/** A browser's side of a subscription: its ECDH key pair and auth secret (RFC 8291). */
function browser(endpoint: string) {
  const keys = p256();
  const auth = randomBytes(16);
  return {
    endpoint,
    subscription: { endpoint, expirationTime: null, keys: { p256dh: b64u(keys.getPublicKey()), auth: b64u(auth) } },
    open: (body: Buffer) => JSON.parse(ece.decrypt(body, { version: 'aes128gcm', privateKey: keys, authSecret: b64u(auth) }).toString('utf8')) as { title: string; body: string; tag: string },
  };
}

/** The VAPID header (RFC 8292): `vapid t=<ES256 JWT>, k=<public key>`, checked as a push service does. */
function checkVapid(header: string | undefined, audience: string): void {
  const m = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+), k=([\w-]+)$/.exec(header ?? '');
  expect(m, `Authorization: ${header}`).not.toBeNull();
  const [token, k] = [m![1]!, m![2]!];
  expect(k).toBe(VAPID.publicKey);
  const [h, p, s] = token.split('.') as [string, string, string];
  const raw = Buffer.from(k, 'base64url');
  const key = createPublicKey({ format: 'jwk', key: { kty: 'EC', crv: 'P-256', x: b64u(raw.subarray(1, 33)), y: b64u(raw.subarray(33, 65)) } });
  expect(verify('sha256', Buffer.from(`${h}.${p}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(s, 'base64url'))).toBe(true);
  expect(JSON.parse(Buffer.from(h, 'base64url').toString())).toMatchObject({ alg: 'ES256', typ: 'JWT' });
  const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
  expect(claims).toMatchObject({ aud: audience, sub: VAPID.subject });
  expect(claims.exp * 1000).toBeGreaterThan(Date.now());
}

describe('Web Push for tickets (#17)', () => {
  let stack: Stack;
  let admin = '';
  let client = 0;
  let pushService: http.Server;
  let origin = '';
  const received: Received[] = [];
  let connection: Redis;
  let citizenQueue: Queue;

  const send = (method: string, path: string, body?: unknown, opts: { cookie?: string; now?: string } = {}) =>
    fetch(`${stack.baseUrl}/api${path}`, {
      method,
      headers: { cookie: opts.cookie ?? '', 'content-type': 'application/json', 'accept-language': 'en', 'x-test-now': opts.now ?? at(30), 'x-forwarded-for': `10.19.${Math.floor(++client / 250)}.${client % 250}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const ok = async (res: Response) => {
    const body = await json(res);
    expect(res.status, JSON.stringify(body)).toBeLessThan(300);
    return body;
  };
  const subscribe = (code: string, subscription: unknown) => send('POST', `/public/tickets/${code}/push`, subscription);
  const counter = (id: string, action: string) => send('POST', `/counters/${id}/${action}`, {}, { cookie: admin });
  const to = (endpoint: string) => received.filter((r) => `${origin}${r.path}` === endpoint);
  /** Every push job has run (none waiting, delayed or active). */
  const drained = () =>
    vi.waitFor(async () => {
      const c = await citizenQueue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
      expect(Object.values(c).reduce((a, b) => a + b, 0)).toBe(0);
    }, { timeout: 30_000, interval: 100 });

  async function freshCenter(code: string, counters: number) {
    const sql = stack.database.sql;
    const [unit] = await sql`select unit_id from centers where code = 'TT-32002'`;
    const [c] = await sql`insert into centers (code, name, unit_id, opening_hours) values (${code}, ${'Trung tâm ' + code}, ${unit!.unit_id}, ${HOURS}::jsonb) returning id`;
    const [s] = await sql`insert into services (center_id, code, name_vi, name_en, ticket_prefix, typical_service_minutes, field, sort_order)
      values (${c!.id}, 'HT', 'Hộ tịch', 'Civil status', 'A', 8, 'ho_tich', 0) returning id`;
    const ids: string[] = [];
    for (let n = 1; n <= counters; n++) {
      const [k] = await sql`insert into counters (center_id, label, number, state) values (${c!.id}, ${'Quầy ' + n}, ${n}, 'open') returning id`;
      await sql`insert into counter_services (counter_id, service_id, weight) values (${k!.id}, ${s!.id}, 1)`;
      ids.push(k!.id);
    }
    return { id: c!.id as string, serviceId: s!.id as string, counters: ids };
  }
  const kiosk = async (c: { id: string; serviceId: string }, minute: number) => ok(await send('POST', `/centers/${c.id}/tickets`, { serviceId: c.serviceId }, { cookie: admin, now: at(minute) }));

  // The API and the worker as real processes (plus the seed): slower than a minute on a loaded machine.
  beforeAll(async () => {
    pushService = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
        // A subscription the browser dropped answers 410 Gone, as FCM and Mozilla's service do.
        res.writeHead(req.url?.startsWith('/gone/') ? 410 : 201).end();
      });
    });
    await new Promise<void>((r) => pushService.listen(0, '127.0.0.1', r));
    origin = `http://127.0.0.1:${(pushService.address() as AddressInfo).port}`;
    stack = await startStack({
      worker: true,
      env: { TRUST_PROXY: '1', OUTBOUND_ALLOW: '127.0.0.1', VAPID_PUBLIC_KEY: VAPID.publicKey, VAPID_PRIVATE_KEY: VAPID.privateKey, VAPID_SUBJECT: VAPID.subject },
    });
    const accounts = await seed(stack);
    admin = await signIn(stack, 'admin', accounts.find((a) => a.username === 'admin')!.password);
    connection = new Redis(process.env.MOTCUA_TEST_REDIS_URL!, { maxRetriesPerRequest: null });
    citizenQueue = new Queue(QueueName.citizen, { connection, prefix: stack.prefix });
  }, 180_000);
  afterAll(async () => {
    await citizenQueue?.close();
    connection?.disconnect();
    await stack?.stop();
    pushService?.close();
  });

  it('gives the public key and refuses endpoints that are not https (or an allowed host), bad keys and a sixth phone', async () => {
    expect(await ok(await send('GET', '/public/push/key'))).toEqual({ publicKey: VAPID.publicKey });
    const c = await freshCenter('WP-CHECK', 1);
    const t = await kiosk(c, 1);
    const plain = await subscribe(t.trackingCode, browser('http://push.example.com/x').subscription);
    expect(plain.status).toBe(400);
    expect((await json(plain)).error.details[0]).toMatchObject({ path: 'body.endpoint' });
    expect((await subscribe(t.trackingCode, browser('https://10.0.0.5/x').subscription)).status).toBe(400);
    expect((await subscribe(t.trackingCode, { ...browser('https://push.example.com/x').subscription, keys: { p256dh: 'short', auth: '' } })).status).toBe(400);
    expect((await subscribe('ZZZZZZZZZZ', browser('https://push.example.com/x').subscription)).status).toBe(404);
    for (let i = 0; i < 5; i++) expect((await subscribe(t.trackingCode, browser(`https://push.example.com/p/${i}`).subscription)).status).toBe(200);
    // The same phone again refreshes its row; a sixth one is refused.
    expect((await subscribe(t.trackingCode, browser('https://push.example.com/p/0').subscription)).status).toBe(200);
    const sixth = await subscribe(t.trackingCode, browser('https://push.example.com/p/5').subscription);
    expect(sixth.status).toBe(409);
    expect((await json(sixth)).error.message).toMatch(/5 devices/);
    await stack.database.sql`delete from push_subscriptions where ticket_id = ${t.id}`;
  }, 60_000);

  it('a push subscription receiving "3 ahead" exactly once under concurrent calls and duplicate jobs, then the call', async () => {
    const c = await freshCenter('WP-LINE', 3);
    const line = [];
    for (let i = 1; i <= 5; i++) line.push(await kiosk(c, i));
    const mine = await kiosk(c, 6);
    for (let i = 7; i <= 9; i++) await kiosk(c, i);
    const phone = browser(`${origin}/push/${randomUUID()}`);
    // The page may subscribe twice at once (two tabs): one row, no message yet (5 ahead).
    expect((await Promise.all([subscribe(mine.trackingCode, phone.subscription), subscribe(mine.trackingCode, phone.subscription)])).map((r) => r.status)).toEqual([200, 200]);
    expect((await stack.database.sql`select count(*)::int as n from push_subscriptions where ticket_id = ${mine.id}`)[0]!.n).toBe(1);
    await drained();
    expect(to(phone.endpoint)).toHaveLength(0);

    // Two calls: 3 ahead.
    await ok(await counter(c.counters[0]!, 'call-next'));
    await ok(await counter(c.counters[1]!, 'call-next'));
    await vi.waitFor(() => expect(to(phone.endpoint)).toHaveLength(1), { timeout: 30_000, interval: 100 });
    const [first] = to(phone.endpoint);
    checkVapid(first!.headers.authorization, origin);
    expect(first!.headers).toMatchObject({ 'content-encoding': 'aes128gcm', 'content-type': 'application/octet-stream', urgency: 'high' });
    expect(Number(first!.headers.ttl)).toBeGreaterThan(0);
    expect(phone.open(first!.body)).toEqual({ title: `Số ${mine.code}`, body: 'Còn 3 người nữa đến lượt bạn', tag: `ticket-${mine.code}` });

    // Load: three counters call at once, the phone subscribes again, and replicas/retries queue the same wake-up many times.
    await Promise.all([counter(c.counters[0]!, 'start'), counter(c.counters[1]!, 'start')]);
    await Promise.all([counter(c.counters[0]!, 'done'), counter(c.counters[1]!, 'done')]);
    const load = await Promise.all([
      ...c.counters.map((k) => counter(k, 'call-next')),
      subscribe(mine.trackingCode, phone.subscription),
      ...Array.from({ length: 6 }, () => citizenQueue.add(JobName.pushNotify, { centerId: c.id })),
    ]);
    // A counter that finds every candidate locked by the others (SKIP LOCKED) is told nobody waits: 409 is an honest answer here.
    for (const r of load.slice(0, 4)) expect([200, 409]).toContain((r as Response).status);
    await drained();
    expect(to(phone.endpoint).filter((m) => phone.open(m.body).body.startsWith('Còn'))).toHaveLength(1);

    // Calls go on at the third counter (no-show for the others) until mine is called somewhere.
    const where = async () => {
      for (const [i, k] of c.counters.entries()) if ((await ok(await send('GET', `/counters/${k}/workstation`, undefined, { cookie: admin }))).current?.id === mine.id) return i;
      return -1;
    };
    let at3 = await where();
    for (let n = 0; at3 < 0 && n < 6; n++) {
      const ws = await ok(await send('GET', `/counters/${c.counters[2]}/workstation`, undefined, { cookie: admin }));
      if (ws.current) await ok(await counter(c.counters[2]!, ws.current.status === 'serving' ? 'done' : 'no-show'));
      await ok(await counter(c.counters[2]!, 'call-next'));
      at3 = await where();
    }
    expect(at3).toBeGreaterThanOrEqual(0);
    // Replicas and retries queue the call's wake-up again: still one message.
    await Promise.all(Array.from({ length: 4 }, () => citizenQueue.add(JobName.pushNotify, { centerId: c.id, calledTicketId: mine.id })));
    await vi.waitFor(() => expect(to(phone.endpoint)).toHaveLength(2), { timeout: 30_000, interval: 100 });
    await drained();
    const messages = to(phone.endpoint);
    expect(messages).toHaveLength(2);
    checkVapid(messages[1]!.headers.authorization, origin);
    expect(phone.open(messages[1]!.body)).toEqual({ title: `Số ${mine.code}`, body: `Mời số ${mine.code} đến Quầy ${at3 + 1}`, tag: `ticket-${mine.code}` });
    expect((await stack.database.sql`select kind from push_sends s join push_subscriptions p on p.id = s.subscription_id where p.ticket_id = ${mine.id} order by kind`).map((r) => r.kind)).toEqual(['called', 'three_ahead']);
  }, 120_000);

  it('deletes a subscription the push service says is gone (410)', async () => {
    const c = await freshCenter('WP-GONE', 1);
    await kiosk(c, 1);
    await kiosk(c, 2);
    const t = await kiosk(c, 3);
    const gone = browser(`${origin}/gone/${randomUUID()}`);
    // 2 ahead when subscribing: the message goes at once, and the push service answers 410.
    expect((await subscribe(t.trackingCode, gone.subscription)).status).toBe(200);
    await vi.waitFor(() => expect(to(gone.endpoint)).toHaveLength(1), { timeout: 30_000, interval: 100 });
    expect(gone.open(to(gone.endpoint)[0]!.body).body).toBe('Còn 2 người nữa đến lượt bạn');
    await vi.waitFor(async () => expect((await stack.database.sql`select count(*)::int as n from push_subscriptions where ticket_id = ${t.id}`)[0]!.n).toBe(0), { timeout: 10_000, interval: 100 });
  }, 60_000);
});
