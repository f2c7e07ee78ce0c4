import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { json, seed, signIn, startSecondApi, startStack, type Account, type Stack } from './harness.js';

// Wednesday 2026-11-25, 09:00 in Hồ Chí Minh City: within the demo centers' opening hours.
const MORNING = '2026-11-25T02:00:00.000Z';
const ALL_DAY = JSON.stringify(Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [{ start: '00:00', end: '23:59' }]])));

describe('queue ticketing', () => {
  let stack: Stack;
  let accounts: Account[];
  let manager = '';
  let center: { id: string; services: Array<{ id: string; prefix: string }>; counters: string[] };

  const send = (method: string, path: string, body?: unknown, opts: { cookie?: string; now?: string; base?: string } = {}) =>
    fetch(`${opts.base ?? stack.baseUrl}/api${path}`, {
      method,
      headers: { cookie: opts.cookie ?? manager, 'content-type': 'application/json', 'accept-language': 'en', 'x-test-now': opts.now ?? MORNING },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const issue = (serviceId: string, opts: { priorityCategoryId?: string; now?: string; base?: string } = {}) =>
    send('POST', `/centers/${center.id}/tickets`, { serviceId, priorityCategoryId: opts.priorityCategoryId ?? null }, opts);
  /** A fresh center (own services and counters) per test keeps tests independent. */
  async function freshCenter(code: string, counters = 2) {
    const sql = stack.database.sql;
    const [unit] = await sql`select unit_id from centers where code = 'TT-32002'`;
    const [c] = await sql`insert into centers (code, name, unit_id, opening_hours) values (${code}, ${'Trung tâm ' + code}, ${unit!.unit_id}, ${ALL_DAY}::jsonb) returning id`;
    const services = await sql`insert into services (center_id, code, name_vi, name_en, ticket_prefix, typical_service_minutes, field, sort_order)
      values (${c!.id}, 'HT', 'Hộ tịch', 'Civil status', 'A', 8, 'ho_tich', 0), (${c!.id}, 'CT', 'Chứng thực', 'Certification', 'B', 4, 'chung_thuc', 1) returning id, ticket_prefix as prefix`;
    const ids: string[] = [];
    for (let i = 1; i <= counters; i++) {
      const [k] = await sql`insert into counters (center_id, label, number, state) values (${c!.id}, ${'Quầy ' + i}, ${i}, 'open') returning id`;
      await sql`insert into counter_services (counter_id, service_id, weight) values (${k!.id}, ${services[0]!.id}, 1)`;
      // Counter 1 also helps with Certification: the kiosk issues only for services an open counter serves.
      if (i === 1) await sql`insert into counter_services (counter_id, service_id, weight) values (${k!.id}, ${services[1]!.id}, 1)`;
      ids.push(k!.id);
    }
    return { id: c!.id as string, services: services.map((s) => ({ id: s.id as string, prefix: s.prefix as string })), counters: ids };
  }

  beforeAll(async () => {
    stack = await startStack({ worker: true });
    accounts = await seed(stack);
    manager = await signIn(stack, 'admin', accounts.find((a) => a.username === 'admin')!.password);
  });
  afterAll(() => stack?.stop());

  it('2,000 tickets issued at once through two API processes: unique and gap-free per queue', async () => {
    center = await freshCenter('Q-LOAD');
    const second = await startSecondApi(stack);
    try {
      const total = 2000;
      let next = 0;
      const codes: string[] = [];
      const failures: number[] = [];
      await Promise.all(
        Array.from({ length: 64 }, async (_, worker) => {
          while (next < total) {
            const i = next++;
            const res = await issue(center.services[i % 2]!.id, { base: worker % 2 ? second.baseUrl : stack.baseUrl });
            if (res.status !== 201) failures.push(res.status);
            else codes.push((await json(res)).code);
          }
        }),
      );
      expect(failures).toEqual([]);
      expect(new Set(codes).size).toBe(total);
      for (const { id, prefix } of center.services) {
        const numbers = (await stack.database.sql`select number from tickets where service_id = ${id} order by number`).map((r) => r.number as number);
        expect(numbers).toEqual(Array.from({ length: total / 2 }, (_, i) => i + 1));
        expect(codes.filter((c) => c.startsWith(prefix))).toHaveLength(total / 2);
      }
    } finally {
      await second.stop();
    }
  }, 120_000);

  it('20 counters calling at once on one queue never call a ticket twice', async () => {
    center = await freshCenter('Q-CALL', 20);
    for (let i = 0; i < 300; i++) expect((await issue(center.services[0]!.id)).status).toBe(201);
    const called: string[] = [];
    await Promise.all(
      center.counters.map(async (counterId) => {
        for (;;) {
          const res = await send('POST', `/counters/${counterId}/call-next`);
          if (res.status === 409) break;
          expect(res.status).toBe(200);
          called.push((await json(res)).current.id);
          expect((await send('POST', `/counters/${counterId}/start`)).status).toBe(200);
          expect((await send('POST', `/counters/${counterId}/done`)).status).toBe(200);
        }
      }),
    );
    expect(called).toHaveLength(300);
    expect(new Set(called).size).toBe(300);
    const [events] = await stack.database.sql`select count(*)::int as n, count(distinct ticket_id)::int as d from ticket_events where kind = 'called' and ticket_id in (select id from tickets where center_id = ${center.id})`;
    expect(events).toEqual({ n: 300, d: 300 });
  }, 120_000);

  it('numbers restart at local midnight in Asia/Ho_Chi_Minh, not at UTC midnight', async () => {
    center = await freshCenter('Q-MIDNIGHT');
    const service = center.services[0]!.id;
    // 23:58 and 23:59 on the 25th local time (16:58Z), then 00:01 on the 26th local (17:01Z, still the 25th in UTC).
    const before = [await issue(service, { now: '2026-11-25T16:58:00Z' }), await issue(service, { now: '2026-11-25T16:58:30Z' })];
    const after = await issue(service, { now: '2026-11-25T17:01:00Z' });
    expect(await Promise.all(before.map(async (r) => (await json(r)).code))).toEqual(['A001', 'A002']);
    expect((await json(after)).code).toBe('A001');
    const days = await stack.database.sql`select business_date::text as d, count(*)::int as n from tickets where center_id = ${center.id} group by 1 order by 1`;
    expect(days).toEqual([{ d: '2026-11-25', n: 2 }, { d: '2026-11-26', n: 1 }]);
  });

  it('interleaves priority tickets 2 normal : 1 priority and never starves the normal line', async () => {
    center = await freshCenter('Q-PRIO', 1);
    const [elderly] = await stack.database.sql`select id from priority_categories where code = 'elderly' and center_id is null`;
    const service = center.services[0]!.id;
    // Priority tickets arrive first: a greedy "priority first" rule would serve all of them before any normal one.
    for (let i = 0; i < 4; i++) await issue(service, { priorityCategoryId: elderly!.id, now: `2026-11-25T02:00:0${i}Z` });
    for (let i = 0; i < 4; i++) await issue(service, { now: `2026-11-25T02:01:0${i}Z` });
    const order: string[] = [];
    for (let i = 0; i < 8; i++) {
      const ws = await json(await send('POST', `/counters/${center.counters[0]}/call-next`, undefined, { now: '2026-11-25T02:05:00Z' }));
      order.push(ws.current.priority ? 'P' : 'N');
      await send('POST', `/counters/${center.counters[0]}/start`);
      await send('POST', `/counters/${center.counters[0]}/done`);
    }
    expect(order.join('')).toBe('NNPNNPPP');
  });

  it('a transfer keeps the number and the arrival time, so the citizen is not sent to the back', async () => {
    center = await freshCenter('Q-TRANSFER', 2);
    const [a, b] = center.services;
    await stack.database.sql`insert into counter_services (counter_id, service_id, weight) values (${center.counters[1]!}, ${b!.id}, 1)`;
    await stack.database.sql`delete from counter_services where counter_id = ${center.counters[1]!} and service_id = ${a!.id}`;
    const first = await json(await issue(a!.id, { now: '2026-11-25T02:00:00Z' }));
    await issue(b!.id, { now: '2026-11-25T02:03:00Z' });
    await send('POST', `/counters/${center.counters[0]}/call-next`);
    await send('POST', `/counters/${center.counters[0]}/start`);
    const moved = await send('POST', `/counters/${center.counters[0]}/transfer`, { serviceId: b!.id });
    expect(moved.status).toBe(200);
    const next = await json(await send('POST', `/counters/${center.counters[1]}/call-next`, undefined, { now: '2026-11-25T02:10:00Z' }));
    expect(next.current).toMatchObject({ code: first.code, arrivedAt: first.arrivedAt, transferred: true, serviceId: b!.id });
    const tracking = await json(await send('GET', `/public/tickets/${first.trackingCode}`));
    expect(tracking).toMatchObject({ code: first.code, status: 'called', counterLabel: 'Quầy 2' });
  });

  it('refuses impossible actions with 409 and a message saying what to do, and leaves nothing half-done', async () => {
    center = await freshCenter('Q-RULES', 1);
    const counter = center.counters[0]!;
    const done = await send('POST', `/counters/${counter}/done`);
    expect(done.status).toBe(409);
    expect((await json(done)).error).toEqual({ code: 'INVALID_TRANSITION', message: 'No ticket is being served, so there is nothing to finish.' });
    await issue(center.services[0]!.id);
    await issue(center.services[0]!.id);
    await send('POST', `/counters/${counter}/call-next`);
    const again = await send('POST', `/counters/${counter}/call-next`);
    expect(again.status).toBe(409);
    expect((await json(again)).error.message).toMatch(/A001 is still called/);
    const [waiting] = await stack.database.sql`select count(*)::int as n from tickets where center_id = ${center.id} and status = 'waiting'`;
    expect(waiting!.n).toBe(1);
    // After the allowed number of recalls, calling next marks the absent citizen as a no-show.
    await send('POST', `/counters/${counter}/recall`);
    await send('POST', `/counters/${counter}/recall`);
    const next = await json(await send('POST', `/counters/${counter}/call-next`));
    expect(next.current.code).toBe('A002');
    const [gone] = await stack.database.sql`select status from tickets where center_id = ${center.id} and code = 'A001'`;
    expect(gone!.status).toBe('no_show');
  });

  it('sends the allowed actions from the ticket lifecycle: a closed counter opens first, recalls stop at the limit, closing sends transferred tickets back', async () => {
    center = await freshCenter('Q-LIFE', 2);
    const [k1, k2] = center.counters as [string, string];
    const desk = async (k: string) => json(await send('GET', `/counters/${k}/workstation`));
    await send('POST', `/counters/${k1}/state`, { state: 'closed' });
    await issue(center.services[0]!.id);
    expect((await desk(k1)).allowedActions).toEqual(['open']);
    const refused = await send('POST', `/counters/${k1}/call-next`);
    expect(refused.status).toBe(409);
    expect((await json(refused)).error.message).toBe('The counter is closed: press "Open counter" before calling a number.');
    expect((await json(await send('POST', `/counters/${k1}/state`, { state: 'open' }))).allowedActions).toEqual(['callNext', 'pause', 'close']);

    // Called: recall up to the center's limit (2), then only start, no-show or call next.
    expect((await json(await send('POST', `/counters/${k1}/call-next`))).allowedActions).toEqual(['recall', 'start', 'noShow']);
    await send('POST', `/counters/${k1}/recall`);
    expect((await json(await send('POST', `/counters/${k1}/recall`))).allowedActions).toEqual(['start', 'noShow']);
    const third = await send('POST', `/counters/${k1}/recall`);
    expect(third.status).toBe(409);
    expect((await json(third)).error.message).toBe('Ticket A001 has been recalled 2 times, the most this center allows: mark it as no-show or call the next number.');
    const [row] = await stack.database.sql`select recall_count from tickets where center_id = ${center.id} and code = 'A001'`;
    expect(row!.recall_count).toBe(2);

    // Served and transferred to counter 2, which then closes: the ticket is back in its service line for any counter, arrival time kept.
    expect((await json(await send('POST', `/counters/${k1}/start`))).allowedActions).toEqual(['done', 'transfer']);
    expect((await send('POST', `/counters/${k1}/transfer`, { counterId: k2 })).status).toBe(200);
    const [before] = await stack.database.sql`select arrived_at, target_counter_id from tickets where center_id = ${center.id} and status = 'waiting'`;
    expect(before!.target_counter_id).toBe(k2);
    expect((await send('POST', `/counters/${k2}/state`, { state: 'closed' })).status).toBe(200);
    const [after] = await stack.database.sql`select arrived_at, target_counter_id from tickets where center_id = ${center.id} and status = 'waiting'`;
    expect(after).toEqual({ arrived_at: before!.arrived_at, target_counter_id: null });
    expect((await json(await send('POST', `/counters/${k1}/call-next`))).current).toMatchObject({ code: 'A001', transferred: true });
  });

  it('the live board names who serves a counter without an assignment, and says when the center is outside office hours', async () => {
    center = await freshCenter('Q-BOARD', 1);
    await issue(center.services[0]!.id);
    await send('POST', `/counters/${center.counters[0]}/call-next`);
    const board = await json(await send('GET', `/centers/${center.id}/live`));
    const [admin] = await stack.database.sql`select full_name from staff where username = 'admin'`;
    // Nobody is assigned to this counter today, but the administrator called A001 there: not "Chưa phân công".
    expect(board.counters[0]).toMatchObject({ state: 'serving', officerName: admin!.full_name, current: { code: 'A001' } });
    expect(board.opening).toEqual({ isOpenNow: true, windows: [{ start: '00:00', end: '23:59' }] });
    // 23:59:30 local time is after today's only window (00:00–23:59): the board says the center is closed now.
    const late = await json(await send('GET', `/centers/${center.id}/live`, undefined, { now: '2026-11-25T16:59:30Z' }));
    expect(late.opening).toEqual({ isOpenNow: false, windows: [{ start: '00:00', end: '23:59' }] });
  });

  it('refuses a paused service and a closed center clearly; only the assigned officer works a counter', async () => {
    center = await freshCenter('Q-CLOSED', 1);
    await send('PUT', `/services/${center.services[1]!.id}/availability`, { isOpen: false });
    const paused = await issue(center.services[1]!.id);
    expect(paused.status).toBe(409);
    expect((await json(paused)).error.message).toBe('"Certification" is paused. Please choose another service or ask the staff.');
    const [anXuyen] = await stack.database.sql`select id from centers where code = 'TT-32002'`;
    const [service] = await stack.database.sql`select id from services where center_id = ${anXuyen!.id} order by sort_order limit 1`;
    const sunday = await send('POST', `/centers/${anXuyen!.id}/tickets`, { serviceId: service!.id }, { now: '2026-11-29T03:00:00Z' });
    expect(sunday.status).toBe(409);
    expect((await json(sunday)).error.message).toBe('The center is closed today.');
    const evening = await send('POST', `/centers/${anXuyen!.id}/tickets`, { serviceId: service!.id }, { now: '2026-11-25T12:00:00Z' });
    expect((await json(evening)).error.message).toBe("The center is not issuing tickets now. Today's hours: 07:30–11:30, 13:00–17:00.");
    // canbo.anxuyen1 is on counter 1 of An Xuyên today, not on counter 2.
    const officer = await signIn(stack, 'canbo.anxuyen1', accounts.find((a) => a.username === 'canbo.anxuyen1')!.password);
    const counters = (await stack.database.sql`select id from counters where center_id = ${anXuyen!.id} order by number`).map((r) => r.id as string);
    const today = new Date().toISOString();
    expect((await send('GET', `/counters/${counters[0]}/workstation`, undefined, { cookie: officer, now: today })).status).toBe(200);
    const other = await send('GET', `/counters/${counters[1]}/workstation`, undefined, { cookie: officer, now: today });
    expect(other.status).toBe(403);
    expect((await json(other)).error.message).toMatch(/^You are not assigned to this counter this (morning|afternoon)\.$/);
  });

  it('pushes a call to the hall display room within a second, with a per-room sequence', async () => {
    center = await freshCenter('Q-LIVE', 1);
    const display = io(`${stack.baseUrl}/public`, { transports: ['websocket'] });
    try {
      await new Promise<void>((resolve) => display.on('connect', () => resolve()));
      await new Promise((resolve) => display.emit('subscribe', `center:${center.id}`, resolve));
      const seen: Array<{ seq: number; data: { ticketCode: string; counterLabel: string } }> = [];
      display.on('ticket.called', (e) => seen.push(e));
      await issue(center.services[0]!.id);
      const started = Date.now();
      await send('POST', `/counters/${center.counters[0]}/call-next`);
      await vi.waitFor(() => expect(seen.length).toBeGreaterThan(0), { timeout: 10_000, interval: 10 });
      expect(Date.now() - started, 'the display hears the call within a second').toBeLessThan(1000);
      expect(seen[0]?.data).toMatchObject({ ticketCode: 'A001', counterLabel: 'Quầy 1' });
      const snapshot = await json(await send('GET', `/public/centers/${center.id}/display`));
      expect(snapshot.seq).toBeGreaterThanOrEqual(seen[0]!.seq);
      expect(snapshot.calls[0]).toMatchObject({ ticketCode: 'A001', counterNumber: 1 });
      expect(JSON.stringify(snapshot)).not.toMatch(/fullName|phone|officer/i);
    } finally {
      display.close();
    }
  });

  it('rates a finished ticket once, at the counter where it was served', async () => {
    center = await freshCenter('Q-RATE', 1);
    const counter = center.counters[0]!;
    const now = new Date().toISOString();
    await issue(center.services[0]!.id, { now });
    for (const step of ['call-next', 'start', 'done']) await send('POST', `/counters/${counter}/${step}`, undefined, { now });
    // The counter's tablet: a paired device bound to this counter.
    const { pairingCode } = await json(await send('POST', `/centers/${center.id}/devices`, { kind: 'rating', name: 'Máy đánh giá', counterId: counter }, { now }));
    const paired = await send('POST', '/devices/pair', { code: pairingCode }, { cookie: '', now });
    const tablet = paired.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const prompt = await json(await send('GET', `/public/counters/${counter}/rating`, undefined, { now, cookie: tablet }));
    expect(prompt.ticket.code).toBe('A001');
    const rate = () => send('POST', `/public/counters/${counter}/ratings`, { ticketId: prompt.ticket.id, level: 'not_satisfied', reason: 'Chờ lâu' }, { now, cookie: tablet });
    expect((await rate()).status).toBe(201);
    const twice = await rate();
    expect(twice.status).toBe(409);
    expect((await json(twice)).error.message).toBe('This visit has already been rated. Thank you!');
    expect((await json(await send('GET', `/public/counters/${counter}/rating`, undefined, { now, cookie: tablet }))).ticket).toBeNull();
  });

  it('expires the tickets of past days still waiting (the hourly end-of-day job)', async () => {
    center = await freshCenter('Q-EXPIRE', 1);
    await issue(center.services[0]!.id, { now: '2026-01-05T03:00:00Z' });
    const { JobProducer, createRedis, closeRedis } = await import('@motcua/platform');
    const redis = createRedis(process.env.MOTCUA_TEST_REDIS_URL!, 'bullmq');
    const producer = new JobProducer(redis, stack.prefix);
    try {
      await producer.enqueue('queue.expire-days', {});
      await expect.poll(async () => (await stack.database.sql`select status from tickets where center_id = ${center.id}`)[0]!.status, { timeout: 20_000, interval: 100 }).toBe('expired');
    } finally {
      await producer.close();
      await closeRedis(redis);
    }
  });

  it('deletes the phones left at the kiosk once the ticket’s day is over in the center’s time zone, not before', async () => {
    center = await freshCenter('Q-PURGE', 1);
    const withPhone = async (phone: string, now: string) =>
      (await json(await send('POST', `/centers/${center.id}/tickets`, { serviceId: center.services[0]!.id, phone }, { now }))).id as string;
    const yesterday = await withPhone('0905111222', '2026-11-24T16:00:00+07:00');
    const today = await withPhone('0905333444', '2026-11-25T00:10:00+07:00');
    const contacts = async () => (await stack.database.sql`select ticket_id from ticket_contacts where ticket_id in (${yesterday}, ${today})`).map((r) => r.ticket_id);
    expect((await contacts()).sort()).toEqual([yesterday, today].sort());
    const { JobProducer, createRedis, closeRedis } = await import('@motcua/platform');
    const redis = createRedis(process.env.MOTCUA_TEST_REDIS_URL!, 'bullmq');
    const producer = new JobProducer(redis, stack.prefix);
    try {
      // 00:20 in Hồ Chí Minh City is still the 24th in UTC: a job counting days in UTC would keep yesterday's phone.
      await producer.enqueue('queue.expire-days', { asOf: '2026-11-25T00:20:00+07:00' });
      await expect.poll(contacts, { timeout: 20_000, interval: 100 }).toEqual([today]);
      const [row] = await stack.database.sql`select status from tickets where id = ${yesterday}`;
      expect(row!.status).toBe('expired');
    } finally {
      await producer.close();
      await closeRedis(redis);
    }
  });
});
