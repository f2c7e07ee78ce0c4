import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed, signIn, startStack, type Stack } from './harness.js';
import { waitFor } from './wait.js';

describe('request logs', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ worker: true, env: { LOG_LEVEL: 'info' } });
  });
  afterAll(() => stack?.stop());

  it('writes one JSON line per request with its request id, and never the cookie', async () => {
    const res = await fetch(`${stack.baseUrl}/api/auth/me`, { headers: { 'x-request-id': 'req-4242', cookie: 'motcua_session=top-secret-token' } });
    expect(res.status).toBe(401);
    const lines = await waitFor('the request’s log line', () => {
      const found = stack.api.tail().split('\n').filter((l) => l.includes('req-4242'));
      return found.length > 0 && found;
    });
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!);
    expect(entry).toMatchObject({ level: 40, service: 'api', req: { id: 'req-4242', method: 'GET', url: '/api/auth/me' }, res: { statusCode: 401 } });
    expect(stack.api.tail()).not.toContain('top-secret-token');
  });

  it('answers the request id, and a job the request queued logs in the worker under the same id', async () => {
    const admin = (await seed(stack)).find((a) => a.role === 'admin')!;
    const cookie = await signIn(stack, admin.username, admin.password);
    const res = await fetch(`${stack.baseUrl}/api/system/pings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-request-id': 'req-ping-7777' },
      body: JSON.stringify({ message: 'theo dõi' }),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-request-id')).toBe('req-ping-7777');
    const { id } = (await res.json()) as { id: string };
    const answered = await waitFor('the worker’s answer to the ping', () => stack.worker!.tail().split('\n').find((l) => l.includes(`self-test ping ${id} answered`)));
    expect(JSON.parse(answered)).toMatchObject({ service: 'worker', requestId: 'req-ping-7777' });

    // An id that does not look like one (log injection, a megabyte) is replaced by a fresh one.
    const odd = await fetch(`${stack.baseUrl}/api/health`, { headers: { 'x-request-id': 'a\tb' } });
    expect(odd.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
