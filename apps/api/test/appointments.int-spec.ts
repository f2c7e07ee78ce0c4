import { closeRedis, createRedis } from '@motcua/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, openCounters, seed, signIn, startSecondApi, startStack, type Account, type Stack } from './harness.js';
import { waitFor } from './wait.js';

// Wednesday 2026-11-25 in Hồ Chí Minh City (UTC+7); the test centers are open all day.
const at = (hhmm: string) => new Date(`2026-11-25T${hhmm}:00+07:00`).toISOString();
const ALL_DAY = JSON.stringify(Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [{ start: '00:00', end: '23:59' }]])));

describe('online appointments', () => {
  let stack: Stack;
  let accounts: Account[];
  let admin = '';
  let client = 0;

  /** Each request comes from its own address (TRUST_PROXY): citizens book from their own phones. */
  const send = (method: string, path: string, body?: unknown, opts: { now?: string; base?: string; ip?: string; cookie?: string } = {}) =>
    fetch(`${opts.base ?? stack.baseUrl}/api${path}`, {
      method,
      headers: {
        cookie: opts.cookie ?? '', 'content-type': 'application/json', 'accept-language': 'en', 'x-test-now': opts.now ?? at('09:00'),
        'x-forwarded-for': opts.ip ?? `10.9.${Math.floor(++client / 250)}.${client % 250}`,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  async function freshCenter(code: string, counters: number) {
    const sql = stack.database.sql;
    const [unit] = await sql`select unit_id from centers where code = 'TT-32002'`;
    const [c] = await sql`insert into centers (code, name, unit_id, opening_hours) values (${code}, ${'Trung tâm ' + code}, ${unit!.unit_id}, ${ALL_DAY}::jsonb) returning id`;
    const [service] = await sql`insert into services (center_id, code, name_vi, name_en, ticket_prefix, typical_service_minutes, field)
      values (${c!.id}, 'HT', 'Hộ tịch', 'Civil status', 'A', 8, 'ho_tich') returning id`;
    const ids: string[] = [];
    for (let i = 1; i <= counters; i++) {
      const [k] = await sql`insert into counters (center_id, label, number, state) values (${c!.id}, ${'Quầy ' + i}, ${i}, 'open') returning id`;
      await sql`insert into counter_services (counter_id, service_id, weight) values (${k!.id}, ${service!.id}, 1)`;
      ids.push(k!.id);
    }
    return { id: c!.id as string, serviceId: service!.id as string, counters: ids };
  }
  const book = (centerId: string, serviceId: string, slot: string, opts: { now?: string; base?: string; phone?: string } = {}) =>
    send('POST', `/public/centers/${centerId}/appointments`, { serviceId, slotStart: slot, phone: opts.phone ?? null }, opts);

  beforeAll(async () => {
    stack = await startStack({ env: { TRUST_PROXY: '1' } });
    accounts = await seed(stack);
    // The kiosk issues only for services an open counter serves (#18 item 1).
    await openCounters(stack);
    admin = await signIn(stack, 'admin', accounts.find((a) => a.username === 'admin')!.password);
  });
  afterAll(() => stack?.stop());

  it('200 concurrent bookings of one slot through two API processes never oversell it', async () => {
    const center = await freshCenter('AP-LOAD', 3);
    const slot = at('10:00');
    const listed = await json(await send('GET', `/public/centers/${center.id}/appointment-slots?serviceId=${center.serviceId}&date=2026-11-25`));
    // No board for the day yet: the counters that serve the service (3) × 2 per counter.
    expect(listed.slots.find((s: { start: string }) => s.start === slot)).toEqual({ start: slot, capacity: 6, remaining: 6 });
    const second = await startSecondApi(stack);
    try {
      const statuses = await Promise.all(Array.from({ length: 200 }, (_, i) => book(center.id, center.serviceId, slot, { base: i % 2 ? second.baseUrl : undefined }).then((r) => r.status)));
      expect(statuses.filter((s) => s === 201)).toHaveLength(6);
      expect(statuses.filter((s) => s === 409)).toHaveLength(194);
    } finally {
      await second.stop();
    }
    const [row] = await stack.database.sql`select booked, (select count(*)::int from appointments where center_id = ${center.id} and status = 'booked') as n
      from appointment_slots where center_id = ${center.id}`;
    expect(row).toEqual({ booked: 6, n: 6 });
    const after = await json(await send('GET', `/public/centers/${center.id}/appointment-slots?serviceId=${center.serviceId}&date=2026-11-25`));
    expect(after.slots.find((s: { start: string }) => s.start === slot).remaining).toBe(0);
  }, 60_000);

  it('capacity follows the day’s assignment board once it is built', async () => {
    const center = await freshCenter('AP-BOARD', 3);
    const [officer] = await stack.database.sql`select id from staff where username = 'canbo.anxuyen1'`;
    await stack.database.sql`insert into assignments (staff_id, counter_id, work_date) values (${officer!.id}, ${center.counters[0]!}, '2026-11-26')`;
    const slots = await json(await send('GET', `/public/centers/${center.id}/appointment-slots?serviceId=${center.serviceId}&date=2026-11-26`));
    expect(slots.slots[0]).toMatchObject({ capacity: 2, remaining: 2 });
    expect(slots.slots[0].start).toBe(new Date('2026-11-26T00:00:00+07:00').toISOString());
    const far = await send('GET', `/public/centers/${center.id}/appointment-slots?serviceId=${center.serviceId}&date=2027-01-20`);
    expect(far.status).toBe(400);
    expect((await json(far)).error.details).toEqual([{ path: 'query.date', message: 'Appointments can be booked for the next 14 days only (until 08/12/2026)' }]);
  });

  it('an on-time appointment is called before earlier walk-ins; a late one joins the normal line; an early one is sent back', async () => {
    const center = await freshCenter('AP-ORDER', 1);
    const counter = center.counters[0]!;
    const onTime = await json(await book(center.id, center.serviceId, at('09:30'), { now: at('08:00') }));
    const late = await json(await book(center.id, center.serviceId, at('10:00'), { now: at('08:00') }));
    const early = await json(await book(center.id, center.serviceId, at('11:00'), { now: at('08:00') }));
    expect(onTime.code).toMatch(/^[A-Z0-9]{8}$/);

    const walkIn = async (now: string) => (await json(await send('POST', `/centers/${center.id}/tickets`, { serviceId: center.serviceId }, { cookie: admin, now }))).code as string;
    const w1 = await walkIn(at('09:05'));
    const w2 = await walkIn(at('09:10'));
    const checkIn = (code: string, now: string) => send('POST', `/centers/${center.id}/appointments/check-in`, { code: code.toLowerCase() }, { cookie: admin, now });

    const tooEarly = await checkIn(early.code, at('10:20'));
    expect(tooEarly.status).toBe(409);
    expect((await json(tooEarly)).error.message).toContain('10:50');

    const first = await checkIn(onTime.code, at('09:25'));
    expect(first.status).toBe(201);
    const slipA = await json(first);
    expect(slipA).toMatchObject({ onTime: true, slotStart: at('09:30') });
    expect((await checkIn(onTime.code, at('09:26'))).status).toBe(409);

    // The workstation marks appointment tickets with their slot, on time apart from late.
    const line = async (now: string) =>
      (await json(await send('GET', `/counters/${counter}/workstation`, undefined, { cookie: admin, now }))).waiting.map((t: { code: string; appointmentAt: string | null; appointmentOnTime: boolean }) => [t.code, t.appointmentAt, t.appointmentOnTime]);
    expect(await line(at('09:26'))).toEqual([[w1, null, false], [w2, null, false], [slipA.code, at('09:30'), true]]);

    let lastCalled: Record<string, unknown> = {};
    const call = async (now: string) => {
      const res = await send('POST', `/counters/${counter}/call-next`, undefined, { cookie: admin, now });
      expect(res.status).toBe(200);
      lastCalled = (await json(res)).current;
      const code = lastCalled.code as string;
      expect((await send('POST', `/counters/${counter}/start`, undefined, { cookie: admin, now })).status).toBe(200);
      expect((await send('POST', `/counters/${counter}/done`, undefined, { cookie: admin, now })).status).toBe(200);
      return code;
    };
    expect(await call(at('09:26'))).toBe(slipA.code);
    expect(lastCalled).toMatchObject({ appointmentAt: at('09:30'), appointmentOnTime: true });

    const slipLate = await json(await checkIn(late.code, at('10:11')));
    expect(slipLate.onTime).toBe(false);
    const w3 = await walkIn(at('10:12'));
    expect(await line(at('10:12'))).toEqual([[w1, null, false], [w2, null, false], [slipLate.code, at('10:00'), false], [w3, null, false]]);
    // Public surfaces carry no appointment details.
    const publicText = (await (await send('GET', `/public/centers/${center.id}/display`, undefined, { now: at('10:12') })).text())
      + (await (await send('GET', `/public/tickets/${slipLate.trackingCode}`, undefined, { now: at('10:12') })).text());
    expect(publicText).not.toContain('appointment');
    expect([await call(at('10:13')), await call(at('10:14')), await call(at('10:15')), await call(at('10:16'))]).toEqual([w1, w2, slipLate.code, w3]);

    const view = await json(await send('GET', `/public/appointments/${onTime.manageToken}`));
    expect(view).toMatchObject({ status: 'checked_in', ticketCode: slipA.code });
  });

  it('cancel and reschedule by link: places move and free up; phone is validated and never shown', async () => {
    const center = await freshCenter('AP-MANAGE', 1);
    const bad = await book(center.id, center.serviceId, at('14:00'), { phone: '12345' });
    expect(bad.status).toBe(400);
    expect((await json(bad)).error.details.map((d: { path: string }) => d.path)).toEqual(['body.phone']);
    expect((await book(center.id, center.serviceId, at('14:10'))).status).toBe(400); // not a slot start

    const a = await json(await book(center.id, center.serviceId, at('14:00'), { phone: '0912 345 678' }));
    const stored = await stack.database.sql`select phone from appointments where code = ${a.code}`;
    expect(stored[0]!.phone).toBe('0912345678');
    const page = await (await send('GET', `/public/appointments/${a.manageToken}`)).text();
    expect(page).not.toContain('345678');

    // 15:00 is full (capacity 2 with one counter): moving there fails and the booking stays.
    await book(center.id, center.serviceId, at('15:00'));
    await book(center.id, center.serviceId, at('15:00'));
    const full = await send('POST', `/public/appointments/${a.manageToken}/reschedule`, { slotStart: at('15:00') });
    expect(full.status).toBe(409);
    const moved = await json(await send('POST', `/public/appointments/${a.manageToken}/reschedule`, { slotStart: at('16:00') }));
    expect(moved).toMatchObject({ status: 'booked', slotStart: at('16:00') });
    const booked = async () => Object.fromEntries((await stack.database.sql`select slot_start, booked from appointment_slots where center_id = ${center.id}`).map((r) => [new Date(r.slot_start as string).toISOString(), r.booked]));
    expect(await booked()).toEqual({ [at('14:00')]: 0, [at('15:00')]: 2, [at('16:00')]: 1 });

    const cancelled = await json(await send('POST', `/public/appointments/${a.manageToken}/cancel`));
    expect(cancelled.status).toBe('cancelled');
    expect((await booked())[at('16:00')]).toBe(0);
    expect((await send('POST', `/public/appointments/${a.manageToken}/cancel`)).status).toBe(409);
    expect((await send('POST', `/public/appointments/${a.manageToken}/reschedule`, { slotStart: at('17:00') })).status).toBe(409);
    expect((await send('POST', `/centers/${center.id}/appointments/check-in`, { code: a.code }, { cookie: admin, now: at('16:00') })).status).toBe(409);
    expect((await send('GET', '/public/appointments/no-such-appointment-link')).status).toBe(404);
  });

  it('citizens swapping slots at the same time all succeed: no deadlock, counts stay exact', async () => {
    const center = await freshCenter('AP-SWAP', 10);
    const early = await Promise.all(Array.from({ length: 10 }, async () => json(await book(center.id, center.serviceId, at('10:00')))));
    const late = await Promise.all(Array.from({ length: 10 }, async () => json(await book(center.id, center.serviceId, at('11:00')))));
    const statuses = await Promise.all([
      ...early.map((a) => send('POST', `/public/appointments/${a.manageToken}/reschedule`, { slotStart: at('11:00') }).then((r) => r.status)),
      ...late.map((a) => send('POST', `/public/appointments/${a.manageToken}/reschedule`, { slotStart: at('10:00') }).then((r) => r.status)),
    ]);
    expect(statuses).toEqual(Array(20).fill(200));
    const rows = await stack.database.sql`select s.slot_start, s.booked, (select count(*)::int from appointments a where a.center_id = s.center_id and a.slot_start = s.slot_start and a.status = 'booked') as n
      from appointment_slots s where s.center_id = ${center.id} order by s.slot_start`;
    expect(rows.map((r) => [r.booked, r.n])).toEqual([[10, 10], [10, 10]]);
  });

  it('the booking window is the center’s (1 to 60 days, default 14): slot listing and booking honour it', async () => {
    const center = await freshCenter('AP-WINDOW', 1);
    const patch = (body: unknown) => send('PATCH', `/centers/${center.id}`, body, { cookie: admin });
    for (const days of [0, 61]) {
      const bad = await patch({ appointmentBookingDays: days });
      expect(bad.status).toBe(400);
      expect((await json(bad)).error.details).toEqual([{ path: 'body.appointmentBookingDays', message: 'Between 1 and 60 days' }]);
    }
    expect(await json(await patch({ appointmentSlotMinutes: 30 }))).toMatchObject({ appointmentBookingDays: 14 });
    expect(await json(await patch({ appointmentBookingDays: 3 }))).toMatchObject({ appointmentBookingDays: 3 });

    const slots = (date: string) => send('GET', `/public/centers/${center.id}/appointment-slots?serviceId=${center.serviceId}&date=${date}`);
    // The center config is cached for 2 s: wait until the new window shows.
    await expect.poll(async () => (await json(await slots('2026-11-27'))).lastDate, { timeout: 10_000, interval: 250 }).toBe('2026-11-27');
    const beyond = 'Appointments can be booked for the next 3 days only (until 27/11/2026)';
    const far = await slots('2026-11-28');
    expect(far.status).toBe(400);
    expect((await json(far)).error.details).toEqual([{ path: 'query.date', message: beyond }]);

    const tooFar = await book(center.id, center.serviceId, '2026-11-28T10:00:00+07:00');
    expect(tooFar.status).toBe(400);
    expect((await json(tooFar)).error.details).toEqual([{ path: 'body.slotStart', message: beyond }]);
    const a = await book(center.id, center.serviceId, new Date('2026-11-27T10:00:00+07:00').toISOString());
    expect(a.status).toBe(201);
    const moved = await send('POST', `/public/appointments/${(await json(a)).manageToken}/reschedule`, { slotStart: new Date('2026-11-28T10:00:00+07:00').toISOString() });
    expect(moved.status).toBe(400);
    expect((await json(moved)).error.details).toEqual([{ path: 'body.slotStart', message: beyond }]);
  });

  it('the rule is the center’s: a manager sets slot length, places per counter and the on-time window', async () => {
    const center = await freshCenter('AP-RULE', 2);
    const patch = (body: unknown) => send('PATCH', `/centers/${center.id}`, body, { cookie: admin });
    const bad = await patch({ appointmentOnTimeMinutes: 90 });
    expect(bad.status).toBe(400);
    expect((await json(bad)).error.details).toEqual([{ path: 'body.appointmentOnTimeMinutes', message: 'Between 0 and 60 minutes' }]);
    const saved = await json(await patch({ appointmentSlotMinutes: 60, appointmentsPerCounter: 3, appointmentOnTimeMinutes: 20 }));
    expect(saved).toMatchObject({ appointmentSlotMinutes: 60, appointmentsPerCounter: 3, appointmentOnTimeMinutes: 20 });
    const listSlots = async () => json(await send('GET', `/public/centers/${center.id}/appointment-slots?serviceId=${center.serviceId}&date=2026-11-25`));
    // The center config is cached for 2 s: wait until the new slot length shows.
    await expect.poll(async () => (await listSlots()).slotMinutes, { timeout: 10_000, interval: 250 }).toBe(60);
    const slots = await listSlots();
    expect(slots.slots[0]).toEqual({ start: at('10:00'), capacity: 6, remaining: 6 });
    const a = await json(await book(center.id, center.serviceId, at('10:00')));
    // 20 minutes late is still on time under this center's rule.
    const slip = await json(await send('POST', `/centers/${center.id}/appointments/check-in`, { code: a.code }, { cookie: admin, now: at('10:20') }));
    expect(slip.onTime).toBe(true);
  });

  it('new opening hours apply to the next request: the slots follow at once, not after the calendar cache expires', async () => {
    const center = await freshCenter('AP-HOURS', 1);
    const listSlots = async () => json(await send('GET', `/public/centers/${center.id}/appointment-slots?serviceId=${center.serviceId}&date=2026-11-25`));
    expect((await listSlots()).slots[0].start).toBe(at('09:30'));
    const afternoon = { '3': [{ start: '13:00', end: '15:00' }] };
    expect((await send('PATCH', `/centers/${center.id}`, { openingHours: afternoon }, { cookie: admin })).status).toBe(200);
    const slots = await listSlots();
    expect(slots.slots.map((s: { start: string }) => s.start)).toEqual([at('13:00'), at('13:30'), at('14:00'), at('14:30')]);
  });

  it('new opening hours reach the other API process too: it drops its cached calendar when told through Redis', async () => {
    const center = await freshCenter('AP-HOURS2', 1);
    const second = await startSecondApi(stack);
    try {
      const starts = async () => (await json(await send('GET', `/public/centers/${center.id}/appointment-slots?serviceId=${center.serviceId}&date=2026-11-25`, undefined, { base: second.baseUrl }))).slots.map((s: { start: string }) => s.start);
      // The second process now holds the morning hours for a minute.
      expect((await starts())[0]).toBe(at('09:30'));
      // Stray messages on the channel are ignored, not fatal.
      const redis = createRedis(process.env.MOTCUA_TEST_REDIS_URL!, 'bullmq');
      for (const stray of ['not json', '{"topic":"center"}', 'null']) await redis.publish(`${stack.prefix}:cache-forget`, stray);
      await closeRedis(redis);
      expect((await fetch(`${second.baseUrl}/api/health`)).status).toBe(200);
      expect((await send('PATCH', `/centers/${center.id}`, { openingHours: { '3': [{ start: '13:00', end: '14:00' }] } }, { cookie: admin })).status).toBe(200);
      // Well inside the cache's minute: only the broadcast can have dropped it.
      await waitFor('the second API process to list the new hours', async () => JSON.stringify(await starts()) === JSON.stringify([at('13:00'), at('13:30')]), 5_000);
    } finally {
      await second.stop();
    }
  }, 60_000);

  it('booking is rate-limited per address', async () => {
    const center = await freshCenter('AP-LIMIT', 1);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await send('POST', `/public/centers/${center.id}/appointments`, { serviceId: center.serviceId, slotStart: 'x' }, { ip: '10.99.0.1' })).status);
    expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});
