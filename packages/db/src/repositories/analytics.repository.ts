import { DEFAULT_TIME_ZONE, type DossierCounts, type QueueSums } from '@motcua/core';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';

/** Payment methods that count as paid online (Decision 766 indicator 3.6). */
const ONLINE_METHODS = sql`('portal', 'gateway')`;
const TERMINAL = sql`('refused_at_intake', 'withdrawn', 'stopped')`;
// Left out of the rollup fingerprints: rewriting a row changes when, not what.
const WRITTEN_AT = sql`'{created_at,updated_at}'::text[]`;

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
const SNAPSHOT_DAY = sql`least(b.b_to, greatest(b.b_from, (now() at time zone ${DEFAULT_TIME_ZONE})::date))`;
const countColumns = (perUnit: boolean) => sql`
  coalesce(sum(s.received) filter (where s.day between b.b_from and b.b_to), 0)::int as "received",
  ${perUnit
    ? sql`coalesce(sum(s.received_online) filter (where s.day between b.b_from and b.b_to), 0)::int`
    : sql`coalesce(sum(s.received) filter (where s.day between b.b_from and b.b_to and s.channel = 'online'), 0)::int`} as "receivedOnline",
  coalesce(sum(s.in_progress_in_time + s.in_progress_overdue) filter (where s.day = b.b_from - 1), 0)::int as "carriedOver",
  coalesce(sum(s.resolved_early) filter (where s.day between b.b_from and b.b_to), 0)::int as "resolvedEarly",
  coalesce(sum(s.resolved_on_time) filter (where s.day between b.b_from and b.b_to), 0)::int as "resolvedOnTime",
  coalesce(sum(s.resolved_late) filter (where s.day between b.b_from and b.b_to), 0)::int as "resolvedLate",
  coalesce(sum(s.in_progress_in_time) filter (where s.day = ${SNAPSHOT_DAY}), 0)::int as "inProgressInTime",
  coalesce(sum(s.in_progress_overdue) filter (where s.day = ${SNAPSHOT_DAY}), 0)::int as "inProgressOverdue",
  coalesce(sum(s.with_fee) filter (where s.day between b.b_from and b.b_to), 0)::int as "withFee",
  coalesce(sum(s.paid_online) filter (where s.day between b.b_from and b.b_to), 0)::int as "paidOnline",
  coalesce(sum(s.dissatisfied) filter (where s.day between b.b_from and b.b_to), 0)::int as "dissatisfied",
  coalesce(sum(s.digitised) filter (where s.day between b.b_from and b.b_to), 0)::int as "digitised"`;

/**
 * Rollups run one at a time (scheduled, after commands, a rebuild): two rewriting the same day at
 * once would collide on its keys. Call inside the rollup's transaction; the lock ends with it.
 */
const lockRollups = (tx: DbOrTx) => tx.execute(sql`select pg_advisory_xact_lock(hashtext('motcua:analytics-rollup'))`);

/** Questions by unit (or by nothing) without a field filter read the per-unit totals: a few thousand rows a quarter instead of hundreds of thousands. */
const summed = (q: CountsQuery, groupBy: DossierGrouping | 'none') => (groupBy === 'unit' || groupBy === 'none') && !q.field;
const statsTable = (q: CountsQuery, groupBy: DossierGrouping | 'none') => sql.raw(summed(q, groupBy) ? 'dossier_unit_daily_stats' : 'dossier_daily_stats');

/** A group's counts (the fields the core indicator formulas take), keyed by unit, field, procedure or channel. */
export type DossierCountsRow = DossierCounts & { key: string };

/** Queue read models by who called: counter or officer. */
const QUEUE_PER = {
  counter: { table: sql.raw('queue_counter_daily_stats'), key: sql.raw('counter_id') },
  officer: { table: sql.raw('queue_officer_daily_stats'), key: sql.raw('officer_id') },
} as const;

/** Rewrites the per-counter or per-officer queue read model of the business days [from, to]: tickets called, by whom they were called. */
async function rollupQueuePer(tx: DbOrTx, from: string, to: string, per: keyof typeof QUEUE_PER): Promise<void> {
  const { table, key } = QUEUE_PER[per];
  await tx.execute(sql`delete from ${table} where day between ${from} and ${to}`);
  await tx.execute(sql`
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
    group by t.day, center_id, unit_id, t.key, dense.histogram`);
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
   * statement: each dossier is expanded to the days it was received, open or resolved on, so a
   * month rebuilds in one pass instead of one scan per day. Idempotent.
   */
  async rollupDossierDays(tx: DbOrTx, from: string, to: string, timeZone: string): Promise<number> {
    await lockRollups(tx);
    await tx.execute(sql`delete from dossier_daily_stats where day between ${from} and ${to}`);
    const rows = await tx.execute<{ n: number }>(sql`
      with bounds as (
        select ${from}::date as d1, ${to}::date as d2,
               (${from}::date::timestamp at time zone ${timeZone}) as start_at,
               ((${to}::date + 1)::timestamp at time zone ${timeZone}) as end_at
      ), d as (
        select d.agency_id, a.unit_id as agency_unit_id, d.receiving_center_id, c.unit_id as receiving_unit_id, pv.procedure_id, p.field, d.channel,
          d.flagged_late, d.due_at, d.resolved_at, b.d1, b.d2,
          (d.received_at at time zone ${timeZone})::date as rday,
          (d.resolved_at at time zone ${timeZone})::date as zday,
          (d.due_at at time zone ${timeZone})::date as dday,
          d.status not in ${TERMINAL} as may_be_open,
          pv.fee_vnd > 0 as with_fee,
          exists (select 1 from dossier_payments pay where pay.dossier_id = d.id and pay.method in ${ONLINE_METHODS}) as paid_online,
          exists (select 1 from ratings r where r.ticket_id = d.ticket_id and r.level = 'not_satisfied') as dissatisfied,
          exists (select 1 from dossier_documents doc where doc.dossier_id = d.id and doc.kind = 'result') as digitised
        from dossiers d cross join bounds b
        join procedure_versions pv on pv.id = d.procedure_version_id
        join procedures p on p.id = pv.procedure_id
        join agencies a on a.id = d.agency_id
        join centers c on c.id = d.receiving_center_id
        where d.received_at < b.end_at and coalesce(d.resolved_at, 'infinity') >= b.start_at -- dossiers_open_through_idx
      ), dd as (
        -- open = received by the end of the day, not resolved by then, not ended without a decision
        select d.*, g.day::date as day, d.rday = g.day as received_today, d.zday = g.day as resolved_today,
          (d.may_be_open and (d.zday is null or d.zday > g.day)) as open_at_end
        from d cross join lateral generate_series(greatest(d.rday, d.d1),
          least(coalesce(d.zday, case when d.may_be_open then d.d2 else d.rday end), d.d2), interval '1 day') g(day)
      )
      insert into dossier_daily_stats (day, agency_id, agency_unit_id, receiving_center_id, receiving_unit_id, procedure_id, field, channel,
        received, resolved_early, resolved_on_time, resolved_late, in_progress_in_time, in_progress_overdue, with_fee, paid_online, dissatisfied, digitised)
      select day, agency_id, agency_unit_id, receiving_center_id, receiving_unit_id, procedure_id, field, channel,
        count(*) filter (where received_today)::int,
        count(*) filter (where resolved_today and not flagged_late and resolved_at <= due_at and zday < dday)::int,
        count(*) filter (where resolved_today and not flagged_late and resolved_at <= due_at and zday >= dday)::int,
        count(*) filter (where resolved_today and (flagged_late or resolved_at > due_at))::int,
        count(*) filter (where open_at_end and not flagged_late and (dday is null or dday > day))::int,
        count(*) filter (where open_at_end and (flagged_late or dday <= day))::int,
        count(*) filter (where received_today and with_fee)::int,
        count(*) filter (where received_today and with_fee and paid_online)::int,
        count(*) filter (where resolved_today and dissatisfied)::int,
        count(*) filter (where resolved_today and digitised)::int
      from dd
      group by day, agency_id, agency_unit_id, receiving_center_id, receiving_unit_id, procedure_id, field, channel
      having count(*) filter (where received_today or resolved_today or open_at_end) > 0
      returning 1 as n`);
    await tx.execute(sql`delete from dossier_unit_daily_stats where day between ${from} and ${to}`);
    await tx.execute(sql`
      insert into dossier_unit_daily_stats (day, agency_unit_id, receiving_unit_id, received, received_online, resolved_early, resolved_on_time, resolved_late,
        in_progress_in_time, in_progress_overdue, with_fee, paid_online, dissatisfied, digitised)
      select day, agency_unit_id, receiving_unit_id, sum(received), coalesce(sum(received) filter (where channel = 'online'), 0), sum(resolved_early), sum(resolved_on_time),
        sum(resolved_late), sum(in_progress_in_time), sum(in_progress_overdue), sum(with_fee), sum(paid_online), sum(dissatisfied), sum(digitised)
      from dossier_daily_stats where day between ${from} and ${to}
      group by day, agency_unit_id, receiving_unit_id`);
    return rows.length;
  },

  /** One local day; see rollupQueueDays. */
  async rollupQueueDay(tx: DbOrTx, day: string): Promise<number> {
    return analyticsRepository.rollupQueueDays(tx, day, day);
  },

  /** Rewrites the queue read model of the business days [from, to] from the tickets. Idempotent. */
  async rollupQueueDays(tx: DbOrTx, from: string, to: string): Promise<number> {
    await lockRollups(tx);
    await tx.execute(sql`delete from queue_hourly_stats where day between ${from} and ${to}`);
    const rows = await tx.execute<{ n: number }>(sql`
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
      returning 1 as n`);
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
    const key = q.groupBy === 'unit' ? unitColumn(q.by) : q.groupBy === 'field' ? sql.raw('s.field') : q.groupBy === 'procedure' ? sql.raw('s.procedure_id') : sql.raw('s.channel');
    return db.execute<DossierCountsRow & Record<string, unknown>>(sql`
      with b as (select ${q.from}::date as b_from, ${q.to}::date as b_to)
      select ${key}::text as key, ${countColumns(summed(q, q.groupBy))}
      from b join ${statsTable(q, q.groupBy)} s on s.day between b.b_from - 1 and b.b_to ${filters(q)}
      group by 1 order by 1`);
  },

  /** The same counts per day, ISO week (from Monday) or calendar month, each bucket clipped to [from, to]; empty buckets included. */
  async dossierTrend(db: DbOrTx, q: CountsQuery & { bucket: 'day' | 'week' | 'month' }): Promise<Array<DossierCountsRow & { to: string }>> {
    const step = sql.raw(`'1 ${q.bucket}'::interval`);
    return db.execute<DossierCountsRow & { to: string } & Record<string, unknown>>(sql`
      with b as (
        select greatest(g::date, ${q.from}::date) as b_from, least((g + ${step} - '1 day'::interval)::date, ${q.to}::date) as b_to
        from generate_series(date_trunc(${q.bucket}, ${q.from}::date::timestamp), ${q.to}::date::timestamp, ${step}) g
      )
      select b.b_from::text as key, b.b_to::text as "to", ${countColumns(summed(q, 'none'))}
      from b left join ${statsTable(q, 'none')} s on s.day between b.b_from - 1 and b.b_to ${filters(q)}
      group by b.b_from, b.b_to order by b.b_from`);
  },

  /** Tickets issued per local weekday (ISO, 1 = Monday) × hour. */
  async queueHeatmap(db: DbOrTx, q: { from: string; to: string; unitIds?: string[] }): Promise<Array<{ weekday: number; hour: number; issued: number }>> {
    return db.execute<{ weekday: number; hour: number; issued: number }>(sql`
      select extract(isodow from day)::int as weekday, hour::int as hour, sum(issued)::int as issued
      from queue_hourly_stats where day between ${q.from} and ${q.to} ${inUnits(sql.raw('unit_id'), q.unitIds)}
      group by 1, 2 having sum(issued) > 0 order by 1, 2`);
  },

  /** Queue sums per center (from the hourly rows), per counter or per officer (from their daily rows), with the summed wait histogram. */
  async queueSums(db: DbOrTx, q: { from: string; to: string; unitIds?: string[]; per: 'center' | keyof typeof QUEUE_PER }): Promise<QueueSumsRow[]> {
    const { table, key } = q.per === 'center' ? { table: sql.raw('queue_hourly_stats'), key: sql.raw('center_id') } : QUEUE_PER[q.per];
    const issued = q.per === 'center' ? sql`sum(issued)::int` : sql`null::int`;
    const label = { center: sql`c.name`, counter: sql`k.label`, officer: sql`k.full_name` }[q.per];
    const labelJoin = { center: sql``, counter: sql`join counters k on k.id = g.key`, officer: sql`join staff k on k.id = g.key` }[q.per];
    return db.execute<QueueSumsRow & Record<string, unknown>>(sql`
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
      order by c.name, ${label}`);
  },

  /**
   * Active dossiers past due at `now` (the dashboards' only read of raw dossiers: bounded,
   * through the status × due index), most overdue first, with whoever holds them.
   */
  async overdueDossiers(db: DbOrTx, q: { unitIds: string[]; by: 'competent' | 'receiving'; now: Date; field?: string; procedureId?: string; limit: number }): Promise<OverdueRow[]> {
    const unitCol = q.by === 'competent' ? sql.raw('a.unit_id') : sql.raw('c.unit_id');
    return db.execute<OverdueRow & Record<string, unknown>>(sql`
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
      order by d.due_at, d.code limit ${q.limit}`);
  },

  /** Units with their level, for naming and ranking; every unit when `ids` is undefined. */
  async units(db: DbOrTx, ids?: string[]): Promise<Array<{ id: string; name: string; level: string; parentId: string | null }>> {
    return db.execute<{ id: string; name: string; level: string; parentId: string | null }>(sql`
      select id, name, level::text as level, parent_id as "parentId" from administrative_units where true ${inUnits(sql.raw('id'), ids)} order by name`);
  },

  /** Every unit that has a given unit below it, or is it (for publishing to the rooms of all leaders above). */
  async unitsAbove(db: DbOrTx, unitIds: string[]): Promise<string[]> {
    if (!unitIds.length) return [];
    const rows = await db.execute<{ id: string }>(sql`
      with recursive up as (
        select id, parent_id from administrative_units where id = any(${uuidArray(unitIds)})
        union select u.id, u.parent_id from administrative_units u join up on u.id = up.parent_id
      ) select id from up`);
    return rows.map((r) => r.id);
  },

  /** What the conference ticker may say about a dossier: procedure and competent unit names, and that unit with every unit above it. */
  async activityOf(db: DbOrTx, dossierId: string): Promise<{ procedure: string; unit: string; unitIds: string[] } | undefined> {
    const [row] = await db.execute<{ procedure: string; unit: string; unit_id: string }>(sql`
      select p.name as procedure, u.name as unit, u.id as unit_id from dossiers d
      join procedure_versions pv on pv.id = d.procedure_version_id join procedures p on p.id = pv.procedure_id
      join agencies a on a.id = d.agency_id join administrative_units u on u.id = a.unit_id
      where d.id = ${dossierId}`);
    return row && { procedure: row.procedure, unit: row.unit, unitIds: await this.unitsAbove(db, [row.unit_id]) };
  },

  /**
   * A fingerprint of each unit's read-model rows of a day, leaving out when they were written (its dossiers as competent or receiving unit,
   * its queues): compared before and after a rollup, it tells whose figures actually changed.
   */
  async unitDigests(db: DbOrTx, day: string): Promise<Map<string, string>> {
    const rows = await db.execute<{ id: string; digest: string }>(sql`
      with rows as (
        select agency_unit_id as unit_id, receiving_unit_id as other_unit_id, 'd' || (to_jsonb(s) - ${WRITTEN_AT})::text as r from dossier_daily_stats s where day = ${day}
        union all select unit_id, null, 'q' || (to_jsonb(q) - ${WRITTEN_AT})::text from queue_hourly_stats q where day = ${day}
        union all select unit_id, null, 'c' || (to_jsonb(c) - ${WRITTEN_AT})::text from queue_counter_daily_stats c where day = ${day}
        union all select unit_id, null, 'o' || (to_jsonb(o) - ${WRITTEN_AT})::text from queue_officer_daily_stats o where day = ${day}
      )
      select unit_id as id, md5(string_agg(r, ',' order by r)) as digest from (
        select unit_id, r from rows union all select other_unit_id, r from rows where other_unit_id is not null
      ) x group by unit_id`);
    return new Map(rows.map((r) => [r.id, r.digest]));
  },

  /** Every unit at or below the given ones, plus the units of the given centers: what a leader's grants reach. */
  async unitsInScope(db: DbOrTx, unitIds: string[], centerIds: string[]): Promise<string[]> {
    if (!unitIds.length && !centerIds.length) return [];
    const rows = await db.execute<{ id: string }>(sql`
      with recursive down as (
        select id from administrative_units where id = any(${uuidArray(unitIds)})
        union select u.id from administrative_units u join down on u.parent_id = down.id
      )
      select id from down union select unit_id from centers where id = any(${uuidArray(centerIds)})`);
    return rows.map((r) => r.id);
  },

  /** Display names of the groups a report shows. */
  async labels(db: DbOrTx): Promise<{ units: Map<string, string>; procedures: Map<string, string>; fields: Map<string, string> }> {
    const [units, procedures, fields] = await Promise.all([
      db.execute<{ id: string; name: string }>(sql`select id, name from administrative_units`),
      db.execute<{ id: string; name: string }>(sql`select id, name from procedures`),
      db.execute<{ field: string; name: string }>(sql`select distinct on (field) field, name_vi as name from services order by field, sort_order`),
    ]);
    return { units: new Map(units.map((u) => [u.id, u.name])), procedures: new Map(procedures.map((p) => [p.id, p.name])), fields: new Map(fields.map((f) => [f.field, f.name])) };
  },
};
