import { businessDate } from '@motcua/core';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { json, seed, signIn, startStack, type Account, type Stack } from './harness.js';

const shift = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

describe('assignment board rules', () => {
  let stack: Stack;
  let accounts: Account[];
  let manager = '';
  let center: { id: string; counters: string[]; officers: Record<string, string>; outsider: string };
  const today = businessDate(new Date());
  const tomorrow = shift(today, 1);
  const send = (method: string, path: string, body?: unknown, cookie = manager) =>
    fetch(`${stack.baseUrl}/api${path}`, { method, headers: { cookie, 'content-type': 'application/json', 'accept-language': 'en' }, body: body === undefined ? undefined : JSON.stringify(body) });

  beforeAll(async () => {
    stack = await startStack();
    accounts = await seed(stack);
    const pw = (u: string) => accounts.find((a) => a.username === u)!.password;
    manager = await signIn(stack, 'quanly.anxuyen', pw('quanly.anxuyen'));
    const [c] = await stack.database.sql`select id from centers where code = 'TT-32002'`;
    const counters = (await stack.database.sql`select id from counters where center_id = ${c!.id} order by number`).map((r) => r.id as string);
    const officers = Object.fromEntries((await stack.database.sql`select username, id from staff where home_center_id = ${c!.id}`).map((r) => [r.username, r.id]));
    const [outsider] = await stack.database.sql`select s.id from staff s join centers c on c.id = s.home_center_id where c.code = 'TT-32014' limit 1`;
    center = { id: c!.id, counters, officers, outsider: outsider!.id };
  });
  afterAll(() => stack?.stop());

  it('puts a person on a counter, moving them from where they were, and records it in the audit log', async () => {
    const officer = center.officers['canbo.anxuyen1']!;
    await send('PUT', `/centers/${center.id}/assignments`, { date: tomorrow, counterId: center.counters[0], staffId: officer });
    const board = await json(await send('PUT', `/centers/${center.id}/assignments`, { date: tomorrow, counterId: center.counters[2], staffId: officer }));
    expect(board.assignments).toEqual([expect.objectContaining({ staffId: officer, counterId: center.counters[2], workDate: tomorrow })]);
    const [audit] = await stack.database.sql`select count(*)::int as n from audit_log where action = 'assignment.assign'`;
    expect(audit!.n).toBe(2);
  });

  it('refuses someone from another center, and a day that is over, with field messages; nothing is written', async () => {
    const before = await stack.database.sql`select count(*)::int as n from assignments`;
    const foreign = await send('PUT', `/centers/${center.id}/assignments`, { date: tomorrow, counterId: center.counters[1], staffId: center.outsider });
    expect(foreign.status).toBe(400);
    expect((await json(foreign)).error.details).toEqual([{ path: 'body.staffId', message: 'This person does not work at this center or is inactive' }]);
    const past = await send('PUT', `/centers/${center.id}/assignments`, { date: shift(today, -1), counterId: center.counters[1], staffId: center.officers['canbo.anxuyen2'] });
    expect((await json(past)).error.details[0].path).toBe('body.date');
    const after = await stack.database.sql`select count(*)::int as n from assignments`;
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('warns when the person has no skill for the counter’s services', async () => {
    const specialist = center.officers['chuyenvien.anxuyen']!;
    const board = await json(await send('PUT', `/centers/${center.id}/assignments`, { date: tomorrow, counterId: center.counters[1], staffId: specialist }));
    expect(board.warnings).toEqual([expect.objectContaining({ counterId: center.counters[1], staffId: specialist, message: expect.stringMatching(/^Missing skills: /) })]);
  });

  it('copies the last working day’s board onto today, replacing today’s, and officers see their counter live', async () => {
    const officer = accounts.find((a) => a.username === 'canbo.anxuyen2')!;
    const cookie = await signIn(stack, officer.username, officer.password);
    const socket = io(`${stack.baseUrl}/staff`, { transports: ['websocket'], extraHeaders: { cookie } });
    const events: unknown[] = [];
    socket.on('assignment.changed', (e) => events.push(e.data));
    await new Promise<void>((resolve) => socket.on('connect', () => resolve()));
    try {
      const source = (await json(await send('POST', `/centers/${center.id}/assignments/copy`, { toDate: today, mode: 'last-working-day' }))).fromDate as string;
      await stack.database.sql`delete from assignments where work_date = ${source}`;
      await stack.database.sql`insert into assignments (staff_id, counter_id, work_date) values (${center.officers['canbo.anxuyen2']!}, ${center.counters[2]!}, ${source})`;
      const board = await json(await send('POST', `/centers/${center.id}/assignments/copy`, { toDate: today, mode: 'last-working-day' }));
      expect(board.assignments).toEqual([expect.objectContaining({ staffId: center.officers['canbo.anxuyen2'], counterId: center.counters[2], workDate: today })]);
      const mine = await json(await fetch(`${stack.baseUrl}/api/me/assignments`, { headers: { cookie } }));
      expect(mine.assignments).toEqual([expect.objectContaining({ counterId: center.counters[2], counterLabel: 'Quầy 3' })]);
      await vi.waitFor(() => expect(events).toContainEqual({ centerId: center.id, date: today }), { timeout: 10_000, interval: 50 });
    } finally {
      socket.close();
    }
  });

  it('lists the audit trail for administrators, newest first, with who did it', async () => {
    const admin = accounts.find((a) => a.username === 'admin')!;
    const cookie = await signIn(stack, admin.username, admin.password);
    const page = await json(await fetch(`${stack.baseUrl}/api/audit?entity=assignment&limit=2`, { headers: { cookie } }));
    expect(page.entries).toHaveLength(2);
    expect(page.entries[0].actorName).toBe('Võ Thanh Tùng');
    expect(new Date(page.entries[0].at) >= new Date(page.entries[1].at)).toBe(true);
    expect(page.nextBefore).not.toBeNull();
  });
});
