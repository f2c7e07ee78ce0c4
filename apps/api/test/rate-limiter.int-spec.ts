import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { closeRedis, createLogger, createRedis, DependencyWatch } from '@motcua/platform';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, startRedis } from '../../../scripts/lib/infra.mjs';
import { ApiError } from '../src/common/api-error.js';
import { RateLimiter } from '../src/common/rate-limiter.js';
import type { ApiConfig } from '../src/config/config.js';

const rule = { limit: 5, windowSeconds: 2 };
const config = { REDIS_PREFIX: `rl${randomBytes(4).toString('hex')}` } as ApiConfig;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** 'ok', or the seconds a 429 asks to wait. */
async function verdict(limiter: RateLimiter, client: string): Promise<'ok' | number> {
  try {
    await limiter.hit('GET:/public/x', client, rule);
    return 'ok';
  } catch (e) {
    if (e instanceof ApiError && e.status === 429) return (e.details as { retryAfterSeconds: number }).retryAfterSeconds;
    throw e;
  }
}

describe('rate limits of public routes', () => {
  const redis = createRedis(process.env.MOTCUA_TEST_REDIS_URL!);
  const dead = createRedis('redis://127.0.0.1:1');
  const quiet = createLogger('test', 'silent');
  afterAll(async () => {
    await closeRedis(redis);
    dead.disconnect();
  });

  it('count over a sliding window: a burst at the end of one clock window and the start of the next is not twice the limit', async () => {
    const limiter = new RateLimiter(redis, config, new DependencyWatch(quiet));
    // Just before a 2 s boundary of the clock, where a fixed window would start counting from zero.
    while (Date.now() % 2000 < 1400 || Date.now() % 2000 > 1600) await sleep(20);
    const first = Date.now();
    for (let i = 0; i < 5; i++) expect(await verdict(limiter, 'a')).toBe('ok');
    const fifth = Date.now();
    expect(await verdict(limiter, 'a')).toBeGreaterThanOrEqual(1);
    while (Date.now() % 2000 > 1000) await sleep(20);
    // A new clock window, but the five requests are less than 2 s old.
    expect(Date.now() - first).toBeLessThan(1800);
    expect(await verdict(limiter, 'a')).toBeGreaterThanOrEqual(1);
    expect(await verdict(limiter, 'b')).toBe('ok');
    // Once they are older than the window, requests pass again (refused ones are not counted).
    await sleep(Math.max(0, fifth + 2100 - Date.now()));
    expect(await verdict(limiter, 'a')).toBe('ok');
  });

  it('with Redis down, each instance keeps the same limit locally and answers at once', async () => {
    const limiter = new RateLimiter(dead, config, new DependencyWatch(quiet));
    const started = performance.now();
    for (let i = 0; i < 5; i++) expect(await verdict(limiter, 'c')).toBe('ok');
    expect(await verdict(limiter, 'c')).toBeGreaterThanOrEqual(1);
    expect(await verdict(limiter, 'd')).toBe('ok');
    // The first check waits for Redis briefly (then the watch knows it is down); the rest do not wait.
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('when Redis is slow to answer, the local limit decides from what already passed, not from a fresh quota', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'motcua-rl-slow-'));
    const own = await startRedis({ dir, port: await freePort() });
    const client = createRedis(own.url);
    const admin = createRedis(own.url);
    const ready = (r: typeof client) => (r.status === 'ready' ? undefined : new Promise((resolve) => r.once('ready', resolve)));
    try {
      await Promise.all([ready(client), ready(admin)]);
      const limiter = new RateLimiter(client, config, new DependencyWatch(quiet));
      for (let i = 0; i < 5; i++) expect(await verdict(limiter, 'e')).toBe('ok');
      // Redis stays up but answers nobody for a second: the shared check gives up after 250 ms.
      await admin.client('PAUSE', 1000, 'ALL');
      expect(await verdict(limiter, 'e')).toBeGreaterThanOrEqual(1);
      expect(await verdict(limiter, 'f')).toBe('ok');
    } finally {
      client.disconnect();
      admin.disconnect();
      await own.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
