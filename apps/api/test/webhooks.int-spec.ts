import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, seed, signIn, startStack, type Stack } from './harness.js';

describe('alert webhooks of a unit', () => {
  let stack: Stack;
  let admin = '';
  let unitId = '';
  const send = (method: string, path: string, body?: unknown) =>
    fetch(`${stack.baseUrl}/api${path}`, { method, headers: { cookie: admin, 'content-type': 'application/json', 'accept-language': 'en' }, body: body === undefined ? undefined : JSON.stringify(body) });

  beforeAll(async () => {
    stack = await startStack();
    const accounts = await seed(stack);
    admin = await signIn(stack, 'tinh.quantri', accounts.find((a) => a.username === 'tinh.quantri')!.password);
    const [unit] = await stack.database.sql`select id from administrative_units where code = '32002'`;
    unitId = unit!.id as string;
  });
  afterAll(() => stack?.stop());

  it('shows the signing secret once, lists without it, disables, and audits both', async () => {
    const created = await send('POST', `/units/${unitId}/webhooks`, { url: 'https://hooks.anxuyen.gov.vn/alerts' });
    expect(created.status).toBe(201);
    const { webhook, secret } = await json(created);
    expect(secret).toMatch(/^[\w-]{43}$/);
    const list = await json(await send('GET', `/units/${unitId}/webhooks`));
    expect(list).toEqual([{ id: webhook.id, unitId, url: 'https://hooks.anxuyen.gov.vn/alerts', active: true, createdAt: webhook.createdAt }]);
    expect(JSON.stringify(list)).not.toContain(secret);
    const off = await json(await send('POST', `/units/${unitId}/webhooks/${webhook.id}/disable`));
    expect(off.active).toBe(false);
    const audit = await stack.database.sql`select action from audit_log where entity = 'alert_webhook' order by at`;
    expect(audit.map((a) => a.action)).toEqual(['webhook.create', 'webhook.disable']);
  });

  it('refuses an address that is not http(s) with a field message, and another unit’s webhook with 404; nothing is written', async () => {
    const before = await stack.database.sql`select count(*)::int as n from alert_webhooks`;
    const bad = await send('POST', `/units/${unitId}/webhooks`, { url: 'ftp://example.com/x' });
    expect(bad.status).toBe(400);
    expect((await json(bad)).error.details).toEqual([{ path: 'body.url', message: 'The address must start with http:// or https://' }]);
    const [other] = await stack.database.sql`select id from administrative_units where code = '32014'`;
    const [hook] = await stack.database.sql`insert into alert_webhooks (unit_id, url, secret) values (${other!.id}, 'https://x.invalid', 's') returning id`;
    expect((await send('POST', `/units/${unitId}/webhooks/${hook!.id}/disable`)).status).toBe(404);
    const after = await stack.database.sql`select count(*)::int as n from alert_webhooks where active`;
    expect(after[0]!.n).toBe(before[0]!.n);
  });
});
