import { spawn } from 'node:child_process';
import net from 'node:net';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../scripts/lib/infra.mjs';
import { apiMain, json, seed, signIn, startStack, type Stack } from './harness.js';
import { waitFor } from './wait.js';

let cookie = '';
const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', cookie, ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
const get = (url: string, headers: Record<string, string> = {}) => fetch(url, { headers: { cookie, ...headers } });

describe('API, Postgres, BullMQ, worker and Socket.IO wired together', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ worker: true });
    const admin = (await seed(stack)).find((a) => a.role === 'admin')!;
    cookie = await signIn(stack, admin.username, admin.password);
  });
  afterAll(() => stack?.stop());

  it('writes a row through the API and reads it back', async () => {
    const created = await post(`${stack.baseUrl}/api/system/pings`, { message: 'xin chào' });
    expect(created.status).toBe(201);
    const ping = await json(created);
    const [row] = await stack.database.sql`select message from system_pings where id = ${ping.id}`;
    expect(row!.message).toBe('xin chào');
    const read = await json(await get(`${stack.baseUrl}/api/system/pings/${ping.id}`));
    expect(read).toMatchObject({ id: ping.id, message: 'xin chào' });
  });

  it('answers bad input with field-level messages in the caller’s language, and writes nothing', async () => {
    const before = await stack.database.sql`select count(*)::int as n from system_pings`;
    const vi = await post(`${stack.baseUrl}/api/system/pings`, { message: '   ' });
    expect(vi.status).toBe(400);
    expect(await json(vi)).toEqual({ error: { code: 'VALIDATION_FAILED', message: expect.stringMatching(/hợp lệ/), details: [{ path: 'body.message', message: 'Hãy nhập nội dung' }] } });
    const en = await post(`${stack.baseUrl}/api/system/pings`, { message: 'x'.repeat(201) }, { 'accept-language': 'en-US,en' });
    expect((await json(en)).error.details).toEqual([{ path: 'body.message', message: 'Message must be at most 200 characters' }]);
    const broken = await post(`${stack.baseUrl}/api/system/pings`, '{"message":');
    expect(broken.status).toBe(400);
    expect((await json(broken)).error.code).toBe('VALIDATION_FAILED');
    const badId = await get(`${stack.baseUrl}/api/system/pings/not-a-uuid`, { 'accept-language': 'en' });
    expect((await json(badId)).error.details[0]).toEqual({ path: 'params.id', message: 'Ping id must be a UUID' });
    const after = await stack.database.sql`select count(*)::int as n from system_pings`;
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('answers unknown routes and missing rows with 404 in the one error shape', async () => {
    const unknown = await fetch(`${stack.baseUrl}/api/does-not-exist`);
    expect(unknown.status).toBe(404);
    expect(await json(unknown)).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
    const missing = await get(`${stack.baseUrl}/api/system/pings/00000000-0000-4000-8000-000000000000`, { 'accept-language': 'en' });
    expect(await json(missing)).toEqual({ error: { code: 'NOT_FOUND', message: 'This ping not found' } });
  });

  it('a job enqueued by the API is processed by the worker, which pushes a sequenced Socket.IO event', async () => {
    const socket = io(`${stack.baseUrl}/staff`, { transports: ['websocket'], extraHeaders: { cookie } });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => socket.emit('subscribe', 'system', (ack: { ok: boolean }) => (ack.ok ? resolve() : reject(new Error('subscribe refused')))));
        socket.once('connect_error', reject);
      });
      const events: Array<{ seq: number; data: { id: string; processedAt: string } }> = [];
      socket.on('system.pong', (e) => events.push(e));
      const a = await json(await post(`${stack.baseUrl}/api/system/pings`, { message: 'một' }));
      const b = await json(await post(`${stack.baseUrl}/api/system/pings`, { message: 'hai' }));
      await waitFor('both pongs', () => events.length >= 2, 10_000);
      expect(events.map((e) => e.data.id).sort()).toEqual([a.id, b.id].sort());
      expect(events[1]!.seq).toBe(events[0]!.seq + 1);
      const read = await json(await get(`${stack.baseUrl}/api/system/pings/${a.id}`));
      expect(read.processedAt).not.toBeNull();
    } finally {
      socket.close();
    }
  });

  it('refuses rooms a namespace does not allow', async () => {
    const socket = io(`${stack.baseUrl}/public`, { transports: ['websocket'] });
    try {
      const ack = await new Promise<{ ok: boolean }>((resolve) => socket.on('connect', () => socket.emit('subscribe', 'system', resolve)));
      expect(ack.ok).toBe(false);
    } finally {
      socket.close();
    }
  });

  it('serves OpenAPI generated from the contracts, and Swagger UI', async () => {
    const spec = await json(await fetch(`${stack.baseUrl}/api/docs/openapi.json`));
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/system/pings', '/api/system/pings/{id}']));
    const page = await fetch(`${stack.baseUrl}/api/docs`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('swagger-ui-bundle.js');
    expect((await fetch(`${stack.baseUrl}/api/docs/assets/swagger-ui-bundle.js`)).status).toBe(200);
  });

  it('rate-limits sign-in per address with 429 and Retry-After', async () => {
    // 61 > 2 × 30: even when a window boundary splits the burst, one window overflows.
    const answers = await Promise.all(Array.from({ length: 61 }, () => post(`${stack.baseUrl}/api/auth/sign-in`, { username: 'nobody', password: 'x' })));
    const limited = answers.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(Number(limited[0]!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await json(limited[0]!)).error.code).toBe('RATE_LIMITED');
  });
});

describe('health follows Redis', () => {
  it('turns 503 naming Redis when it stops, and 200 when it returns', async () => {
    const { startRedis } = await import('../../../scripts/lib/infra.mjs');
    const port = await freePort();
    const dir = `/tmp/motcua-health-${port}`;
    let redis = await startRedis({ dir, port });
    let stack: Stack | undefined;
    try {
      stack = await startStack({ redisUrl: redis.url });
      expect((await fetch(`${stack.baseUrl}/api/health`)).status).toBe(200);
      await redis.stop();
      const down = await fetch(`${stack.baseUrl}/api/health`);
      expect(down.status).toBe(503);
      const body = await json(down);
      expect(body.checks.redis.status).toBe('down');
      expect(body.checks.postgres.status).toBe('up');
      redis = await startRedis({ dir, port });
      await waitFor('health back to 200', async () => (await fetch(`${stack!.baseUrl}/api/health`)).status === 200, 15_000);
    } finally {
      await stack?.stop();
      await redis.stop();
    }
  });
});

describe('start-up failures end with one clear line', () => {
  const run = (env: Record<string, string | undefined>) =>
    new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [apiMain], { env: { PATH: process.env.PATH, ...env } as NodeJS.ProcessEnv });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.on('exit', (code) => resolve({ code, stderr }));
    });

  it('names a missing or malformed variable', async () => {
    const r = await run({ REDIS_URL: 'redis://127.0.0.1:1', PORT: 'eighty' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^motcua-api: cannot start: Invalid configuration: /);
    expect(r.stderr).toContain('DATABASE_URL: is required');
    expect(r.stderr).toContain('PORT: must be a number');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('says which port is taken', async () => {
    const server = net.createServer().listen(0, '0.0.0.0');
    await new Promise((r) => server.once('listening', r));
    const port = (server.address() as net.AddressInfo).port;
    try {
      const r = await run({ DATABASE_URL: process.env.MOTCUA_TEST_PG_URL, REDIS_URL: process.env.MOTCUA_TEST_REDIS_URL, PORT: String(port), RUN_MIGRATIONS: 'false', LOG_LEVEL: 'silent' });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`port ${port} is already in use`);
    } finally {
      server.close();
    }
  });

  it('says PostgreSQL is unreachable', async () => {
    const r = await run({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none', REDIS_URL: process.env.MOTCUA_TEST_REDIS_URL, PORT: String(await freePort()) });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/PostgreSQL is unreachable.*check DATABASE_URL/);
  });
});
