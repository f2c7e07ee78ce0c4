import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freePort, startPostgres } from '../../../scripts/lib/infra.mjs';
import { hallCenter } from './hall-displays.js';
import { openCounters, seed, signIn, startStack, type Stack } from './harness.js';

const MORNING = '2026-11-25T02:00:00.000Z';

/**
 * PostgreSQL stopped and started again under traffic: requests fail fast with 503 and Retry-After
 * (never 500, never a long hang) and succeed again as soon as it is back. A PostgreSQL server of
 * this suite's own: stopping the shared one would break other suites.
 */
describe('PostgreSQL outage', () => {
  let pg: Awaited<ReturnType<typeof startPostgres>>;
  let pgPort: number;
  let stack: Stack;
  let admin = '';
  let center: Awaited<ReturnType<typeof hallCenter>>;
  const dir = path.join(os.tmpdir(), `motcua-pg-outage-${process.pid}`);
  const headers = { 'content-type': 'application/json', 'accept-language': 'en', 'x-test-now': MORNING };
  const timed = async (method: string, p: string, body?: unknown) => {
    const started = performance.now();
    try {
      const res = await fetch(`${stack.baseUrl}/api${p}`, { method, headers: { ...headers, cookie: admin }, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(15_000) });
      return { status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.json().catch(() => null), ms: performance.now() - started };
    } catch {
      return { status: 0, retryAfter: null, body: null, ms: performance.now() - started };
    }
  };
  const mix = () => [
    timed('POST', `/centers/${center.id}/tickets`, { serviceId: center.serviceId, priorityCategoryId: null }),
    timed('GET', `/public/centers/${center.id}/display`),
    timed('POST', `/counters/${center.counters[0]}/call-next`, {}),
    timed('GET', '/auth/me'),
  ];

  beforeAll(async () => {
    pgPort = await freePort();
    pg = await startPostgres({ dir, port: pgPort, persistent: true });
    const { prepareTemplate } = await import('@motcua/db/testing');
    // createTestDatabase clones from this server's template (this file runs in its own process).
    process.env.MOTCUA_TEST_PG_URL = pg.url;
    process.env.MOTCUA_TEST_TEMPLATE = 'outage_template';
    await prepareTemplate(pg.url, 'outage_template');
    stack = await startStack();
    const accounts = await seed(stack);
    // The kiosk issues only for services an open counter serves (#18 item 1).
    await openCounters(stack);
    admin = await signIn(stack, 'admin', accounts.find((a) => a.username === 'admin')!.password);
    center = await hallCenter(stack.database.sql, 'P-OUT', 2);
    for (let i = 0; i < 3; i++) await timed('POST', `/centers/${center.id}/tickets`, { serviceId: center.serviceId, priorityCategoryId: null });
  }, 180_000);
  afterAll(async () => {
    await stack?.api.stop();
    await stack?.database.close().catch(() => {});
    await pg?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('while it is down every request answers 503 with Retry-After within 2 s; once back, requests succeed at once', async () => {
    expect((await Promise.all(mix())).map((r) => r.status)).toEqual([201, 200, 200, 200]);
    expect((await Promise.all(mix())).map((r) => r.status)).toEqual([201, 200, 409, 200]);

    // In flight while it stops (answered, never 500), then during the outage (503 within 2 s).
    const inFlight = Promise.all(Array.from({ length: 5 }, mix).flat());
    await pg.stop();
    const stopping = await inFlight;
    const down = [];
    for (let i = 0; i < 3; i++) down.push(...(await Promise.all(mix())));
    expect([...stopping, ...down].filter((r) => r.status === 500 || r.status === 0)).toEqual([]);
    const unavailable = down.filter((r) => r.status === 503);
    expect(unavailable).toHaveLength(12);
    for (const r of unavailable) {
      expect(r.ms).toBeLessThan(2000);
      expect(r.retryAfter).toBe('5');
      expect(r.body).toMatchObject({ error: { code: 'SERVICE_UNAVAILABLE' } });
    }

    pg = await startPostgres({ dir, port: pgPort, persistent: true });
    const back = performance.now();
    await vi.waitFor(async () => expect((await Promise.all(mix())).filter((r) => r.status >= 500)).toEqual([]), { timeout: 10_000, interval: 100 });
    // "At once": the first round after the server accepts connections, give or take a reconnect.
    expect(performance.now() - back).toBeLessThan(3000);
  }, 120_000);
});
