import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, openCounters, seed, signIn, startStack, type Stack } from './harness.js';

// Wednesday 2026-11-25, 09:00 in Hồ Chí Minh City: the demo centers are open.
const MORNING = '2026-11-25T02:00:00.000Z';
const TOKEN = 'metrics-token-for-the-test-0123';

/** The value of one sample line (`name{labels} value`), 0 when the series does not exist yet. */
function sample(text: string, name: string, labels: Record<string, string>): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}

describe('/metrics on the API and the worker', () => {
  let stack: Stack;
  let admin = '';
  const scrape = (url: string, headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` }) => fetch(url, { headers });

  beforeAll(async () => {
    stack = await startStack({ worker: true, env: { METRICS_TOKEN: TOKEN } });
    const accounts = await seed(stack);
    // The kiosk issues only for services an open counter serves (#18 item 1).
    await openCounters(stack);
    admin = await signIn(stack, 'admin', accounts.find((a) => a.username === 'admin')!.password);
  });
  afterAll(() => stack?.stop());

  it('a ticket issued moves its center counter and the route histogram, and nothing else', async () => {
    const [center] = await stack.database.sql`select c.id, s.id as service_id from centers c join services s on s.center_id = c.id where c.code = 'TT-32002' order by s.sort_order limit 1`;
    const route = '/api/centers/:centerId/tickets';
    const before = await (await scrape(`${stack.baseUrl}/metrics`)).text();

    const res = await fetch(`${stack.baseUrl}/api/centers/${center!.id}/tickets`, {
      method: 'POST',
      headers: { cookie: admin, 'content-type': 'application/json', 'x-test-now': MORNING },
      body: JSON.stringify({ serviceId: center!.service_id }),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const after = await (await scrape(`${stack.baseUrl}/metrics`)).text();

    expect(sample(after, 'motcua_tickets_issued_total', { center: center!.id }) - sample(before, 'motcua_tickets_issued_total', { center: center!.id })).toBe(1);
    const count = (t: string) => sample(t, 'motcua_http_request_duration_seconds_count', { route, method: 'POST', status: '201' });
    expect(count(after) - count(before)).toBe(1);
    // Labelled by the pattern: no series carries the raw id of the center.
    expect(after).not.toMatch(new RegExp(`route="[^"]*${center!.id}`));
    expect(sample(after, 'motcua_pg_pool_max', {})).toBeGreaterThan(0);
    expect(sample(after, 'motcua_redis_rtt_seconds', {})).toBeGreaterThan(0);
  });

  it('a hall display connected to a center counts as its screen, and drops to 0 when it leaves', async () => {
    const [center] = await stack.database.sql`select id from centers where code = 'TT-32002'`;
    const screens = async () => sample(await (await scrape(`${stack.baseUrl}/metrics`)).text(), 'motcua_center_screens', { center: center!.id });
    const display = io(`${stack.baseUrl}/public`, { transports: ['websocket'] });
    await new Promise<void>((resolve) => display.on('connect', () => resolve()));
    await new Promise((resolve) => display.emit('subscribe', `center:${center!.id}`, resolve));
    expect(await screens()).toBe(1);
    expect(sample(await (await scrape(`${stack.baseUrl}/metrics`)).text(), 'motcua_sockets', { namespace: '/public' })).toBe(1);
    display.disconnect();
    await expect.poll(screens, { timeout: 10_000, interval: 100 }).toBe(0);
  });

  it('the worker reports its queues, their lag and the Redis round trip', async () => {
    const health = stack.env.WORKER_HEALTH_PORT;
    const text = await (await scrape(`http://127.0.0.1:${health}/metrics`)).text();
    expect(text).toContain('service="worker"');
    for (const queue of ['alerts', 'analytics']) expect(text).toMatch(new RegExp(`motcua_queue_jobs\\{[^}]*queue="${queue}"[^}]*state="delayed"`));
    expect(text).toMatch(/^motcua_queue_lag_seconds\{/m);
    expect(sample(text, 'motcua_redis_rtt_seconds', {})).toBeGreaterThan(0);
  });

  it('is refused without the token, and through a proxy', async () => {
    for (const url of [`${stack.baseUrl}/metrics`, `http://127.0.0.1:${stack.env.WORKER_HEALTH_PORT}/metrics`]) {
      const none = await scrape(url, {});
      expect(none.status).toBe(403);
      expect((await json(none)).error.code).toBe('FORBIDDEN');
      expect((await scrape(url, { authorization: `Bearer ${TOKEN}x` })).status).toBe(403);
    }
    // Under /api (what nginx proxies) there is no metrics route at all.
    expect((await fetch(`${stack.baseUrl}/api/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
  });
});
