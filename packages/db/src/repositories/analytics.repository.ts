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
  async rollupDossierDay(tx: DbOrTx, day: string, timeZone: string): Promise<number> {
    await tx.execute(sql`delete from dossier_daily_stats where day = ${day}`);
    const rows = await tx.execute<{ n: number }>(sql`
      with bounds as (
        select (${day}::date::timestamp at time zone ${timeZone}) as start_at,
               ((${day}::date + 1)::timestamp at time zone ${timeZone}) as end_at
      ), d as (
        select d.*, pv.procedure_id, p.field, pv.fee_vnd, a.unit_id as agency_unit_id, c.unit_id as receiving_unit_id,
          (d.received_at >= b.start_at and d.received_at < b.end_at) as received_today,
          (d.resolved_at >= b.start_at and d.resolved_at < b.end_at) as resolved_today,
          (d.received_at < b.end_at and (d.resolved_at is null or d.resolved_at >= b.end_at) and d.status not in ${TERMINAL}
            and d.status <> 'returned') as open_at_end,
          b.end_at
        from dossiers d cross join bounds b
        join procedure_versions pv on pv.id = d.procedure_version_id
        join procedures p on p.id = pv.procedure_id
        join agencies a on a.id = d.agency_id
        join centers c on c.id = d.receiving_center_id
        where d.received_at < b.end_at and (d.resolved_at is null or d.resolved_at >= b.start_at or d.received_at >= b.start_at)
      )
      insert into dossier_daily_stats (day, agency_id, agency_unit_id, receiving_center_id, receiving_unit_id, procedure_id, field, channel,
        received, resolved_early, resolved_on_time, resolved_late, in_progress_in_time, in_progress_overdue, with_fee, paid_online, dissatisfied, digitised)
      select ${day}::date, agency_id, agency_unit_id, receiving_center_id, receiving_unit_id, procedure_id, field, channel,
        count(*) filter (where received_today)::int,
        count(*) filter (where resolved_today and not flagged_late and resolved_at <= due_at
          and (resolved_at at time zone ${timeZone})::date < (due_at at time zone ${timeZone})::date)::int,
        count(*) filter (where resolved_today and not flagged_late and resolved_at <= due_at
          and (resolved_at at time zone ${timeZone})::date >= (due_at at time zone ${timeZone})::date)::int,
        count(*) filter (where resolved_today and (flagged_late or resolved_at > due_at))::int,
        count(*) filter (where open_at_end and not flagged_late and (due_at is null or due_at >= end_at))::int,
        count(*) filter (where open_at_end and (flagged_late or due_at < end_at))::int,
        count(*) filter (where received_today and fee_vnd > 0)::int,
        count(*) filter (where received_today and fee_vnd > 0 and exists (select 1 from dossier_payments pay where pay.dossier_id = d.id and pay.method in ${ONLINE_METHODS}))::int,
        count(*) filter (where resolved_today and exists (select 1 from ratings r where r.ticket_id = d.ticket_id and r.level = 'not_satisfied'))::int,
        count(*) filter (where resolved_today and exists (select 1 from dossier_documents doc where doc.dossier_id = d.id and doc.kind = 'result'))::int
      from d
      group by agency_id, agency_unit_id, receiving_center_id, receiving_unit_id, procedure_id, field, channel
      having count(*) filter (where received_today or resolved_today or open_at_end) > 0
      returning 1 as n`);
    return rows.length;
  },

  async rollupQueueDay(tx: DbOrTx, day: string): Promise<number> {
    await tx.execute(sql`delete from queue_hourly_stats where day = ${day}`);
    const rows = await tx.execute<{ n: number }>(sql`
      with t as (
        select t.*, c.unit_id, c.time_zone,
          extract(hour from t.arrived_at at time zone c.time_zone)::smallint as hour,
          extract(epoch from (t.called_at - t.arrived_at)) as wait_s,
          extract(epoch from (t.done_at - t.serving_at)) as service_s
        from tickets t join centers c on c.id = t.center_id
        where t.business_date = ${day} and t.transferred_from_ticket_id is null
      )
      insert into queue_hourly_stats (day, center_id, unit_id, service_id, hour, issued, called, served, no_show, wait_seconds_sum, service_seconds_sum, within_target, wait_histogram)
      select ${day}::date, center_id, unit_id, service_id, hour,
        count(*)::int,
        count(*) filter (where called_at is not null)::int,
        count(*) filter (where status = 'done')::int,
        count(*) filter (where status = 'no_show')::int,
        coalesce(sum(wait_s) filter (where called_at is not null), 0)::int,
        coalesce(sum(service_s) filter (where status = 'done' and serving_at is not null), 0)::int,
        count(*) filter (where called_at is not null and wait_s <= 900)::int,
        (select array_agg(coalesce(h.n, 0) order by b.m) from generate_series(0, 120) b(m)
          left join (select least(floor(wait_s / 60), 120)::int as m, count(*)::int as n from t t2
                     where t2.center_id = t.center_id and t2.service_id = t.service_id and t2.hour = t.hour and t2.called_at is not null group by 1) h on h.m = b.m)
      from t
      group by center_id, unit_id, service_id, hour
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
    const inScope = q.unitIds ? sql`and ${unitCol} in (select unnest(${sql`array[${sql.join(q.unitIds.map((u) => sql`${u}`), sql`, `)}]::uuid[]`}))` : sql``;
    return db.execute<DossierCountsRow & Record<string, unknown>>(sql`
      select ${key}::text as key,
        coalesce(sum(received) filter (where day between ${q.from} and ${q.to}), 0)::int as "received",
        coalesce(sum(received) filter (where day between ${q.from} and ${q.to} and channel = 'online'), 0)::int as "receivedOnline",
        coalesce(sum(in_progress_in_time + in_progress_overdue) filter (where day = ${q.from}::date - 1), 0)::int as "carriedOver",
        coalesce(sum(resolved_early) filter (where day between ${q.from} and ${q.to}), 0)::int as "resolvedEarly",
        coalesce(sum(resolved_on_time) filter (where day between ${q.from} and ${q.to}), 0)::int as "resolvedOnTime",
        coalesce(sum(resolved_late) filter (where day between ${q.from} and ${q.to}), 0)::int as "resolvedLate",
        coalesce(sum(in_progress_in_time) filter (where day = ${q.to}), 0)::int as "inProgressInTime",
        coalesce(sum(in_progress_overdue) filter (where day = ${q.to}), 0)::int as "inProgressOverdue",
        coalesce(sum(with_fee) filter (where day between ${q.from} and ${q.to}), 0)::int as "withFee",
        coalesce(sum(paid_online) filter (where day between ${q.from} and ${q.to}), 0)::int as "paidOnline",
        coalesce(sum(dissatisfied) filter (where day between ${q.from} and ${q.to}), 0)::int as "dissatisfied",
        coalesce(sum(digitised) filter (where day between ${q.from} and ${q.to}), 0)::int as "digitised"
      from dossier_daily_stats
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
