// The raw counterpart of the analytics read models, for bench:analytics: the same counts computed straight from the dossiers.
export const TZ = 'Asia/Ho_Chi_Minh';

/**
 * The counts per `key` (a dossier column: `unit_id` for the ranking, `channel` for the overview) straight
 * from the raw rows: what the read models must reproduce. The generated
 * slips have no pauses, so the due time that applied is the dossier's; a withdrawal ends a dossier at its slip row.
 */
export const rawCounts = (sql, from, to, key) => sql`
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
  select ${sql.unsafe(key)}::text as key,
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
