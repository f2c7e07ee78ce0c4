// `npm run bench:analytics`: the commune ranking and the province overview over 90 days from the
// read models, against the same numbers computed by a plain GROUP BY over the raw dossiers in the
// same run (shared machines are noisy, so the ratio is the figure); then the sizes and the paths
// that grow with the tables, which is what a decision to partition them rests on. Real PostgreSQL
// on a free port; the data is generated in SQL, deterministically (setseed), indexes built after.
//   BENCH_DOSSIERS (5 M), BENCH_TICKETS (as many as dossiers), BENCH_COMMUNES (100), BENCH_RUNS (30), BENCH_RAW_RUNS (5),
//   BENCH_REBUILD=all to rebuild every day, not only the 91 read,
//   BENCH_EXPLAIN=<statement names, comma-separated> to print their plans for today,
//   BENCH_PARTITION=1 to time the same reads on copies partitioned by month.
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, startPostgres } from './lib/infra.mjs';
import { rawCounts, TZ } from './lib/analytics-raw.mjs';
import { percentiles } from './lib/load.mjs';
import { build, ensureDependencies } from './lib/setup.mjs';

const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 5_000_000);
const COMMUNES = Number(process.env.BENCH_COMMUNES ?? 100);
const TICKETS = Number(process.env.BENCH_TICKETS ?? DOSSIERS);
const CHUNK = 250_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const RAW_RUNS = Number(process.env.BENCH_RAW_RUNS ?? 5);

const step = (label) => {
  const t = performance.now();
  process.stdout.write(`  ${label}…`);
  return (extra = '') => console.log(` ${((performance.now() - t) / 1000).toFixed(1)} s${extra}`);
};

/** 100 communes, each with its People's Committee and a center; their agencies and the seeded procedure versions, numbered for the generator. */
async function world(sql) {
  const [province] = await sql`select id from administrative_units where level = 'province' limit 1`;
  await sql`
    insert into administrative_units (code, name, level, parent_id)
    select 'B' || lpad(i::text, 4, '0'), 'Xã bench ' || i, 'commune', ${province.id} from generate_series(1, ${COMMUNES}::int) i`;
  await sql`
    insert into agencies (code, electronic_id, name, unit_id, kind)
    select 'UBND-' || u.code, 'E' || u.code, 'UBND ' || u.name, u.id, 'commune_committee' from administrative_units u where u.code like 'B%'`;
  await sql`
    insert into centers (code, name, unit_id, opening_hours)
    select 'TT-' || u.code, 'Trung tâm ' || u.name, u.id, '{}'::jsonb from administrative_units u where u.code like 'B%'`;
  await sql`
    insert into services (center_id, code, name_vi, name_en, ticket_prefix, field)
    select c.id, s.code, 'Dịch vụ ' || s.code, 'Service ' || s.code, s.code, 'civil_status'
    from centers c cross join (values ('A'), ('B'), ('C'), ('D')) s(code) join administrative_units u on u.id = c.unit_id where u.code like 'B%'`;
  await sql`
    create table bench_services as
    select (row_number() over (order by s.id) - 1)::int as idx, s.id, s.center_id from services s join centers c on c.id = s.center_id where c.code like 'TT-B%'`;
  await sql`
    create table bench_agencies as
    select (row_number() over (order by a.code) - 1)::int as idx, a.id, c.id as center_id
    from agencies a join centers c on c.unit_id = a.unit_id where a.code like 'UBND-B%'`;
  await sql`
    create table bench_versions as
    select (row_number() over (order by pv.id) - 1)::int as idx, pv.id,
      greatest(pv.time_limit_value, 0.5)::float8 * 1.4 as due_days, pv.fee_vnd
    from procedure_versions pv`;
  const [{ n }] = await sql`select count(*)::int as n from bench_versions`;
  const [{ services }] = await sql`select count(*)::int as services from bench_services`;
  return { versions: n, services };
}

/** The tables the generator fills: their secondary indexes are dropped for the load and built again after (one sort each, not 50 M random inserts). */
const LOADED = ['dossiers', 'dossier_events', 'dossier_payments', 'dossier_documents', 'tickets'];

/** Runs `load` with the loaded tables' secondary indexes dropped (constraints stay), then builds them again. */
async function withoutIndexes(sql, load) {
  const defs = await sql`
    select i.indexname, i.indexdef from pg_indexes i
    where i.schemaname = 'public' and i.tablename in ${sql(LOADED)} and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`;
  for (const { indexname } of defs) await sql`drop index ${sql(indexname)}`;
  await load();
  const done = step(`building the ${defs.length} indexes`);
  for (const { indexdef } of defs) await sql.unsafe(indexdef);
  done();
}

/**
 * Each statement in its own transaction, two at a time (this machine's cores), foreign-key triggers
 * off: the generated rows reference the world built above, so checking 150 M references would only
 * measure the checks.
 */
async function inParallel(sql, statements, onDone = () => {}) {
  let next = 0;
  const worker = async () => {
    while (next < statements.length) {
      const i = next++;
      await sql.begin(async (tx) => {
        await tx`set local session_replication_role = replica`;
        await statements[i](tx);
      });
      onDone(i);
    }
  };
  await Promise.all([worker(), worker()]);
}

/** Dossiers over the last 365 days: skewed across communes, online share rising, 1–4% late, a few still open or withdrawn. */
async function generate(sql, w, onChunk) {
  const chunks = [];
  for (let start = 0; start < DOSSIERS; start += CHUNK) chunks.push([start, Math.min(DOSSIERS, start + CHUNK) - 1]);
  let inserted = 0;
  await inParallel(
    sql,
    chunks.map(([start, end]) => async (tx) => {
      await tx`select setseed(${(start / DOSSIERS) * 0.9})`;
      await tx`
        with x as (
          select i, random() as ra, random() as rp, random() as rc, random() as rt, random() as rr, random() as rl from generate_series(${start}::int, ${end}::int) i
        ), y as (
          select x.*, ag.id as agency_id, ag.center_id, v.id as pv_id, v.due_days,
            ((current_date - floor(rt * 365)::int)::timestamp + interval '8 hours' + rr * interval '8 hours 30 minutes') at time zone ${TZ} as rec
          from x
          join bench_agencies ag on ag.idx = floor(power(ra, 1.3) * ${COMMUNES})::int
          join bench_versions v on v.idx = floor(rp * ${w.versions})::int
        ), z as (
          select y.*, rec + due_days * interval '1 day' as due,
            case when rl < 0.01 + 0.03 * ra then rec + due_days * interval '1 day' + (0.1 + rl * 50) * interval '1 day'
                 else rec + rl * due_days * interval '1 day' end as res
          from y
        )
        insert into dossiers (code, agency_id, receiving_center_id, return_center_id, procedure_version_id, channel, status, applicant_name,
                              received_at, due_at, resolved_at, returned_at)
        select 'BX-' || i, agency_id, center_id, center_id, pv_id,
          (case when rc < 0.25 + 0.35 * (1 - rt) then 'online' when rc < 0.95 then 'counter' else 'post' end)::channel,
          (case when rc > 0.997 then 'withdrawn' when res > now() then 'in_process' when res < now() - interval '3 days' then 'returned' else 'resolved' end)::dossier_status,
          'Nguyễn Văn A', rec, due,
          case when rc > 0.997 or res > now() then null else res end,
          case when rc <= 0.997 and res < now() - interval '3 days' then res + interval '1 day' end
        from z`;
    }),
    (i) => onChunk((inserted += chunks[i][1] - chunks[i][0] + 1)),
  );
  // Their control slips (what the read model judges each day by: received with its appointment, then the finish), payments and results.
  await inParallel(sql, [
    (tx) => tx`
      insert into dossier_events (dossier_id, kind, to_status, at, data)
      select id, 'received', 'received', received_at, jsonb_build_object('dueAt', due_at) from dossiers where code like 'BX-%'`,
    (tx) => tx`
      insert into dossier_events (dossier_id, kind, from_status, to_status, at)
      select id, 'resolved', 'in_process', 'resolved', resolved_at from dossiers where code like 'BX-%' and resolved_at is not null`,
    (tx) => tx`
      insert into dossier_events (dossier_id, kind, from_status, to_status, at)
      select id, 'withdrawn', 'in_process', 'withdrawn', received_at + interval '2 hours' from dossiers where code like 'BX-%' and status = 'withdrawn'`,
    (tx) => tx`
      insert into dossier_payments (dossier_id, amount_vnd, method, paid_at)
      select d.id, v.fee_vnd, case when random() < 0.4 then 'portal' else 'cash' end, d.received_at
      from dossiers d join bench_versions v on v.id = d.procedure_version_id where v.fee_vnd > 0 and d.code like 'BX-%'`,
    // Queue tickets over the same year, most served within the day; today's partly still waiting.
    (tx) => tx`
      with x as (select i, random() as rs, random() as rt, random() as rw, random() as rd from generate_series(0, ${TICKETS - 1}::int) i),
      y as (
        select x.*, s.id as service_id, s.center_id, (current_date - floor(rt * 365)::int) as day from x join bench_services s on s.idx = floor(power(rs, 1.3) * ${w.services})::int
      ), z as (
        select y.*, (day::timestamp + interval '7 hours 30 minutes' + rd * interval '9 hours') at time zone ${TZ} as arrived,
          row_number() over (partition by center_id, service_id, day order by i) as number from y
      )
      insert into tickets (center_id, service_id, business_date, number, code, status, arrived_at, called_at, serving_at, done_at, tracking_code)
      select center_id, service_id, day, number, 'A' || lpad(number::text, 3, '0'),
        (case when day = current_date and rw < 0.3 then 'waiting' when rw > 0.97 then 'no_show' else 'done' end)::ticket_status,
        arrived, c, c + interval '1 minute', case when rw <= 0.97 then c + interval '9 minutes' end, 'T' || i
      from (select z.*, case when not (day = current_date and rw < 0.3) then arrived + rw * interval '40 minutes' end as c from z) t`,
    (tx) => tx`
      insert into dossier_documents (dossier_id, kind, name)
      select id, 'result', 'Kết quả' from dossiers where resolved_at is not null and code like 'BX-%' and random() < 0.5`,
  ]);
}


/** Rows with any activity, as plain objects in key order, with the counts the raw query computes (later counts have their own tests), so the two sources compare exactly. */
const normalise = (rows, keys) =>
  rows
    .map((r) => Object.fromEntries(keys.map((k) => [k, r[k]])))
    .filter(({ key, ...counts }) => key && Object.values(counts).some((v) => v !== 0))
    .sort((a, b) => a.key.localeCompare(b.key));

async function timed(runs, fn) {
  const ms = [];
  let last;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    last = await fn();
    ms.push(performance.now() - t);
  }
  return { ...percentiles(ms), last };
}

/** Table and index bytes, and rows as PostgreSQL estimates them after ANALYZE. */
async function sizes(sql, tables) {
  const rows = await sql`
    select c.relname as name, c.reltuples::bigint as rows, pg_table_size(c.oid) as heap, pg_indexes_size(c.oid) as indexes
    from pg_class c where c.relname in ${sql(tables)} order by pg_total_relation_size(c.oid) desc`;
  const gb = (b) => `${(Number(b) / 2 ** 30).toFixed(2)} GB`;
  for (const r of rows) console.log(`    ${r.name.padEnd(26)} ${Number(r.rows).toLocaleString('en').padStart(13)} rows   ${gb(r.heap).padStart(9)} + ${gb(r.indexes).padStart(9)} indexes`);
}

/**
 * BENCH_PARTITION=1: copies of the slips partitioned by month of `at` and of the dossiers by month of
 * receipt, and the reads that touch them timed on both layouts: a dossier's slip by id, and the
 * rollup's candidates (received before the day ends, not finished before it starts) with their slips.
 */
async function partitionTrial(sql, ids, day) {
  const done = step('copying the slips, dossiers and tickets into monthly partitions');
  const [{ lo, hi }] = await sql`select date_trunc('month', min(at))::date::text as lo, max(at)::date::text as hi from dossier_events`;
  const months = (await sql`select g::date::text as m from generate_series(${lo}::date, ${hi}::date, interval '1 month') g`).map((r) => r.m);
  await sql`create table part_events (like dossier_events including defaults) partition by range (at)`;
  await sql`create table part_dossiers (like dossiers including defaults) partition by range (received_at)`;
  await sql`create table part_tickets (like tickets including defaults) partition by range (business_date)`;
  for (const [i, m] of months.entries()) {
    await sql.unsafe(`create table part_events_${i} partition of part_events for values from ('${m}') to ('${m}'::date + interval '1 month')`);
    await sql.unsafe(`create table part_dossiers_${i} partition of part_dossiers for values from ('${m}') to ('${m}'::date + interval '1 month')`);
    await sql.unsafe(`create table part_tickets_${i} partition of part_tickets for values from ('${m}') to ('${m}'::date + interval '1 month')`);
  }
  await sql`insert into part_events select * from dossier_events`;
  await sql`insert into part_dossiers select * from dossiers`;
  await sql`insert into part_tickets select * from tickets`;
  await sql`create index on part_tickets (center_id, service_id, business_date, number) where transferred_from_ticket_id is null`;
  await sql`create index on part_events (dossier_id, at)`;
  await sql`create index on part_dossiers (id)`;
  await sql`create index on part_dossiers ((coalesce(resolved_at, 'infinity'::timestamptz)))`;
  await sql`analyze part_events`;
  await sql`analyze part_dossiers`;
  await sql`analyze part_tickets`;
  done(` (${months.length} months)`);
  const slip = (table) => timed(ids.length, async () => sql`select * from ${sql(table)} where dossier_id = ${ids[Math.floor(Math.random() * ids.length)]} order by at`);
  const candidates = (dossiers, events) =>
    timed(RAW_RUNS, () => sql`
      select count(*)::int as n from ${sql(dossiers)} d join ${sql(events)} e on e.dossier_id = d.id
      where d.received_at < ((${day}::date + 1)::timestamp at time zone ${TZ}) and coalesce(d.resolved_at, 'infinity') >= (${day}::date::timestamp at time zone ${TZ})
        and e.at < ((${day}::date + 1)::timestamp at time zone ${TZ})`);
  // What the queue rollup reads: one business day's tickets.
  const queueDay = (tickets) =>
    timed(RAW_RUNS, () => sql`
      select center_id, service_id, count(*)::int as n, sum(extract(epoch from called_at - arrived_at))::int as wait
      from ${sql(tickets)} where business_date = ${day} and transferred_from_ticket_id is null group by 1, 2`);
  const rows = [
    ["a dossier's slip", await slip('dossier_events'), await slip('part_events'), ids.length],
    ["today's candidates", await candidates('dossiers', 'dossier_events'), await candidates('part_dossiers', 'part_events'), RAW_RUNS],
    ["today's tickets", await queueDay('tickets'), await queueDay('part_tickets'), RAW_RUNS],
  ];
  console.log(`\n  Partitioned by month (${months.length} partitions) against one table:`);
  for (const [label, plain, parted, runs] of rows) {
    console.log(`${line(label, plain, runs)}\n${line('  partitioned', parted, runs)}   ${(parted.p50 / plain.p50).toFixed(2)}× the single table at p50`);
  }
  await sql`drop table part_events, part_dossiers, part_tickets`;
}

const line = (label, r, runs) => `    ${label.padEnd(15)} p50 ${r.p50.toFixed(1).padStart(9)} ms   p95 ${r.p95.toFixed(1).padStart(9)} ms   (${runs} runs)`;

/** Compares a read-model query with its raw GROUP BY: the ratio, the p95 target, and that they give the same numbers. */
function report(title, fast, slow, target) {
  const keys = Object.keys(slow.last[0] ?? {});
  const a = normalise(fast.last, keys);
  const b = normalise(slow.last, keys);
  const identical = JSON.stringify(a) === JSON.stringify(b);
  const ratio = slow.p50 / fast.p50;
  console.log(`
  ${title}
${line('read model', fast, RUNS)}
${line('raw GROUP BY', slow, RAW_RUNS)}
    ratio           ${ratio.toFixed(0)}× faster (target ≥ 20×: ${ratio >= 20 ? 'met' : 'MISSED'})
    p95 target      ≤ ${target} ms: ${fast.p95 <= target ? 'met' : 'MISSED'}
    numbers         ${identical ? 'identical' : 'DIFFERENT'} (${a.length} groups, ${a.reduce((t, r) => t + r.received, 0).toLocaleString('en')} received in the period)`);
  if (!identical) {
    const diff = a.find((r, i) => JSON.stringify(r) !== JSON.stringify(b[i]));
    console.log('    first difference:', diff, b.find((r) => r.key === diff?.key));
    process.exitCode = 1;
  }
}

async function main() {
  await ensureDependencies();
  await build();
  const tmp = path.join(os.tmpdir(), `motcua-bench-analytics-${process.pid}`);
  // A server sized as a province's database would be on this machine (24 GB); WAL kept minimal for the load.
  const flags = ['shared_buffers=4GB', 'work_mem=64MB', 'maintenance_work_mem=2GB', 'effective_cache_size=16GB', 'max_wal_size=8GB', 'checkpoint_timeout=30min',
    'wal_level=minimal', 'max_wal_senders=0', 'autovacuum=off', 'max_parallel_maintenance_workers=2', 'random_page_cost=1.1'];
  const pg = await startPostgres({ dir: path.join(tmp, 'pg'), port: await freePort(), persistent: false, flags });
  const { prepareTemplate, createTestDatabase } = await import('@motcua/db/testing');
  const { seedDemo, analyticsRepository, rebuildReadModels } = await import('@motcua/db');
  const { businessDate, nextDate } = await import('@motcua/core');
  process.env.MOTCUA_TEST_PG_URL = pg.url;
  process.env.MOTCUA_TEST_TEMPLATE = 'bench_analytics_template';
  await prepareTemplate(pg.url, 'bench_analytics_template');
  const database = await createTestDatabase();
  const sql = database.sql;
  try {
    console.log(`\nbench:analytics — ${DOSSIERS.toLocaleString('en')} dossiers and ${TICKETS.toLocaleString('en')} tickets over 12 months, ${COMMUNES} communes (${os.cpus().length} cores)\n`);
    await seedDemo(database.db);
    const w = await world(sql);
    const genStart = performance.now();
    await withoutIndexes(sql, async () => {
      const done = step(`generating dossiers`);
      await generate(sql, w, (n) => process.stdout.write(`\r  generating dossiers… ${Math.round((100 * n) / DOSSIERS)}% `));
      done(` (${Math.round(DOSSIERS / ((performance.now() - genStart) / 1000)).toLocaleString('en')} dossiers/s with their slips, payments and result documents)`);
    });
    let done = step('vacuum analyze');
    await sql`vacuum analyze`;
    done(` (${((performance.now() - genStart) / 60_000).toFixed(1)} min for the whole load)`);

    // The ranking reads [from − 1, to]: that is what is rebuilt unless the whole year is asked for (BENCH_REBUILD=all).
    const to = businessDate(new Date(), TZ);
    const from = nextDate(to, -89);
    const all = process.env.BENCH_REBUILD === 'all';
    done = step(`rebuilding the read models of ${all ? 'every day' : `${from} − 1 … ${to}`} (npm run analytics:rebuild)`);
    const rebuildStart = performance.now();
    const rebuilt = await rebuildReadModels(database.db, {
      ...(all ? {} : { from: nextDate(from, -1), to }),
      onProgress: (p) => process.stdout.write(`\r  rebuilding the read models… ${Math.round((100 * p.done) / p.total)}% `),
    });
    const dayCount = Math.round((Date.parse(rebuilt.to) - Date.parse(rebuilt.from)) / 86_400_000) + 1;
    done(` (${rebuilt.rows.toLocaleString('en')} rows for ${dayCount} days, ${((performance.now() - rebuildStart) / 1000 / dayCount).toFixed(1)} s per day)`);
    await sql`analyze`;

    const ranking = () => analyticsRepository.dossierCounts(database.db, { from, to, by: 'competent', groupBy: 'unit' });
    const overview = async () => {
      const [byChannel] = await Promise.all([
        analyticsRepository.dossierCounts(database.db, { from, to, by: 'competent', groupBy: 'channel' }),
        analyticsRepository.dossierTrend(database.db, { from, to, by: 'competent', bucket: 'week' }),
      ]);
      return byChannel;
    };
    await ranking();
    await overview();
    const fastRanking = await timed(RUNS, ranking);
    const fastOverview = await timed(RUNS, overview);
    done = step(`raw GROUP BY over the dossiers (${RAW_RUNS} runs each, by commune and by channel)`);
    const slowRanking = await timed(RAW_RUNS, () => rawCounts(sql, from, to, 'unit_id'));
    const slowOverview = await timed(RAW_RUNS, () => rawCounts(sql, from, to, 'channel'));
    done();
    report(`Ranking of the communes, ${from} … ${to} (90 days):`, fastRanking, slowRanking, 150);
    report('Overview (totals by channel and the weekly trend, same days) against its raw GROUP BY by channel:', fastOverview, slowOverview, 150);

    // What partitioning by time would act on: the sizes, and the two paths that touch the big tables as they grow.
    console.log('\n  Sizes:');
    await sizes(sql, ['dossiers', 'dossier_events', 'dossier_payments', 'dossier_documents', 'dossier_daily_stats', 'dossier_unit_daily_stats', 'dossier_channel_daily_stats', 'tickets', 'queue_hourly_stats']);
    const ids = (await sql`select id from dossiers tablesample system (0.1) limit 200`).map((r) => r.id);
    const timeline = await timed(ids.length, async () => sql`select * from dossier_events where dossier_id = ${ids[Math.floor(Math.random() * ids.length)]} order by at`);
    if (process.env.BENCH_EXPLAIN) {
      const { statements } = await import('../packages/db/dist/statement.js');
      const { sql: q } = await import('drizzle-orm');
      for (const name of process.env.BENCH_EXPLAIN.split(',')) {
        await database.db.transaction(async (tx) => {
          // An insert of the rollup runs after its delete, as in the rollup.
          if (name.endsWith('.insert')) await tx.execute(statements.get(name.replace(/insert$/, 'delete'))(to, to));
          const plan = await tx.execute(q`explain (analyze, buffers) ${statements.get(name)(to, to, TZ)}`);
          console.log(`\n${name}:\n` + plan.map((r) => r['QUERY PLAN']).join('\n'));
          tx.rollback();
        }).catch((e) => e?.message?.includes('Rollback') || console.error(e));
      }
    }
    const today = await timed(RAW_RUNS, () => database.db.transaction((tx) => analyticsRepository.rollupDossierDay(tx, to, TZ)));
    const queueToday = await timed(RAW_RUNS, () => database.db.transaction((tx) => analyticsRepository.rollupQueueDay(tx, to)));
    console.log(`
  The paths that grow with the tables:
${line("a dossier's slip", timeline, ids.length)}
${line("today's rollup", today, RAW_RUNS)}   (dossiers: the worker's job every minute and after each change)
${line('  and the queue', queueToday, RAW_RUNS)}   (tickets: every minute)`);
    if (process.env.BENCH_PARTITION) await partitionTrial(sql, ids, to);
  } finally {
    await database.drop().catch(() => {});
    await pg.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
