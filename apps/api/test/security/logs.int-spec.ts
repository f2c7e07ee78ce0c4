import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, seed, signIn, startStack, type Stack } from '../harness.js';

/**
 * #15 item 8: a failing query used to be logged with its parameters (an argon2 hash, a webhook
 * signing secret were seen). The database is made to fail the statement (a trigger), so the
 * request ends in the 500 path that logs the error; the log must say what failed, never with what.
 */
describe('secrets and personal data never reach the log', () => {
  let stack: Stack;
  let admin = '';
  let officerId = '';
  let unitId = '';
  const send = (method: string, path: string, body?: unknown) =>
    fetch(`${stack.baseUrl}/api${path}`, { method, headers: { cookie: admin, 'content-type': 'application/json', 'accept-language': 'en' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const errorLines = () =>
    stack.api
      .tail()
      .split('\n')
      .filter((l) => l.includes('"level":50'));

  beforeAll(async () => {
    stack = await startStack();
    const accounts = await seed(stack);
    admin = await signIn(stack, 'tinh.quantri', accounts.find((a) => a.username === 'tinh.quantri')!.password);
    const [officer] = await stack.database.sql`select id from staff where username = 'canbo.anxuyen1'`;
    officerId = officer!.id as string;
    const [unit] = await stack.database.sql`select id from administrative_units where code = '32002'`;
    unitId = unit!.id as string;
    // The disk fills up just as the new password hash or the webhook secret is written.
    await stack.database.sql.unsafe(`
      create function t_disk_full() returns trigger language plpgsql as $$ begin raise exception 'could not extend file: No space left on device' using errcode = '53100'; end $$;
      create trigger t_staff_full before update of password_hash on staff for each row execute function t_disk_full();
      create trigger t_webhooks_full before insert on alert_webhooks for each row execute function t_disk_full();`);
  });
  afterAll(() => stack?.stop());

  it('a failed password reset logs one JSON line with the error code, without the hash or any parameter', async () => {
    const res = await send('POST', `/staff/${officerId}/reset-password`);
    expect(res.status).toBe(500);
    // The failure is logged, then the request's own line (also level 50) may follow it.
    const failure = () => errorLines().find((l) => l.includes('"53100"'));
    await expect.poll(failure, { timeout: 5000 }).toBeDefined();
    for (const line of errorLines()) expect(() => JSON.parse(line)).not.toThrow();
    const logged = JSON.parse(failure()!);
    expect(logged.err).toMatchObject({ code: '53100', message: expect.stringContaining('No space left on device') });
    const all = stack.api.tail();
    expect(all).not.toContain('$argon2id$');
    expect(all).not.toMatch(/params:/);
  });

  it('a failed webhook registration logs without the signing secret', async () => {
    const res = await send('POST', `/units/${unitId}/webhooks`, { url: 'https://hooks.anxuyen.gov.vn/alerts' });
    expect(res.status).toBe(500);
    expect(await json(res)).toEqual({ error: { code: 'INTERNAL_ERROR', message: 'Something went wrong on our side; it has been logged' } });
    const failure = () => errorLines().filter((l) => l.includes('"53100"'))[1];
    await expect.poll(failure, { timeout: 5000 }).toBeDefined();
    const logged = JSON.parse(failure()!);
    expect(logged.err.code).toBe('53100');
    // The secret is 32 random bytes (hex or base64url): no long token may appear in what was logged of the error.
    expect(JSON.stringify(logged.err)).not.toMatch(/params|[A-Za-z0-9_-]{40,}/);
    expect(stack.api.tail()).not.toMatch(/params:/);
  });
});
