import { spawn } from 'node:child_process';
import net from 'node:net';
import { QueueName } from '@motcua/contracts';
import { closeRedis, createRedis } from '@motcua/platform';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freePort } from '../../../scripts/lib/infra.mjs';
import { waitForHttp } from '../../../scripts/lib/proc.mjs';
import { json, startStack, workerMain, type Stack } from './harness.js';

describe('worker process', () => {
  let stack: Stack;
  let health = '';
  beforeAll(async () => {
    const port = await freePort();
    health = `http://127.0.0.1:${port}/health`;
    stack = await startStack({ empty: true, worker: true, env: { WORKER_HEALTH_PORT: String(port) } });
    if (!(await waitForHttp(health, stack.worker, 30_000))) throw new Error(`worker did not start:\n${stack.worker!.tail()}`);
  });
  afterAll(() => stack?.stop());

  it('answers GET /health with both dependencies up, and nothing else', async () => {
    const res = await fetch(health);
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ status: 'ok', checks: { postgres: { status: 'up' }, redis: { status: 'up' } } });
    expect((await fetch(health.replace('/health', '/other'))).status).toBe(404);
  });

  it('fails a malformed job at once, without retries', async () => {
    const connection = createRedis(process.env.MOTCUA_TEST_REDIS_URL!, 'bullmq');
    const queue = new Queue(QueueName.system, { connection, prefix: stack.prefix });
    try {
      const job = await queue.add('system.ping', { pingId: 'not-a-uuid' }, { attempts: 5, backoff: { type: 'fixed', delay: 10 } });
      await vi.waitFor(async () => expect(await job.getState()).toBe('failed'), { timeout: 20_000, interval: 100 });
      const failed = (await queue.getJob(job.id!))!;
      expect(failed.attemptsMade).toBe(1);
      expect(failed.failedReason).toMatch(/^Malformed system\.ping payload: pingId/);
    } finally {
      await queue.close();
      await closeRedis(connection);
    }
  });
});

describe('worker start-up failures end with one clear line', () => {
  const run = (env: Record<string, string | undefined>) =>
    new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [workerMain], { env: { PATH: process.env.PATH, ...env } as NodeJS.ProcessEnv });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.on('exit', (code) => resolve({ code, stderr }));
    });

  it('names a missing variable', async () => {
    const r = await run({ REDIS_URL: process.env.MOTCUA_TEST_REDIS_URL });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^motcua-worker: cannot start: Invalid configuration: DATABASE_URL: is required/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('says which health port is taken', async () => {
    const server = net.createServer().listen(0);
    await new Promise((r) => server.once('listening', r));
    const port = (server.address() as net.AddressInfo).port;
    try {
      const r = await run({ DATABASE_URL: process.env.MOTCUA_TEST_PG_URL, REDIS_URL: process.env.MOTCUA_TEST_REDIS_URL, REDIS_PREFIX: `w${port}`, WORKER_HEALTH_PORT: String(port), LOG_LEVEL: 'silent' });
      expect(r.code).toBe(1);
      expect(r.stderr.trim()).toBe(`motcua-worker: cannot start: health port ${port} is already in use (set WORKER_HEALTH_PORT)`);
    } finally {
      server.close();
    }
  });
});
