import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, seed, signIn, startStack, type Account, type Stack } from './harness.js';

// Wednesday 2026-11-25, 09:00 in Hồ Chí Minh City.
const MORNING = '2026-11-25T02:00:00.000Z';
const at = (localHHMM: string) => new Date(`2026-11-25T${localHHMM}:00.000+07:00`).toISOString();
const HOURS = JSON.stringify(Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [{ start: '07:30', end: '11:30' }, { start: '13:00', end: '17:00' }]])));

describe('remote tickets (#17)', () => {
  let stack: Stack;
  let accounts: Account[];
  let manager = '';
  let client = 0;

  const send = (method: string, path: string, body?: unknown, opts: { cookie?: string; now?: string; ip?: string } = {}) =>
    fetch(`${stack.baseUrl}/api${path}`, {
      method,
      headers: {
        cookie: opts.cookie ?? '',
        'content-type': 'application/json',
        'accept-language': 'en',
        'x-test-now': opts.now ?? MORNING,
        // Each remote taker its own address, so the per-address limit is tested alone.
        'x-forwarded-for': opts.ip ?? `10.17.${Math.floor(++client / 250)}.${client % 250}`,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const remote = (centerId: string, serviceId: string, opts: { now?: string; ip?: string; phone?: string } = {}) =>
    send('POST', `/public/centers/${centerId}/remote-tickets`, { serviceId, ...(opts.phone ? { phone: opts.phone } : {}) }, opts);
  const kiosk = (centerId: string, serviceId: string) => send('POST', `/centers/${centerId}/tickets`, { serviceId }, { cookie: manager });

  async function freshCenter(code: string, settings: { perHour?: number; stop?: number } = {}) {
    const sql = stack.database.sql;
    const [unit] = await sql`select unit_id from centers where code = 'TT-32002'`;
    const [c] = await sql`insert into centers (code, name, unit_id, opening_hours, remote_per_hour, remote_stop_minutes)
      values (${code}, ${'Trung tâm ' + code}, ${unit!.unit_id}, ${HOURS}::jsonb, ${settings.perHour ?? 20}, ${settings.stop ?? 30}) returning id`;
    const [s] = await sql`insert into services (center_id, code, name_vi, name_en, ticket_prefix, typical_service_minutes, field, sort_order)
      values (${c!.id}, 'HT', 'Hộ tịch', 'Civil status', 'A', 8, 'ho_tich', 0) returning id`;
    const [k] = await sql`insert into counters (center_id, label, number, state) values (${c!.id}, 'Quầy 1', 1, 'open') returning id`;
    await sql`insert into counter_services (counter_id, service_id, weight) values (${k!.id}, ${s!.id}, 1)`;
    return { id: c!.id as string, serviceId: s!.id as string, counterId: k!.id as string };
  }

  beforeAll(async () => {
    stack = await startStack({ worker: true, env: { TRUST_PROXY: '1' } });
    accounts = await seed(stack);
    manager = await signIn(stack, 'admin', accounts.find((a) => a.username === 'admin')!.password);
  });
  afterAll(() => stack?.stop());

  it('40 kiosk and 40 remote tickets at once share one gap-free sequence: numbers 1..80, unique', async () => {
    const c = await freshCenter('R-MIX', { perHour: 100 });
    const results = await Promise.all(Array.from({ length: 80 }, (_, i) => (i % 2 ? remote(c.id, c.serviceId) : kiosk(c.id, c.serviceId))));
    expect(results.map((r) => r.status)).toEqual(Array(80).fill(201));
    const numbers = (await stack.database.sql`select number from tickets where center_id = ${c.id} order by number`).map((r) => r.number as number);
    expect(numbers).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
    const [{ n }] = (await stack.database.sql`select count(*)::int as n from remote_tickets where center_id = ${c.id}`) as unknown as [{ n: number }];
    expect(n).toBe(40);
  }, 120_000);

  it('the hourly limit holds exactly under concurrency: 25 at once with a limit of 7 give exactly 7', async () => {
    const c = await freshCenter('R-QUOTA', { perHour: 7 });
    const results = await Promise.all(Array.from({ length: 25 }, () => remote(c.id, c.serviceId)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(7);
    expect(statuses.filter((s) => s === 409)).toHaveLength(18);
    const refused = await json(results.find((r) => r.status === 409)!);
    expect(refused.error.details.reason).toBe('quota_reached');
    expect(refused.error.message).toMatch(/10:00/);
    const numbers = (await stack.database.sql`select number from tickets where center_id = ${c.id} order by number`).map((r) => r.number as number);
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // The next hour has its own quota.
    expect((await remote(c.id, c.serviceId, { now: at('10:05') })).status).toBe(201);
  }, 60_000);

  it('refuses when the center is closed and in the last minutes before closing, in words', async () => {
    const c = await freshCenter('R-CLOSED', { stop: 30 });
    const closed = await remote(c.id, c.serviceId, { now: at('12:15') });
    expect(closed.status).toBe(409);
    expect((await json(closed)).error.details.reason).toBe('closed');
    const late = await remote(c.id, c.serviceId, { now: at('16:40') });
    expect(late.status).toBe(409);
    const body = await json(late);
    expect(body.error.details.reason).toBe('near_closing');
    expect(body.error.message).toMatch(/17:00/);
    expect((await remote(c.id, c.serviceId, { now: at('16:20') })).status).toBe(201);
    await stack.database.sql`update counters set state = 'closed' where id = ${c.counterId}`;
    const unserved = await remote(c.id, c.serviceId, { now: at('09:00') });
    expect(unserved.status).toBe(409);
    expect((await json(unserved)).error.details.reason).toBe('not_served');
    expect((await stack.database.sql`select count(*)::int as n from tickets where center_id = ${c.id}`)[0]!.n).toBe(1);
  }, 60_000);

  it('public answers carry no name, phone or ID number; the phone is kept apart for the text', async () => {
    const c = await freshCenter('R-PRIVACY');
    const res = await remote(c.id, c.serviceId, { phone: '0905123456' });
    expect(res.status).toBe(201);
    const text = await res.text();
    expect(text).not.toMatch(/0905123456|phone|idNumber|citizen/i);
    const ticket = JSON.parse(text);
    const tracked = await send('GET', `/public/tickets/${ticket.trackingCode}`);
    expect(await tracked.text()).not.toMatch(/0905123456|phone|idNumber/i);
    const [contact] = await stack.database.sql`select count(*)::int as n from ticket_contacts where ticket_id = ${ticket.id}`;
    expect(contact!.n).toBe(1);
  });

  it('limits one address to 5 remote tickets per 10 minutes (429 after)', async () => {
    const c = await freshCenter('R-RATE', { perHour: 100 });
    const ip = '203.0.113.17';
    for (let i = 0; i < 5; i++) expect((await remote(c.id, c.serviceId, { ip })).status).toBe(201);
    const sixth = await remote(c.id, c.serviceId, { ip });
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await remote(c.id, c.serviceId)).status).toBe(201);
  });

  it('"I have arrived" confirms a remote ticket once, and not a kiosk ticket', async () => {
    const c = await freshCenter('R-ARRIVE');
    const ticket = await json(await remote(c.id, c.serviceId));
    const first = await send('POST', `/public/tickets/${ticket.trackingCode}/arrived`);
    expect(first.status).toBe(200);
    const { confirmedAt } = await json(first);
    const again = await send('POST', `/public/tickets/${ticket.trackingCode}/arrived`, undefined, { now: at('09:30') });
    expect((await json(again)).confirmedAt).toBe(confirmedAt);
    const walkIn = await json(await kiosk(c.id, c.serviceId));
    expect((await send('POST', `/public/tickets/${walkIn.trackingCode}/arrived`)).status).toBe(404);
  });

  it('a center manager sets the three remote settings (audited); the public pages show them; 0 per hour refuses in words', async () => {
    const password = (u: string) => accounts.find((a) => a.username === u)!.password;
    const [own] = await stack.database.sql`select id from centers where code = 'TT-32002'`;
    const centerId = own!.id as string;
    const settings = { remotePerHour: 0, remoteStopMinutes: 45, remoteConfirmMinutes: 7 };
    // Only the center's own managers: an officer and another center's manager are refused, nothing written.
    for (const u of ['canbo.anxuyen1', 'quanly.tanthanh']) {
      const refused = await send('PATCH', `/centers/${centerId}`, settings, { cookie: await signIn(stack, u, password(u)) });
      expect(refused.status).toBe(403);
    }
    const ownManager = await signIn(stack, 'quanly.anxuyen', password('quanly.anxuyen'));
    const bad = await send('PATCH', `/centers/${centerId}`, { remoteConfirmMinutes: 0 }, { cookie: ownManager });
    expect(bad.status).toBe(400);
    expect((await json(bad)).error.details).toEqual([expect.objectContaining({ path: 'body.remoteConfirmMinutes', message: 'Between 1 and 60 minutes' })]);

    const auditBefore = (await stack.database.sql`select count(*)::int as n from audit_log where entity_id = ${centerId} and action = 'center.update'`)[0]!.n as number;
    const ok = await send('PATCH', `/centers/${centerId}`, settings, { cookie: ownManager });
    expect(ok.status).toBe(200);
    expect(await json(ok)).toMatchObject(settings);
    const [audit] = await stack.database.sql`select before, after from audit_log where entity_id = ${centerId} and action = 'center.update' order by at desc limit 1`;
    expect((await stack.database.sql`select count(*)::int as n from audit_log where entity_id = ${centerId} and action = 'center.update'`)[0]!.n).toBe(auditBefore + 1);
    expect(audit!.before).toMatchObject({ remotePerHour: 20, remoteStopMinutes: 30, remoteConfirmMinutes: 5 });
    expect(audit!.after).toMatchObject(settings);

    // The seeded floor is closed: open it, so only the setting can refuse.
    await stack.database.sql`update counters set state = 'open' where center_id = ${centerId}`;
    const kioskPage = await json(await send('GET', `/public/centers/${centerId}/kiosk`));
    expect(kioskPage.remote).toEqual({ perHour: 0, stopMinutes: 45, confirmMinutes: 7 });
    const serviceId = kioskPage.services.find((s: { openCounters: string[] }) => s.openCounters.length).id as string;
    const off = await remote(centerId, serviceId);
    expect(off.status).toBe(409);
    const body = await json(off);
    expect(body.error.details.reason).toBe('disabled');
    expect(body.error.message).toMatch(/does not take remote tickets/);

    // Back on: the tracking page of a remote ticket carries the rule and the confirmation.
    expect((await send('PATCH', `/centers/${centerId}`, { remotePerHour: 20, remoteStopMinutes: 30 }, { cookie: ownManager })).status).toBe(200);
    const taken = await remote(centerId, serviceId);
    expect(taken.status, 'remote tickets on again at once').toBe(201);
    const ticket = await json(taken);
    expect((await json(await send('GET', `/public/tickets/${ticket.trackingCode}`))).remote).toEqual({ confirmMinutes: 7, confirmedAt: null });
    await send('POST', `/public/tickets/${ticket.trackingCode}/arrived`);
    expect((await json(await send('GET', `/public/tickets/${ticket.trackingCode}`))).remote.confirmedAt).toBe(MORNING);
    const walkIn = await json(await kiosk(centerId, serviceId));
    expect((await json(await send('GET', `/public/tickets/${walkIn.trackingCode}`))).remote).toBeNull();
    await send('PATCH', `/centers/${centerId}`, { remoteConfirmMinutes: 5 }, { cookie: ownManager });
  }, 60_000);
});
