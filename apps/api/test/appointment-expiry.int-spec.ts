import { QueueName } from '@motcua/contracts';
import { appointmentRepository } from '@motcua/db';
import { closeRedis, createRedis } from '@motcua/platform';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, seed, signIn, startStack, type Stack } from './harness.js';

// A Wednesday months ahead: the running worker's own sweep (real clock) never reaches these slots.
const at = (hhmm: string, day = '2027-03-10') => new Date(`${day}T${hhmm}+07:00`);
const ALL_DAY = JSON.stringify(Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [{ start: '00:00', end: '23:59' }]])));

describe('appointments nobody checks in for', () => {
  let stack: Stack;
  let admin = '';
  let client = 0;

  const send = (method: string, path: string, body: unknown, now: Date, cookie = '') =>
    fetch(`${stack.baseUrl}/api${path}`, {
      method,
      headers: { cookie, 'content-type': 'application/json', 'accept-language': 'en', 'x-test-now': now.toISOString(), 'x-forwarded-for': `10.8.0.${++client % 250}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  async function freshCenter(code: string) {
    const sql = stack.database.sql;
    const [unit] = await sql`select unit_id from centers where code = 'TT-32002'`;
    const [c] = await sql`insert into centers (code, name, unit_id, opening_hours) values (${code}, ${'Trung tâm ' + code}, ${unit!.unit_id}, ${ALL_DAY}::jsonb) returning id`;
    const [service] = await sql`insert into services (center_id, code, name_vi, name_en, ticket_prefix, typical_service_minutes, field)
      values (${c!.id}, 'HT', 'Hộ tịch', 'Civil status', 'A', 8, 'ho_tich') returning id`;
    const [k] = await sql`insert into counters (center_id, label, number, state) values (${c!.id}, 'Quầy 1', 1, 'open') returning id`;
    await sql`insert into counter_services (counter_id, service_id, weight) values (${k!.id}, ${service!.id}, 1)`;
    return { id: c!.id as string, serviceId: service!.id as string };
  }
  const statuses = async (centerId: string) =>
    Object.fromEntries((await stack.database.sql`select code, status from appointments where center_id = ${centerId}`).map((r) => [r.code, r.status]));
  /** What the worker's job runs, with the clock injected. */
  const sweep = (now: Date) => stack.database.db.transaction((tx) => appointmentRepository.expireMissed(tx, now));

  beforeAll(async () => {
    stack = await startStack({ worker: true, env: { TRUST_PROXY: '1' } });
    const accounts = await seed(stack);
    admin = await signIn(stack, 'admin', accounts.find((a) => a.username === 'admin')!.password);
  });
  afterAll(() => stack?.stop());

  it('become missed after the slot end plus the on-time window, once, however many sweeps run at once', async () => {
    const center = await freshCenter('AX-SWEEP');
    const book = async (hhmm: string) => json(await send('POST', `/public/centers/${center.id}/appointments`, { serviceId: center.serviceId, slotStart: at(hhmm).toISOString() }, at('08:00', '2027-03-09')));
    const [a, b, c] = [await book('09:00'), await book('09:30'), await book('10:00')];
    // Late but within the window: still a ticket.
    expect((await send('POST', `/centers/${center.id}/appointments/check-in`, { code: b.code }, at('09:45'), admin)).status).toBe(201);

    // 30-minute slots, ±10 minutes: 09:00 is missed after 09:40.
    expect(await sweep(at('09:40:00'))).toEqual([]);
    expect((await sweep(at('09:40:01'))).map((r) => r.id)).toHaveLength(1);
    expect(await statuses(center.id)).toEqual({ [a.code]: 'missed', [b.code]: 'checked_in', [c.code]: 'booked' });

    const concurrent = await Promise.all(Array.from({ length: 10 }, () => sweep(at('10:41'))));
    expect(concurrent.flat()).toHaveLength(1);
    expect(await sweep(at('10:41'))).toEqual([]);
    expect(await statuses(center.id)).toEqual({ [a.code]: 'missed', [b.code]: 'checked_in', [c.code]: 'missed' });

    // The citizen's page says so; check-in, cancel and reschedule are refused with a reason.
    expect(await json(await send('GET', `/public/appointments/${a.manageToken}`, undefined, at('10:41')))).toMatchObject({ status: 'missed' });
    const refused = await send('POST', `/centers/${center.id}/appointments/check-in`, { code: a.code }, at('10:41'), admin);
    expect(refused.status).toBe(409);
    expect((await json(refused)).error.message).toBe('The appointment at 09:00 10/03/2027 has passed and is no longer valid. Please take a regular ticket or book again.');
    expect((await send('POST', `/public/appointments/${a.manageToken}/cancel`, undefined, at('10:41'))).status).toBe(409);
    const moved = await send('POST', `/public/appointments/${a.manageToken}/reschedule`, { slotStart: at('15:00').toISOString() }, at('10:41'));
    expect(moved.status).toBe(409);
    expect((await json(moved)).error.message).toBe('This appointment has passed without a check-in; book a new one.');
  });

  it('count as missed before the sweep reaches them: check-in refuses them at the same instant', async () => {
    const center = await freshCenter('AX-EDGE');
    const d = await json(await send('POST', `/public/centers/${center.id}/appointments`, { serviceId: center.serviceId, slotStart: at('11:00').toISOString() }, at('08:00')));
    expect(await json(await send('GET', `/public/appointments/${d.manageToken}`, undefined, at('11:40')))).toMatchObject({ status: 'booked' });
    expect(await json(await send('GET', `/public/appointments/${d.manageToken}`, undefined, at('11:41')))).toMatchObject({ status: 'missed' });
    expect((await send('POST', `/centers/${center.id}/appointments/check-in`, { code: d.code }, at('11:41'), admin)).status).toBe(409);
    expect(await statuses(center.id)).toEqual({ [d.code]: 'booked' });
    expect(await sweep(at('11:41'))).toHaveLength(1);
  });

  it('the worker runs the sweep as a scheduled job', async () => {
    const center = await freshCenter('AX-JOB');
    // Booked three days ago for 10:00 yesterday (real clock), never checked in.
    const yesterday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(Date.now() - 86_400_000));
    const slot = at('10:00', yesterday);
    const booked = await send('POST', `/public/centers/${center.id}/appointments`, { serviceId: center.serviceId, slotStart: slot.toISOString() }, new Date(Date.now() - 3 * 86_400_000));
    expect(booked.status).toBe(201);
    const connection = createRedis(process.env.MOTCUA_TEST_REDIS_URL!, 'bullmq');
    const scheduled = new Queue(QueueName.scheduled, { connection, prefix: stack.prefix });
    try {
      const schedulers = await scheduled.getJobSchedulers();
      expect(schedulers.find((j) => j.key === 'appointment-expiry')).toMatchObject({ every: 60_000 });
      // The scheduler fires every minute; run it now rather than wait.
      const job = await scheduled.add('appointments.expire-missed', {});
      await expect.poll(async () => Object.values(await statuses(center.id)), { timeout: 20_000, interval: 100 }).toEqual(['missed']);
      expect(await job.getState()).not.toBe('failed');
    } finally {
      await scheduled.close();
      await closeRedis(connection);
    }
  });
});
