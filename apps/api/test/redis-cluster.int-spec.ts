import os from 'node:os';
import path from 'node:path';
import { rmSync } from 'node:fs';
import { Cluster } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freePort, startRedisCluster } from '../../../scripts/lib/infra.mjs';
import { hallCenter, HallDisplay } from './hall-displays.js';
import { json, seed, signIn, startStack, type Stack } from './harness.js';

let tick = 0;
const clock = () => new Date(Date.parse('2026-11-25T02:00:00.000Z') + ++tick * 1000).toISOString();

/**
 * #21: the API and the worker on a Redis Cluster of three masters (Debian's redis-server, started
 * here). Sessions, rate limits, Socket.IO and BullMQ work through `redis+cluster://`; BullMQ's keys
 * carry a hash tag so each queue stays in one slot, and the rest spreads over the nodes.
 */
describe('Redis Cluster', () => {
  const tmp = path.join(os.tmpdir(), `motcua-cluster-${process.pid}`);
  let cluster: Awaited<ReturnType<typeof startRedisCluster>>;
  let stack: Stack;
  let admin = '';
  let center: Awaited<ReturnType<typeof hallCenter>>;
  let display: HallDisplay;
  const headers = () => ({ 'content-type': 'application/json', 'accept-language': 'en', 'x-test-now': clock() });
  const send = (method: string, p: string, body?: unknown) =>
    fetch(`${stack.baseUrl}/api${p}`, { method, headers: { ...headers(), cookie: admin }, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(10_000) });

  beforeAll(async () => {
    cluster = await startRedisCluster({ dir: tmp, ports: [await freePort(), await freePort(), await freePort()] });
    stack = await startStack({ worker: true, redisUrl: cluster.url });
    const accounts = await seed(stack);
    admin = await signIn(stack, 'admin', accounts.find((a) => a.username === 'admin')!.password);
    center = await hallCenter(stack.database.sql, 'CLU', 1);
    display = new HallDisplay(stack.baseUrl, center.id, headers);
    await display.ready;
  }, 120_000);
  afterAll(async () => {
    display?.close();
    await stack?.stop();
    await cluster?.stop();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('a ticket is issued, called and announced on the hall display; the worker answers a job', async () => {
    expect((await send('POST', `/centers/${center.id}/tickets`, { serviceId: center.serviceId, priorityCategoryId: null })).status).toBe(201);
    const called = await send('POST', `/counters/${center.counters[0]}/call-next`, {});
    expect(called.status).toBe(200);
    const code = (await json(called)).current.code as string;
    await vi.waitFor(() => expect(display.announced.has(code)).toBe(true), { timeout: 10_000, interval: 50 });

    // A BullMQ job from the API to the worker and back: the self-test ping.
    const ping = await send('POST', '/system/pings', { message: 'cluster' });
    expect(ping.status).toBe(201);
    const { id } = await json(ping);
    await vi.waitFor(async () => expect((await json(await send('GET', `/system/pings/${id}`))).processedAt).not.toBeNull(), { timeout: 20_000, interval: 200 });

    const health = await json(await fetch(`${stack.baseUrl}/api/health`));
    expect(health.status).toBe('ok');
    expect((await fetch(`http://127.0.0.1:${stack.env.WORKER_HEALTH_PORT}/health`)).status).toBe(200);
  }, 60_000);

  it('the keys spread over the masters, and every BullMQ key shares the prefix hash tag', async () => {
    const direct = new Cluster(cluster.nodes.map((n) => ({ host: '127.0.0.1', port: n.port })));
    try {
      await new Promise((ready) => direct.once('ready', ready));
      const perNode = await Promise.all(direct.nodes('master').map((node) => node.keys(`*${stack.prefix}*`)));
      const keys = perNode.flat();
      // Sessions, rate-limit windows and device presence are plain keys; BullMQ's are `{prefix}:<queue>:…`.
      expect(keys.some((k) => k.startsWith(`${stack.prefix}:`))).toBe(true);
      const bull = keys.filter((k) => k.startsWith(`{${stack.prefix}}:`));
      expect(bull.length).toBeGreaterThan(0);
      expect(perNode.filter((k) => k.length > 0).length).toBeGreaterThan(1);
      const slots = new Set(await Promise.all(bull.map((k) => direct.cluster('KEYSLOT', k))));
      expect(slots.size).toBe(1);
    } finally {
      direct.disconnect();
    }
  });

  it('a public route stays rate-limited through the cluster', async () => {
    // Citizen tracking allows 20 a minute per address: the 21st within the minute is refused. (A new code each
    // time: one code has its own cap of 10 wrong tries from all addresses together.)
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await fetch(`${stack.baseUrl}/api/track?code=KHONG-CO-${i}&phoneLast4=1234`, { headers: headers() })).status);
    expect(statuses.slice(0, 20).every((s) => s !== 429)).toBe(true);
    expect(statuses[20]).toBe(429);
  }, 60_000);
});
