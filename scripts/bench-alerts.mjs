// `npm run bench:alerts`: scheduling throughput, Redis memory and delivery lateness of deadline
// alerts, with a baseline taken in the same run (shared machines are noisy). Real PostgreSQL,
// Redis and the compiled worker, started on free ports.
import os from 'node:os';
import path from 'node:path';
import { freePort, startPostgres, startRedis } from './lib/infra.mjs';
import { startApp, waitForHttp } from './lib/proc.mjs';
import { build, ensureDependencies, root } from './lib/setup.mjs';

const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 100_000);
const BURST = Number(process.env.BENCH_BURST ?? 10_000);
// The burst's alerts fall due over this window; 0 makes them all due at once (the worker's ceiling in alerts/s).
const BURST_WINDOW_MS = Number(process.env.BENCH_BURST_WINDOW_MS ?? 60_000);
const CHUNK = 1000;
const SYNC_PARALLEL = Number(process.env.BENCH_SYNC_PARALLEL ?? 4);
const ALL_DAY = Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [{ start: '00:00', end: '24:00' }]]));

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const usedMemory = async (redis) => Number(/used_memory:(\d+)/.exec(await redis.info('memory'))[1]);
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** A unit with an open-all-day calendar, a center, an assignee and a manager. */
async function world(sql) {
  const [unit] = await sql`insert into administrative_units (code, name, level) values ('BENCH', 'Phường bench', 'commune') returning id`;
  const [agency] = await sql`insert into agencies (code, electronic_id, name, unit_id, kind) values ('BENCH', 'EBENCH', 'UBND bench', ${unit.id}, 'commune_committee') returning id`;
  const [center] = await sql`insert into centers (code, name, unit_id, opening_hours) values ('BENCH', 'Trung tâm bench', ${unit.id}, ${JSON.stringify(ALL_DAY)}::jsonb) returning id`;
  const [procedure] = await sql`insert into procedures (code, name, field) values ('BENCH', 'Thủ tục bench', 'Hộ tịch') returning id`;
  const [pv] = await sql`insert into procedure_versions (procedure_id, version, effective_from, time_limit_unit, time_limit_value) values (${procedure.id}, 1, '2020-01-01', 'working_days', 3) returning id`;
  await sql`insert into calendars (unit_id, name, office_windows) values (${unit.id}, 'Mở cả ngày', ${JSON.stringify(ALL_DAY)}::jsonb)`;
  const person = async (username, role) => {
    const [s] = await sql`insert into staff (username, password_hash, full_name, home_center_id) values (${username}, 'x', ${username}, ${center.id}) returning id`;
    await sql`insert into staff_roles (staff_id, role, scope_center_id) values (${s.id}, ${role}, ${center.id})`;
    return s.id;
  };
  return { agency: agency.id, center: center.id, pv: pv.id, assignee: await person('bench.cv', 'specialist'), manager: await person('bench.ql', 'center_manager') };
}

/** `count` in-process dossiers; due = base + i * step ms. */
async function dossiers(sql, w, { count, receivedAt, dueBase, dueStepMs }) {
  const rows = await sql`
    insert into dossiers (code, agency_id, receiving_center_id, return_center_id, procedure_version_id, channel, status, applicant_name, received_at, due_at, assignee_id, deadline_version)
    select 'B-' || gen_random_uuid(), ${w.agency}::uuid, ${w.center}::uuid, ${w.center}::uuid, ${w.pv}::uuid, 'counter', 'in_process', 'Nguyễn Văn A',
           ${receivedAt.toISOString()}::timestamptz, ${dueBase.toISOString()}::timestamptz + (i * ${dueStepMs}::float8) * interval '1 millisecond', ${w.assignee}::uuid, 1
    from generate_series(0, ${count - 1}::int) as i returning id`;
  return rows.map((r) => r.id);
}

async function main() {
  await ensureDependencies();
  await build();
  const tmp = path.join(os.tmpdir(), `motcua-bench-alerts-${process.pid}`);
  const pg = await startPostgres({ dir: path.join(tmp, 'pg'), port: await freePort(), persistent: false });
  const redisServer = await startRedis({ dir: path.join(tmp, 'redis'), port: await freePort() });
  const { prepareTemplate, createTestDatabase } = await import('@motcua/db/testing');
  const { alertRepository } = await import('@motcua/db');
  const { createRedis, closeRedis, DeadlineScheduler } = await import('@motcua/platform');
  const { Queue } = await import('bullmq');
  process.env.MOTCUA_TEST_PG_URL = pg.url;
  process.env.MOTCUA_TEST_TEMPLATE = 'bench_alerts_template';
  await prepareTemplate(pg.url, 'bench_alerts_template');
  const database = await createTestDatabase();
  const sql = database.sql;
  const redis = createRedis(redisServer.url, 'bullmq');
  const prefix = 'bench';
  const queue = new Queue('alerts', { connection: redis, prefix });
  const scheduler = new DeadlineScheduler(queue, redis, (ids) => alertRepository.targets(database.db, ids));
  let worker;
  try {
    const w = await world(sql);
    const now = Date.now();
    // Due in 2–30 days: Redis holds one wake-up per dossier (its due-soon; overdue is chained when it fires).
    const ids = await dossiers(sql, w, { count: DOSSIERS, receivedAt: new Date(now - 5 * 86_400_000), dueBase: new Date(now + 2 * 86_400_000), dueStepMs: (28 * 86_400_000) / DOSSIERS });
    const before = await usedMemory(redis);

    // Baseline: one entry per dossier ZADDed raw into one sorted set, pipelined in chunks.
    const jobsExpected = ids.length;
    let t = performance.now();
    for (let i = 0; i < jobsExpected; i += CHUNK) {
      const p = redis.pipeline();
      for (let j = i; j < Math.min(i + CHUNK, jobsExpected); j++) p.zadd('baseline:delayed', now + j, `job-${j}`);
      await p.exec();
    }
    const baselineSeconds = (performance.now() - t) / 1000;
    const baselineMemory = (await usedMemory(redis)) - before;
    await redis.del('baseline:delayed');

    const beforeJobs = await usedMemory(redis);
    t = performance.now();
    let added = 0;
    // A few chunks in flight: each sync waits on PostgreSQL, then on Redis, so they overlap.
    let next = 0;
    await Promise.all(
      Array.from({ length: SYNC_PARALLEL }, async () => {
        for (let i = (next += CHUNK) - CHUNK; i < ids.length; i = (next += CHUNK) - CHUNK) {
          const r = await scheduler.sync(ids.slice(i, i + CHUNK));
          added += r.added;
        }
      }),
    );
    const seconds = (performance.now() - t) / 1000;
    const memory = (await usedMemory(redis)) - beforeJobs;
    const delayed = await queue.getDelayedCount();

    // Lateness: BURST alerts due within one minute, fired by the real worker (32 jobs in parallel: each waits mostly on
    // PostgreSQL and Redis round trips) with the 100,000 others still waiting.
    const burstStart = new Date(Date.now() + 20_000);
    const burst = await dossiers(sql, w, { count: BURST, receivedAt: new Date(burstStart.getTime() - 3600_000), dueBase: burstStart, dueStepMs: BURST_WINDOW_MS / BURST });
    for (let i = 0; i < burst.length; i += CHUNK) await scheduler.sync(burst.slice(i, i + CHUNK));
    const env = { ...process.env, NODE_ENV: 'production', DATABASE_URL: database.url, REDIS_URL: redisServer.url, REDIS_PREFIX: prefix, WORKER_HEALTH_PORT: String(await freePort()), LOG_LEVEL: 'warn', WORKER_CONCURRENCY: process.env.WORKER_CONCURRENCY ?? '32' };
    worker = startApp('worker', path.join(root, 'apps/worker/dist/main.js'), env, { quiet: true });
    if (!(await waitForHttp(`http://127.0.0.1:${env.WORKER_HEALTH_PORT}/health`, worker, 30_000))) throw new Error(`worker did not start:\n${worker.tail()}`);
    const deadline = burstStart.getTime() + BURST_WINDOW_MS + 120_000;
    for (;;) {
      const [{ n }] = await sql`select count(distinct dossier_id)::int as n from notifications where kind = 'overdue'`;
      if (n >= BURST || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    const late = (await sql`
      select extract(epoch from (min(n.created_at) - d.due_at)) * 1000 as ms from notifications n join dossiers d on d.id = n.dossier_id
      where n.kind = 'overdue' group by d.id, d.due_at`).map((r) => Number(r.ms)).sort((a, b) => a - b);
    const [span] = await sql`select count(distinct dossier_id)::int as n, extract(epoch from (max(created_at) - min(created_at)))::float as s from notifications where kind = 'overdue'`;

    const rate = added / seconds;
    const baseRate = jobsExpected / baselineSeconds;
    console.log(`\nDeadline alerts (2 cores, same run; load average ${os.loadavg()[0].toFixed(1)}):\n`);
    console.log(`  schedule ${DOSSIERS} dossiers (${added} delayed jobs, ${delayed} in Redis)`);
    console.log(`    DeadlineScheduler.sync, ${CHUNK} × ${SYNC_PARALLEL} in flight     ${(DOSSIERS / seconds).toFixed(0).padStart(7)} dossiers/s   ${rate.toFixed(0).padStart(7)} jobs/s   ${seconds.toFixed(1)} s   (target ≥ 5000 schedules/s)`);
    console.log(`    baseline: raw ZADD, pipelined               ${baseRate.toFixed(0).padStart(7)} entries/s   ${baselineSeconds.toFixed(1)} s`);
    console.log(`    ratio jobs / raw ZADD: ${(rate / baseRate).toFixed(3)}`);
    console.log(`  Redis memory for those jobs                   ${mb(memory)}   (${(memory / added).toFixed(0)} B/job; raw ZADD ${mb(baselineMemory)}; target ≤ 200 MB)`);
    console.log(`  lateness of ${BURST} overdue alerts due within ${BURST_WINDOW_MS / 1000} s (fired − due), ${late.length} fired:`);
    console.log(`    p50 ${pct(late, 50)?.toFixed(0)} ms   p99 ${pct(late, 99)?.toFixed(0)} ms   max ${late.at(-1)?.toFixed(0)} ms   (target p99 ≤ 2000 ms)`);
    console.log(`    one worker (WORKER_CONCURRENCY ${env.WORKER_CONCURRENCY}) fired ${span.n} alerts in ${span.s.toFixed(1)} s: ${(span.n / Math.max(span.s, 0.001)).toFixed(0)} alerts/s (${BURST_WINDOW_MS ? `offered ${(BURST / (BURST_WINDOW_MS / 1000)).toFixed(0)}/s` : 'all due at once: its ceiling'})\n`);
  } finally {
    await worker?.stop();
    await queue.close();
    await closeRedis(redis);
    await database.drop();
    await redisServer.stop();
    await pg.stop();
    process.exit(0);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
