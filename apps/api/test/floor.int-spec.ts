import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, seed, signIn, startStack, type Stack } from './harness.js';

// Wednesday 2026-11-25, 09:00 in Hồ Chí Minh City: within the default office windows.
const MORNING = '2026-11-25T02:00:00.000Z';
// The same day at 19:00 local: closed; it opens again on Thursday at 07:30 (00:30Z).
const EVENING = '2026-11-25T12:00:00.000Z';

/** Issue #18 items 1–2: no ticket nobody can call, no transfer to a closed counter. */
describe('the center floor: who can serve now', () => {
  let stack: Stack;
  let admin = '';

  const send = (method: string, path: string, body?: unknown, now = MORNING) =>
    fetch(`${stack.baseUrl}/api${path}`, {
      method,
      headers: { cookie: admin, 'content-type': 'application/json', 'accept-language': 'en', 'x-test-now': now },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  /** A center with default office hours, services HT, CT, CR and the given counters (state + service codes). */
  async function center(code: string, counters: Array<{ state: string; serves: string[] }>) {
    const sql = stack.database.sql;
    const [unit] = await sql`select unit_id from centers where code = 'TT-32002'`;
    const hours = JSON.stringify(Object.fromEntries(['1', '2', '3', '4', '5'].map((d) => [d, [{ start: '07:30', end: '11:30' }, { start: '13:00', end: '17:00' }]])));
    const [c] = await sql`insert into centers (code, name, unit_id, opening_hours) values (${code}, ${'Trung tâm ' + code}, ${unit!.unit_id}, ${hours}::jsonb) returning id`;
    const rows = await sql`insert into services (center_id, code, name_vi, name_en, ticket_prefix, typical_service_minutes, field, sort_order)
      values (${c!.id}, 'HT', 'Hộ tịch', 'Civil status', 'A', 8, 'ho_tich', 0), (${c!.id}, 'CT', 'Chứng thực', 'Certification', 'B', 4, 'chung_thuc', 1),
             (${c!.id}, 'CR', 'Cư trú', 'Residence', 'C', 6, 'cu_tru', 2) returning id, code`;
    const services = Object.fromEntries(rows.map((r) => [r.code as string, r.id as string]));
    const ids: string[] = [];
    for (const [i, k] of counters.entries()) {
      const [row] = await sql`insert into counters (center_id, label, number, state) values (${c!.id}, ${'Quầy ' + (i + 1)}, ${i + 1}, ${k.state}) returning id`;
      for (const s of k.serves) await sql`insert into counter_services (counter_id, service_id, weight) values (${row!.id}, ${services[s]!}, 1)`;
      ids.push(row!.id as string);
    }
    return { id: c!.id as string, services, counters: ids };
  }

  beforeAll(async () => {
    stack = await startStack();
    const accounts = await seed(stack);
    admin = await signIn(stack, 'admin', accounts.find((a) => a.username === 'admin')!.password);
  });
  afterAll(() => stack?.stop());

  it('the kiosk offers only services an open counter serves, says when the others are expected, and the API refuses them with 409', async () => {
    const c = await center('F-KIOSK', [
      { state: 'open', serves: ['HT'] },
      { state: 'closed', serves: ['CT'] },
      { state: 'closed', serves: ['HT'] },
    ]);
    // Counter 2 has an officer on today's board: Certification is expected later today.
    const [officer] = await stack.database.sql`select id from staff where username = 'canbo.anxuyen2'`;
    await stack.database.sql`insert into assignments (staff_id, counter_id, work_date, shift) values (${officer!.id}, ${c.counters[1]!}, '2026-11-25', 'all_day')`;

    const kiosk = await json(await send('GET', `/public/centers/${c.id}/kiosk`));
    const by = (code: string) => kiosk.services.find((s: { code: string }) => s.code === code);
    expect(by('HT')).toMatchObject({ servable: true, openCounters: ['Quầy 1'], expected: { kind: 'now' } });
    expect(by('CT')).toMatchObject({ servable: false, openCounters: [], expected: { kind: 'later_today', counters: ['Quầy 2'], from: null } });
    expect(by('CR')).toMatchObject({ servable: false, openCounters: [], expected: { kind: 'no_counter' } });

    const ct = await send('POST', `/centers/${c.id}/tickets`, { serviceId: c.services.CT });
    expect(ct.status).toBe(409);
    const ctError = (await json(ct)).error;
    expect(ctError.message).toBe('No counter serves "Certification" right now. A counter is expected later today (Quầy 2). Please ask the staff.');
    expect(ctError.details).toEqual({ expected: { kind: 'later_today', counters: ['Quầy 2'], from: null } });
    const cr = await send('POST', `/centers/${c.id}/tickets`, { serviceId: c.services.CR });
    expect(cr.status).toBe(409);
    expect((await json(cr)).error.message).toBe('No counter serves "Residence" right now. No counter of this center serves it. Please ask the staff.');
    expect((await stack.database.sql`select count(*)::int as n from tickets where center_id = ${c.id}`)[0]!.n).toBe(0);

    // Civil status: four tickets; the wait counts counter 1 only (counter 3 serves it but is closed).
    for (let i = 0; i < 4; i++) {
      const res = await send('POST', `/centers/${c.id}/tickets`, { serviceId: c.services.HT });
      expect(res.status).toBe(201);
      expect((await json(res)).counterLabels).toEqual(['Quầy 1']);
    }
    // 4 people ahead × 8 min typical, over ONE open counter: 36 min centred → 27–47 (over two it would be 13–24).
    const after = await json(await send('GET', `/public/centers/${c.id}/kiosk`));
    expect(after.services.find((s: { code: string }) => s.code === 'HT').estimate).toEqual({ peopleAhead: 4, minMinutes: 27, maxMinutes: 47 });

    // The manager's live board flags the services nobody serves now.
    const board = await json(await send('GET', `/centers/${c.id}/live`));
    expect(Object.fromEntries(board.services.map((s: { ticketPrefix: string; servable: boolean }) => [s.ticketPrefix, s.servable]))).toEqual({ A: true, B: false, C: false });

    // Once counter 2 opens, Certification is offered and issued.
    expect((await send('POST', `/counters/${c.counters[1]}/state`, { state: 'open' })).status).toBe(200);
    const opened = await json(await send('GET', `/public/centers/${c.id}/kiosk`));
    expect(opened.services.find((s: { code: string }) => s.code === 'CT')).toMatchObject({ servable: true, openCounters: ['Quầy 2'] });
    expect((await send('POST', `/centers/${c.id}/tickets`, { serviceId: c.services.CT })).status).toBe(201);
  });

  it('a closed center tells the kiosk when it opens next, from its working calendar', async () => {
    const c = await center('F-CLOSED', [{ state: 'open', serves: ['HT'] }]);
    const kiosk = await json(await send('GET', `/public/centers/${c.id}/kiosk`, undefined, EVENING));
    expect(kiosk.isOpenNow).toBe(false);
    expect(kiosk.nextOpening).toBe('2026-11-26T00:30:00.000Z');
    expect(kiosk.services.find((s: { code: string }) => s.code === 'HT')).toMatchObject({ servable: false, expected: { kind: 'next_opening', at: '2026-11-26T00:30:00.000Z' } });
    // At 11:45 (the lunch break) it opens again at 13:00 the same day.
    const lunch = await json(await send('GET', `/public/centers/${c.id}/kiosk`, undefined, '2026-11-25T04:45:00.000Z'));
    expect(lunch.nextOpening).toBe('2026-11-25T06:00:00.000Z');
  });

  it('transfer targets are the open counters with their queue; a closed counter is refused; a counter that closes hands its transferred tickets back with their arrival time', async () => {
    const c = await center('F-TRANSFER', [
      { state: 'open', serves: ['HT'] },
      { state: 'open', serves: ['CT'] },
      { state: 'closed', serves: ['CT'] },
    ]);
    const [k1, k2, k3] = c.counters;
    const first = await json(await send('POST', `/centers/${c.id}/tickets`, { serviceId: c.services.HT }, '2026-11-25T02:00:00.000Z'));
    for (const at of ['2026-11-25T02:01:00.000Z', '2026-11-25T02:02:00.000Z']) expect((await send('POST', `/centers/${c.id}/tickets`, { serviceId: c.services.CT }, at)).status).toBe(201);
    expect((await send('POST', `/counters/${k1}/call-next`)).status).toBe(200);
    const ws = await json(await send('POST', `/counters/${k1}/start`));
    // Only counter 2 is offered (counter 3 is closed), with the two Certification tickets waiting for it.
    expect(ws.otherCounters).toEqual([{ id: k2, label: 'Quầy 2', number: 2, state: 'open', serviceIds: [c.services.CT], waiting: 2 }]);

    const refused = await send('POST', `/counters/${k1}/transfer`, { counterId: k3 });
    expect(refused.status).toBe(400);
    expect((await json(refused)).error.details).toEqual([{ path: 'body.counterId', message: 'Quầy 3 is closed; choose an open counter' }]);
    expect((await stack.database.sql`select status from tickets where id = ${first.id}`)[0]!.status).toBe('serving');

    expect((await send('POST', `/counters/${k1}/transfer`, { counterId: k2 })).status).toBe(200);
    const [copy] = await stack.database.sql`select id, target_counter_id, arrived_at from tickets where transferred_from_ticket_id = ${first.id}`;
    expect(copy!.target_counter_id).toBe(k2);
    // Counter 2 closes before calling it: the ticket goes back to the Certification line, first by its arrival time.
    expect((await send('POST', `/counters/${k2}/state`, { state: 'closed' })).status).toBe(200);
    const [back] = await stack.database.sql`select status, target_counter_id, arrived_at from tickets where id = ${copy!.id}`;
    expect(back).toEqual({ status: 'waiting', target_counter_id: null, arrived_at: copy!.arrived_at });
    expect(new Date(back!.arrived_at as string).toISOString()).toBe(first.arrivedAt);
    expect((await send('POST', `/counters/${k3}/state`, { state: 'open' })).status).toBe(200);
    const called = await json(await send('POST', `/counters/${k3}/call-next`));
    expect(called.current).toMatchObject({ code: first.code, arrivedAt: first.arrivedAt, transferred: true });
  });
});
