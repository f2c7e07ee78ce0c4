import { JobName, QueueName } from '@motcua/contracts';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { json, seed, signIn, startStack, type Stack } from './harness.js';

// Wednesday 2026-11-25, 09:00 in Hồ Chí Minh City.
const MORNING = '2026-11-25T02:00:00.000Z';
const HOURS = JSON.stringify(Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [{ start: '07:30', end: '17:00' }]])));
/** One "minute" of the confirmation window in this suite: a center's window of N minutes lasts N × 100 ms. */
const MINUTE_MS = 100;

/** #17: a remote ticket called and not confirmed in time becomes a no-show by itself; the counter is not held up. */
describe('remote tickets: no-show without blocking the line', () => {
  let stack: Stack;
  let admin = '';
  let client = 0;
  let connection: Redis;
  let queue: Queue;

  const send = (method: string, path: string, body?: unknown, cookie = '') =>
    fetch(`${stack.baseUrl}/api${path}`, {
      method,
      headers: { cookie, 'content-type': 'application/json', 'accept-language': 'en', 'x-test-now': MORNING, 'x-forwarded-for': `10.18.0.${++client % 250}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const ok = async (res: Response) => {
    const body = await json(res);
    expect(res.status, JSON.stringify(body)).toBeLessThan(300);
    return body;
  };

  async function freshCenter(code: string, confirmMinutes: number) {
    const sql = stack.database.sql;
    const [unit] = await sql`select unit_id from centers where code = 'TT-32002'`;
    const [c] = await sql`insert into centers (code, name, unit_id, opening_hours, remote_confirm_minutes) values (${code}, ${'Trung tâm ' + code}, ${unit!.unit_id}, ${HOURS}::jsonb, ${confirmMinutes}) returning id`;
    const [s] = await sql`insert into services (center_id, code, name_vi, name_en, ticket_prefix, typical_service_minutes, field, sort_order)
      values (${c!.id}, 'HT', 'Hộ tịch', 'Civil status', 'A', 8, 'ho_tich', 0) returning id`;
    const [k] = await sql`insert into counters (center_id, label, number, state) values (${c!.id}, 'Quầy 1', 1, 'open') returning id`;
    await sql`insert into counter_services (counter_id, service_id, weight) values (${k!.id}, ${s!.id}, 1)`;
    return { id: c!.id as string, serviceId: s!.id as string, counterId: k!.id as string };
  }
  const remote = async (c: { id: string; serviceId: string }) => ok(await send('POST', `/public/centers/${c.id}/remote-tickets`, { serviceId: c.serviceId }));
  const callNext = async (counterId: string) => (await ok(await send('POST', `/counters/${counterId}/call-next`, {}, admin))).current;
  const status = async (ticketId: string) => (await stack.database.sql`select status from tickets where id = ${ticketId}`)[0]!.status as string;
  const noShowEvents = async (ticketId: string) => (await stack.database.sql`select data from ticket_events where ticket_id = ${ticketId} and kind = 'no_show'`).map((r) => r.data);
  const jobOf = (ticketId: string) => queue.getJob(`remote-no-show-${ticketId}`);

  // The API and the worker as real processes (plus the seed): slower than a minute on a loaded machine.
  beforeAll(async () => {
    stack = await startStack({ worker: true, env: { TRUST_PROXY: '1', REMOTE_CONFIRM_MINUTE_MS: String(MINUTE_MS) } });
    const accounts = await seed(stack);
    admin = await signIn(stack, 'admin', accounts.find((a) => a.username === 'admin')!.password);
    connection = new Redis(process.env.MOTCUA_TEST_REDIS_URL!, { maxRetriesPerRequest: null });
    queue = new Queue(QueueName.queue, { connection, prefix: stack.prefix });
  }, 180_000);
  afterAll(async () => {
    await queue?.close();
    connection?.disconnect();
    await stack?.stop();
  });

  it('an unconfirmed called remote ticket becomes a no-show after the window, once, and the counter calls the next', async () => {
    const c = await freshCenter('NS-LATE', 5);
    const first = await remote(c);
    const second = await remote(c);
    const called = await callNext(c.counterId);
    expect(called.id).toBe(first.id);
    // A second enqueue with the same job id (a retried command, another API replica) adds nothing.
    await queue.add(JobName.queueRemoteNoShow, { ticketId: first.id }, { jobId: `remote-no-show-${first.id}`, delay: 0 });
    await vi.waitFor(async () => expect(await status(first.id)).toBe('no_show'), { timeout: 30_000, interval: 100 });
    await vi.waitFor(async () => expect(await (await jobOf(first.id))?.getState()).toBe('completed'), { timeout: 10_000, interval: 100 });
    const job = (await jobOf(first.id))!;
    expect(job.returnvalue).toBe('no_show');
    expect(job.attemptsMade).toBe(1);
    // The window was measured from the call: 5 "minutes" of 100 ms.
    expect(job.opts.delay).toBe(5 * MINUTE_MS);
    expect(await noShowEvents(first.id)).toEqual([{ automatic: true, remote: true }]);
    expect((await stack.database.sql`select state from counters where id = ${c.counterId}`)[0]!.state).toBe('open');
    expect((await callNext(c.counterId)).id).toBe(second.id);

    // Run again under another id: the conditional update finds nothing to do.
    await queue.add(JobName.queueRemoteNoShow, { ticketId: first.id }, { jobId: `remote-no-show-again-${first.id}` });
    await vi.waitFor(async () => expect(await (await queue.getJob(`remote-no-show-again-${first.id}`))?.getState()).toBe('completed'), { timeout: 10_000, interval: 100 });
    expect((await queue.getJob(`remote-no-show-again-${first.id}`))!.returnvalue).toBe('untouched');
    expect(await noShowEvents(first.id)).toHaveLength(1);
  }, 90_000);

  it('a remote ticket confirmed within the window stays called; a kiosk ticket gets no job', async () => {
    const c = await freshCenter('NS-ONTIME', 40);
    const ticket = await remote(c);
    expect((await callNext(c.counterId)).id).toBe(ticket.id);
    expect(await ok(await send('POST', `/public/tickets/${ticket.trackingCode}/arrived`))).toMatchObject({ code: ticket.code });
    await vi.waitFor(async () => expect(await (await jobOf(ticket.id))?.getState()).toBe('completed'), { timeout: 30_000, interval: 100 });
    expect((await jobOf(ticket.id))!.returnvalue).toBe('untouched');
    expect(await status(ticket.id)).toBe('called');
    expect(await noShowEvents(ticket.id)).toEqual([]);

    await ok(await send('POST', `/counters/${c.counterId}/start`, {}, admin));
    await ok(await send('POST', `/counters/${c.counterId}/done`, {}, admin));
    const walkIn = await ok(await send('POST', `/centers/${c.id}/tickets`, { serviceId: c.serviceId }, admin));
    expect((await callNext(c.counterId)).id).toBe(walkIn.id);
    expect(await jobOf(walkIn.id)).toBeUndefined();
  }, 90_000);
});
