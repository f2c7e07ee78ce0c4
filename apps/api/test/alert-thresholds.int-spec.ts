import { thresholdRepository } from '@motcua/db';
import { businessDate, DEFAULT_TIME_ZONE } from '@motcua/core';
import { closeRedis, createRedis, JobProducer } from '@motcua/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../scripts/lib/infra.mjs';
import { startApp } from '../../../scripts/lib/proc.mjs';
import { createAlertWorld, type AlertWorld } from './alert-world.js';
import { waitFor } from './wait.js';
import { seed, signIn, startStack, workerMain, type Account, type Stack } from './harness.js';

const MIN = 60_000;

describe('alert thresholds notify once per crossing (real API, two workers, Redis, Postgres)', () => {
  let stack: Stack;
  let w: AlertWorld;
  let accounts: Account[];
  let producer: JobProducer;
  let redis: ReturnType<typeof createRedis>;
  let secondWorker: ReturnType<typeof startApp> | undefined;
  let leader = '';
  let provinceLeaderId = '';

  const api = (cookie: string, method: string, path: string, body?: unknown, lang = 'en') =>
    fetch(`${stack.baseUrl}/api${path}`, { method, headers: { cookie, 'content-type': 'application/json', 'accept-language': lang }, body: body === undefined ? undefined : JSON.stringify(body) });

  beforeAll(async () => {
    // Thresholds evaluated every second; the deadline sweep kept out of the way.
    stack = await startStack({ worker: true, env: { THRESHOLD_EVERY_MS: '1000', ALERT_SWEEP_EVERY_MS: '600000' } });
    accounts = await seed(stack);
    w = await createAlertWorld(stack.database);
    const sql = stack.database.sql;
    // The test commune sits in the demo province, so the province's leader is told too.
    const [province] = await sql`select id from administrative_units where level = 'province' limit 1`;
    await sql`update administrative_units set parent_id = ${province!.id} where id = ${w.unitId}`;
    provinceLeaderId = (await sql`select id from staff where username = 'lanhdao.tinh'`)[0]!.id;
    leader = await signIn(stack, w.leader.username, w.password);
    redis = createRedis(process.env.MOTCUA_TEST_REDIS_URL!, 'bullmq');
    producer = new JobProducer(redis, stack.prefix);
  });
  afterAll(async () => {
    await secondWorker?.stop();
    await producer?.close();
    if (redis) await closeRedis(redis);
    await stack?.stop();
  });

  /** Dossiers of the test commune resolved a minute ago, late or on time, with the control slip the read model judges them by. */
  async function resolved(n: number, late: boolean): Promise<void> {
    const sql = stack.database.sql;
    const now = Date.now();
    const received = new Date(now - 2 * 24 * 3600_000).toISOString();
    const due = new Date(late ? now - 3600_000 : now + 5 * 24 * 3600_000).toISOString();
    const done = new Date(now - MIN).toISOString();
    const ids = await sql`
      insert into dossiers (code, agency_id, receiving_center_id, return_center_id, procedure_version_id, channel, status, applicant_name, received_at, due_at, resolved_at)
      select 'TH-' || gen_random_uuid(), ${w.agencyId}::uuid, ${w.centerId}::uuid, ${w.centerId}::uuid, ${w.procedureVersionId}::uuid, 'counter', 'resolved', 'Nguyễn Văn A', ${received}::timestamptz, ${due}::timestamptz, ${done}::timestamptz
      from generate_series(1, ${n}::int) returning id`;
    for (const { id } of ids) {
      await sql`insert into dossier_events (dossier_id, kind, to_status, at, data) values (${id}, 'received', 'received', ${received}, ${JSON.stringify({ dueAt: due })}::jsonb)`;
      await sql`insert into dossier_events (dossier_id, kind, from_status, to_status, at) values (${id}, 'resolved', 'in_process', 'resolved', ${done})`;
    }
  }

  /** Rewrites today's read model through the worker and waits until the commune's resolved count shows `total`. */
  async function rollup(total: number): Promise<void> {
    const today = businessDate(new Date(), DEFAULT_TIME_ZONE);
    await producer.enqueue('analytics.rollup', { days: [today] });
    await waitFor(`the read model to count ${total} resolved`, async () => {
      const [row] = await stack.database.sql`select coalesce(sum(resolved_early + resolved_on_time + resolved_late), 0)::int as n from dossier_unit_daily_stats where agency_unit_id = ${w.unitId} and day = ${today}`;
      return row!.n === total;
    });
  }

  const notes = async (thresholdId: string) =>
    (await stack.database.sql`select recipient_id, stage, title, body, pushed_at from notifications where threshold_id = ${thresholdId} and kind = 'threshold' order by stage, recipient_id`).map((r) => ({
      recipient: r.recipient_id as string, stage: Number(r.stage), title: r.title as string, body: r.body as string, pushed: r.pushed_at !== null,
    }));
  const line = async (id: string) => (await stack.database.sql`select state, crossings, last_value, last_evaluated_at from indicator_thresholds where id = ${id}`)[0]!;
  /** Several more evaluations happened (each one stamps the row). */
  const afterRuns = async (id: string, runs = 3) => {
    const from = new Date((await line(id)).last_evaluated_at).getTime();
    await waitFor(`${runs} more evaluations`, async () => new Date((await line(id)).last_evaluated_at).getTime() >= from + (runs - 0.5) * 1000, 30_000);
  };

  it('fires once when the commune falls below the line, not again while it stays below, and again after it recovered and fell again', async () => {
    // 1 on time, 2 late: 33.3 %.
    await resolved(1, false);
    await resolved(2, true);
    await rollup(3);

    const res = await api(leader, 'POST', `/units/${w.unitId}/thresholds`, { indicator: 'on_time_rate', comparison: 'below', value: 95, period: 'month' });
    expect(res.status).toBe(201);
    const t = await res.json() as any;
    expect(t).toMatchObject({ unitId: w.unitId, indicator: 'on_time_rate', comparison: 'below', value: 95, period: 'month', enabled: true, state: 'ok', crossings: 0 });

    const first = await waitFor('the first crossing to notify', async () => ((await notes(t.id)).length >= 2 ? notes(t.id) : false));
    expect(first.map((n) => n.recipient).sort()).toEqual([w.leader.id, provinceLeaderId].sort());
    expect(first.every((n) => n.stage === 1)).toBe(true);
    expect(first[0]!.body).toContain('33,3%');
    expect(first[0]!.body).toContain('dưới ngưỡng cảnh báo 95%');
    await waitFor('the real-time pushes', async () => (await notes(t.id)).every((n) => n.pushed));

    // Still below: the repeatable job keeps evaluating, and a burst of runs at once (a second
    // worker process and six queued jobs, concurrency 8) notifies nobody again.
    const env = { ...stack.env, WORKER_HEALTH_PORT: String(await freePort()) };
    secondWorker = startApp('worker2', workerMain, env, { quiet: true });
    await Promise.all(Array.from({ length: 6 }, () => producer.enqueue('alert.thresholds', {})));
    await afterRuns(t.id);
    expect(await notes(t.id)).toHaveLength(2);
    expect(await line(t.id)).toMatchObject({ state: 'crossed', crossings: 1 });
    expect(Number((await line(t.id)).last_value)).toBeCloseTo(33.3, 1);

    // The leader's bell shows it.
    const bell = await (await api(leader, 'GET', '/me/notifications?page=1&pageSize=20')).json() as any;
    expect(bell.items.filter((n: { kind: string }) => n.kind === 'threshold')).toHaveLength(1);

    // Recovered: 60 more on time, 61 of 63 = 96.8 %.
    await resolved(60, false);
    await rollup(63);
    await waitFor('the recovery', async () => (await line(t.id)).state === 'ok');
    expect(await notes(t.id)).toHaveLength(2);

    // Below again: 20 more late, 61 of 83 = 73.5 %, with the burst again.
    await resolved(20, true);
    await rollup(83);
    await Promise.all(Array.from({ length: 6 }, () => producer.enqueue('alert.thresholds', {})));
    await waitFor('the second crossing', async () => (await line(t.id)).crossings === 2);
    await afterRuns(t.id);
    const all = await notes(t.id);
    expect(all).toHaveLength(4);
    expect(all.filter((n) => n.stage === 2).map((n) => n.recipient).sort()).toEqual([w.leader.id, provinceLeaderId].sort());
    expect(all.find((n) => n.stage === 2)!.body).toContain('73,5%');
  });

  it('alerts on today\'s queue p90 wait above 30 minutes, from the queue read model', async () => {
    const sql = stack.database.sql;
    const today = businessDate(new Date(), DEFAULT_TIME_ZONE);
    const [service] = await sql`insert into services (center_id, code, name_vi, name_en, ticket_prefix, typical_service_minutes, field, sort_order)
      values (${w.centerId}, 'TQ', 'Hộ tịch', 'Civil status', 'Q', 8, 'ho_tich', 0) returning id`;
    // Ten citizens called after 45 minutes' wait: p90 of 46 min (whole-minute buckets, upper bound).
    const now = Date.now();
    for (let i = 1; i <= 10; i++) {
      await sql`insert into tickets (center_id, service_id, business_date, number, code, status, arrived_at, called_at, serving_at, done_at, tracking_code)
        values (${w.centerId}, ${service!.id}, ${today}, ${i}, ${'Q' + String(i).padStart(3, '0')}, 'done', ${new Date(now - 50 * MIN).toISOString()}, ${new Date(now - 5 * MIN).toISOString()},
          ${new Date(now - 5 * MIN).toISOString()}, ${new Date(now - MIN).toISOString()}, ${'trk-th-' + i + '-' + now})`;
    }
    const res = await api(leader, 'POST', `/units/${w.unitId}/thresholds`, { indicator: 'queue_wait_p90', comparison: 'above', value: 30, period: 'day' });
    const t = await res.json() as any;
    await producer.enqueue('analytics.rollup', { days: [today] });
    const notified = await waitFor('the queue wait crossing to notify', async () => ((await notes(t.id)).length >= 2 ? notes(t.id) : false));
    expect(notified.map((n) => n.recipient).sort()).toEqual([w.leader.id, provinceLeaderId].sort());
    expect(notified[0]!.body).toContain('Thời gian chờ P90 hôm nay');
    expect(notified[0]!.body).toContain('46 phút, trên ngưỡng cảnh báo 30 phút');
    await afterRuns(t.id);
    expect(await notes(t.id)).toHaveLength(2);
  });

  it('lets only one of many concurrent evaluations take a crossing (the conditional update)', async () => {
    const res = await api(leader, 'POST', `/units/${w.unitId}/thresholds`, { indicator: 'queue_wait_p90', comparison: 'above', value: 30, period: 'day', enabled: false });
    const t = await res.json() as any;
    const row = { id: t.id, value: 30, comparison: 'above', indicator: 'queue_wait_p90', period: 'day' } as const;
    await stack.database.sql`update indicator_thresholds set enabled = true where id = ${t.id}`;
    const results = await Promise.all(Array.from({ length: 8 }, () => stack.database.db.transaction((tx) => thresholdRepository.cross(tx, row, 45, new Date()))));
    expect(results.filter((r) => r !== undefined)).toEqual([1]);
    // A line changed since it was read is not crossed under the old value.
    await thresholdRepository.recover(stack.database.db, t.id, 10, new Date());
    expect(await stack.database.db.transaction((tx) => thresholdRepository.cross(tx, { ...row, value: 25 }, 45, new Date()))).toBeUndefined();
  });

  it('keeps a commune leader to their commune and says what is wrong with a value', async () => {
    const password = (u: string) => accounts.find((a) => a.username === u)!.password;
    const anXuyen = await signIn(stack, 'lanhdao.anxuyen', password('lanhdao.anxuyen'));
    const sql = stack.database.sql;
    const [own] = await sql`select scope_unit_id as id from staff_roles r join staff s on s.id = r.staff_id where s.username = 'lanhdao.anxuyen'`;
    const [other] = await sql`select id from administrative_units where level = 'commune' and id <> ${own!.id} and parent_id is not null limit 1`;

    const outside = await api(anXuyen, 'POST', `/units/${other!.id}/thresholds`, { indicator: 'on_time_rate', comparison: 'below', value: 95, period: 'month' });
    expect(outside.status).toBe(403);
    expect((await outside.json() as any).error.code).toBeDefined();
    expect((await api(anXuyen, 'GET', `/units/${other!.id}/thresholds`)).status).toBe(403);

    const tooHigh = await api(anXuyen, 'POST', `/units/${own!.id}/thresholds`, { indicator: 'on_time_rate', comparison: 'below', value: 120, period: 'month' }, 'vi');
    expect(tooHigh.status).toBe(400);
    const body = await tooHigh.json() as any;
    expect(body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'body.value', message: 'Tỷ lệ phải từ 0 đến 100 (%)' })]));
    const longWait = await api(anXuyen, 'POST', `/units/${own!.id}/thresholds`, { indicator: 'queue_wait_p90', comparison: 'above', value: 500, period: 'day' });
    expect((await longWait.json() as any).error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'body.value', message: 'A wait is between 1 and 120 minutes' })]));
    const badKind = await api(anXuyen, 'POST', `/units/${own!.id}/thresholds`, { indicator: 'mood', comparison: 'below', value: 1, period: 'month' });
    expect(badKind.status).toBe(400);

    // Its own commune: created, changed (the new line starts uncrossed), listed, removed.
    const created = await (await api(anXuyen, 'POST', `/units/${own!.id}/thresholds`, { indicator: 'queue_wait_p90', comparison: 'above', value: 30, period: 'day' })).json() as any;
    const changed = await api(anXuyen, 'PUT', `/units/${own!.id}/thresholds/${created.id}`, { indicator: 'queue_wait_p90', comparison: 'above', value: 45, period: 'day', enabled: true });
    expect(changed.status).toBe(200);
    expect(await changed.json() as any).toMatchObject({ value: 45, state: 'ok' });
    expect((await (await api(anXuyen, 'GET', `/units/${own!.id}/thresholds`)).json() as any).map((x: { id: string }) => x.id)).toContain(created.id);
    // Another unit's threshold id under this unit's path is not found, not changed.
    expect((await api(anXuyen, 'DELETE', `/units/${own!.id}/thresholds/${(await sql`select id from indicator_thresholds where unit_id = ${w.unitId} limit 1`)[0]!.id}`)).status).toBe(404);
    expect((await api(anXuyen, 'DELETE', `/units/${own!.id}/thresholds/${created.id}`)).status).toBe(200);
    expect((await api(anXuyen, 'GET', `/units/${own!.id}/thresholds`)).status).toBe(200);
    const [audit] = await sql`select count(*)::int as n from audit_log where entity = 'indicator_threshold' and entity_id = ${created.id}`;
    expect(audit!.n).toBe(3);
  });
});
