import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, seed, signIn, startStack, type Account, type Stack } from './harness.js';

// Friday 11 December 2026, 09:00 in Hồ Chí Minh City: the next working day is Monday the 14th.
const FRIDAY = '2026-12-11T02:00:00Z';
const MONDAY = '2026-12-14';

describe('assignment board: next working day, shifts, copy with reasons, the week grid', () => {
  let stack: Stack;
  let accounts: Account[];
  let manager = '';
  let center: { id: string; counters: string[]; labels: string[]; officers: Record<string, string> };
  const send = (method: string, path: string, body?: unknown, opts: { cookie?: string; now?: string } = {}) =>
    fetch(`${stack.baseUrl}/api${path}`, {
      method,
      headers: { cookie: opts.cookie ?? manager, 'content-type': 'application/json', 'accept-language': 'en', 'x-test-now': opts.now ?? FRIDAY },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const cookieOf = (username: string) => signIn(stack, username, accounts.find((a) => a.username === username)!.password);
  const boardOf = async (date: string) => json(await send('GET', `/centers/${center.id}/assignments?date=${date}`));
  const auditCount = async (action: string) => (await stack.database.sql`select count(*)::int as n from audit_log where action = ${action}`)[0]!.n as number;

  beforeAll(async () => {
    stack = await startStack();
    accounts = await seed(stack);
    manager = await cookieOf('quanly.anxuyen');
    const [c] = await stack.database.sql`select id from centers where code = 'TT-32002'`;
    const counters = await stack.database.sql`select id, label from counters where center_id = ${c!.id} order by number`;
    const officers = Object.fromEntries((await stack.database.sql`select username, id from staff where home_center_id = ${c!.id}`).map((r) => [r.username, r.id]));
    center = { id: c!.id, counters: counters.map((r) => r.id as string), labels: counters.map((r) => r.label as string), officers };
  });
  afterAll(() => stack?.stop());

  it('opens on the next working day with its weekday: Friday → Monday', async () => {
    const board = await json(await send('GET', `/centers/${center.id}/assignments`));
    expect(board).toMatchObject({ date: MONDAY, weekday: 1, workingDay: true });
    expect((await boardOf('2026-12-13')).workingDay).toBe(false);
  });

  it('holds a morning and an afternoon person on one counter, and refuses a shift that meets one taken, with a 409 that names who holds it', async () => {
    const [dung, mai] = [center.officers['canbo.anxuyen1']!, center.officers['canbo.anxuyen2']!];
    expect((await send('PUT', `/centers/${center.id}/assignments`, { date: MONDAY, counterId: center.counters[0], staffId: dung, shift: 'morning' })).status).toBe(200);
    const both = await json(await send('PUT', `/centers/${center.id}/assignments`, { date: MONDAY, counterId: center.counters[0], staffId: mai, shift: 'afternoon' }));
    expect(both.assignments.map((a: { staffId: string; shift: string }) => [a.staffId, a.shift])).toEqual([[dung, 'morning'], [mai, 'afternoon']]);
    const clash = await send('PUT', `/centers/${center.id}/assignments`, { date: MONDAY, counterId: center.counters[0], staffId: mai, shift: 'all_day' });
    expect(clash.status).toBe(409);
    expect((await json(clash)).error.message).toBe(`${center.labels[0]} is already held by Huỳnh Văn Dũng (morning) on 14/12/2026. Free the counter or pick another shift.`);
    expect((await boardOf(MONDAY)).assignments).toHaveLength(2);
  });

  it('says in words which skills are missing', async () => {
    const specialist = center.officers['chuyenvien.anxuyen']!;
    const board = await json(await send('PUT', `/centers/${center.id}/assignments`, { date: MONDAY, counterId: center.counters[1], staffId: specialist, shift: 'all_day' }));
    const names = (await stack.database.sql`select s.name_en from counter_services cs join services s on s.id = cs.service_id where cs.counter_id = ${center.counters[1]!} order by s.name_vi`).map((r) => r.name_en as string);
    expect(names.length).toBeGreaterThan(0);
    expect(board.warnings).toEqual([{ counterId: center.counters[1], staffId: specialist, workDate: MONDAY, missing: names, message: `Missing skills: ${names.join(', ')}` }]);
  });

  it('copies the same weekday of last week or the last working day, leaving out and explaining who left, a counter that serves nothing and a person without the skills', async () => {
    const [gone] = await stack.database.sql`insert into staff (username, password_hash, full_name, home_center_id, active) values ('canbo.danghi', 'x', 'Trần Văn Nghỉ', ${center.id}, false) returning id`;
    const [empty] = await stack.database.sql`insert into counters (center_id, label, number) values (${center.id}, 'Quầy 99', 99) returning id`;
    await stack.database.sql`insert into assignments (staff_id, counter_id, work_date, shift) values (${gone!.id}, ${center.counters[2]!}, ${MONDAY}, 'all_day'), (${center.officers['canbo.anxuyen2']!}, ${empty!.id}, ${MONDAY}, 'morning')`;
    const before = await auditCount('assignment.copy_day');
    const res = await send('POST', `/centers/${center.id}/assignments/copy`, { toDate: '2026-12-21', mode: 'same-weekday-last-week' });
    expect(res.status).toBe(200);
    const copy = await json(res);
    expect(copy).toMatchObject({ date: '2026-12-21', fromDate: MONDAY, copied: 2, weekday: 1 });
    expect(copy.assignments.map((a: { staffId: string; counterId: string; shift: string }) => [a.staffId, a.counterId, a.shift]).sort()).toEqual(
      [[center.officers['canbo.anxuyen1'], center.counters[0], 'morning'], [center.officers['canbo.anxuyen2'], center.counters[0], 'afternoon']].sort(),
    );
    expect(copy.skipped.map((s: { reason: string; message: string }) => [s.reason, s.message]).sort()).toEqual([
      ['counter_closed', 'Quầy 99 serves no service any more'],
      ['skill_missing', expect.stringMatching(/^Bùi Quốc Khánh — .+: Missing skills: .+/)],
      ['staff_inactive', 'Trần Văn Nghỉ no longer works at this center'],
    ]);
    expect(await auditCount('assignment.copy_day')).toBe(before + 1);
    // Tuesday takes Monday's board (the last working day); Monday the 21st takes Friday the 18th's (empty).
    expect(await json(await send('POST', `/centers/${center.id}/assignments/copy`, { toDate: '2026-12-15', mode: 'last-working-day' }))).toMatchObject({ fromDate: MONDAY, copied: 2 });
    expect(await json(await send('POST', `/centers/${center.id}/assignments/copy`, { toDate: '2026-12-21', mode: 'last-working-day' }))).toMatchObject({ fromDate: '2026-12-18', copied: 0, assignments: [] });
    const bad = await send('POST', `/centers/${center.id}/assignments/copy`, { toDate: '2026-12-21', mode: 'yesterday' });
    expect(bad.status).toBe(400);
  });

  it('plans a whole week in one save (one transaction, one audit row), and refuses a clash or a day that is over without writing anything', async () => {
    const [dung, mai] = [center.officers['canbo.anxuyen1']!, center.officers['canbo.anxuyen2']!];
    const grid = await json(await send('GET', `/centers/${center.id}/assignments/week?start=2026-12-23`));
    expect(grid.start).toBe('2026-12-21');
    expect(grid.days.map((d: { date: string; workingDay: boolean }) => [d.date, d.workingDay])).toEqual([
      ['2026-12-21', true], ['2026-12-22', true], ['2026-12-23', true], ['2026-12-24', true], ['2026-12-25', true], ['2026-12-26', false], ['2026-12-27', false],
    ]);
    expect(grid.staff.map((s: { username: string }) => s.username)).toEqual(expect.arrayContaining(['canbo.anxuyen1', 'canbo.anxuyen2', 'chuyenvien.anxuyen']));
    const week = ['2026-12-21', '2026-12-22', '2026-12-23', '2026-12-24', '2026-12-25'];
    const plan = [
      ...week.map((date) => ({ staffId: dung, counterId: center.counters[0], date, shift: 'all_day' })),
      ...week.map((date) => ({ staffId: mai, counterId: center.counters[1], date, shift: 'morning' })),
      { staffId: mai, counterId: center.counters[2], date: '2026-12-22', shift: 'afternoon' },
    ];
    const audits = await auditCount('assignment.save_week');
    const saved = await send('PUT', `/centers/${center.id}/assignments/week`, { start: '2026-12-21', assignments: plan });
    expect(saved.status).toBe(200);
    expect((await json(saved)).assignments).toHaveLength(11);
    expect(await auditCount('assignment.save_week')).toBe(audits + 1);
    const again = await json(await send('GET', `/centers/${center.id}/assignments/week?start=2026-12-21`));
    expect(again.assignments.filter((a: { staffId: string }) => a.staffId === mai).map((a: { workDate: string; shift: string }) => `${a.workDate} ${a.shift}`).sort()).toEqual(
      [...week.map((d) => `${d} morning`), '2026-12-22 afternoon'].sort(),
    );

    const clash = await send('PUT', `/centers/${center.id}/assignments/week`, { start: '2026-12-21', assignments: [...plan, { staffId: dung, counterId: center.counters[2], date: '2026-12-23', shift: 'morning' }] });
    expect(clash.status).toBe(409);
    expect((await json(clash)).error.message).toBe(`The week plan clashes: Huỳnh Văn Dũng is on ${center.labels[0]} (all day) and ${center.labels[2]} (morning) on 23/12/2026`);
    const past = await send('PUT', `/centers/${center.id}/assignments/week`, { start: '2026-12-21', assignments: plan }, { now: '2026-12-23T02:00:00Z' });
    expect(past.status).toBe(400);
    expect((await json(past)).error.details).toContainEqual({ path: 'body.assignments.0.date', message: '21/12/2026 is over and cannot be changed' });
    const weekend = await send('PUT', `/centers/${center.id}/assignments/week`, { start: '2026-12-21', assignments: [{ staffId: dung, counterId: center.counters[0], date: '2026-12-26', shift: 'all_day' }] });
    expect((await json(weekend)).error.details).toEqual([{ path: 'body.assignments.0.date', message: '26/12/2026 is not a working day of the center' }]);
    expect(await auditCount('assignment.save_week')).toBe(audits + 1);
    expect((await json(await send('GET', `/centers/${center.id}/assignments/week?start=2026-12-21`))).assignments).toHaveLength(11);
  });

  it('refuses the week to a manager of another center and to an officer', async () => {
    const other = await cookieOf('quanly.tanthanh');
    const officer = await cookieOf('canbo.anxuyen1');
    for (const cookie of [other, officer]) {
      expect((await send('GET', `/centers/${center.id}/assignments/week`, undefined, { cookie })).status).toBe(403);
      expect((await send('PUT', `/centers/${center.id}/assignments/week`, { start: '2026-12-21', assignments: [] }, { cookie })).status).toBe(403);
    }
    expect((await json(await send('GET', `/centers/${center.id}/assignments/week?start=2026-12-21`))).assignments).toHaveLength(11);
  });

  it('lets an officer on the morning shift work the counter until noon on the center’s clock, not after', async () => {
    const day = '2026-12-28';
    await stack.database.sql`insert into assignments (staff_id, counter_id, work_date, shift) values (${center.officers['canbo.anxuyen1']!}, ${center.counters[0]!}, ${day}, 'morning')`;
    const officer = await cookieOf('canbo.anxuyen1');
    const at = (now: string) => send('GET', `/counters/${center.counters[0]}/workstation`, undefined, { cookie: officer, now });
    expect((await at('2026-12-28T04:59:00Z')).status).toBe(200); // 11:59 local
    const afternoon = await at('2026-12-28T05:00:00Z'); // 12:00 local, still 05:00 UTC
    expect(afternoon.status).toBe(403);
    expect((await json(afternoon)).error.message).toBe('You are not assigned to this counter this afternoon.');
    // All day covers the afternoon.
    await stack.database.sql`update assignments set shift = 'all_day' where work_date = ${day} and counter_id = ${center.counters[0]!}`;
    expect((await at('2026-12-28T07:00:00Z')).status).toBe(200);
  });
});
