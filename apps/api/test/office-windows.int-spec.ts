import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, seed, signIn, startStack, type Stack } from './harness.js';

/** Tuesday 1 Dec 2026, 13:15 in Hà Nội: after lunch under 13:00 hours, still lunch under 13:30 hours. */
const T0 = '2026-12-01T13:15:00+07:00';
const summer = [{ start: '07:30', end: '11:30' }, { start: '13:30', end: '17:30' }];
const week = { '1': summer, '2': summer, '3': summer, '4': summer, '5': summer };

describe('office windows set by a province admin', () => {
  let stack: Stack;
  let provinceId: string;
  const cookie: Record<string, string> = {};
  const send = (who: string, method: string, path: string, body?: unknown) =>
    fetch(`${stack.baseUrl}/api${path}`, { method, headers: { cookie: cookie[who]!, 'content-type': 'application/json', 'accept-language': 'en', 'x-test-now': T0 }, body: body === undefined ? undefined : JSON.stringify(body) });
  const receive = async () => {
    const [center] = await stack.database.sql`select id, unit_id from centers where code = 'TT-32002'`;
    const [procedure] = await stack.database.sql`select id from procedures where code = 'CTR-TT'`;
    const res = await send('canbo.anxuyen1', 'POST', `/centers/${center!.id}/dossiers`, { procedureId: procedure!.id, applicant: { name: 'Lê Văn C', phone: '0912000111' }, applicantUnitId: center!.unit_id, outcome: { kind: 'accept' } });
    expect(res.status).toBe(201);
    const body = await json(res);
    return { id: body.id as string, dueAt: body.dueAt as string };
  };

  beforeAll(async () => {
    stack = await startStack();
    const accounts = await seed(stack);
    for (const u of ['tinh.quantri', 'canbo.anxuyen1', 'lanhdao.tinh']) cookie[u] = await signIn(stack, u, accounts.find((a) => a.username === u)!.password);
    const [center] = await stack.database.sql`select unit_id from centers where code = 'TT-32002'`;
    const [root] = await stack.database.sql`
      with recursive up as (select id, parent_id from administrative_units where id = ${center!.unit_id} union all select u.id, u.parent_id from administrative_units u join up on u.id = up.parent_id)
      select id from up where parent_id is null`;
    provinceId = root!.id;
  });
  afterAll(() => stack?.stop());

  it('07:30–11:30 / 13:30–17:30 from today: a dossier received after uses them, one received before keeps its due time; audited', async () => {
    const before = await receive();
    // 7 working days from Tue 1/12 13:15 with 13:00–17:00 afternoons: Thu 10/12 13:15.
    expect(before.dueAt).toBe(new Date('2026-12-10T13:15:00+07:00').toISOString());

    const set = await send('tinh.quantri', 'PUT', `/calendar/units/${provinceId}/office-windows`, { effectiveFrom: '2026-12-01', officeWindows: week, note: 'Giờ mùa hè' });
    expect(set.status).toBe(200);
    const view = await json(set);
    expect(view.inForce.officeWindows['1']).toEqual(summer);
    expect(view.inForce.effectiveFrom).toBe('2026-12-01');

    const after = await receive();
    // Received during the 11:30–13:30 break: the clock starts at 13:30, 4 h today, 6 full days, 4 h on Thu 10/12 → 11:30.
    expect(after.dueAt).toBe(new Date('2026-12-10T11:30:00+07:00').toISOString());
    const [kept] = await stack.database.sql`select due_at from dossiers where id = ${before.id}`;
    expect(new Date(kept!.due_at).toISOString()).toBe(before.dueAt);

    const audit = await stack.database.sql`select action, after from audit_log where entity = 'office_window_schedule'`;
    expect(audit).toHaveLength(1);
    expect(audit[0]!.action).toBe('calendar.set_office_windows');
    expect(audit[0]!.after.officeWindows['3']).toEqual(summer);
  });

  it('an upcoming change is listed and changes nothing today', async () => {
    const later = { ...week, '1': [{ start: '08:00', end: '12:00' }, { start: '13:30', end: '17:30' }] };
    const res = await send('tinh.quantri', 'PUT', `/calendar/units/${provinceId}/office-windows`, { effectiveFrom: '2027-04-01', officeWindows: later });
    expect(res.status).toBe(200);
    const view = await json(res);
    expect(view.inForce.effectiveFrom).toBe('2026-12-01');
    expect(view.upcoming.map((p: { effectiveFrom: string }) => p.effectiveFrom)).toEqual(['2027-04-01']);
  });

  it('refuses overlapping windows, a past date and a leader; nothing is written', async () => {
    const overlap = await send('tinh.quantri', 'PUT', `/calendar/units/${provinceId}/office-windows`, { effectiveFrom: '2027-01-04', officeWindows: { '1': [{ start: '07:30', end: '11:30' }, { start: '11:00', end: '17:00' }] } });
    expect(overlap.status).toBe(400);
    const details = (await json(overlap)).error.details as { path: string; message: string }[];
    expect(details.map((d) => d.path)).toEqual(['body.officeWindows.1.1.start']);
    expect(details[0]!.message).toContain('11:30');

    const inverted = await send('tinh.quantri', 'PUT', `/calendar/units/${provinceId}/office-windows`, { effectiveFrom: '2027-01-04', officeWindows: { '2': [{ start: '17:00', end: '13:00' }] } });
    expect(inverted.status).toBe(400);
    expect((await json(inverted)).error.details.map((d: { path: string }) => d.path)).toEqual(['body.officeWindows.2.0.end']);

    const past = await send('tinh.quantri', 'PUT', `/calendar/units/${provinceId}/office-windows`, { effectiveFrom: '2026-11-30', officeWindows: week });
    expect(past.status).toBe(400);
    const pastError = (await json(past)).error;
    expect(pastError.details[0].path).toContain('effectiveFrom');
    expect(pastError.details[0].message).toContain('2026-12-01');

    expect((await send('lanhdao.tinh', 'PUT', `/calendar/units/${provinceId}/office-windows`, { effectiveFrom: '2027-01-04', officeWindows: week })).status).toBe(403);
    const [row] = await stack.database.sql`select count(*)::int as n from office_window_schedules where effective_from in ('2027-01-04', '2026-11-30')`;
    expect(row!.n).toBe(0);
  });
});
