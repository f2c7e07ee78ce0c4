import { COUNT_KEYS, DEFAULT_TIME_ZONE, nextDate, type CountKey, type DossierCounts, type QueueSums } from '@motcua/core';
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../client.js';
import { col, command, query } from '../statement.js';
import { clockCtes, openInTime, openOriginalInTime } from './dossier-clock.sql.js';

// Left out of the rollup fingerprints: rewriting a row changes when, not what.
const WRITTEN_AT = sql`'{created_at,updated_at}'::text[]`;

const previousDay = (day: string) => nextDate(day, -1);

const ACTIVE = sql`('received', 'in_process', 'awaiting_supplement', 'awaiting_obligation', 'suspended')`;

export type DossierGrouping = 'unit' | 'field' | 'procedure' | 'channel';

/** A period and filters over the dossier read model; `unitIds` undefined = no unit filter (system-wide). */
export interface CountsQuery {
  from: string;
  to: string;
  by: 'competent' | 'receiving';
  unitIds?: string[];
  field?: string;
}

/** A queue read model's sums for one center, counter or officer, with its names. */
export interface QueueSumsRow extends QueueSums {
  key: string;
  label: string;
  center: string;
}

/** One dossier behind a figure (analytics drill-through), without applicant data. */
export interface DossierListRow {
  id: string;
  code: string;
  procedure: string;
  field: string;
  unit: string;
  channel: string;
  receivedAt: Date;
  originalDueAt: Date;
  dueAt: Date | null;
  finishedAt: Date | null;
  endKind: string | null;
  comparedAt: Date | null;
  supplements: number;
  verdict: string | null;
  verdictOriginal: string | null;
  countsIn: CountKey[];
  pauses: Array<{ kind: string; from: string; to: string | null }>;
}

export interface CorrectionRow {
  id: string;
  day: string;
  recomputedAt: Date;
  agencyUnit: string;
  receivingUnit: string;
  before: Record<string, number> | null;
  after: Record<string, number> | null;
}

export interface OverdueRow {
  id: string;
  code: string;
  procedure: string;
  field: string;
  status: string;
  dueAt: Date;
  handler: string | null;
  agency: string;
}

const uuidArray = (list: string[]) => sql`array[${sql.join(list.length ? list.map((u) => sql`${u}`) : [sql`null`], sql`, `)}]::uuid[]`;
const inUnits = (column: ReturnType<typeof sql.raw>, unitIds?: string[]) => (unitIds ? sql`and ${column} = any(${uuidArray(unitIds)})` : sql``);
const unitColumn = (by: 'competent' | 'receiving') => sql.raw(by === 'competent' ? 's.agency_unit_id' : 's.receiving_unit_id');
const filters = (q: CountsQuery) => sql`${inUnits(unitColumn(q.by), q.unitIds)} ${q.field ? sql`and s.field = ${q.field}` : sql``}`;
/** Flows summed over a bucket's days, in-progress at its last day, carried over from the day before it. */
/**
 * The day whose end-of-day snapshot gives "in progress": the bucket's last day, or today while
 * the bucket is still running (a month not over yet has no rows for its remaining days).
 */
const SNAPSHOT_DAY = sql`least(x.b_to, greatest(x.b_from, (now() at time zone ${DEFAULT_TIME_ZONE})::date))`;
/** The buckets `b` (b_from, b_to) with their snapshot day `b_snap`, computed once per bucket rather than for every summed row. */
const buckets = (rows: SQL) => sql`b as (select x.b_from, x.b_to, ${SNAPSHOT_DAY} as b_snap from (${rows}) x)`;
/** The count columns as read: one integer per count key. */
const countsShape = Object.fromEntries(COUNT_KEYS.map((k) => [k, z.number()])) as Record<CountKey, z.ZodNumber>;

const countColumns = (perUnit: boolean) => sql`
  coalesce(sum(s.received) filter (where s.day between b.b_from and b.b_to), 0)::int as "received",
  ${perUnit
    ? sql`coalesce(sum(s.received_online) filter (where s.day between b.b_from and b.b_to), 0)::int`
    : sql`coalesce(sum(s.received) filter (where s.day between b.b_from and b.b_to and s.channel = 'online'), 0)::int`} as "receivedOnline",
  coalesce(sum(s.in_progress_in_time + s.in_progress_overdue) filter (where s.day = b.b_from - 1), 0)::int as "carriedOver",
  coalesce(sum(s.resolved_early) filter (where s.day between b.b_from and b.b_to), 0)::int as "resolvedEarly",
  coalesce(sum(s.resolved_on_time) filter (where s.day between b.b_from and b.b_to), 0)::int as "resolvedOnTime",
  coalesce(sum(s.resolved_late) filter (where s.day between b.b_from and b.b_to), 0)::int as "resolvedLate",
  coalesce(sum(s.withdrawn_on_time) filter (where s.day between b.b_from and b.b_to), 0)::int as "withdrawnOnTime",
  coalesce(sum(s.withdrawn_late) filter (where s.day between b.b_from and b.b_to), 0)::int as "withdrawnLate",
  coalesce(sum(s.in_progress_in_time) filter (where s.day = b.b_snap), 0)::int as "inProgressInTime",
  coalesce(sum(s.in_progress_overdue) filter (where s.day = b.b_snap), 0)::int as "inProgressOverdue",
  coalesce(sum(s.original_on_time) filter (where s.day between b.b_from and b.b_to), 0)::int as "originalOnTime",
  coalesce(sum(s.original_in_time) filter (where s.day = b.b_snap), 0)::int as "originalInTime",
  coalesce(sum(s.with_fee) filter (where s.day between b.b_from and b.b_to), 0)::int as "withFee",
  coalesce(sum(s.paid_online) filter (where s.day between b.b_from and b.b_to), 0)::int as "paidOnline",
  coalesce(sum(s.dissatisfied) filter (where s.day between b.b_from and b.b_to), 0)::int as "dissatisfied",
  coalesce(sum(s.digitised) filter (where s.day between b.b_from and b.b_to), 0)::int as "digitised",
  coalesce(sum(s.e_results) filter (where s.day between b.b_from and b.b_to), 0)::int as "eResults",
  coalesce(sum(s.digitised_at_reception) filter (where s.day between b.b_from and b.b_to), 0)::int as "digitisedAtReception",
  coalesce(sum(s.reused_data) filter (where s.day between b.b_from and b.b_to), 0)::int as "reusedData"`;

/**
 * Rollups run one at a time (scheduled, after commands, a rebuild): two rewriting the same day at
 * once would collide on its keys. Call inside the rollup's transaction; the lock ends with it.
 */
const lockRollups = command('analytics.lockRollups', () => sql`select pg_advisory_xact_lock(hashtext('motcua:analytics-rollup'))`);

/** Questions by unit, by channel or by nothing, without a field filter, read the summed models: a few thousand rows a quarter instead of hundreds of thousands. */
const summed = (q: CountsQuery, groupBy: DossierGrouping | 'none') => (groupBy === 'unit' || groupBy === 'channel' || groupBy === 'none') && !q.field;
const statsTable = (q: CountsQuery, groupBy: DossierGrouping | 'none') =>
  sql.raw(!summed(q, groupBy) ? 'dossier_daily_stats' : groupBy === 'channel' ? 'dossier_channel_daily_stats' : 'dossier_unit_daily_stats');

/** A group's counts (the fields the core indicator formulas take), keyed by unit, field, procedure or channel. */
export type DossierCountsRow = DossierCounts & { key: string };

/** Queue read models by who called: counter or officer. */
const QUEUE_PER = {
  counter: { table: sql.raw('queue_counter_daily_stats'), key: sql.raw('counter_id') },
  officer: { table: sql.raw('queue_officer_daily_stats'), key: sql.raw('officer_id') },
} as const;

const deleteQueuePer = command('analytics.rollupQueuePer.delete', (from: string, to: string, per: keyof typeof QUEUE_PER) => {
    const { table } = QUEUE_PER[per];
    return sql`delete from ${table} where day between ${from} and ${to}`;
  });

const insertQueuePer = command('analytics.rollupQueuePer.insert', (from: string, to: string, per: keyof typeof QUEUE_PER) => {
    const { table, key } = QUEUE_PER[per];
    return sql`
    with t as (
      select t.business_date as day, t.center_id, t.${key} as key, t.status, c.unit_id, r.level as rating,
        extract(epoch from (t.called_at - t.arrived_at)) as wait_s,
        extract(epoch from (t.done_at - t.serving_at)) as service_s
      from tickets t join centers c on c.id = t.center_id
      left join ratings r on r.ticket_id = t.id
      where t.business_date between ${from} and ${to} and t.transferred_from_ticket_id is null and t.${key} is not null and t.called_at is not null
    ), h as (
      select day, key, least(floor(wait_s / 60), 120)::int as m, count(*)::int as n from t group by 1, 2, 3
    ), dense as (
      select k.day, k.key, array_agg(coalesce(h.n, 0) order by b.m) as histogram
      from (select distinct day, key from t) k cross join generate_series(0, 120) b(m)
      left join h on h.day = k.day and h.key = k.key and h.m = b.m
      group by 1, 2
    )
    insert into ${table} (day, center_id, unit_id, ${key}, called, served, no_show, wait_seconds_sum, service_seconds_sum, within_target,
      rated_very_satisfied, rated_satisfied, rated_not_satisfied, wait_histogram)
    select t.day, center_id, unit_id, t.key,
      count(*)::int,
      count(*) filter (where status = 'done')::int,
      count(*) filter (where status = 'no_show')::int,
      coalesce(sum(wait_s), 0)::int,
      coalesce(sum(service_s) filter (where status = 'done'), 0)::int,
      count(*) filter (where wait_s <= 900)::int,
      count(*) filter (where rating = 'very_satisfied')::int,
      count(*) filter (where rating = 'satisfied')::int,
      count(*) filter (where rating = 'not_satisfied')::int,
      dense.histogram
    from t join dense on dense.day = t.day and dense.key = t.key
    group by t.day, center_id, unit_id, t.key, dense.histogram`;
  });

const dropUnitDaysBefore = command('analytics.snapshotClosedDays.drop', () => sql`drop table if exists pg_temp.unit_days_before`);

const createUnitDaysBefore = command('analytics.snapshotClosedDays.create', (from: string, to: string, timeZone: string) => sql`
    create temp table unit_days_before on commit drop as
    select day, agency_unit_id, receiving_unit_id, ${UNIT_COUNTS} as counts from dossier_unit_daily_stats
    where day between ${from} and ${to} and day < (now() at time zone ${timeZone})::date`);

const insertCorrections = command('analytics.logCorrections', (from: string, to: string) => sql`
    with built as (select distinct day from unit_days_before),
    after as (select day, agency_unit_id, receiving_unit_id, ${UNIT_COUNTS} as counts from dossier_unit_daily_stats where day in (select day from built))
    insert into analytics_corrections (day, agency_unit_id, receiving_unit_id, before, after)
    select coalesce(b.day, a.day), coalesce(b.agency_unit_id, a.agency_unit_id), coalesce(b.receiving_unit_id, a.receiving_unit_id), b.counts, a.counts
    from unit_days_before b full join after a using (day, agency_unit_id, receiving_unit_id)
    where b.counts is distinct from a.counts and coalesce(b.day, a.day) between ${from} and ${to}`);

const deleteDossierDays = command('analytics.rollupDossierDays.delete', (from: string, to: string) => sql`delete from dossier_daily_stats where day between ${from} and ${to}`);

const insertDossierDays = query(
  'analytics.rollupDossierDays.insert',
  z.object({ n: z.number() }),
  (from: string, to: string, timeZone: string) => sql`
      with ${clockCtes(from, to, timeZone)}, facts as (
        select s.dossier_id, g.day::date as day, 'open' as what, ${openInTime(sql`g.day`, timeZone)} as ok, false as early, ${openOriginalInTime(sql`g.day`, timeZone)} as original_ok
        from st s cross join bounds b cross join lateral generate_series(greatest(s.day, b.d1), least(s.until_day - 1, b.d2), interval '1 day') g(day)
        where not s.is_end
        union all
        select dossier_id, day, 'received', true, false, false from st, bounds b where kind = 'received' and day between b.d1 and b.d2
        union all
        select dossier_id, day, kind, not late, not late and early_day, original_ok from fin, bounds b where day between b.d1 and b.d2
      )
      insert into dossier_daily_stats (day, agency_id, agency_unit_id, receiving_center_id, receiving_unit_id, procedure_id, field, channel,
        received, resolved_early, resolved_on_time, resolved_late, withdrawn_on_time, withdrawn_late, in_progress_in_time, in_progress_overdue,
        original_on_time, original_in_time, with_fee, paid_online, dissatisfied, digitised, e_results, digitised_at_reception, reused_data)
      select f.day, d.agency_id, d.agency_unit_id, d.receiving_center_id, d.receiving_unit_id, d.procedure_id, d.field, d.channel,
        count(*) filter (where what = 'received')::int,
        count(*) filter (where what = 'resolved' and ok and early)::int,
        count(*) filter (where what = 'resolved' and ok and not early)::int,
        count(*) filter (where what = 'resolved' and not ok)::int,
        count(*) filter (where what in ('withdrawn', 'stopped') and ok)::int,
        count(*) filter (where what in ('withdrawn', 'stopped') and not ok)::int,
        count(*) filter (where what = 'open' and ok)::int,
        count(*) filter (where what = 'open' and not ok)::int,
        count(*) filter (where what in ('resolved', 'withdrawn', 'stopped') and original_ok)::int,
        count(*) filter (where what = 'open' and original_ok)::int,
        count(*) filter (where what = 'received' and d.with_fee)::int,
        count(*) filter (where what = 'received' and d.with_fee and d.paid_online)::int,
        count(*) filter (where what = 'resolved' and d.dissatisfied)::int,
        count(*) filter (where what = 'resolved' and d.digitised)::int,
        count(*) filter (where what = 'resolved' and d.e_result)::int,
        count(*) filter (where what = 'received' and d.digitised_at_reception)::int,
        count(*) filter (where what = 'received' and d.reused)::int
      from facts f join d on d.id = f.dossier_id
      group by f.day, d.agency_id, d.agency_unit_id, d.receiving_center_id, d.receiving_unit_id, d.procedure_id, d.field, d.channel
      returning 1 as n`,
);

/** The detailed rows of [from, to] summed per unit pair (and channel): the small models the rankings and the overview read. */
const SUMMED = {
  unit: { table: sql.raw('dossier_unit_daily_stats'), key: sql.raw('day, agency_unit_id, receiving_unit_id') },
  channel: { table: sql.raw('dossier_channel_daily_stats'), key: sql.raw('day, agency_unit_id, receiving_unit_id, channel') },
} as const;

const deleteSummedDays = command('analytics.rollupDossierDays.deleteSummed', (from: string, to: string, per: keyof typeof SUMMED) => sql`
      delete from ${SUMMED[per].table} where day between ${from} and ${to}`);

const insertSummedDays = command('analytics.rollupDossierDays.insertSummed', (from: string, to: string, per: keyof typeof SUMMED) => sql`
      insert into ${SUMMED[per].table} (${SUMMED[per].key}, received, received_online, resolved_early, resolved_on_time, resolved_late,
        withdrawn_on_time, withdrawn_late, in_progress_in_time, in_progress_overdue, original_on_time, original_in_time, with_fee, paid_online, dissatisfied, digitised,
        e_results, digitised_at_reception, reused_data)
      select ${SUMMED[per].key}, sum(received), coalesce(sum(received) filter (where channel = 'online'), 0), sum(resolved_early), sum(resolved_on_time),
        sum(resolved_late), sum(withdrawn_on_time), sum(withdrawn_late), sum(in_progress_in_time), sum(in_progress_overdue), sum(original_on_time), sum(original_in_time),
        sum(with_fee), sum(paid_online), sum(dissatisfied), sum(digitised), sum(e_results), sum(digitised_at_reception), sum(reused_data)
      from dossier_daily_stats where day between ${from} and ${to}
      group by ${SUMMED[per].key}`);

const deleteQueueDays = command('analytics.rollupQueueDays.delete', (from: string, to: string) => sql`delete from queue_hourly_stats where day between ${from} and ${to}`);

const insertQueueDays = query(
  'analytics.rollupQueueDays.insert',
  z.object({ n: z.number() }),
  (from: string, to: string) => sql`
      with t as (
        select t.business_date as day, t.center_id, c.unit_id, t.service_id, t.status, t.called_at, t.serving_at, r.level as rating,
          extract(hour from t.arrived_at at time zone c.time_zone)::smallint as hour,
          extract(epoch from (t.called_at - t.arrived_at)) as wait_s,
          extract(epoch from (t.done_at - t.serving_at)) as service_s
        from tickets t join centers c on c.id = t.center_id
        left join ratings r on r.ticket_id = t.id
        where t.business_date between ${from} and ${to} and t.transferred_from_ticket_id is null
      ), g as (
        select day, center_id, unit_id, service_id, hour,
          count(*)::int as issued,
          count(*) filter (where called_at is not null)::int as called,
          count(*) filter (where status = 'done')::int as served,
          count(*) filter (where status = 'no_show')::int as no_show,
          coalesce(sum(wait_s) filter (where called_at is not null), 0)::int as wait_sum,
          coalesce(sum(service_s) filter (where status = 'done' and serving_at is not null), 0)::int as service_sum,
          count(*) filter (where rating = 'very_satisfied')::int as rated_very_satisfied,
          count(*) filter (where rating = 'satisfied')::int as rated_satisfied,
          count(*) filter (where rating = 'not_satisfied')::int as rated_not_satisfied,
          count(*) filter (where called_at is not null and wait_s <= 900)::int as within_target
        from t group by day, center_id, unit_id, service_id, hour
      ), h as (
        select day, center_id, service_id, hour, least(floor(wait_s / 60), 120)::int as m, count(*)::int as n
        from t where called_at is not null group by 1, 2, 3, 4, 5
      ), dense as (
        -- waits by whole minute 0…120, zeros included, so p90 needs no raw rows
        select g.day, g.center_id, g.service_id, g.hour, array_agg(coalesce(h.n, 0) order by b.m) as histogram
        from g cross join generate_series(0, 120) b(m)
        left join h on h.day = g.day and h.center_id = g.center_id and h.service_id = g.service_id and h.hour = g.hour and h.m = b.m
        group by 1, 2, 3, 4
      )
      insert into queue_hourly_stats (day, center_id, unit_id, service_id, hour, issued, called, served, no_show, wait_seconds_sum, service_seconds_sum, within_target,
        rated_very_satisfied, rated_satisfied, rated_not_satisfied, wait_histogram)
      select g.day, g.center_id, g.unit_id, g.service_id, g.hour, issued, called, served, no_show, wait_sum, service_sum, within_target,
        rated_very_satisfied, rated_satisfied, rated_not_satisfied, dense.histogram
      from g join dense using (day, center_id, service_id, hour)
      returning 1 as n`,
);

const dossierCounts = query(
  'analytics.dossierCounts',
  z.object({ key: z.string(), ...countsShape }),
  (q: CountsQuery & { groupBy: DossierGrouping }) => {
    const key = q.groupBy === 'unit' ? unitColumn(q.by) : q.groupBy === 'field' ? sql.raw('s.field') : q.groupBy === 'procedure' ? sql.raw('s.procedure_id') : sql.raw('s.channel');
    return sql`
      with ${buckets(sql`select ${q.from}::date as b_from, ${q.to}::date as b_to`)}
      select ${key}::text as key, ${countColumns(summed(q, q.groupBy))}
      from b join ${statsTable(q, q.groupBy)} s on s.day between b.b_from - 1 and b.b_to ${filters(q)}
      group by 1 order by 1`;
  },
);

const dossierTrend = query(
  'analytics.dossierTrend',
  z.object({ key: z.string(), to: z.string(), ...countsShape }),
  (q: CountsQuery & { bucket: 'day' | 'week' | 'month' }) => {
    const step = sql.raw(`'1 ${q.bucket}'::interval`);
    return sql`
      with ${buckets(sql`
        select greatest(g::date, ${q.from}::date) as b_from, least((g + ${step} - '1 day'::interval)::date, ${q.to}::date) as b_to
        from generate_series(date_trunc(${q.bucket}, ${q.from}::date::timestamp), ${q.to}::date::timestamp, ${step}) g`)}
      select b.b_from::text as key, b.b_to::text as "to", ${countColumns(summed(q, 'none'))}
      from b left join ${statsTable(q, 'none')} s on s.day between b.b_from - 1 and b.b_to ${filters(q)}
      group by b.b_from, b.b_to order by b.b_from`;
  },
);

const queueHeatmap = query(
  'analytics.queueHeatmap',
  z.object({ weekday: z.number(), hour: z.number(), issued: z.number() }),
  (q: { from: string; to: string; unitIds?: string[] }) => sql`
      select extract(isodow from day)::int as weekday, hour::int as hour, sum(issued)::int as issued
      from queue_hourly_stats where day between ${q.from} and ${q.to} ${inUnits(sql.raw('unit_id'), q.unitIds)}
      group by 1, 2 having sum(issued) > 0 order by 1, 2`,
);

const queueSums = query(
  'analytics.queueSums',
  z.object({
    key: z.string(),
    label: z.string(),
    center: z.string(),
    issued: z.number().nullable(),
    called: z.number(),
    served: z.number(),
    noShow: z.number(),
    waitSecondsSum: z.number(),
    serviceSecondsSum: z.number(),
    withinTarget: z.number(),
    ratedVerySatisfied: z.number(),
    ratedSatisfied: z.number(),
    ratedNotSatisfied: z.number(),
    histogram: z.array(z.number()),
  }),
  (q: { from: string; to: string; unitIds?: string[]; per: 'center' | keyof typeof QUEUE_PER }) => {
    const { table, key } = q.per === 'center' ? { table: sql.raw('queue_hourly_stats'), key: sql.raw('center_id') } : QUEUE_PER[q.per];
    const issued = q.per === 'center' ? sql`sum(issued)::int` : sql`null::int`;
    const label = { center: sql`c.name`, counter: sql`k.label`, officer: sql`k.full_name` }[q.per];
    const labelJoin = { center: sql``, counter: sql`join counters k on k.id = g.key`, officer: sql`join staff k on k.id = g.key` }[q.per];
    return sql`
      with r as (select * from ${table} where day between ${q.from} and ${q.to} ${inUnits(sql.raw('unit_id'), q.unitIds)}),
      g as (
        select ${key} as key, center_id, ${issued} as issued, sum(called)::int as called, sum(served)::int as served, sum(no_show)::int as "noShow",
          sum(wait_seconds_sum)::float8 as "waitSecondsSum", sum(service_seconds_sum)::float8 as "serviceSecondsSum", sum(within_target)::int as "withinTarget",
          sum(rated_very_satisfied)::int as "ratedVerySatisfied", sum(rated_satisfied)::int as "ratedSatisfied", sum(rated_not_satisfied)::int as "ratedNotSatisfied"
        from r group by 1, 2
      ),
      h as (
        select key, array_agg(n order by i) as histogram
        from (select r.${key} as key, u.i, sum(u.v)::int as n from r, unnest(r.wait_histogram) with ordinality u(v, i) group by 1, 2) x group by 1
      )
      select g.key::text as key, ${label} as label, c.name as center, g.issued, g.called, g.served, g."noShow", g."waitSecondsSum", g."serviceSecondsSum", g."withinTarget", g."ratedVerySatisfied", g."ratedSatisfied", g."ratedNotSatisfied", h.histogram
      from g join h on h.key = g.key join centers c on c.id = g.center_id ${labelJoin}
      order by c.name, ${label}`;
  },
);

const overdueDossiers = query(
  'analytics.overdueDossiers',
  z.object({ id: z.string(), code: z.string(), procedure: z.string(), field: z.string(), status: z.string(), dueAt: col.date, handler: z.string().nullable(), agency: z.string() }),
  (q: { unitIds: string[]; by: 'competent' | 'receiving'; now: Date; field?: string; procedureId?: string; limit: number }) => {
    const unitCol = q.by === 'competent' ? sql.raw('a.unit_id') : sql.raw('c.unit_id');
    return sql`
      select d.id, d.code, p.name as procedure, p.field, d.status::text as status, d.due_at as "dueAt", s.full_name as handler, holder.name as agency
      from dossiers d
      join procedure_versions pv on pv.id = d.procedure_version_id
      join procedures p on p.id = pv.procedure_id
      join agencies a on a.id = d.agency_id
      join centers c on c.id = d.receiving_center_id
      join agencies holder on holder.id = coalesce(d.current_agency_id, d.agency_id)
      left join staff s on s.id = d.assignee_id
      where d.status in ${ACTIVE} and d.due_at < ${q.now.toISOString()}::timestamptz ${inUnits(unitCol, q.unitIds)}
        ${q.field ? sql`and p.field = ${q.field}` : sql``} ${q.procedureId ? sql`and p.id = ${q.procedureId}` : sql``}
      order by d.due_at, d.code limit ${q.limit}`;
  },
);

const dossierList = query(
  'analytics.dossierList',
  z.object({
    id: z.string(),
    code: z.string(),
    procedure: z.string(),
    field: z.string(),
    unit: z.string(),
    channel: z.string(),
    receivedAt: col.date,
    originalDueAt: col.date,
    dueAt: col.date.nullable(),
    finishedAt: col.date.nullable(),
    endKind: z.string().nullable(),
    comparedAt: col.date.nullable(),
    supplements: z.number(),
    verdict: z.string().nullable(),
    verdictOriginal: z.string().nullable(),
    countsIn: z.array(z.enum(COUNT_KEYS)),
    pauses: z.array(z.object({ kind: z.string(), from: z.string(), to: z.string().nullable() })),
    total: z.number(),
  }),
  (q: CountsQuery & { procedureId?: string; channel?: string; keys: readonly CountKey[]; limit: number; offset: number; timeZone: string }) => {
    const unitCol = sql.raw(q.by === 'competent' ? 'a.unit_id' : 'c.unit_id');
    const where = sql`${inUnits(unitCol, q.unitIds)} ${q.field ? sql`and p.field = ${q.field}` : sql``} ${q.procedureId ? sql`and p.id = ${q.procedureId}` : sql``}
    ${q.channel ? sql`and d.channel = ${q.channel}` : sql``}`;
    const tz = q.timeZone;
    const wanted = sql.join(q.keys.map((k) => sql`${sql.identifier(k)}`), sql` or `);
    return sql`
      with ${clockCtes(previousDay(q.from), q.to, tz, where)},
      snap as (select least(${q.to}::date, greatest(${q.from}::date, (now() at time zone ${tz})::date)) as sday),
      per as (
        select d.id, d.code, d.agency_unit_id, d.receiving_unit_id, d.procedure_id, d.field, d.channel, d.with_fee, d.paid_online,
          d.dissatisfied as rated_unhappy, d.digitised as has_result, d.e_result as has_e_result, d.digitised_at_reception as digitised_in, d.reused as reused_in, r.day as received_day, r.at as received_at, r.due_after as original_due,
          f.kind as end_kind, f.at as finished_at, f.compared_at as f_compared, f.due as f_due, f.late as f_late, f.early_day as f_early, f.original_ok as f_original_ok, f.supplements as f_supplements,
          s.dossier_id is not null as open_at_end, s.due as o_due, s.pause_from as o_pause, s.supplements as o_supplements,
          ${openInTime(sql`snap.sday`, tz)} as o_ok, ${openOriginalInTime(sql`snap.sday`, tz)} as o_original_ok,
          k.dossier_id is not null as carried
        from d cross join snap
        join st r on r.dossier_id = d.id and r.kind = 'received'
        left join fin f on f.dossier_id = d.id and f.day between ${q.from} and ${q.to}
        left join st s on s.dossier_id = d.id and not s.is_end and s.day <= snap.sday and s.until_day > snap.sday
        left join st k on k.dossier_id = d.id and not k.is_end and k.day < ${q.from}::date and k.until_day >= ${q.from}::date
      ), flagged as (
        select per.*,
          received_day between ${q.from} and ${q.to} as "received",
          received_day between ${q.from} and ${q.to} and channel = 'online' as "receivedOnline",
          carried as "carriedOver",
          coalesce(end_kind = 'resolved' and not f_late and f_early, false) as "resolvedEarly",
          coalesce(end_kind = 'resolved' and not f_late and not f_early, false) as "resolvedOnTime",
          coalesce(end_kind = 'resolved' and f_late, false) as "resolvedLate",
          coalesce(end_kind in ('withdrawn', 'stopped') and not f_late, false) as "withdrawnOnTime",
          coalesce(end_kind in ('withdrawn', 'stopped') and f_late, false) as "withdrawnLate",
          open_at_end and o_ok as "inProgressInTime",
          open_at_end and not o_ok as "inProgressOverdue",
          coalesce(end_kind is not null and f_original_ok, false) as "originalOnTime",
          open_at_end and o_original_ok as "originalInTime",
          received_day between ${q.from} and ${q.to} and with_fee as "withFee",
          received_day between ${q.from} and ${q.to} and with_fee and paid_online as "paidOnline",
          coalesce(end_kind = 'resolved' and rated_unhappy, false) as "dissatisfied",
          coalesce(end_kind = 'resolved' and has_result, false) as "digitised",
          coalesce(end_kind = 'resolved' and has_e_result, false) as "eResults",
          received_day between ${q.from} and ${q.to} and digitised_in as "digitisedAtReception",
          received_day between ${q.from} and ${q.to} and reused_in as "reusedData"
        from per
      ), page as (
        select *, count(*) over () as total from flagged where ${wanted} order by code limit ${q.limit} offset ${q.offset}
      )
      select page.id, page.code, pr.name as procedure, page.field, u.name as unit, page.channel::text as channel,
        page.received_at as "receivedAt", page.original_due as "originalDueAt",
        coalesce(page.f_due, page.o_due) as "dueAt", page.finished_at as "finishedAt", page.end_kind as "endKind",
        coalesce(page.f_compared, page.o_pause) as "comparedAt", coalesce(page.f_supplements, page.o_supplements, 0)::int as supplements,
        case when page.end_kind is not null then case when page.f_late then 'late' when page.f_early then 'early' else 'on_time' end
             when page.open_at_end then case when page.o_ok then 'in_time' else 'overdue' end end as verdict,
        case when page.end_kind is not null then case when page.f_original_ok then 'on_time' else 'late' end
             when page.open_at_end then case when page.o_original_ok then 'in_time' else 'overdue' end end as "verdictOriginal",
        array_remove(array[${sql.join(COUNT_KEYS.map((k) => sql`case when page.${sql.identifier(k)} then ${k}::text end`), sql`, `)}], null) as "countsIn",
        coalesce(pz.pauses, '[]'::json) as pauses, page.total::int as total
      from page
      join procedures pr on pr.id = page.procedure_id
      join administrative_units u on u.id = ${sql.raw(q.by === 'competent' ? 'page.agency_unit_id' : 'page.receiving_unit_id')}
      left join lateral (
        select json_agg(json_build_object('kind', case x.kind when 'supplement_requested' then 'supplement' when 'suspended' then 'suspension' else 'obligation' end,
          'from', x.pause_from, 'to', x.to_at) order by x.pause_from) as pauses
        from (select e.kind, e.pause_from, lead(e.at) over (order by e.at, e.id) as to_at from st e where e.dossier_id = page.id) x where x.pause_from is not null
      ) pz on true
      order by page.code`;
  },
);

const corrections = query(
  'analytics.corrections',
  z.object({ id: z.string(), day: z.string(), recomputedAt: col.date, agencyUnit: z.string(), receivingUnit: z.string(), before: z.record(z.string(), z.number()).nullable(), after: z.record(z.string(), z.number()).nullable() }),
  (q: { from: string; to: string; unitIds?: string[]; limit: number }) => {
    const scope = q.unitIds ? sql`and (x.agency_unit_id = any(${uuidArray(q.unitIds)}) or x.receiving_unit_id = any(${uuidArray(q.unitIds)}))` : sql``;
    return sql`
      select x.id, x.day::text as day, x.recomputed_at as "recomputedAt", au.name as "agencyUnit", ru.name as "receivingUnit", x.before, x.after
      from analytics_corrections x join administrative_units au on au.id = x.agency_unit_id join administrative_units ru on ru.id = x.receiving_unit_id
      where x.day between ${q.from} and ${q.to} ${scope}
      order by x.recomputed_at desc, x.day, au.name limit ${q.limit}`;
  },
);

const unitRows = query(
  'analytics.units',
  z.object({ id: z.string(), name: z.string(), level: z.string(), parentId: z.string().nullable(), tileX: z.number().nullable(), tileY: z.number().nullable() }),
  (ids?: string[]) => sql`
      select id, name, level::text as level, parent_id as "parentId", tile_x as "tileX", tile_y as "tileY" from administrative_units where true ${inUnits(sql.raw('id'), ids)} order by name`,
);

const unitsAbove = query(
  'analytics.unitsAbove',
  z.object({ id: z.string() }),
  (unitIds: string[]) => sql`
      with recursive up as (
        select id, parent_id from administrative_units where id = any(${uuidArray(unitIds)})
        union select u.id, u.parent_id from administrative_units u join up on u.id = up.parent_id
      ) select id from up`,
);

const activityOf = query(
  'analytics.activityOf',
  z.object({ procedure: z.string(), unit: z.string(), unit_id: z.string() }),
  (dossierId: string) => sql`
      select p.name as procedure, u.name as unit, u.id as unit_id from dossiers d
      join procedure_versions pv on pv.id = d.procedure_version_id join procedures p on p.id = pv.procedure_id
      join agencies a on a.id = d.agency_id join administrative_units u on u.id = a.unit_id
      where d.id = ${dossierId}`,
);

const unitDigests = query(
  'analytics.unitDigests',
  z.object({ id: z.string(), digest: z.string() }),
  (day: string) => sql`
      with rows as (
        select agency_unit_id as unit_id, receiving_unit_id as other_unit_id, 'd' || (to_jsonb(s) - ${WRITTEN_AT})::text as r from dossier_daily_stats s where day = ${day}
        union all select unit_id, null, 'q' || (to_jsonb(q) - ${WRITTEN_AT})::text from queue_hourly_stats q where day = ${day}
        union all select unit_id, null, 'c' || (to_jsonb(c) - ${WRITTEN_AT})::text from queue_counter_daily_stats c where day = ${day}
        union all select unit_id, null, 'o' || (to_jsonb(o) - ${WRITTEN_AT})::text from queue_officer_daily_stats o where day = ${day}
      )
      select unit_id as id, md5(string_agg(r, ',' order by r)) as digest from (
        select unit_id, r from rows union all select other_unit_id, r from rows where other_unit_id is not null
      ) x group by unit_id`,
);

const unitsInScope = query(
  'analytics.unitsInScope',
  z.object({ id: z.string() }),
  (unitIds: string[], centerIds: string[]) => sql`
      with recursive down as (
        select id from administrative_units where id = any(${uuidArray(unitIds)})
        union select u.id from administrative_units u join down on u.parent_id = down.id
      )
      select id from down union select unit_id from centers where id = any(${uuidArray(centerIds)})`,
);

const committeeOf = query(
  'analytics.committeeOf',
  z.object({ id: z.string(), code: z.string(), name: z.string() }),
  (unitId: string) => sql`
      select id, code, name from agencies where unit_id = ${unitId} and kind in ('commune_committee', 'provincial_committee') order by kind limit 1`,
);

const unitLabels = query(
  'analytics.labels.units',
  z.object({ id: z.string(), name: z.string() }),
  () => sql`select id, name from administrative_units`,
);

const procedureLabels = query(
  'analytics.labels.procedures',
  z.object({ id: z.string(), name: z.string(), field: z.string() }),
  () => sql`select id, name, field from procedures`,
);

const fieldLabels = query(
  'analytics.labels.fields',
  z.object({ field: z.string(), name: z.string() }),
  () => sql`select distinct on (field) field, name_vi as name from services order by field, sort_order`,
);

/** Rewrites the per-counter or per-officer queue read model of the business days [from, to]: tickets called, by whom they were called. */
async function rollupQueuePer(tx: DbOrTx, from: string, to: string, per: keyof typeof QUEUE_PER): Promise<void> {
  await deleteQueuePer(tx, from, to, per);
  await insertQueuePer(tx, from, to, per);
}

/** The unit read model's counts as core DossierCounts keys (carriedOver is a period figure, not a day's). */
const UNIT_COUNTS = sql`jsonb_build_object('received', received, 'receivedOnline', received_online, 'resolvedEarly', resolved_early, 'resolvedOnTime', resolved_on_time,
  'resolvedLate', resolved_late, 'withdrawnOnTime', withdrawn_on_time, 'withdrawnLate', withdrawn_late, 'inProgressInTime', in_progress_in_time,
  'inProgressOverdue', in_progress_overdue, 'originalOnTime', original_on_time, 'originalInTime', original_in_time, 'withFee', with_fee, 'paidOnline', paid_online,
  'dissatisfied', dissatisfied, 'digitised', digitised, 'eResults', e_results, 'digitisedAtReception', digitised_at_reception, 'reusedData', reused_data)`;

/** Keeps the unit rows of the closed days (before today) about to be rewritten, to log what a recomputation changes. */
async function snapshotClosedDays(tx: DbOrTx, from: string, to: string, timeZone: string): Promise<void> {
  await dropUnitDaysBefore(tx);
  await createUnitDaysBefore(tx, from, to, timeZone);
}

/** A closed day that had figures and now has others: one row per unit pair, before and after (a correction is never silent). */
async function logCorrections(tx: DbOrTx, from: string, to: string): Promise<void> {
  await insertCorrections(tx, from, to);
}

/**
 * Rewrites the read models of one local day from the raw rows. Idempotent, so the
 * worker can run it as often as it likes; its `analytics.rollup` job takes any list of days, so history can be replayed.
 */
export const analyticsRepository = {
  /** One local day; see rollupDossierDays. */
  async rollupDossierDay(tx: DbOrTx, day: string, timeZone: string): Promise<number> {
    return analyticsRepository.rollupDossierDays(tx, day, day, timeZone);
  },

  /**
   * Rewrites the dossier read model of the local days [from, to] from the raw rows, in one
   * statement: each dossier's control slip is cut into segments between its clock events, and each
   * segment expanded to the days it covers, so every day is judged by the state of that day (never
   * by today's) and a month rebuilds in one pass. Idempotent. A past day whose figures change is
   * written to the corrections log.
   */
  async rollupDossierDays(tx: DbOrTx, from: string, to: string, timeZone: string): Promise<number> {
    await lockRollups(tx);
    await snapshotClosedDays(tx, from, to, timeZone);
    await deleteDossierDays(tx, from, to);
    const rows = await insertDossierDays(tx, from, to, timeZone);
    for (const per of ['unit', 'channel'] as const) {
      await deleteSummedDays(tx, from, to, per);
      await insertSummedDays(tx, from, to, per);
    }
    await logCorrections(tx, from, to);
    return rows.length;
  },

  /** One local day; see rollupQueueDays. */
  async rollupQueueDay(tx: DbOrTx, day: string): Promise<number> {
    return analyticsRepository.rollupQueueDays(tx, day, day);
  },

  /** Rewrites the queue read model of the business days [from, to] from the tickets. Idempotent. */
  async rollupQueueDays(tx: DbOrTx, from: string, to: string): Promise<number> {
    await lockRollups(tx);
    await deleteQueueDays(tx, from, to);
    const rows = await insertQueueDays(tx, from, to);
    await rollupQueuePer(tx, from, to, 'counter');
    await rollupQueuePer(tx, from, to, 'officer');
    return rows.length;
  },

  /**
   * Counts per group over [from, to] from the read model only: flows summed over the
   * days, in-progress as at the end of `to`, carried over as at the end of the day before `from`.
   * `by` chooses whose dossiers they are: the competent agency's unit (766) or the receiving center's.
   */
  async dossierCounts(db: DbOrTx, q: CountsQuery & { groupBy: DossierGrouping }): Promise<DossierCountsRow[]> {
    return dossierCounts(db, q);
  },

  /** The same counts per day, ISO week (from Monday) or calendar month, each bucket clipped to [from, to]; empty buckets included. */
  async dossierTrend(db: DbOrTx, q: CountsQuery & { bucket: 'day' | 'week' | 'month' }): Promise<Array<DossierCountsRow & { to: string }>> {
    return dossierTrend(db, q);
  },

  /** Tickets issued per local weekday (ISO, 1 = Monday) × hour. */
  async queueHeatmap(db: DbOrTx, q: { from: string; to: string; unitIds?: string[] }): Promise<Array<{ weekday: number; hour: number; issued: number }>> {
    return queueHeatmap(db, q);
  },

  /** Queue sums per center (from the hourly rows), per counter or per officer (from their daily rows), with the summed wait histogram. */
  async queueSums(db: DbOrTx, q: { from: string; to: string; unitIds?: string[]; per: 'center' | keyof typeof QUEUE_PER }): Promise<QueueSumsRow[]> {
    return queueSums(db, q);
  },

  /**
   * Active dossiers past due at `now` (the dashboards' only read of raw dossiers: bounded,
   * through the status × due index), most overdue first, with whoever holds them.
   */
  async overdueDossiers(db: DbOrTx, q: { unitIds: string[]; by: 'competent' | 'receiving'; now: Date; field?: string; procedureId?: string; limit: number }): Promise<OverdueRow[]> {
    return overdueDossiers(db, q);
  },

  /**
   * The dossiers behind a figure over [from, to] (the same clock SQL as the rollup, so the list adds up
   * to the figure): every dossier counting in any of `keys`, with the count keys it is in, its dates, the
   * due time that applied, the pauses deducted and the verdict. Raw rows through the open-through and
   * slip indexes, bounded and paged. No applicant data.
   */
  async dossierList(db: DbOrTx, q: CountsQuery & { procedureId?: string; channel?: string; keys: readonly CountKey[]; limit: number; offset: number; timeZone: string }): Promise<{ total: number; rows: DossierListRow[] }> {
    const rows = await dossierList(db, q);
    return { total: rows[0]?.total ?? 0, rows: rows.map(({ total: _t, ...r }) => r) };
  },

  /** Recomputations that changed closed days of the given units (either side), newest first. */
  async corrections(db: DbOrTx, q: { from: string; to: string; unitIds?: string[]; limit: number }): Promise<CorrectionRow[]> {
    return corrections(db, q);
  },

  /** Units with their level and place on the tile map, for naming, ranking and the map; every unit when `ids` is undefined. */
  async units(db: DbOrTx, ids?: string[]): Promise<Array<{ id: string; name: string; level: string; parentId: string | null; tileX: number | null; tileY: number | null }>> {
    return unitRows(db, ids);
  },

  /** Every unit that has a given unit below it, or is it (for publishing to the rooms of all leaders above). */
  async unitsAbove(db: DbOrTx, unitIds: string[]): Promise<string[]> {
    if (!unitIds.length) return [];
    const rows = await unitsAbove(db, unitIds);
    return rows.map((r) => r.id);
  },

  /** What the conference ticker may say about a dossier: procedure and competent unit names, and that unit with every unit above it. */
  async activityOf(db: DbOrTx, dossierId: string): Promise<{ procedure: string; unit: string; unitIds: string[] } | undefined> {
    const [row] = await activityOf(db, dossierId);
    return row && { procedure: row.procedure, unit: row.unit, unitIds: await this.unitsAbove(db, [row.unit_id]) };
  },

  /**
   * A fingerprint of each unit's read-model rows of a day, leaving out when they were written (its dossiers as competent or receiving unit,
   * its queues): compared before and after a rollup, it tells whose figures actually changed.
   */
  async unitDigests(db: DbOrTx, day: string): Promise<Map<string, string>> {
    const rows = await unitDigests(db, day);
    return new Map(rows.map((r) => [r.id, r.digest]));
  },

  /** Every unit at or below the given ones, plus the units of the given centers: what a leader's grants reach. */
  async unitsInScope(db: DbOrTx, unitIds: string[], centerIds: string[]): Promise<string[]> {
    if (!unitIds.length && !centerIds.length) return [];
    const rows = await unitsInScope(db, unitIds, centerIds);
    return rows.map((r) => r.id);
  },

  /** The People's Committee of a unit (commune or province): whom the unit's monthly briefing is signed for. */
  async committeeOf(db: DbOrTx, unitId: string): Promise<{ id: string; code: string; name: string } | undefined> {
    const rows = await committeeOf(db, unitId);
    return rows[0];
  },

  /** Display names of the groups a report shows. */
  async labels(db: DbOrTx): Promise<{ units: Map<string, string>; procedures: Map<string, string>; fields: Map<string, string>; procedureFields: Map<string, string> }> {
    const [units, procedures, fields] = await Promise.all([
      unitLabels(db),
      procedureLabels(db),
      fieldLabels(db),
    ]);
    return { units: new Map(units.map((u) => [u.id, u.name])), procedures: new Map(procedures.map((p) => [p.id, p.name])), fields: new Map(fields.map((f) => [f.field, f.name])), procedureFields: new Map(procedures.map((p) => [p.id, p.field])) };
  },
};
