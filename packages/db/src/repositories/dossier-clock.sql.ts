import { CLOCK_EVENT_KINDS, DUE_EVENT_KINDS } from '@motcua/core';
import { sql, type SQL } from 'drizzle-orm';

/**
 * The control slip read as a clock, in SQL: the set-based twin of core's `clockOf` + `judgeAt`
 * (dossier-clock.ts), used by the rollup and by the dossier lists behind each figure, so both
 * count the same dossiers the same way. A property test holds it to core's verdicts.
 *
 * Each clock event starts a segment that lasts until the next one (in local days: the state at
 * the end of day D is the one after every event of a local date ≤ D); its row carries the state
 * then: the due time that applied (dues only move later: the largest one carried so far), the
 * supplement requests so far, the start of a pause still running, and for a finish the verdict.
 */

const list = (kinds: readonly string[]) => sql.raw(`(${kinds.map((k) => `'${k}'`).join(', ')})`);
export const CLOCK_KINDS = list(CLOCK_EVENT_KINDS);
const DUE_KINDS = list(DUE_EVENT_KINDS);
const ONLINE_METHODS = sql`('portal', 'gateway')`;

/** The instant a local day is judged at: its end, the next local midnight. */
export const dayEnd = (day: SQL, timeZone: string) => sql`((${day})::date + 1)::timestamp at time zone ${timeZone}`;

/**
 * CTEs `bounds`, `d` (candidate dossiers with their grouping columns and flags), `ev` and `st`
 * (clock events with the state after each) for the local days [from, to]. `where` narrows the candidates.
 */
export function clockCtes(from: string, to: string, timeZone: string, where: SQL = sql``): SQL {
  const startAt = sql`(${from}::date::timestamp at time zone ${timeZone})`;
  const endAt = sql`((${to}::date + 1)::timestamp at time zone ${timeZone})`;
  return sql`
    bounds as (
      select ${from}::date as d1, ${to}::date as d2, ${startAt} as start_at, ${endAt} as end_at
    ), d as (
      -- received by the end of the range, and not resolved before it starts (dossiers_open_through_idx)
      select d.id, d.code, d.agency_id, a.unit_id as agency_unit_id, d.receiving_center_id, c.unit_id as receiving_unit_id, pv.procedure_id, p.field, d.channel,
        d.due_at as current_due,
        pv.fee_vnd > 0 as with_fee,
        -- 766 group 3b counts the procedure's fee paid online, not a financial obligation
        exists (select 1 from dossier_payments pay where pay.dossier_id = d.id and pay.purpose = 'fee' and pay.method in ${ONLINE_METHODS}) as paid_online,
        -- a rating of the dossier's ticket at the counter, or of the dossier itself from the portal (#17)
        exists (select 1 from ratings r where (r.ticket_id = d.ticket_id or r.dossier_id = d.id) and r.level = 'not_satisfied') as dissatisfied,
        exists (select 1 from dossier_documents doc where doc.dossier_id = d.id and doc.kind = 'result') as digitised,
        -- 766 group 4 (core checklist.ts isDigitised for 4.2): a signed result on file; every required component with a file or exempt; a reused document
        exists (select 1 from dossier_documents doc where doc.dossier_id = d.id and doc.kind = 'result' and doc.signed and doc.file_sha256 is not null) as e_result,
        (exists (select 1 from dossier_documents doc where doc.dossier_id = d.id and doc.kind = 'component' and doc.required)
          and not exists (select 1 from dossier_documents doc where doc.dossier_id = d.id and doc.kind = 'component' and doc.required and not doc.exempt and doc.file_sha256 is null)) as digitised_at_reception,
        exists (select 1 from dossier_documents doc where doc.dossier_id = d.id and doc.file_source = 'reuse') as reused
      from dossiers d
      join procedure_versions pv on pv.id = d.procedure_version_id
      join procedures p on p.id = pv.procedure_id
      join agencies a on a.id = d.agency_id
      join centers c on c.id = d.receiving_center_id
      -- the bounds written out, not read from the CTE: the planner then estimates the candidates from the index's
      -- statistics (a few thousand a day) instead of a third of the table, and probes events, payments and documents by dossier
      where d.received_at < ${endAt} and coalesce(d.resolved_at, 'infinity') >= ${startAt} ${where}
    ), ev as (
      select e.dossier_id, e.id, e.at, e.kind, (e.at at time zone ${timeZone})::date as day,
        case when e.kind in ${DUE_KINDS} then coalesce((e.data->>'dueAt')::timestamptz,
          -- slips written before obligation_paid carried its due: the dossier's due, when no later pause ended
          case when e.kind = 'obligation_paid' and not exists (
            select 1 from dossier_events l where l.dossier_id = e.dossier_id and l.kind in ${DUE_KINDS} and l.at > e.at) then d.current_due end) end as due_after,
        case when e.kind in ('supplement_requested', 'suspended') or (e.kind = 'obligation_notified' and e.data->>'pausesClock' = 'true') then e.at end as pause_from,
        e.kind in ('resolved', 'withdrawn', 'stopped') as is_end
      from d join dossier_events e on e.dossier_id = d.id
      where e.kind in ${CLOCK_KINDS} and e.at < (select end_at from bounds)
    ), st as (
      select ev.*,
        max(due_after) over w as due,
        max(due_after) filter (where kind = 'received') over w as original_due,
        (count(*) filter (where kind = 'supplement_requested') over w)::int as supplements,
        lag(pause_from) over o as paused_before,
        coalesce(((lead(at) over o) at time zone ${timeZone})::date, (select d2 from bounds) + 1) as until_day
      from ev
      window o as (partition by dossier_id order by at, id), w as (o rows between unbounded preceding and current row)
    ), fin as (
      -- a finish keeps the verdict of its own instant; withdrawn while paused compares the start of the pause
      select st.*, coalesce(paused_before, at) as compared_at,
        supplements > 1 or coalesce(paused_before, at) > due as late,
        (coalesce(paused_before, at) at time zone ${timeZone})::date < (due at time zone ${timeZone})::date as early_day,
        supplements <= 1 and at <= original_due as original_ok
      from st where is_end
    )`;
}

/** Open at the end of `day` in a segment row `s`: in time, and within the original appointment. */
export const openInTime = (day: SQL, timeZone: string) => sql`(s.supplements <= 1 and coalesce(s.pause_from, ${dayEnd(day, timeZone)}) <= s.due)`;
export const openOriginalInTime = (day: SQL, timeZone: string) => sql`(s.supplements <= 1 and ${dayEnd(day, timeZone)} <= s.original_due)`;
