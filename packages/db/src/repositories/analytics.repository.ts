import type { DossierCounts } from '@motcua/core';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';

/** Payment methods that count as paid online (Decision 766 indicator 3.6). */
const ONLINE_METHODS = sql`('portal', 'gateway')`;
const TERMINAL = sql`('refused_at_intake', 'withdrawn', 'stopped')`;

export type DossierGrouping = 'unit' | 'field' | 'procedure' | 'channel';

/** A group's counts (the fields the core indicator formulas take), keyed by unit, field, procedure or channel. */
export type DossierCountsRow = DossierCounts & { key: string };

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
    await tx.execute(sql`delete from queue_hourly_stats where day between ${from} and ${to}`);
    const rows = await tx.execute<{ n: number }>(sql`
      with t as (
        select t.business_date as day, t.center_id, c.unit_id, t.service_id, t.status, t.called_at, t.serving_at,
          extract(hour from t.arrived_at at time zone c.time_zone)::smallint as hour,
          extract(epoch from (t.called_at - t.arrived_at)) as wait_s,
          extract(epoch from (t.done_at - t.serving_at)) as service_s
        from tickets t join centers c on c.id = t.center_id
        where t.business_date between ${from} and ${to} and t.transferred_from_ticket_id is null
      ), g as (
        select day, center_id, unit_id, service_id, hour,
          count(*)::int as issued,
          count(*) filter (where called_at is not null)::int as called,
          count(*) filter (where status = 'done')::int as served,
          count(*) filter (where status = 'no_show')::int as no_show,
          coalesce(sum(wait_s) filter (where called_at is not null), 0)::int as wait_sum,
          coalesce(sum(service_s) filter (where status = 'done' and serving_at is not null), 0)::int as service_sum,
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
      insert into queue_hourly_stats (day, center_id, unit_id, service_id, hour, issued, called, served, no_show, wait_seconds_sum, service_seconds_sum, within_target, wait_histogram)
      select g.day, g.center_id, g.unit_id, g.service_id, g.hour, issued, called, served, no_show, wait_sum, service_sum, within_target, dense.histogram
      from g join dense using (day, center_id, service_id, hour)
      returning 1 as n`);
    return rows.length;
  },

  /**
   * Counts per group over [from, to] from the read model only: flows summed over the
   * days, in-progress as at the end of `to`, carried over as at the end of the day before `from`.
   * `by` chooses whose dossiers they are: the competent agency's unit (766) or the receiving center's.
   */
  async dossierCounts(db: DbOrTx, q: { from: string; to: string; by: 'competent' | 'receiving'; groupBy: DossierGrouping; unitIds?: string[] }): Promise<DossierCountsRow[]> {
    const unitCol = q.by === 'competent' ? sql.raw('agency_unit_id') : sql.raw('receiving_unit_id');
    const key = q.groupBy === 'unit' ? unitCol : q.groupBy === 'field' ? sql.raw('field') : q.groupBy === 'procedure' ? sql.raw('procedure_id') : sql.raw('channel');
    // Per-unit questions read the summed table; the others need the field, procedure and channel columns.
    const perUnit = q.groupBy === 'unit';
    const table = perUnit ? sql.raw('dossier_unit_daily_stats') : sql.raw('dossier_daily_stats');
    const online = perUnit
      ? sql`sum(received_online) filter (where day between ${q.from} and ${q.to})`
      : sql`sum(received) filter (where day between ${q.from} and ${q.to} and channel = 'online')`;
    const inScope = q.unitIds ? sql`and ${unitCol} in (select unnest(${sql`array[${sql.join(q.unitIds.map((u) => sql`${u}`), sql`, `)}]::uuid[]`}))` : sql``;
    const flow = (col: string) => sql`coalesce(sum(${sql.raw(col)}) filter (where day between ${q.from} and ${q.to}), 0)::int`;
    return db.execute<DossierCountsRow & Record<string, unknown>>(sql`
      select ${key}::text as key,
        ${flow('received')} as "received",
        coalesce(${online}, 0)::int as "receivedOnline",
        coalesce(sum(in_progress_in_time + in_progress_overdue) filter (where day = ${q.from}::date - 1), 0)::int as "carriedOver",
        ${flow('resolved_early')} as "resolvedEarly",
        ${flow('resolved_on_time')} as "resolvedOnTime",
        ${flow('resolved_late')} as "resolvedLate",
        coalesce(sum(in_progress_in_time) filter (where day = ${q.to}), 0)::int as "inProgressInTime",
        coalesce(sum(in_progress_overdue) filter (where day = ${q.to}), 0)::int as "inProgressOverdue",
        ${flow('with_fee')} as "withFee",
        ${flow('paid_online')} as "paidOnline",
        ${flow('dissatisfied')} as "dissatisfied",
        ${flow('digitised')} as "digitised"
      from ${table}
      where day between ${q.from}::date - 1 and ${q.to} ${inScope}
      group by 1 order by 1`);
  },

  /** Every unit at or below the given ones, plus the units of the given centers: what a leader's grants reach. */
  async unitsInScope(db: DbOrTx, unitIds: string[], centerIds: string[]): Promise<string[]> {
    if (!unitIds.length && !centerIds.length) return [];
    const ids = (list: string[]) => sql`array[${sql.join(list.length ? list.map((u) => sql`${u}`) : [sql`null`], sql`, `)}]::uuid[]`;
    const rows = await db.execute<{ id: string }>(sql`
      with recursive down as (
        select id from administrative_units where id = any(${ids(unitIds)})
        union select u.id from administrative_units u join down on u.parent_id = down.id
      )
      select id from down union select unit_id from centers where id = any(${ids(centerIds)})`);
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
