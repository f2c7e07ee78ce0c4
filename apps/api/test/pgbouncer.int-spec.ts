import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freePort, startPgBouncer } from '../../../scripts/lib/infra.mjs';
import { hallCenter, HallDisplay } from './hall-displays.js';
import { apiMain, jobsCompleted, json, seed, signIn, startStack, type Stack } from './harness.js';
import { waitFor } from './wait.js';

let tick = 0;
const clock = () => new Date(Date.parse('2026-11-25T02:00:00.000Z') + ++tick * 1000).toISOString();

/**
 * #21: the API and the worker through PgBouncer in transaction mode (Debian's pgbouncer, started
 * here): each transaction may run on another server connection, so no named prepared statement,
 * no session advisory lock and no LISTEN may rely on one.
 */
describe('behind PgBouncer in transaction mode', () => {
  const tmp = path.join(os.tmpdir(), `motcua-pgbouncer-${process.pid}`);
  let bouncer: Awaited<ReturnType<typeof startPgBouncer>>;
  let stack: Stack;
  let admin = '';
  let center: Awaited<ReturnType<typeof hallCenter>>;
  const headers = () => ({ 'content-type': 'application/json', 'accept-language': 'en', 'x-test-now': clock() });
  const send = (method: string, p: string, body?: unknown) =>
    fetch(`${stack.baseUrl}/api${p}`, { method, headers: { ...headers(), cookie: admin }, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(60_000) });

  beforeAll(async () => {
    bouncer = await startPgBouncer({ dir: tmp, port: await freePort(), serverUrl: process.env.MOTCUA_TEST_PG_URL! });
    stack = await startStack({
      worker: true,
      viaPooler: (direct) => {
        const url = new URL(bouncer.url);
        url.pathname = new URL(direct).pathname;
        return url.toString();
      },
      env: { ALERT_SWEEP_EVERY_MS: '1000' },
    });
    const accounts = await seed(stack);
    admin = await signIn(stack, 'admin', accounts.find((a) => a.username === 'admin')!.password);
    center = await hallCenter(stack.database.sql, 'PGB', 3);
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
    await bouncer?.stop();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('150 parallel ticket issues and calls: every one answers, numbers are unique and gap-free, the hall sees the calls', async () => {
    const display = new HallDisplay(stack.baseUrl, center.id, headers);
    try {
      await display.ready;
      // CI once saw this wait past 20 s on a slower machine: the API's last lines then say why.
      const issued = await Promise.all(Array.from({ length: 150 }, () => send('POST', `/centers/${center.id}/tickets`, { serviceId: center.serviceId, priorityCategoryId: null }))).catch((e) => {
        throw new Error(`${e}\nAPI log:\n${stack.api.tail()}`);
      });
      expect(issued.map((r) => r.status).filter((s) => s !== 201)).toEqual([]);
      const numbers = (await Promise.all(issued.map(json))).map((t) => t.number as number).sort((a, b) => a - b);
      expect(numbers).toEqual(Array.from({ length: 150 }, (_, i) => i + 1));
      const called = await Promise.all(center.counters.map((k) => send('POST', `/counters/${k}/call-next`, {})));
      expect(called.map((r) => r.status)).toEqual([200, 200, 200]);
      const codes = (await Promise.all(called.map(json))).map((w) => w.current.code as string);
      await vi.waitFor(() => expect(codes.filter((c) => !display.announced.has(c))).toEqual([]), { timeout: 10_000, interval: 50 });
    } finally {
      display.close();
    }
  }, 180_000);

  it('the worker sweeps alerts through it and leaves no advisory lock behind; staff pages read through it', async () => {
    // Sweeps run every second: a session lock taken on one server connection and "released" on another would stay.
    const swept = await jobsCompleted(stack, 'alert.sweep');
    await waitFor('three more alert sweeps', async () => (await jobsCompleted(stack, 'alert.sweep')) >= swept + 3, 30_000);
    // A sweep running right now holds its transaction lock; one left behind would be held at every look.
    await waitFor('no sweep lock held between sweeps', async () => (await stack.database.sql`select count(*)::int as n from pg_locks where locktype = 'advisory' and objid = 6001 and granted`)[0]!.n === 0, 10_000);
    const dossiers = await send('GET', `/dossiers?limit=5`);
    expect(dossiers.status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${stack.env.WORKER_HEALTH_PORT}/health`)).status).toBe(200);
  }, 30_000);

  it('refuses to run migrations through the pooler, and says what to set', () => {
    const r = spawnSync(process.execPath, [apiMain], { env: { PATH: process.env.PATH, DATABASE_URL: bouncer.url, DATABASE_POOLER: 'pgbouncer', REDIS_URL: 'redis://127.0.0.1:1', PORT: '1' }, encoding: 'utf8', timeout: 30_000 });
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toContain('behind PgBouncer, migrations need DATABASE_DIRECT_URL');
  });
});
