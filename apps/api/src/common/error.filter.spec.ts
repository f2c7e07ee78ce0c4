import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ZErrorBody, type ErrorBody } from '@motcua/contracts';
import { NotFoundException, PayloadTooLargeException, type ArgumentsHost } from '@nestjs/common';
import express from 'express';
import type { PinoLogger } from 'nestjs-pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DependencyWatch, type Logger } from '@motcua/platform';
import { ApiError } from './api-error.js';
import { ErrorFilter } from './error.filter.js';

// Real Express request/response objects; the route throws what the test names.
const logged: unknown[] = [];
const outages: string[] = [];
const watch = new DependencyWatch({ error: (_: unknown, msg: string) => outages.push(msg), info: () => {} } as unknown as Logger);
const filter = new ErrorFilter({ error: (...args: unknown[]) => logged.push(args) } as unknown as PinoLogger, watch);
const failures: Record<string, () => unknown> = {
  validation: () => ApiError.validation([{ path: 'body.message', message: { vi: 'Hãy nhập nội dung', en: 'Enter a message' } }]),
  unknownRoute: () => new NotFoundException('Cannot GET /api/nope'),
  tooLarge: () => new PayloadTooLargeException(),
  rateLimited: () => ApiError.rateLimited(7),
  bug: () => Object.assign(new Error('relation "x" does not exist at postgres://admin:hunter2@db/motcua'), { stack: 'at secret.ts:1' }),
  dependency: () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
  adminShutdown: () => Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
  startingUp: () => new Error('Failed query: select 1\nparams: secret', { cause: Object.assign(new Error('the database system is starting up'), { code: '57P03' }) }),
  connectionLost: () => Object.assign(new Error('write CONNECTION_CLOSED 127.0.0.1:5432'), { code: 'CONNECTION_CLOSED' }),
  redisDown: () => new Error("Stream isn't writeable and enableOfflineQueue options is false"),
};

let server: Server;
let base = '';
beforeAll(async () => {
  const app = express();
  app.get('/:kind', (req, res) => {
    const host = { getType: () => 'http', switchToHttp: () => ({ getRequest: () => req, getResponse: () => res }) } as unknown as ArgumentsHost;
    filter.catch(failures[req.params.kind]!(), host);
  });
  server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

async function call(kind: string, lang?: string) {
  const res = await fetch(`${base}/${kind}`, { headers: lang ? { 'accept-language': lang } : {} });
  const body = (await res.json()) as ErrorBody;
  expect(ZErrorBody.strict().safeParse(body).success).toBe(true);
  return { status: res.status, body, headers: res.headers };
}

describe('ErrorFilter: one error shape for every failure', () => {
  it('answers validation failures with field details in the caller’s language (Vietnamese by default)', async () => {
    expect(await call('validation')).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED', message: 'Dữ liệu chưa hợp lệ, hãy sửa các trường được nêu', details: [{ path: 'body.message', message: 'Hãy nhập nội dung' }] } } });
    expect((await call('validation', 'en-US,en;q=0.9')).body.error).toEqual({ code: 'VALIDATION_FAILED', message: 'Some fields are invalid; fix the fields listed', details: [{ path: 'body.message', message: 'Enter a message' }] });
  });

  it('maps framework exceptions (unknown route, body too large) onto contract codes', async () => {
    expect(await call('unknownRoute', 'en')).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND', message: 'There is nothing at this address' } } });
    expect((await call('unknownRoute', 'en')).body.error.details).toBeUndefined();
    expect(await call('tooLarge', 'en')).toMatchObject({ status: 413, body: { error: { code: 'VALIDATION_FAILED', message: 'The request body is too large' } } });
  });

  it('tells a rate-limited caller when to come back', async () => {
    const r = await call('rateLimited', 'en');
    expect(r.status).toBe(429);
    expect(r.headers.get('retry-after')).toBe('7');
    expect(r.body.error.code).toBe('RATE_LIMITED');
  });

  it('hides internals of unexpected errors from the caller but logs them', async () => {
    logged.length = 0;
    const r = await call('bug', 'en');
    expect(r.status).toBe(500);
    expect(r.body).toEqual({ error: { code: 'INTERNAL_ERROR', message: 'Something went wrong on our side; it has been logged' } });
    expect(JSON.stringify(r.body)).not.toMatch(/hunter2|relation|secret\.ts/);
    expect(logged).toHaveLength(1);
    expect((logged[0] as [{ err: Error }])[0].err.message).toContain('relation "x"');
  });

  it('answers 503 with Retry-After when PostgreSQL or Redis is down, and says so once per outage, not per request', async () => {
    logged.length = 0;
    for (const kind of ['dependency', 'adminShutdown', 'startingUp', 'connectionLost', 'redisDown', 'adminShutdown']) {
      const r = await call(kind, 'en');
      expect(r).toMatchObject({ status: 503, body: { error: { code: 'SERVICE_UNAVAILABLE', message: 'The service is briefly unavailable and nothing was saved; try again in 5 s' } } });
      expect(r.headers.get('retry-after')).toBe('5');
    }
    expect(logged).toHaveLength(0);
    expect(outages).toEqual(['postgres is unavailable', 'redis is unavailable']);
    watch.close();
  });
});
