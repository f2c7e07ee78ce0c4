import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, seed, signIn, startStack, type Stack } from './harness.js';

/** Tuesday 1 Dec 2026, 09:00 in Hà Nội. */
const T0 = '2026-12-01T09:00:00+07:00';

describe('the working-day calendar, adjusted by an admin', () => {
  let stack: Stack;
  const cookie: Record<string, string> = {};
  const send = (who: string, method: string, path: string, body?: unknown) =>
    fetch(`${stack.baseUrl}/api${path}`, { method, headers: { cookie: cookie[who]!, 'content-type': 'application/json', 'accept-language': 'en', 'x-test-now': T0 }, body: body === undefined ? undefined : JSON.stringify(body) });
  const dueOfNewDossier = async () => {
    const [center] = await stack.database.sql`select id, unit_id from centers where code = 'TT-32002'`;
    const [procedure] = await stack.database.sql`select id from procedures where code = 'CTR-TT'`;
    const res = await send('canbo.anxuyen1', 'POST', `/centers/${center!.id}/dossiers`, { procedureId: procedure!.id, applicant: { name: 'Lê Văn C', phone: '0912000111' }, applicantUnitId: center!.unit_id, outcome: { kind: 'accept' } });
    expect(res.status).toBe(201);
    return (await json(res)).dueAt as string;
  };

  beforeAll(async () => {
    stack = await startStack();
    const accounts = await seed(stack);
    for (const u of ['tinh.quantri', 'canbo.anxuyen1', 'lanhdao.tinh']) cookie[u] = await signIn(stack, u, accounts.find((a) => a.username === u)!.password);
  });
  afterAll(() => stack?.stop());

  it('a day off declared by the admin moves the appointments of new dossiers; clearing it moves them back', async () => {
    // 7 working days from Tue 1/12 09:00 end Thu 10/12 09:00.
    expect(await dueOfNewDossier()).toBe(new Date('2026-12-10T09:00:00+07:00').toISOString());
    const set = await send('tinh.quantri', 'PUT', '/calendar/days/2026-12-04', { kind: 'day_off', name: 'Nghỉ bù theo thông báo của Chính phủ' });
    expect(set.status).toBe(200);
    expect(await dueOfNewDossier()).toBe(new Date('2026-12-11T09:00:00+07:00').toISOString());
    const year = await json(await send('lanhdao.tinh', 'GET', '/calendar/days?year=2026'));
    expect(year.days).toContainEqual({ date: '2026-12-04', kind: 'day_off', name: 'Nghỉ bù theo thông báo của Chính phủ' });
    expect((await send('tinh.quantri', 'DELETE', '/calendar/days/2026-12-04')).status).toBe(200);
    expect(await dueOfNewDossier()).toBe(new Date('2026-12-10T09:00:00+07:00').toISOString());
    const audit = await stack.database.sql`select action from audit_log where entity = 'calendar_day' order by at`;
    expect(audit.map((a) => a.action)).toEqual(['calendar.set_day', 'calendar.clear_day']);
  });

  it('a day off declared for today closes the kiosk on the next request, not after the queue has cached the calendar for a minute', async () => {
    const [center] = await stack.database.sql`select id from centers where code = 'TT-32002'`;
    const kioskOpen = async () => (await json(await send('lanhdao.tinh', 'GET', `/public/centers/${center!.id}/kiosk`))).isOpenNow as boolean;
    expect(await kioskOpen()).toBe(true);
    expect((await send('tinh.quantri', 'PUT', '/calendar/days/2026-12-01', { kind: 'day_off', name: 'Nghỉ đột xuất' })).status).toBe(200);
    expect(await kioskOpen()).toBe(false);
    expect((await send('tinh.quantri', 'DELETE', '/calendar/days/2026-12-01')).status).toBe(200);
    expect(await kioskOpen()).toBe(true);
  });

  it('refuses a day without a name or kind with field messages, and a leader with 403; nothing is written', async () => {
    const bad = await send('tinh.quantri', 'PUT', '/calendar/days/2026-12-07', { kind: 'party', name: '' });
    expect(bad.status).toBe(400);
    expect((await json(bad)).error.details.map((d: { path: string }) => d.path).sort()).toEqual(['body.kind', 'body.name']);
    expect((await send('lanhdao.tinh', 'PUT', '/calendar/days/2026-12-07', { kind: 'holiday', name: 'X' })).status).toBe(403);
    const [row] = await stack.database.sql`select count(*)::int as n from calendar_days where date = '2026-12-07'`;
    expect(row!.n).toBe(0);
  });
});
