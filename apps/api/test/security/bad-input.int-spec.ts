import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, seed, signIn, startStack, type Stack } from '../harness.js';

/**
 * #15 item 10: bad input used to end in a 500 (10 causes). Each is now a 4xx in the one error
 * shape, with a message a person can act on, and nothing is written.
 */
describe('bad input is a 4xx, never a 500', () => {
  let stack: Stack;
  let admin = '';
  let centerId = '';
  const send = (method: string, path: string, body?: unknown, cookie = admin) =>
    fetch(`${stack.baseUrl}/api${path}`, { method, headers: { cookie, 'content-type': 'application/json', 'accept-language': 'en' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const rows = async () => {
    const [r] = await stack.database.sql`select (select count(*) from services)::int s, (select count(*) from devices)::int d, (select count(*) from priority_categories)::int p, (select count(*) from alert_webhooks)::int w, (select count(*) from procedures)::int pr, (select count(*) from calendar_days)::int c`;
    return r;
  };
  const expectError = async (res: Response, status: number, code: string) => {
    const body = await json(res);
    expect({ status: res.status, code: body?.error?.code }).toEqual({ status, code });
    expect(Object.keys(body)).toEqual(['error']);
    expect(typeof body.error.message).toBe('string');
    return body.error;
  };

  beforeAll(async () => {
    stack = await startStack();
    const accounts = await seed(stack);
    admin = await signIn(stack, 'tinh.quantri', accounts.find((a) => a.username === 'tinh.quantri')!.password);
    const [center] = await stack.database.sql`select id from centers limit 1`;
    centerId = center!.id as string;
  });
  afterAll(() => stack?.stop());

  it('a NUL character in sign-in and in any admin text is a 400 naming the field', async () => {
    const before = await rows();
    const signin = await expectError(await send('POST', '/auth/sign-in', { username: 'tinh.quantri\u0000', password: 'x\u0000' }, ''), 400, 'VALIDATION_FAILED');
    expect(signin.details.map((d: { path: string }) => d.path)).toEqual(['body.username', 'body.password']);
    expect(signin.details[0].message).toMatch(/NUL/);
    await expectError(await send('POST', `/centers/${centerId}/services`, { code: 'NUL1', nameVi: 'Dịch\u0000vụ', nameEn: 'Service', ticketPrefix: 'Q', typicalServiceMinutes: 5, field: 'x' }), 400, 'VALIDATION_FAILED');
    await expectError(await send('GET', `/audit?entity=${encodeURIComponent('a\u0000b')}`), 400, 'VALIDATION_FAILED');
    expect(await rows()).toEqual(before);
  });

  it('integers above int4 (sortOrder, feeVnd) are a 400, not a database overflow', async () => {
    const before = await rows();
    const svc = await expectError(await send('POST', `/centers/${centerId}/services`, { code: 'BIG1', nameVi: 'Lớn', nameEn: 'Big', ticketPrefix: 'Q', typicalServiceMinutes: 5, field: 'x', sortOrder: 2 ** 31 }), 400, 'VALIDATION_FAILED');
    expect(svc.details[0].path).toBe('body.sortOrder');
    const proc = await expectError(
      await send('POST', '/procedures', { code: 'BIG.FEE', name: 'Phí lớn', field: 'x', version: { effectiveFrom: '2026-01-01', effectiveTo: null, timeLimit: { unit: 'working_days', value: 5 }, feeVnd: 3_000_000_000, onlineLevel: 'none', boundaryFree: false } }),
      400,
      'VALIDATION_FAILED',
    );
    expect(proc.details[0].path).toBe('body.version.feeVnd');
    expect(await rows()).toEqual(before);
  });

  it('years 0 and 1 (calendar day, audit filter, analytics period) are a 400 saying the range', async () => {
    const before = await rows();
    const day = await expectError(await send('PUT', '/calendar/days/0000-01-01', { kind: 'holiday', name: 'Năm 0' }), 400, 'VALIDATION_FAILED');
    expect(day.details[0].message).toMatch(/1900-01-01/);
    await expectError(await send('DELETE', '/calendar/days/0001-01-01'), 400, 'VALIDATION_FAILED');
    await expectError(await send('GET', '/audit?from=0001-01-01'), 400, 'VALIDATION_FAILED');
    await expectError(await send('GET', '/analytics/indicators?from=0001-01-01&to=0001-12-31'), 400, 'VALIDATION_FAILED');
    await expectError(await send('GET', '/analytics/queue/heatmap?from=0001-01-01&to=0001-01-31'), 400, 'VALIDATION_FAILED');
    expect(await rows()).toEqual(before);
  });

  it('admin writes under a parent that does not exist are a 404, and write nothing', async () => {
    const before = await rows();
    const nobody = randomUUID();
    await expectError(await send('POST', `/centers/${nobody}/services`, { code: 'GHOST', nameVi: 'Ma', nameEn: 'Ghost', ticketPrefix: 'G', typicalServiceMinutes: 5, field: 'x' }), 404, 'NOT_FOUND');
    await expectError(await send('POST', `/centers/${nobody}/devices`, { kind: 'kiosk', name: 'Ma' }), 404, 'NOT_FOUND');
    await expectError(await send('POST', `/centers/${nobody}/priority-categories`, { code: 'GHOST', nameVi: 'Ma', nameEn: 'Ghost', weight: 2 }), 404, 'NOT_FOUND');
    await expectError(await send('POST', `/units/${nobody}/webhooks`, { url: 'https://hooks.example.gov.vn/a' }), 404, 'NOT_FOUND');
    expect(await rows()).toEqual(before);
  });
});
