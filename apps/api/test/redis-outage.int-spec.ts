import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freePort, startRedis } from '../../../scripts/lib/infra.mjs';
import { hallCenter, HallDisplay } from './hall-displays.js';
import { waitFor } from './wait.js';
import { json, openCounters, seed, signIn, startStack, type Stack } from './harness.js';

// From Wednesday 2026-11-25, 09:00 in Hồ Chí Minh City, a second later at each request, so calls have an order.
let tick = 0;
const clock = () => new Date(Date.parse('2026-11-25T02:00:00.000Z') + ++tick * 1000).toISOString();

/**
 * Redis stopped under load, back empty, then flushed: nobody is told a lie and no call goes
 * unseen (issue #20). This suite has a redis-server of its own: stopping the shared one would
 * break other suites.
 */
describe('Redis outages', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let redisPort: number;
  let stack: Stack;
  let admin = '';
  let password = '';
  let center: Awaited<ReturnType<typeof hallCenter>>;
  let displays: HallDisplay[] = [];
  const tmp = path.join(os.tmpdir(), `motcua-redis-outage-${process.pid}`);
  const headers = () => ({ 'content-type': 'application/json', 'accept-language': 'en', 'x-test-now': clock() });
  const send = (method: string, p: string, body?: unknown, cookie = admin) =>
    fetch(`${stack.baseUrl}/api${p}`, { method, headers: { ...headers(), cookie }, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(10_000) });

  /** call-next → start → done on every counter; the codes each call answered, and every status. */
  async function serveRound(statuses: number[]): Promise<string[]> {
    const codes: string[] = [];
    await Promise.all(
      center.counters.map(async (counterId) => {
        const called = await send('POST', `/counters/${counterId}/call-next`, {});
        statuses.push(called.status);
        if (called.status === 200) codes.push((await json(called)).current.code);
        for (const step of ['start', 'done']) statuses.push((await send('POST', `/counters/${counterId}/${step}`, {})).status);
      }),
    );
    return codes;
  }
  const latestInDb = async () =>
    new Map(
      (await stack.database.sql`select distinct on (counter_id) counter_id, code from tickets where center_id = ${center.id} and called_at is not null order by counter_id, called_at desc`).map((r) => [
        r.counter_id as string,
        r.code as string,
      ]),
    );

  beforeAll(async () => {
    redisPort = await freePort();
    redis = await startRedis({ dir: path.join(tmp, 'a'), port: redisPort });
    stack = await startStack({ redisUrl: redis.url });
    const accounts = await seed(stack);
    // The kiosk issues only for services an open counter serves (#18 item 1).
    await openCounters(stack);
    password = accounts.find((a) => a.username === 'admin')!.password;
    admin = await signIn(stack, 'admin', password);
    center = await hallCenter(stack.database.sql, 'R-OUT', 3);
    for (let i = 0; i < 40; i++) expect((await send('POST', `/centers/${center.id}/tickets`, { serviceId: center.serviceId, priorityCategoryId: null })).status).toBe(201);
    displays = Array.from({ length: 4 }, () => new HallDisplay(stack.baseUrl, center.id, headers));
    await Promise.all(displays.map((d) => d.ready));
    // Calls before the outage reach every display: the path works.
    const before = await serveRound([]);
    await vi.waitFor(() => expect(displays.every((d) => before.every((c) => d.announced.has(c)))).toBe(true), { timeout: 5000 });
  }, 120_000);
  afterAll(async () => {
    for (const d of displays) d.close();
    await stack?.stop();
    await redis?.stop();
  });

  it('Redis stopped: every command answers 2xx with what it did, public pages and sign-in keep working, and the calls made meanwhile reach every display within 5 s of its return', async () => {
    await redis.stop();
    const statuses: number[] = [];
    const during: string[] = [];
    for (let round = 0; round < 3; round++) during.push(...(await serveRound(statuses)));
    const issued = await send('POST', `/centers/${center.id}/tickets`, { serviceId: center.serviceId, priorityCategoryId: null });
    const snapshot = await send('GET', `/public/centers/${center.id}/display`);
    const kiosk = await send('GET', `/public/centers/${center.id}/kiosk`);
    const signInAgain = await fetch(`${stack.baseUrl}/api/auth/sign-in`, { method: 'POST', headers: headers(), body: JSON.stringify({ username: 'admin', password }) });

    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(during).toHaveLength(9);
    // What answered 200 is exactly what was saved.
    const [{ n }] = (await stack.database.sql`select count(*)::int as n from ticket_events e join tickets t on t.id = e.ticket_id where t.center_id = ${center.id} and e.kind = 'called' and t.code = any(${during})`) as unknown as [{ n: number }];
    expect(n).toBe(9);
    expect(issued.status).toBe(201);
    expect(snapshot.status).toBe(200);
    expect((await json(snapshot)).epoch).toBeNull();
    expect(kiosk.status).toBe(200);
    expect(signInAgain.status).toBe(200);

    // Back, and empty (a restart without its data): the waiting events go out under a new epoch.
    redis = await startRedis({ dir: path.join(tmp, 'b'), port: redisPort });
    const back = Date.now();
    await vi.waitFor(() => expect(displays.map((d) => during.filter((c) => !d.announced.has(c)))).toEqual(displays.map(() => [])), { timeout: 5000, interval: 50 });
    expect(Date.now() - back).toBeLessThanOrEqual(5000);
    const latest = await latestInDb();
    await vi.waitFor(() => expect(displays.every((d) => [...latest].every(([k, code]) => d.latest.get(k) === code))).toBe(true), { timeout: 5000 });
    // The relay deletes what it published in its own transaction, just after the displays have it.
    await waitFor('the outbox to drain', async () => ((await stack.database.sql`select count(*)::int as pending from realtime_outbox`) as unknown as [{ pending: number }])[0].pending === 0, 10_000);
  }, 60_000);

  it('Redis flushed under connected displays: the new numbering is a reset, not stale events, and every display shows the right calls', async () => {
    const flusher = new Redis(redis.url);
    await flusher.flushall();
    await flusher.quit();
    const after: string[] = [];
    for (let round = 0; round < 2; round++) after.push(...(await serveRound([])));
    expect(after).toHaveLength(6);
    await vi.waitFor(() => expect(displays.every((d) => after.every((c) => d.announced.has(c)))).toBe(true), { timeout: 5000, interval: 50 });
    const latest = await latestInDb();
    await vi.waitFor(() => expect(displays.every((d) => [...latest].every(([k, code]) => d.latest.get(k) === code))).toBe(true), { timeout: 5000 });
    expect(displays.every((d) => d.resyncs >= 2)).toBe(true);
  }, 60_000);
});
