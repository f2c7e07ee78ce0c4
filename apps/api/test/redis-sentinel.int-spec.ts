import os from 'node:os';
import path from 'node:path';
import { rmSync } from 'node:fs';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freePort, startRedis, startSentinel } from '../../../scripts/lib/infra.mjs';
import { hallCenter, HallDisplay } from './hall-displays.js';
import { json, seed, signIn, startStack, type Stack } from './harness.js';

let tick = 0;
const clock = () => new Date(Date.parse('2026-11-25T02:00:00.000Z') + ++tick * 1000).toISOString();

/**
 * #21: the API and the worker on a Redis behind Sentinel (Debian's redis-server: a master, a
 * replica and one sentinel, all started here). Sessions, rate limits, Socket.IO and BullMQ work
 * through `redis+sentinel://`, and keep working after the master dies and the replica is promoted.
 */
describe('Redis behind Sentinel', () => {
  const tmp = path.join(os.tmpdir(), `motcua-sentinel-${process.pid}`);
  let master: Awaited<ReturnType<typeof startRedis>>;
  let replica: Awaited<ReturnType<typeof startRedis>>;
  let sentinel: Awaited<ReturnType<typeof startSentinel>>;
  let stack: Stack;
  let admin = '';
  let center: Awaited<ReturnType<typeof hallCenter>>;
  let display: HallDisplay;
  const headers = () => ({ 'content-type': 'application/json', 'accept-language': 'en', 'x-test-now': clock() });
  const send = (method: string, p: string, body?: unknown) =>
    fetch(`${stack.baseUrl}/api${p}`, { method, headers: { ...headers(), cookie: admin }, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(10_000) });
  const issueAndCall = async () => {
    expect((await send('POST', `/centers/${center.id}/tickets`, { serviceId: center.serviceId, priorityCategoryId: null })).status).toBe(201);
    const called = await send('POST', `/counters/${center.counters[0]}/call-next`, {});
    expect(called.status).toBe(200);
    const code = (await json(called)).current.code as string;
    await vi.waitFor(() => expect(display.announced.has(code)).toBe(true), { timeout: 10_000, interval: 50 });
    for (const step of ['start', 'done']) expect((await send('POST', `/counters/${center.counters[0]}/${step}`, {})).status).toBe(200);
    return code;
  };
  const role = async (port: number) => {
    const r = new Redis(port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 1 });
    try {
      await r.connect();
      return ((await r.role()) as [string])[0];
    } catch {
      return 'down';
    } finally {
      r.disconnect();
    }
  };

  beforeAll(async () => {
    master = await startRedis({ dir: path.join(tmp, 'master'), port: await freePort() });
    replica = await startRedis({ dir: path.join(tmp, 'replica'), port: await freePort(), args: ['--replicaof', '127.0.0.1', String(master.port)] });
    sentinel = await startSentinel({ dir: path.join(tmp, 'sentinel'), port: await freePort(), masterPort: master.port, name: 'motcua' });
    stack = await startStack({ worker: true, redisUrl: `redis+sentinel://127.0.0.1:${sentinel.port}/motcua` });
    const accounts = await seed(stack);
    admin = await signIn(stack, 'admin', accounts.find((a) => a.username === 'admin')!.password);
    center = await hallCenter(stack.database.sql, 'SEN', 1);
    display = new HallDisplay(stack.baseUrl, center.id, headers);
    await display.ready;
  }, 120_000);
  afterAll(async () => {
    display?.close();
    await stack?.stop();
    for (const r of [sentinel, replica, master]) await r?.stop();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('sessions, tickets, the hall display and the worker run through the master the sentinel names', async () => {
    await issueAndCall();
    // The session lives in the master (the replica has a copy): nothing went to a plain localhost Redis.
    const direct = new Redis(master.port, '127.0.0.1');
    const keys = await direct.keys(`${stack.prefix}*`);
    await direct.quit();
    expect(keys.length).toBeGreaterThan(0);
    const health = await json(await fetch(`${stack.baseUrl}/api/health`));
    expect(health.status).toBe('ok');
    const worker = await fetch(`http://127.0.0.1:${stack.env.WORKER_HEALTH_PORT}/health`);
    expect(worker.status).toBe(200);
  }, 60_000);

  it('the master dies: the sentinel promotes the replica and the API, the display and sign-in carry on', async () => {
    await master.stop();
    await vi.waitFor(async () => expect(await role(replica.port)).toBe('master'), { timeout: 30_000, interval: 250 });
    await vi.waitFor(async () => expect(await issueAndCall()).toMatch(/^A\d+/), { timeout: 30_000, interval: 500 });
    const again = await fetch(`${stack.baseUrl}/api/auth/me`, { headers: { cookie: admin } });
    expect(again.status).toBe(200);
  }, 90_000);
});
