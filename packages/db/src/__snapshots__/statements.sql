-- alert.digest
with recursive sub as (select id from administrative_units where id = $1::uuid union all select u.id from administrative_units u join sub on u.parent_id = sub.id)
select u.name as unit,
       count(*) filter (where coalesce(d.extended_due_at, d.due_at) < $2::timestamptz)::int as overdue,
       count(*) filter (where coalesce(d.extended_due_at, d.due_at) >= $3::timestamptz and (coalesce(d.extended_due_at, d.due_at) at time zone $4)::date = ($5::timestamptz at time zone $6)::date)::int as due_today
from dossiers d join agencies a on a.id = d.agency_id join administrative_units u on u.id = a.unit_id
where a.unit_id in (select id from sub) and d.status in ('received', 'in_process')
group by u.name order by u.name;

-- analytics.activityOf
select p.name as procedure, u.name as unit, u.id as unit_id from dossiers d
join procedure_versions pv on pv.id = d.procedure_version_id join procedures p on p.id = pv.procedure_id
join agencies a on a.id = d.agency_id join administrative_units u on u.id = a.unit_id
where d.id = $1;

-- analytics.committeeOf
select id, code, name from agencies where unit_id = $1 and kind in ('commune_committee', 'provincial_committee') order by kind limit 1;

-- analytics.corrections
select x.id, x.day::text as day, x.recomputed_at as "recomputedAt", au.name as "agencyUnit", ru.name as "receivingUnit", x.before, x.after
from analytics_corrections x join administrative_units au on au.id = x.agency_unit_id join administrative_units ru on ru.id = x.receiving_unit_id
where x.day between $1 and $2 and (x.agency_unit_id = any(array[$3]::uuid[]) or x.receiving_unit_id = any(array[$4]::uuid[]))
order by x.recomputed_at desc, x.day, au.name limit $5;

-- analytics.dossierCounts
with b as (select x.b_from, x.b_to, least(x.b_to, greatest(x.b_from, (now() at time zone $1)::date)) as b_snap from (select $2::date as b_from, $3::date as b_to) x)
    select s.agency_unit_id::text as key,
coalesce(sum(s.received) filter (where s.day between b.b_from and b.b_to), 0)::int as "received",
coalesce(sum(s.received) filter (where s.day between b.b_from and b.b_to and s.channel = 'online'), 0)::int as "receivedOnline",
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
coalesce(sum(s.reused_data) filter (where s.day between b.b_from and b.b_to), 0)::int as "reusedData"
    from b join dossier_daily_stats s on s.day between b.b_from - 1 and b.b_to and s.agency_unit_id = any(array[$4]::uuid[]) and s.field = $5
    group by 1 order by 1;

-- analytics.dossierCounts
with b as (select x.b_from, x.b_to, least(x.b_to, greatest(x.b_from, (now() at time zone $1)::date)) as b_snap from (select $2::date as b_from, $3::date as b_to) x)
    select s.field::text as key,
coalesce(sum(s.received) filter (where s.day between b.b_from and b.b_to), 0)::int as "received",
coalesce(sum(s.received) filter (where s.day between b.b_from and b.b_to and s.channel = 'online'), 0)::int as "receivedOnline",
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
coalesce(sum(s.reused_data) filter (where s.day between b.b_from and b.b_to), 0)::int as "reusedData"
    from b join dossier_daily_stats s on s.day between b.b_from - 1 and b.b_to
    group by 1 order by 1;

-- analytics.dossierCounts
with b as (select x.b_from, x.b_to, least(x.b_to, greatest(x.b_from, (now() at time zone $1)::date)) as b_snap from (select $2::date as b_from, $3::date as b_to) x)
    select s.channel::text as key,
coalesce(sum(s.received) filter (where s.day between b.b_from and b.b_to), 0)::int as "received",
coalesce(sum(s.received_online) filter (where s.day between b.b_from and b.b_to), 0)::int as "receivedOnline",
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
coalesce(sum(s.reused_data) filter (where s.day between b.b_from and b.b_to), 0)::int as "reusedData"
    from b join dossier_channel_daily_stats s on s.day between b.b_from - 1 and b.b_to and s.agency_unit_id = any(array[$4]::uuid[])
    group by 1 order by 1;

-- analytics.dossierList
with
bounds as (
  select $1::date as d1, $2::date as d2, ($3::date::timestamp at time zone $4) as start_at, (($5::date + 1)::timestamp at time zone $6) as end_at
), d as (
  -- received by the end of the range, and not resolved before it starts (dossiers_open_through_idx)
  select d.id, d.code, d.agency_id, a.unit_id as agency_unit_id, d.receiving_center_id, c.unit_id as receiving_unit_id, pv.procedure_id, p.field, d.channel,
    d.due_at as current_due,
    pv.fee_vnd > 0 as with_fee,
    -- 766 group 3b counts the procedure's fee paid online, not a financial obligation
    exists (select 1 from dossier_payments pay where pay.dossier_id = d.id and pay.purpose = 'fee' and pay.method in ('portal', 'gateway')) as paid_online,
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
  where d.received_at < (($7::date + 1)::timestamp at time zone $8) and coalesce(d.resolved_at, 'infinity') >= ($9::date::timestamp at time zone $10) and a.unit_id = any(array[$11]::uuid[]) and p.field = $12 and p.id = $13
and d.channel = $14
), ev as (
  select e.dossier_id, e.id, e.at, e.kind, (e.at at time zone $15)::date as day,
    case when e.kind in ('received', 'supplement_received', 'resume', 'obligation_paid') then coalesce((e.data->>'dueAt')::timestamptz,
      -- slips written before obligation_paid carried its due: the dossier's due, when no later pause ended
      case when e.kind = 'obligation_paid' and not exists (
        select 1 from dossier_events l where l.dossier_id = e.dossier_id and l.kind in ('received', 'supplement_received', 'resume', 'obligation_paid') and l.at > e.at) then d.current_due end) end as due_after,
    case when e.kind in ('supplement_requested', 'suspended') or (e.kind = 'obligation_notified' and e.data->>'pausesClock' = 'true') then e.at end as pause_from,
    e.kind in ('resolved', 'withdrawn', 'stopped') as is_end
  from d join dossier_events e on e.dossier_id = d.id
  where e.kind in ('received', 'supplement_requested', 'supplement_received', 'obligation_notified', 'obligation_paid', 'suspended', 'resume', 'resolved', 'withdrawn', 'stopped') and e.at < (select end_at from bounds)
), st as (
  select ev.*,
    max(due_after) over w as due,
    max(due_after) filter (where kind = 'received') over w as original_due,
    (count(*) filter (where kind = 'supplement_requested') over w)::int as supplements,
    lag(pause_from) over o as paused_before,
    coalesce(((lead(at) over o) at time zone $16)::date, (select d2 from bounds) + 1) as until_day
  from ev
  window o as (partition by dossier_id order by at, id), w as (o rows between unbounded preceding and current row)
), fin as (
  -- a finish keeps the verdict of its own instant; withdrawn while paused compares the start of the pause
  select st.*, coalesce(paused_before, at) as compared_at,
    supplements > 1 or coalesce(paused_before, at) > due as late,
    (coalesce(paused_before, at) at time zone $17)::date < (due at time zone $18)::date as early_day,
    supplements <= 1 and at <= original_due as original_ok
  from st where is_end
),
  snap as (select least($19::date, greatest($20::date, (now() at time zone $21)::date)) as sday),
  per as (
    select d.id, d.code, d.agency_unit_id, d.receiving_unit_id, d.procedure_id, d.field, d.channel, d.with_fee, d.paid_online,
      d.dissatisfied as rated_unhappy, d.digitised as has_result, d.e_result as has_e_result, d.digitised_at_reception as digitised_in, d.reused as reused_in, r.day as received_day, r.at as received_at, r.due_after as original_due,
      f.kind as end_kind, f.at as finished_at, f.compared_at as f_compared, f.due as f_due, f.late as f_late, f.early_day as f_early, f.original_ok as f_original_ok, f.supplements as f_supplements,
      s.dossier_id is not null as open_at_end, s.due as o_due, s.pause_from as o_pause, s.supplements as o_supplements,
      (s.supplements <= 1 and coalesce(s.pause_from, ((snap.sday)::date + 1)::timestamp at time zone $22) <= s.due) as o_ok, (s.supplements <= 1 and ((snap.sday)::date + 1)::timestamp at time zone $23 <= s.original_due) as o_original_ok,
      k.dossier_id is not null as carried
    from d cross join snap
    join st r on r.dossier_id = d.id and r.kind = 'received'
    left join fin f on f.dossier_id = d.id and f.day between $24 and $25
    left join st s on s.dossier_id = d.id and not s.is_end and s.day <= snap.sday and s.until_day > snap.sday
    left join st k on k.dossier_id = d.id and not k.is_end and k.day < $26::date and k.until_day >= $27::date
  ), flagged as (
    select per.*,
      received_day between $28 and $29 as "received",
      received_day between $30 and $31 and channel = 'online' as "receivedOnline",
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
      received_day between $32 and $33 and with_fee as "withFee",
      received_day between $34 and $35 and with_fee and paid_online as "paidOnline",
      coalesce(end_kind = 'resolved' and rated_unhappy, false) as "dissatisfied",
      coalesce(end_kind = 'resolved' and has_result, false) as "digitised",
      coalesce(end_kind = 'resolved' and has_e_result, false) as "eResults",
      received_day between $36 and $37 and digitised_in as "digitisedAtReception",
      received_day between $38 and $39 and reused_in as "reusedData"
    from per
  ), page as (
    select *, count(*) over () as total from flagged where "resolvedLate" or "inProgressOverdue" order by code limit $40 offset $41
  )
  select page.id, page.code, pr.name as procedure, page.field, u.name as unit, page.channel::text as channel,
    page.received_at as "receivedAt", page.original_due as "originalDueAt",
    coalesce(page.f_due, page.o_due) as "dueAt", page.finished_at as "finishedAt", page.end_kind as "endKind",
    coalesce(page.f_compared, page.o_pause) as "comparedAt", coalesce(page.f_supplements, page.o_supplements, 0)::int as supplements,
    case when page.end_kind is not null then case when page.f_late then 'late' when page.f_early then 'early' else 'on_time' end
         when page.open_at_end then case when page.o_ok then 'in_time' else 'overdue' end end as verdict,
    case when page.end_kind is not null then case when page.f_original_ok then 'on_time' else 'late' end
         when page.open_at_end then case when page.o_original_ok then 'in_time' else 'overdue' end end as "verdictOriginal",
    array_remove(array[case when page."received" then $42::text end, case when page."receivedOnline" then $43::text end, case when page."carriedOver" then $44::text end, case when page."resolvedEarly" then $45::text end, case when page."resolvedOnTime" then $46::text end, case when page."resolvedLate" then $47::text end, case when page."withdrawnOnTime" then $48::text end, case when page."withdrawnLate" then $49::text end, case when page."inProgressInTime" then $50::text end, case when page."inProgressOverdue" then $51::text end, case when page."originalOnTime" then $52::text end, case when page."originalInTime" then $53::text end, case when page."withFee" then $54::text end, case when page."paidOnline" then $55::text end, case when page."dissatisfied" then $56::text end, case when page."digitised" then $57::text end, case when page."eResults" then $58::text end, case when page."digitisedAtReception" then $59::text end, case when page."reusedData" then $60::text end], null) as "countsIn",
    coalesce(pz.pauses, '[]'::json) as pauses, page.total::int as total
  from page
  join procedures pr on pr.id = page.procedure_id
  join administrative_units u on u.id = page.agency_unit_id
  left join lateral (
    select json_agg(json_build_object('kind', case x.kind when 'supplement_requested' then 'supplement' when 'suspended' then 'suspension' else 'obligation' end,
      'from', x.pause_from, 'to', x.to_at) order by x.pause_from) as pauses
    from (select e.kind, e.pause_from, lead(e.at) over (order by e.at, e.id) as to_at from st e where e.dossier_id = page.id) x where x.pause_from is not null
  ) pz on true
  order by page.code;

-- analytics.dossierTrend
with b as (select x.b_from, x.b_to, least(x.b_to, greatest(x.b_from, (now() at time zone $1)::date)) as b_snap from (
      select greatest(g::date, $2::date) as b_from, least((g + '1 week'::interval - '1 day'::interval)::date, $3::date) as b_to
      from generate_series(date_trunc($4, $5::date::timestamp), $6::date::timestamp, '1 week'::interval) g) x)
    select b.b_from::text as key, b.b_to::text as "to",
coalesce(sum(s.received) filter (where s.day between b.b_from and b.b_to), 0)::int as "received",
coalesce(sum(s.received) filter (where s.day between b.b_from and b.b_to and s.channel = 'online'), 0)::int as "receivedOnline",
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
coalesce(sum(s.reused_data) filter (where s.day between b.b_from and b.b_to), 0)::int as "reusedData"
    from b left join dossier_daily_stats s on s.day between b.b_from - 1 and b.b_to and s.agency_unit_id = any(array[$7]::uuid[]) and s.field = $8
    group by b.b_from, b.b_to order by b.b_from;

-- analytics.labels.fields
select distinct on (field) field, name_vi as name from services order by field, sort_order;

-- analytics.labels.procedures
select id, name, field from procedures;

-- analytics.labels.units
select id, name from administrative_units;

-- analytics.lockRollups
select pg_advisory_xact_lock(hashtext('motcua:analytics-rollup'));

-- analytics.logCorrections
with built as (select distinct day from unit_days_before),
  after as (select day, agency_unit_id, receiving_unit_id, jsonb_build_object('received', received, 'receivedOnline', received_online, 'resolvedEarly', resolved_early, 'resolvedOnTime', resolved_on_time,
'resolvedLate', resolved_late, 'withdrawnOnTime', withdrawn_on_time, 'withdrawnLate', withdrawn_late, 'inProgressInTime', in_progress_in_time,
'inProgressOverdue', in_progress_overdue, 'originalOnTime', original_on_time, 'originalInTime', original_in_time, 'withFee', with_fee, 'paidOnline', paid_online,
'dissatisfied', dissatisfied, 'digitised', digitised, 'eResults', e_results, 'digitisedAtReception', digitised_at_reception, 'reusedData', reused_data) as counts from dossier_unit_daily_stats where day in (select day from built))
  insert into analytics_corrections (day, agency_unit_id, receiving_unit_id, before, after)
  select coalesce(b.day, a.day), coalesce(b.agency_unit_id, a.agency_unit_id), coalesce(b.receiving_unit_id, a.receiving_unit_id), b.counts, a.counts
  from unit_days_before b full join after a using (day, agency_unit_id, receiving_unit_id)
  where b.counts is distinct from a.counts and coalesce(b.day, a.day) between $1 and $2;

-- analytics.overdueDossiers
select d.id, d.code, p.name as procedure, p.field, d.status::text as status, d.due_at as "dueAt", s.full_name as handler, holder.name as agency
from dossiers d
join procedure_versions pv on pv.id = d.procedure_version_id
join procedures p on p.id = pv.procedure_id
join agencies a on a.id = d.agency_id
join centers c on c.id = d.receiving_center_id
join agencies holder on holder.id = coalesce(d.current_agency_id, d.agency_id)
left join staff s on s.id = d.assignee_id
where d.status in ('received', 'in_process', 'awaiting_supplement', 'awaiting_obligation', 'suspended') and d.due_at < $1::timestamptz and a.unit_id = any(array[$2]::uuid[])
  and p.field = $3 and p.id = $4
order by d.due_at, d.code limit $5;

-- analytics.queueHeatmap
select extract(isodow from day)::int as weekday, hour::int as hour, sum(issued)::int as issued
from queue_hourly_stats where day between $1 and $2 and unit_id = any(array[$3]::uuid[])
group by 1, 2 having sum(issued) > 0 order by 1, 2;

-- analytics.queueSums
with r as (select * from queue_hourly_stats where day between $1 and $2 ),
g as (
  select center_id as key, center_id, sum(issued)::int as issued, sum(called)::int as called, sum(served)::int as served, sum(no_show)::int as "noShow",
    sum(wait_seconds_sum)::float8 as "waitSecondsSum", sum(service_seconds_sum)::float8 as "serviceSecondsSum", sum(within_target)::int as "withinTarget",
    sum(rated_very_satisfied)::int as "ratedVerySatisfied", sum(rated_satisfied)::int as "ratedSatisfied", sum(rated_not_satisfied)::int as "ratedNotSatisfied"
  from r group by 1, 2
),
h as (
  select key, array_agg(n order by i) as histogram
  from (select r.center_id as key, u.i, sum(u.v)::int as n from r, unnest(r.wait_histogram) with ordinality u(v, i) group by 1, 2) x group by 1
)
select g.key::text as key, c.name as label, c.name as center, g.issued, g.called, g.served, g."noShow", g."waitSecondsSum", g."serviceSecondsSum", g."withinTarget", g."ratedVerySatisfied", g."ratedSatisfied", g."ratedNotSatisfied", h.histogram
from g join h on h.key = g.key join centers c on c.id = g.center_id
order by c.name, c.name;

-- analytics.queueSums
with r as (select * from queue_counter_daily_stats where day between $1 and $2 and unit_id = any(array[$3]::uuid[])),
g as (
  select counter_id as key, center_id, null::int as issued, sum(called)::int as called, sum(served)::int as served, sum(no_show)::int as "noShow",
    sum(wait_seconds_sum)::float8 as "waitSecondsSum", sum(service_seconds_sum)::float8 as "serviceSecondsSum", sum(within_target)::int as "withinTarget",
    sum(rated_very_satisfied)::int as "ratedVerySatisfied", sum(rated_satisfied)::int as "ratedSatisfied", sum(rated_not_satisfied)::int as "ratedNotSatisfied"
  from r group by 1, 2
),
h as (
  select key, array_agg(n order by i) as histogram
  from (select r.counter_id as key, u.i, sum(u.v)::int as n from r, unnest(r.wait_histogram) with ordinality u(v, i) group by 1, 2) x group by 1
)
select g.key::text as key, k.label as label, c.name as center, g.issued, g.called, g.served, g."noShow", g."waitSecondsSum", g."serviceSecondsSum", g."withinTarget", g."ratedVerySatisfied", g."ratedSatisfied", g."ratedNotSatisfied", h.histogram
from g join h on h.key = g.key join centers c on c.id = g.center_id join counters k on k.id = g.key
order by c.name, k.label;

-- analytics.queueSums
with r as (select * from queue_officer_daily_stats where day between $1 and $2 ),
g as (
  select officer_id as key, center_id, null::int as issued, sum(called)::int as called, sum(served)::int as served, sum(no_show)::int as "noShow",
    sum(wait_seconds_sum)::float8 as "waitSecondsSum", sum(service_seconds_sum)::float8 as "serviceSecondsSum", sum(within_target)::int as "withinTarget",
    sum(rated_very_satisfied)::int as "ratedVerySatisfied", sum(rated_satisfied)::int as "ratedSatisfied", sum(rated_not_satisfied)::int as "ratedNotSatisfied"
  from r group by 1, 2
),
h as (
  select key, array_agg(n order by i) as histogram
  from (select r.officer_id as key, u.i, sum(u.v)::int as n from r, unnest(r.wait_histogram) with ordinality u(v, i) group by 1, 2) x group by 1
)
select g.key::text as key, k.full_name as label, c.name as center, g.issued, g.called, g.served, g."noShow", g."waitSecondsSum", g."serviceSecondsSum", g."withinTarget", g."ratedVerySatisfied", g."ratedSatisfied", g."ratedNotSatisfied", h.histogram
from g join h on h.key = g.key join centers c on c.id = g.center_id join staff k on k.id = g.key
order by c.name, k.full_name;

-- analytics.rollupDossierDays.delete
delete from dossier_daily_stats where day between $1 and $2;

-- analytics.rollupDossierDays.deleteSummed
delete from dossier_unit_daily_stats where day between $1 and $2;

-- analytics.rollupDossierDays.deleteSummed
delete from dossier_channel_daily_stats where day between $1 and $2;

-- analytics.rollupDossierDays.insert
with
bounds as (
  select $1::date as d1, $2::date as d2, ($3::date::timestamp at time zone $4) as start_at, (($5::date + 1)::timestamp at time zone $6) as end_at
), d as (
  -- received by the end of the range, and not resolved before it starts (dossiers_open_through_idx)
  select d.id, d.code, d.agency_id, a.unit_id as agency_unit_id, d.receiving_center_id, c.unit_id as receiving_unit_id, pv.procedure_id, p.field, d.channel,
    d.due_at as current_due,
    pv.fee_vnd > 0 as with_fee,
    -- 766 group 3b counts the procedure's fee paid online, not a financial obligation
    exists (select 1 from dossier_payments pay where pay.dossier_id = d.id and pay.purpose = 'fee' and pay.method in ('portal', 'gateway')) as paid_online,
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
  where d.received_at < (($7::date + 1)::timestamp at time zone $8) and coalesce(d.resolved_at, 'infinity') >= ($9::date::timestamp at time zone $10)
), ev as (
  select e.dossier_id, e.id, e.at, e.kind, (e.at at time zone $11)::date as day,
    case when e.kind in ('received', 'supplement_received', 'resume', 'obligation_paid') then coalesce((e.data->>'dueAt')::timestamptz,
      -- slips written before obligation_paid carried its due: the dossier's due, when no later pause ended
      case when e.kind = 'obligation_paid' and not exists (
        select 1 from dossier_events l where l.dossier_id = e.dossier_id and l.kind in ('received', 'supplement_received', 'resume', 'obligation_paid') and l.at > e.at) then d.current_due end) end as due_after,
    case when e.kind in ('supplement_requested', 'suspended') or (e.kind = 'obligation_notified' and e.data->>'pausesClock' = 'true') then e.at end as pause_from,
    e.kind in ('resolved', 'withdrawn', 'stopped') as is_end
  from d join dossier_events e on e.dossier_id = d.id
  where e.kind in ('received', 'supplement_requested', 'supplement_received', 'obligation_notified', 'obligation_paid', 'suspended', 'resume', 'resolved', 'withdrawn', 'stopped') and e.at < (select end_at from bounds)
), st as (
  select ev.*,
    max(due_after) over w as due,
    max(due_after) filter (where kind = 'received') over w as original_due,
    (count(*) filter (where kind = 'supplement_requested') over w)::int as supplements,
    lag(pause_from) over o as paused_before,
    coalesce(((lead(at) over o) at time zone $12)::date, (select d2 from bounds) + 1) as until_day
  from ev
  window o as (partition by dossier_id order by at, id), w as (o rows between unbounded preceding and current row)
), fin as (
  -- a finish keeps the verdict of its own instant; withdrawn while paused compares the start of the pause
  select st.*, coalesce(paused_before, at) as compared_at,
    supplements > 1 or coalesce(paused_before, at) > due as late,
    (coalesce(paused_before, at) at time zone $13)::date < (due at time zone $14)::date as early_day,
    supplements <= 1 and at <= original_due as original_ok
  from st where is_end
), facts as (
    select s.dossier_id, g.day::date as day, 'open' as what, (s.supplements <= 1 and coalesce(s.pause_from, ((g.day)::date + 1)::timestamp at time zone $15) <= s.due) as ok, false as early, (s.supplements <= 1 and ((g.day)::date + 1)::timestamp at time zone $16 <= s.original_due) as original_ok
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
  returning 1 as n;

-- analytics.rollupDossierDays.insertSummed
insert into dossier_unit_daily_stats (day, agency_unit_id, receiving_unit_id, received, received_online, resolved_early, resolved_on_time, resolved_late,
  withdrawn_on_time, withdrawn_late, in_progress_in_time, in_progress_overdue, original_on_time, original_in_time, with_fee, paid_online, dissatisfied, digitised,
  e_results, digitised_at_reception, reused_data)
select day, agency_unit_id, receiving_unit_id, sum(received), coalesce(sum(received) filter (where channel = 'online'), 0), sum(resolved_early), sum(resolved_on_time),
  sum(resolved_late), sum(withdrawn_on_time), sum(withdrawn_late), sum(in_progress_in_time), sum(in_progress_overdue), sum(original_on_time), sum(original_in_time),
  sum(with_fee), sum(paid_online), sum(dissatisfied), sum(digitised), sum(e_results), sum(digitised_at_reception), sum(reused_data)
from dossier_daily_stats where day between $1 and $2
group by day, agency_unit_id, receiving_unit_id;

-- analytics.rollupDossierDays.insertSummed
insert into dossier_channel_daily_stats (day, agency_unit_id, receiving_unit_id, channel, received, received_online, resolved_early, resolved_on_time, resolved_late,
  withdrawn_on_time, withdrawn_late, in_progress_in_time, in_progress_overdue, original_on_time, original_in_time, with_fee, paid_online, dissatisfied, digitised,
  e_results, digitised_at_reception, reused_data)
select day, agency_unit_id, receiving_unit_id, channel, sum(received), coalesce(sum(received) filter (where channel = 'online'), 0), sum(resolved_early), sum(resolved_on_time),
  sum(resolved_late), sum(withdrawn_on_time), sum(withdrawn_late), sum(in_progress_in_time), sum(in_progress_overdue), sum(original_on_time), sum(original_in_time),
  sum(with_fee), sum(paid_online), sum(dissatisfied), sum(digitised), sum(e_results), sum(digitised_at_reception), sum(reused_data)
from dossier_daily_stats where day between $1 and $2
group by day, agency_unit_id, receiving_unit_id, channel;

-- analytics.rollupQueueDays.delete
delete from queue_hourly_stats where day between $1 and $2;

-- analytics.rollupQueueDays.insert
with t as (
  select t.business_date as day, t.center_id, c.unit_id, t.service_id, t.status, t.called_at, t.serving_at, r.level as rating,
    extract(hour from t.arrived_at at time zone c.time_zone)::smallint as hour,
    extract(epoch from (t.called_at - t.arrived_at)) as wait_s,
    extract(epoch from (t.done_at - t.serving_at)) as service_s
  from tickets t join centers c on c.id = t.center_id
  left join ratings r on r.ticket_id = t.id
  where t.business_date between $1 and $2 and t.transferred_from_ticket_id is null
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
returning 1 as n;

-- analytics.rollupQueuePer.delete
delete from queue_counter_daily_stats where day between $1 and $2;

-- analytics.rollupQueuePer.delete
delete from queue_officer_daily_stats where day between $1 and $2;

-- analytics.rollupQueuePer.insert
with t as (
  select t.business_date as day, t.center_id, t.counter_id as key, t.status, c.unit_id, r.level as rating,
    extract(epoch from (t.called_at - t.arrived_at)) as wait_s,
    extract(epoch from (t.done_at - t.serving_at)) as service_s
  from tickets t join centers c on c.id = t.center_id
  left join ratings r on r.ticket_id = t.id
  where t.business_date between $1 and $2 and t.transferred_from_ticket_id is null and t.counter_id is not null and t.called_at is not null
), h as (
  select day, key, least(floor(wait_s / 60), 120)::int as m, count(*)::int as n from t group by 1, 2, 3
), dense as (
  select k.day, k.key, array_agg(coalesce(h.n, 0) order by b.m) as histogram
  from (select distinct day, key from t) k cross join generate_series(0, 120) b(m)
  left join h on h.day = k.day and h.key = k.key and h.m = b.m
  group by 1, 2
)
insert into queue_counter_daily_stats (day, center_id, unit_id, counter_id, called, served, no_show, wait_seconds_sum, service_seconds_sum, within_target,
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
group by t.day, center_id, unit_id, t.key, dense.histogram;

-- analytics.rollupQueuePer.insert
with t as (
  select t.business_date as day, t.center_id, t.officer_id as key, t.status, c.unit_id, r.level as rating,
    extract(epoch from (t.called_at - t.arrived_at)) as wait_s,
    extract(epoch from (t.done_at - t.serving_at)) as service_s
  from tickets t join centers c on c.id = t.center_id
  left join ratings r on r.ticket_id = t.id
  where t.business_date between $1 and $2 and t.transferred_from_ticket_id is null and t.officer_id is not null and t.called_at is not null
), h as (
  select day, key, least(floor(wait_s / 60), 120)::int as m, count(*)::int as n from t group by 1, 2, 3
), dense as (
  select k.day, k.key, array_agg(coalesce(h.n, 0) order by b.m) as histogram
  from (select distinct day, key from t) k cross join generate_series(0, 120) b(m)
  left join h on h.day = k.day and h.key = k.key and h.m = b.m
  group by 1, 2
)
insert into queue_officer_daily_stats (day, center_id, unit_id, officer_id, called, served, no_show, wait_seconds_sum, service_seconds_sum, within_target,
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
group by t.day, center_id, unit_id, t.key, dense.histogram;

-- analytics.snapshotClosedDays.create
create temp table unit_days_before on commit drop as
  select day, agency_unit_id, receiving_unit_id, jsonb_build_object('received', received, 'receivedOnline', received_online, 'resolvedEarly', resolved_early, 'resolvedOnTime', resolved_on_time,
'resolvedLate', resolved_late, 'withdrawnOnTime', withdrawn_on_time, 'withdrawnLate', withdrawn_late, 'inProgressInTime', in_progress_in_time,
'inProgressOverdue', in_progress_overdue, 'originalOnTime', original_on_time, 'originalInTime', original_in_time, 'withFee', with_fee, 'paidOnline', paid_online,
'dissatisfied', dissatisfied, 'digitised', digitised, 'eResults', e_results, 'digitisedAtReception', digitised_at_reception, 'reusedData', reused_data) as counts from dossier_unit_daily_stats
  where day between $1 and $2 and day < (now() at time zone $3)::date;

-- analytics.snapshotClosedDays.drop
drop table if exists pg_temp.unit_days_before;

-- analytics.unitDigests
with rows as (
  select agency_unit_id as unit_id, receiving_unit_id as other_unit_id, 'd' || (to_jsonb(s) - '{created_at,updated_at}'::text[])::text as r from dossier_daily_stats s where day = $1
  union all select unit_id, null, 'q' || (to_jsonb(q) - '{created_at,updated_at}'::text[])::text from queue_hourly_stats q where day = $2
  union all select unit_id, null, 'c' || (to_jsonb(c) - '{created_at,updated_at}'::text[])::text from queue_counter_daily_stats c where day = $3
  union all select unit_id, null, 'o' || (to_jsonb(o) - '{created_at,updated_at}'::text[])::text from queue_officer_daily_stats o where day = $4
)
select unit_id as id, md5(string_agg(r, ',' order by r)) as digest from (
  select unit_id, r from rows union all select other_unit_id, r from rows where other_unit_id is not null
) x group by unit_id;

-- analytics.units
select id, name, level::text as level, parent_id as "parentId", tile_x as "tileX", tile_y as "tileY" from administrative_units where true  order by name;

-- analytics.units
select id, name, level::text as level, parent_id as "parentId", tile_x as "tileX", tile_y as "tileY" from administrative_units where true and id = any(array[$1]::uuid[]) order by name;

-- analytics.unitsAbove
with recursive up as (
  select id, parent_id from administrative_units where id = any(array[$1]::uuid[])
  union select u.id, u.parent_id from administrative_units u join up on u.id = up.parent_id
) select id from up;

-- analytics.unitsInScope
with recursive down as (
  select id from administrative_units where id = any(array[$1]::uuid[])
  union select u.id from administrative_units u join down on u.parent_id = down.id
)
select id from down union select unit_id from centers where id = any(array[$2]::uuid[]);

-- appointment.booked
select slot_start, booked from appointment_slots
where center_id = $1 and service_id = $2 and slot_start >= $3::timestamptz and slot_start < $4::timestamptz;

-- appointment.expireMissed
update appointments a set status = 'missed', updated_at = now()
from centers c
where c.id = a.center_id and a.status = 'booked' and a.slot_start < $1::timestamptz
  and a.slot_start < $2::timestamptz - make_interval(mins => c.appointment_slot_minutes + c.appointment_on_time_minutes)
returning a.id, a.center_id;

-- appointment.ofTickets
select tickets.id, a.slot_start, o.appointment_at is not null as on_time
from tickets
join appointments a on a.ticket_id = coalesce(tickets.transferred_from_ticket_id, tickets.id)
join tickets o on o.id = a.ticket_id
where "tickets"."id" in ($1, $2);

-- appointment.plannedCounters
select
(select count(distinct k.id)::int from counters k join counter_services cs on cs.counter_id = k.id
  join assignments a on a.counter_id = k.id and a.work_date = $1
  where k.center_id = $2 and cs.service_id = $3) as assigned,
(select count(*)::int from counters k join counter_services cs on cs.counter_id = k.id
  where k.center_id = $4 and cs.service_id = $5) as profile,
exists (select 1 from assignments a join counters k on k.id = a.counter_id where k.center_id = $6 and a.work_date = $7) as board;

-- appointment.release
update appointment_slots set booked = booked - 1, updated_at = now()
where center_id = $1 and service_id = $2 and slot_start = $3::timestamptz and booked > 0;

-- appointment.take
insert into appointment_slots (center_id, service_id, slot_start, booked) values ($1, $2, $3::timestamptz, 1)
on conflict (center_id, service_id, slot_start) do update set booked = appointment_slots.booked + 1, updated_at = now()
where appointment_slots.booked < $4
returning booked;

-- citizenNotification.aheadOfTicket
select count(*)::int as n from tickets t join tickets o on o.center_id = t.center_id and o.service_id = t.service_id and o.business_date = t.business_date
where t.id = $1 and o.status = 'waiting' and (o.arrived_at, o.number) < (t.arrived_at, t.number) and o.id <> t.id;

-- citizenNotification.eventsWithoutDeliveries
select e.id, e.kind, e.dossier_id from dossier_events e join dossiers d on d.id = e.dossier_id
where e.created_at >= $1::timestamptz and e.created_at < $2::timestamptz
  and e.kind in ($3, $4)
  and (($5 and coalesce(d.applicant_phone, '') <> '') or ($6 and coalesce(d.applicant_email, '') <> ''))
  and not exists (select 1 from citizen_deliveries c where c.event_key = e.id::text)
order by e.created_at
limit $7;

-- citizenNotification.purgeTicketContacts
delete from ticket_contacts tc using tickets t, centers c
where t.id = tc.ticket_id and c.id = t.center_id
  and t.business_date < ($1::timestamptz at time zone c.time_zone)::date
returning tc.ticket_id;

-- citizenNotification.ticketsNearTheFront
select f.id from (
  select t.id, (select count(*) from tickets o where o.center_id = t.center_id and o.service_id = t.service_id and o.business_date = t.business_date
                  and o.status = 'waiting' and (o.arrived_at, o.number) < (t.arrived_at, t.number) and o.id <> t.id) as ahead
  from ticket_contacts tc join tickets t on t.id = tc.ticket_id
  where t.center_id = $1 and t.status = 'waiting'
    and not exists (select 1 from citizen_deliveries d where d.event_key = 'ticket-soon:' || t.id::text)
) f where f.ahead between 1 and $2;

-- citizenSession.reusableOf
select * from (
  select distinct on (doc.file_sha256) doc.id, doc.dossier_id, d.code as dossier_code, doc.name, doc.file_sha256 as sha256, doc.file_size as size, doc.file_mime as mime,
    doc.file_pages as pages, doc.signed, doc.file_attached_at as attached_at
  from dossier_documents doc join dossiers d on d.id = doc.dossier_id
  where d.applicant_id_number = $1 and doc.kind = 'component' and doc.file_sha256 is not null
  order by doc.file_sha256, doc.file_attached_at desc) newest
order by attached_at desc
limit $2;

-- device.managers
with recursive up as (
  select id, parent_id from administrative_units where id = $1::uuid
  union select u.id, u.parent_id from administrative_units u join up on u.id = up.parent_id
)
select distinct r.staff_id as id from staff_roles r join staff s on s.id = r.staff_id
where r.role = 'center_manager' and s.active and (r.scope_center_id = $2::uuid or r.scope_unit_id in (select id from up))
order by 1;

-- document.eventsWithoutRecord
select e.id, e.kind, e.dossier_id from dossier_events e
where e.created_at >= $1::timestamptz and e.created_at < $2::timestamptz
  and e.kind in ($3, $4)
  and not exists (
    select 1 from dossier_documents g where g.dossier_id = e.dossier_id and g.file_source = 'generated'
      and ((e.kind = 'resolved' and g.kind = 'e_result') or g.reference = e.id::text))
order by e.created_at
limit $5;

-- document.provinceOf
with recursive up as (
  select id, parent_id, name, level from administrative_units where id = $1
  union all
  select u.id, u.parent_id, u.name, u.level from administrative_units u join up on u.id = up.parent_id
)
select name from up where level = 'province' limit 1;

-- document.reusable
with recursive down as (
  select id from administrative_units where id in (null::uuid)
  union all select u.id from administrative_units u join down on u.parent_id = down.id)
select * from (
select distinct on (doc.file_sha256) doc.id, doc.dossier_id, d.code as dossier_code, doc.kind, doc.name, doc.file_sha256 as sha256, doc.file_size as size,
  doc.file_pages as pages, doc.file_source as source, doc.signed, doc.file_attached_at as attached_at
from dossier_documents doc
join dossiers d on d.id = doc.dossier_id
join agencies a on a.id = d.agency_id
join centers rc on rc.id = d.receiving_center_id
where d.applicant_id_number = $1 and d.id <> $2 and doc.file_sha256 is not null
  and (doc.kind = 'component' or (doc.kind = 'e_result' and doc.signed)) and true
order by doc.file_sha256, doc.file_attached_at desc) newest
order by attached_at desc
limit $3;

-- document.reusable
with recursive down as (
  select id from administrative_units where id in ($1::uuid)
  union all select u.id from administrative_units u join down on u.parent_id = down.id)
select * from (
select distinct on (doc.file_sha256) doc.id, doc.dossier_id, d.code as dossier_code, doc.kind, doc.name, doc.file_sha256 as sha256, doc.file_size as size,
  doc.file_pages as pages, doc.file_source as source, doc.signed, doc.file_attached_at as attached_at
from dossier_documents doc
join dossiers d on d.id = doc.dossier_id
join agencies a on a.id = d.agency_id
join centers rc on rc.id = d.receiving_center_id
where d.applicant_id_number = $2 and d.id <> $3 and doc.file_sha256 is not null
  and (doc.kind = 'component' or (doc.kind = 'e_result' and doc.signed)) and (d.receiving_center_id in ($4::uuid) or d.return_center_id in ($5::uuid)
  or rc.unit_id in (select id from down) or a.unit_id in (select id from down))
order by doc.file_sha256, doc.file_attached_at desc) newest
order by attached_at desc
limit $6;

-- dossier.assignable
with recursive up as (select id, parent_id from administrative_units where id = $1
                      union all select u.id, u.parent_id from administrative_units u join up on u.id = up.parent_id)
select s.id, s.full_name, array_agg(distinct r.role::text order by r.role::text) as roles from staff s join staff_roles r on r.staff_id = s.id
where s.active and r.role in ('specialist', 'leader', 'officer', 'center_manager')
  and (r.scope_unit_id in (select id from up) or r.scope_center_id in (select id from centers where unit_id = $2))
group by s.id, s.full_name order by s.full_name;

-- dossier.events
select e.id, e.kind, e.at, e.from_status, e.to_status, fu.name as from_unit, tu.name as to_unit, fs.full_name as from_staff, ts.full_name as to_staff,
       e.step, e.step_due_at, e.step_result, e.note, e.data
from dossier_events e
left join administrative_units fu on fu.id = e.from_unit_id left join administrative_units tu on tu.id = e.to_unit_id
left join staff fs on fs.id = e.from_staff_id left join staff ts on ts.id = e.to_staff_id
where e.dossier_id = $1 order by e.at, e.created_at;

-- dossier.intakeUnits
select id, name, level, parent_id from administrative_units order by level desc, name;

-- dossier.lastActorOfStep
select from_staff_id as id from dossier_events where dossier_id = $1 and step = $2 and kind in ('forward', 'received', 'send_back')
order by at desc, created_at desc limit 1;

-- dossier.list
with recursive down as (
  select id from administrative_units where id in (null::uuid)
  union all select u.id from administrative_units u join down on u.parent_id = down.id)
select d.*, a.name as agency_name, s.full_name as assignee_name
from dossiers d
join agencies a on a.id = d.agency_id
left join agencies ca on ca.id = d.current_agency_id
join centers rc on rc.id = d.receiving_center_id
join centers tc on tc.id = d.return_center_id
left join staff s on s.id = d.assignee_id
where true




-- Work first (most urgent on top), then finished dossiers newest first: a year of history must not bury today's.
order by d.status in ('resolved','returned','refused_at_intake','withdrawn','stopped'), case when d.status not in ('resolved','returned','refused_at_intake','withdrawn','stopped') then d.due_at end asc nulls last, d.created_at desc
limit $1;

-- dossier.list
with recursive down as (
  select id from administrative_units where id in ($1::uuid)
  union all select u.id from administrative_units u join down on u.parent_id = down.id)
select d.*, a.name as agency_name, s.full_name as assignee_name
from dossiers d
join agencies a on a.id = d.agency_id
left join agencies ca on ca.id = d.current_agency_id
join centers rc on rc.id = d.receiving_center_id
join centers tc on tc.id = d.return_center_id
left join staff s on s.id = d.assignee_id
where (
    d.receiving_center_id in ($2::uuid) or d.return_center_id in ($3::uuid)
    or a.unit_id in (select unit_id from centers where id in ($4::uuid))
    or ca.unit_id in (select unit_id from centers where id in ($5::uuid))
    or rc.unit_id in (select id from down) or tc.unit_id in (select id from down) or a.unit_id in (select id from down) or ca.unit_id in (select id from down))
  and d.assignee_id = $6
  and d.status = $7
  and d.status not in ('resolved','returned','refused_at_intake','withdrawn','stopped') and d.due_at < $8::timestamptz
  and (d.code ilike $9 or d.applicant_name ilike $10 or d.applicant_phone ilike $11)
-- Work first (most urgent on top), then finished dossiers newest first: a year of history must not bury today's.
order by d.status in ('resolved','returned','refused_at_intake','withdrawn','stopped'), case when d.status not in ('resolved','returned','refused_at_intake','withdrawn','stopped') then d.due_at end asc nulls last, d.created_at desc
limit $12;

-- dossier.lockIdempotencyKey
select pg_advisory_xact_lock(hashtextextended($1, 0));

-- dossier.roundRobinCandidates
with recursive up as (select id, parent_id from administrative_units where id = $1
                      union all select u.id, u.parent_id from administrative_units u join up on u.id = up.parent_id)
select s.id from staff s
where s.active and exists (select 1 from staff_roles r where r.staff_id = s.id and r.role = $2
        and (r.scope_unit_id in (select id from up) or r.scope_center_id in (select id from centers where unit_id = $3)))
order by (select max(e.created_at) from dossier_events e where e.to_staff_id = s.id and e.kind in ('assign', 'forward')) asc nulls first, s.username;

-- dossier.servingTicket
select id, officer_id from tickets where id = $1 and center_id = $2 and status = 'serving' and counter_id is not null for update;

-- dossier.staffCoversAgency
with recursive up as (select id, parent_id from administrative_units where id = $1
                      union all select u.id, u.parent_id from administrative_units u join up on u.id = up.parent_id)
select 1 from staff s where s.id = $2 and s.active and exists (select 1 from staff_roles r where r.staff_id = s.id
  and (r.role = 'admin' or r.scope_unit_id in (select id from up) or r.scope_center_id in (select id from centers where unit_id = $3)));

-- dossier.staffName
select full_name from staff where id = $1;

-- dossier.unitExists
select 1 from administrative_units where id = $1;

-- floor.counters
select k.id, k.label, k.number, k.state,
  (select array_agg(cs.service_id::text) from counter_services cs where cs.counter_id = k.id) as service_ids,
  (select array_agg(a.shift) from assignments a where a.counter_id = k.id and a.work_date = $1) as shifts
from counters k where k.center_id = $2 order by k.number;

-- floor.nextWaiting
select service_id, code from (
  select service_id, code, row_number() over (partition by service_id order by appointment_at nulls last, arrived_at, number) as n
  from tickets where center_id = $1 and business_date = $2 and status = 'waiting'
) w where n <= $3 order by service_id, n;

-- floor.openCountersFor
select k.label from counter_services cs join counters k on k.id = cs.counter_id
where k.center_id = $1 and cs.service_id = $2 and k.state in ('open', 'serving') order by k.number;

-- floor.publicCenters
select id, code, name, address from centers order by name;

-- floor.ticketOfCenter
select id, status, arrived_at from tickets where id = $1 and center_id = $2 and transferred_from_ticket_id is null;

-- floor.transferTargets
select k.id, k.label, k.number, k.state,
  (select array_agg(cs.service_id::text) from counter_services cs where cs.counter_id = k.id) as service_ids,
  (select count(*)::int from tickets t where t.center_id = k.center_id and t.business_date = $1 and t.status = 'waiting'
    and (t.target_counter_id = k.id or (t.target_counter_id is null and t.service_id in (select cs.service_id from counter_services cs where cs.counter_id = k.id)))) as waiting
from counters k where k.center_id = $2 and k.state in ('open', 'serving') order by k.number;

-- outbox.lockRelay
select pg_try_advisory_xact_lock($1) as ok;

-- outbox.pending
select count(*)::int as n from realtime_outbox;

-- outbox.take
delete from realtime_outbox where id in (select id from realtime_outbox order by id limit $1 for update skip locked)
returning id, namespace, room, event, data, created_at;

-- push.centerHasFollowers
select 1 from push_subscriptions s join tickets t on t.id = s.ticket_id
where s.center_id = $1 and t.status in ('waiting', 'called') limit 1;

-- push.nearTheFront
select * from (
  select s.id, s.endpoint, s.p256dh, s.auth, s.language, t.code,
    (select count(*)::int from tickets o where o.center_id = t.center_id and o.service_id = t.service_id and o.business_date = t.business_date
       and o.status = 'waiting' and (o.arrived_at, o.number) < (t.arrived_at, t.number) and o.id <> t.id) as ahead
  from push_subscriptions s join tickets t on t.id = s.ticket_id
  where s.center_id = $1 and t.status = 'waiting'
    and not exists (select 1 from push_sends p where p.subscription_id = s.id and p.kind = 'three_ahead')
) f where f.ahead between 1 and 3;

-- push.save
select count(*)::int as others from push_subscriptions where ticket_id = $1 and endpoint <> $2;

-- readModels.firstDay
select least((select min(received_at) from dossiers), (select min(arrived_at) from tickets)) as day;

-- remoteTicket.takePlace
insert into remote_ticket_quotas (center_id, hour, taken) values ($1, $2, 1)
on conflict (center_id, hour) do update set taken = remote_ticket_quotas.taken + 1
where remote_ticket_quotas.taken < $3
returning taken;

-- scope.ancestry
with recursive up as (
  select id, parent_id, 0 as depth from administrative_units where id = $1
  union all
  select u.id, u.parent_id, up.depth + 1 from administrative_units u join up on u.id = up.parent_id
)
select id from up order by depth;

-- scope.place
select null::uuid as center_id, $1::uuid as unit_id where exists (select 1 from administrative_units where id = $2);

-- scope.place
select id as center_id, unit_id from centers where id = $1;

-- scope.place
select c.id as center_id, c.unit_id from counters k join centers c on c.id = k.center_id where k.id = $1;

-- scope.place
select c.id as center_id, c.unit_id from services s join centers c on c.id = s.center_id where s.id = $1;

-- scope.place
select s.home_center_id as center_id, coalesce(c.unit_id, s.home_unit_id) as unit_id from staff s left join centers c on c.id = s.home_center_id where s.id = $1;

-- scope.place
select c.id as center_id, c.unit_id from devices d join centers c on c.id = d.center_id where d.id = $1;

-- scope.place
select null::uuid as center_id, unit_id from agencies where id = $1;

-- scope.place
select c.id as center_id, c.unit_id from priority_categories p join centers c on c.id = p.center_id where p.id = $1;

-- scope.place
select d.receiving_center_id as center_id, c.unit_id from dossiers d join centers c on c.id = d.receiving_center_id where d.id = $1 union all select d.return_center_id as center_id, c.unit_id from dossiers d join centers c on c.id = d.return_center_id where d.id = $2 union all
select c.id as center_id, a.unit_id from dossiers d join agencies a on a.id in (d.agency_id, d.current_agency_id) left join centers c on c.unit_id = a.unit_id where d.id = $3;

-- scope.place
select c.id as center_id, a.unit_id from dossiers d join agencies a on a.id in (d.agency_id, d.current_agency_id) left join centers c on c.unit_id = a.unit_id where d.id = $1;

-- scope.place
select d.receiving_center_id as center_id, c.unit_id from dossiers d join centers c on c.id = d.receiving_center_id where d.id = $1;

-- scope.place
select d.return_center_id as center_id, c.unit_id from dossiers d join centers c on c.id = d.return_center_id where d.id = $1;

-- session.findLiveWithRoles
select s.id, s.staff_id, s.expires_at, st.must_change_password,
       coalesce((select json_agg(json_build_object('role', r.role, 'scopeUnitId', r.scope_unit_id, 'scopeCenterId', r.scope_center_id))
                 from staff_roles r where r.staff_id = s.staff_id), '[]') as roles
from sessions s join staff st on st.id = s.staff_id
where s.token_hash = $1 and s.expires_at > $2::timestamptz and st.active;

-- threshold.recipients
with recursive up as (
  select id, parent_id from administrative_units where id = $1::uuid
  union select u.id, u.parent_id from administrative_units u join up on u.id = up.parent_id
)
select distinct r.staff_id as id from staff_roles r join staff s on s.id = r.staff_id
where r.role = 'leader' and s.active and r.scope_unit_id in (select id from up)
order by 1;

-- ticket.aheadOf
select count(*)::int as n from tickets where center_id = $1 and service_id = $2 and business_date = $3
and status = 'waiting' and (arrived_at, number) < ($4::timestamptz, $5::int) and id <> $6;

-- ticket.counterStats
select k.id as counter_id,
  (select count(*)::int from tickets t where t.counter_id = k.id and t.business_date = $1 and t.status = 'done') as served,
  (select avg(extract(epoch from (t.done_at - t.serving_at)) * 1000) from tickets t where t.counter_id = k.id and t.business_date = $2 and t.status = 'done' and t.serving_at is not null) as avg_ms,
  (select s.full_name from assignments a join staff s on s.id = a.staff_id where a.counter_id = k.id and a.work_date = $3 limit 1) as officer_name
from counters k where k.center_id = $4;

-- ticket.expirePastDays
with expired as (
  update tickets t set status = 'expired', updated_at = now()
  from centers c
  where c.id = t.center_id and t.status in ('waiting', 'called')
    and t.business_date < ($1::timestamptz at time zone c.time_zone)::date
  returning t.id, t.center_id, t.status
), ev as (
  insert into ticket_events (ticket_id, kind, to_status, at) select id, 'expired', 'expired', $2::timestamptz from expired
)
select center_id, count(*)::int as n from expired group by center_id;

-- ticket.issue
with seq as (
  insert into ticket_sequences (center_id, service_id, business_date, last_number)
  values ($1, $2, $3, $4)
  on conflict (center_id, service_id, business_date) do update set last_number = ticket_sequences.last_number + $5, updated_at = now()
  returning last_number
), waiting as (
  select count(*)::int as n from tickets w
  where w.center_id = $6 and w.service_id = $7 and w.business_date = $8 and w.status = 'waiting'
), r as (
  select * from unnest(array[$9, $10]::uuid[], array[$11, $12]::timestamptz[],
    array[$13, $14]::text[], array[$15, $16]::uuid[],
    array[$17, $18]::timestamptz[]) with ordinality as r(priority, arrived, tracking, actor, appointment, i)
), t as (
  insert into tickets (center_id, service_id, business_date, number, code, status, priority_category_id, arrived_at, tracking_code, appointment_at)
  select $19, $20, $21, num, $22 || case when num < 1000 then lpad(num::text, 3, '0') else num::text end,
    'waiting', r.priority, r.arrived, r.tracking, r.appointment
  from seq, r, lateral (select (seq.last_number - $23 + r.i)::int as num) x
  order by r.i
  returning *
), e as (
  insert into ticket_events (ticket_id, kind, to_status, actor_id, at)
  select t.id, 'issued', 'waiting', r.actor, t.arrived_at from t join r on r.tracking = t.tracking_code
)
select t.id, t.number, t.code, t.arrived_at, t.tracking_code, waiting.n + (t.number - (seq.last_number - $24 + 1)) as ahead
from t, waiting, seq order by t.number;

-- ticket.lastUnrated
select t.id, t.code, t.done_at from tickets t
where t.counter_id = $1 and t.status = 'done' and t.done_at > $2::timestamptz
  and not exists (select 1 from ratings r where r.ticket_id = t.id)
order by t.done_at desc limit 1;

-- ticket.lockCandidates
select c.id, c.service_id, c.arrived_at, c.priority_weight, c.appointment_at
from unnest(array[$1]::uuid[]) as s(id), (values (false, false), (true, false), (false, true)) as line(priority, booked),
lateral (
  select t.id, t.service_id, t.arrived_at, p.weight as priority_weight, t.appointment_at
  from tickets t left join priority_categories p on p.id = t.priority_category_id
  where t.center_id = $2 and t.business_date = $3 and t.status = 'waiting' and t.service_id = s.id
    and (t.appointment_at is not null) = line.booked
    and (line.booked or (t.priority_category_id is not null) = line.priority)
    and (t.target_counter_id is null or t.target_counter_id = $4)
  order by t.appointment_at nulls last, t.arrived_at, t.number limit $5
  for update of t skip locked
) c;

-- ticket.rate
insert into ratings (ticket_id, counter_id, level, reason) values ($1, $2, $3, $4)
on conflict (ticket_id) do nothing returning ticket_id, level, created_at;

-- ticket.recentServiceMs
select s.id as service_id, r.ms from unnest(array[$1]::uuid[]) as s(id)
cross join lateral (
  select extract(epoch from (done_at - serving_at)) * 1000 as ms from tickets
  where center_id = $2 and service_id = s.id and status = 'done' and serving_at is not null
  order by done_at desc limit $3
) r;

-- ticket.serviceStats
select service_id,
  min(arrived_at) filter (where status = 'waiting') as oldest,
  count(*) filter (where status = 'done')::int as served,
  avg(extract(epoch from (called_at - arrived_at)) * 1000) filter (where called_at is not null) as avg_wait_ms,
  count(*) filter (where transferred_from_ticket_id is null)::int as issued,
  count(*) filter (where status = 'no_show')::int as no_show
from tickets where center_id = $1 and business_date = $2 group by service_id;

-- unit.isInSubtree
with recursive down as (select id from administrative_units where id = $1
  union select u.id from administrative_units u join down on u.parent_id = down.id)
select exists (select 1 from down where id = $2) as found;
