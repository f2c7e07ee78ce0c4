import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './harness.js';

describe('request logs', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ env: { LOG_LEVEL: 'info' } });
  });
  afterAll(() => stack?.stop());

  it('writes one JSON line per request with its request id, and never the cookie', async () => {
    const res = await fetch(`${stack.baseUrl}/api/auth/me`, { headers: { 'x-request-id': 'req-4242', cookie: 'motcua_session=top-secret-token' } });
    expect(res.status).toBe(401);
    await new Promise((r) => setTimeout(r, 300));
    const lines = stack.api.tail().split('\n').filter((l) => l.includes('req-4242'));
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!);
    expect(entry).toMatchObject({ level: 40, service: 'api', req: { id: 'req-4242', method: 'GET', url: '/api/auth/me' }, res: { statusCode: 401 } });
    expect(stack.api.tail()).not.toContain('top-secret-token');
  });
});
