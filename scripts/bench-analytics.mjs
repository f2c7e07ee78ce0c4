// `npm run bench:analytics`: the commune ranking over 90 days from the read model, against the
// same numbers computed by a plain GROUP BY over the raw dossiers in the same run (shared
// machines are noisy, so the ratio is the figure). Real PostgreSQL on a free port; the data is
// generated in SQL, deterministically (setseed), so millions of rows take minutes, not hours.
import os from 'node:os';
import path from 'node:path';
import { freePort, startPostgres } from './lib/infra.mjs';
import { percentiles } from './lib/load.mjs';
import { build, ensureDependencies } from './lib/setup.mjs';

const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 5_000_000);
const COMMUNES = Number(process.env.BENCH_COMMUNES ?? 100);
const CHUNK = 250_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const RAW_RUNS = Number(process.env.BENCH_RAW_RUNS ?? 5);
const TZ = 'Asia/Ho_Chi_Minh';

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
    create table bench_agencies as
    select (row_number() over (order by a.code) - 1)::int as idx, a.id, c.id as center_id
    from agencies a join centers c on c.unit_id = a.unit_id where a.code like 'UBND-B%'`;
  await sql`
    create table bench_versions as
    select (row_number() over (order by pv.id) - 1)::int as idx, pv.id,
      greatest(pv.time_limit_value, 0.5)::float8 * 1.4 as due_days, pv.fee_vnd
    from procedure_versions pv`;
  const [{ n }] = await sql`select count(*)::int as n from bench_versions`;
  return { versions: n };
}

/** Dossiers over the last 365 days: skewed across communes, online share rising, 1–4% late, a few still open or withdrawn. */
async function generate(sql, w, onChunk) {
  for (let start = 0; start < DOSSIERS; start += CHUNK) {
    const end = Math.min(DOSSIERS, start + CHUNK) - 1;
    await sql.begin(async (tx) => {
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
    });
    onChunk(end + 1);
  }
  // Their control slips: what the read model judges each day by (received with its appointment, then the finish).
  await sql`
    insert into dossier_events (dossier_id, kind, to_status, at, data)
    select id, 'received', 'received', received_at, jsonb_build_object('dueAt', due_at) from dossiers where code like 'BX-%'`;
  await sql`
    insert into dossier_events (dossier_id, kind, from_status, to_status, at)
    select id, 'resolved', 'in_process', 'resolved', resolved_at from dossiers where code like 'BX-%' and resolved_at is not null`;
  await sql`
    insert into dossier_events (dossier_id, kind, from_status, to_status, at)
    select id, 'withdrawn', 'in_process', 'withdrawn', received_at + interval '2 hours' from dossiers where code like 'BX-%' and status = 'withdrawn'`;
  await sql`
    insert into dossier_payments (dossier_id, amount_vnd, method, paid_at)
    select d.id, v.fee_vnd, case when random() < 0.4 then 'portal' else 'cash' end, d.received_at
    from dossiers d join bench_versions v on v.id = d.procedure_version_id where v.fee_vnd > 0 and d.code like 'BX-%'`;
  await sql`
    insert into dossier_documents (dossier_id, kind, name)
    select id, 'result', 'Kết quả' from dossiers where resolved_at is not null and code like 'BX-%' and random() < 0.5`;
  await sql`vacuum analyze`;
}

/**
 * The ranking's numbers straight from the raw rows: what the read model must reproduce. The generated
 * slips have no pauses, so the due time that applied is the dossier's; a withdrawal ends a dossier at its slip row.
 */
const rawRanking = (sql, from, to) => sql`
  with b as (
    select (${from}::date::timestamp at time zone ${TZ}) as start_at, ((${to}::date + 1)::timestamp at time zone ${TZ}) as end_at
  ), d as (
    select d.*, a.unit_id, pv.fee_vnd, b.start_at, b.end_at, w.at as withdrawn_at, coalesce(d.resolved_at, w.at, 'infinity') as fin,
      d.received_at >= b.start_at and d.received_at < b.end_at as received_in,
      d.resolved_at >= b.start_at and d.resolved_at < b.end_at as resolved_in,
      w.at >= b.start_at and w.at < b.end_at as withdrawn_in
    from dossiers d cross join b
    join agencies a on a.id = d.agency_id
    join procedure_versions pv on pv.id = d.procedure_version_id
    left join dossier_events w on w.dossier_id = d.id and w.kind = 'withdrawn'
    where d.received_at < b.end_at and coalesce(d.resolved_at, 'infinity') >= b.start_at
  )
  select unit_id::text as key,
    count(*) filter (where received_in)::int as "received",
    count(*) filter (where received_in and channel = 'online')::int as "receivedOnline",
    count(*) filter (where received_at < start_at and fin >= start_at)::int as "carriedOver",
    count(*) filter (where resolved_in and resolved_at <= due_at
      and (resolved_at at time zone ${TZ})::date < (due_at at time zone ${TZ})::date)::int as "resolvedEarly",
    count(*) filter (where resolved_in and resolved_at <= due_at
      and (resolved_at at time zone ${TZ})::date >= (due_at at time zone ${TZ})::date)::int as "resolvedOnTime",
    count(*) filter (where resolved_in and resolved_at > due_at)::int as "resolvedLate",
    count(*) filter (where withdrawn_in and withdrawn_at <= due_at)::int as "withdrawnOnTime",
    count(*) filter (where withdrawn_in and withdrawn_at > due_at)::int as "withdrawnLate",
    count(*) filter (where fin >= end_at and due_at >= end_at)::int as "inProgressInTime",
    count(*) filter (where fin >= end_at and due_at < end_at)::int as "inProgressOverdue",
    count(*) filter (where (resolved_in or withdrawn_in) and fin <= due_at)::int as "originalOnTime",
    count(*) filter (where fin >= end_at and due_at >= end_at)::int as "originalInTime",
    count(*) filter (where received_in and fee_vnd > 0)::int as "withFee",
    count(*) filter (where received_in and fee_vnd > 0 and exists (select 1 from dossier_payments p where p.dossier_id = d.id and p.purpose = 'fee' and p.method in ('portal', 'gateway')))::int as "paidOnline",
    count(*) filter (where resolved_in and exists (select 1 from ratings r where r.ticket_id = d.ticket_id and r.level = 'not_satisfied'))::int as "dissatisfied",
    count(*) filter (where resolved_in and exists (select 1 from dossier_documents doc where doc.dossier_id = d.id and doc.kind = 'result'))::int as "digitised"
  from d group by 1 order by 1`;

/** Rows with any activity, as plain objects in key order, so the two sources compare exactly. */
const normalise = (rows) =>
  rows.map((r) => ({ ...r })).filter(({ key, ...counts }) => key && Object.values(counts).some((v) => v !== 0)).sort((a, b) => a.key.localeCompare(b.key));

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

async function main() {
  await ensureDependencies();
  await build();
  const tmp = path.join(os.tmpdir(), `motcua-bench-analytics-${process.pid}`);
  const pg = await startPostgres({ dir: path.join(tmp, 'pg'), port: await freePort(), persistent: false });
  const { prepareTemplate, createTestDatabase } = await import('@motcua/db/testing');
  const { seedDemo, analyticsRepository, rebuildReadModels } = await import('@motcua/db');
  const { businessDate, nextDate } = await import('@motcua/core');
  process.env.MOTCUA_TEST_PG_URL = pg.url;
  process.env.MOTCUA_TEST_TEMPLATE = 'bench_analytics_template';
  await prepareTemplate(pg.url, 'bench_analytics_template');
  const database = await createTestDatabase();
  const sql = database.sql;
  try {
    console.log(`\nbench:analytics — ${DOSSIERS.toLocaleString('en')} dossiers over 12 months, ${COMMUNES} communes (${os.cpus().length} cores)\n`);
    await seedDemo(database.db);
    const w = await world(sql);
    let done = step(`generating dossiers`);
    const genStart = performance.now();
    await generate(sql, w, (n) => process.stdout.write(`\r  generating dossiers… ${Math.round((100 * n) / DOSSIERS)}% `));
    done(` (${Math.round(DOSSIERS / ((performance.now() - genStart) / 1000)).toLocaleString('en')} dossiers/s, with payments and result documents)`);

    done = step('rebuilding the read models (npm run analytics:rebuild)');
    const rebuilt = await rebuildReadModels(database.db, { onProgress: (p) => process.stdout.write(`\r  rebuilding the read models… ${Math.round((100 * p.done) / p.total)}% `) });
    done(` (${rebuilt.rows.toLocaleString('en')} rows for ${rebuilt.from} … ${rebuilt.to})`);

    const to = businessDate(new Date(), TZ);
    const from = nextDate(to, -89);
    const readModel = () => analyticsRepository.dossierCounts(database.db, { from, to, by: 'competent', groupBy: 'unit' });
    await readModel();
    const fast = await timed(RUNS, readModel);
    done = step(`raw GROUP BY over the dossiers (${RAW_RUNS} runs)`);
    const slow = await timed(RAW_RUNS, () => rawRanking(sql, from, to));
    done();

    const a = normalise(fast.last);
    const b = normalise(slow.last);
    const identical = JSON.stringify(a) === JSON.stringify(b);
    const ratio = slow.p50 / fast.p50;
    console.log(`
  Ranking of ${a.length} communes, ${from} … ${to} (90 days):
    read model     p50 ${fast.p50.toFixed(1)} ms   p95 ${fast.p95.toFixed(1)} ms   (${RUNS} runs)
    raw GROUP BY   p50 ${slow.p50.toFixed(0)} ms   p95 ${slow.p95.toFixed(0)} ms   (${RAW_RUNS} runs)
    ratio          ${ratio.toFixed(0)}× faster      (target ≥ 20×: ${ratio >= 20 ? 'met' : 'MISSED'})
    p95 target     ≤ 150 ms: ${fast.p95 <= 150 ? 'met' : 'MISSED'}
    numbers        ${identical ? 'identical' : 'DIFFERENT'} (${a.reduce((t, r) => t + r.received, 0).toLocaleString('en')} received in the period)
`);
    if (!identical) {
      const diff = a.find((r, i) => JSON.stringify(r) !== JSON.stringify(b[i]));
      console.log('  first difference:', diff, b.find((r) => r.key === diff?.key));
      process.exitCode = 1;
    }
  } finally {
    await database.drop().catch(() => {});
    await pg.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
