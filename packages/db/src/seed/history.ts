import { businessDate, DEFAULT_TIME_ZONE, instantOf, type StepPlan } from '@motcua/core';
import { sql } from 'drizzle-orm';
import type { Database, DatabaseHandle } from '../client.js';
import { rebuildReadModels } from '../maintenance/read-models.js';
import { calendarRepository } from '../repositories/calendar.repository.js';
import { copyRows } from './copy.js';
import { generateDay, planDays, prepare, prng, type DayRows, type HistoryWorld, type WorldAgency, type WorldCenter } from './history-plan.js';

export interface HistoryOptions {
  dossiers: number;
  seed?: number;
  months?: number;
  /** The history ends at the start of this instant's local day, so today stays free for live use. */
  now?: Date;
  onProgress?: (phase: 'dossiers' | 'rollup', done: number, total: number) => void;
}
export interface HistoryResult {
  from: string;
  to: string;
  dossiers: number;
  tickets: number;
  events: number;
}

const TZ = DEFAULT_TIME_ZONE;
/** Dossiers per COPY batch: large enough to amortise round trips, small enough to keep memory flat. */
const BATCH = 5000;

/** The seeded province as the generator sees it. */
export async function loadWorld(db: Database): Promise<HistoryWorld> {
  const cal = await calendarRepository.forUnit(db, null);
  const centers = await db.execute<{ id: string; unit_id: string; level: string; disadvantaged: boolean }>(sql`
    select c.id, c.unit_id, u.level, u.disadvantaged from centers c join administrative_units u on u.id = c.unit_id order by c.code`);
  const services = await db.execute<{ id: string; center_id: string; field: string; ticket_prefix: string; typical_service_minutes: number }>(sql`
    select id, center_id, field, ticket_prefix, typical_service_minutes from services order by sort_order`);
  const counters = await db.execute<{ id: string; center_id: string; number: number }>(sql`select id, center_id, number from counters order by number`);
  const officers = await db.execute<{ id: string; center_id: string }>(sql`
    select s.id, r.scope_center_id as center_id from staff s join staff_roles r on r.staff_id = s.id where r.role = 'officer' and r.scope_center_id is not null order by s.username`);
  const people = await db.execute<{ id: string; role: string; unit_id: string }>(sql`
    select s.id, r.role::text as role, coalesce(r.scope_unit_id, c.unit_id) as unit_id from staff s join staff_roles r on r.staff_id = s.id
    left join centers c on c.id = r.scope_center_id where s.active and coalesce(r.scope_unit_id, c.unit_id) is not null order by s.username`);
  const agencies = await db.execute<{ id: string; unit_id: string; electronic_id: string; kind: string }>(sql`select id, unit_id, electronic_id, kind from agencies`);
  const procedures = await db.execute<{
    version_id: string; code: string; name: string; field: string; time_limit_unit: string; time_limit_value: string; fee_vnd: number; online_level: string;
    boundary_free: boolean; competent_agency_rule: string; fixed_agency_id: string | null; obligation_pauses_clock: boolean; steps: StepPlan[]; required_documents: Array<{ name: string }>;
  }>(sql`
    select v.id as version_id, p.code, p.name, p.field, v.time_limit_unit, v.time_limit_value, v.fee_vnd, v.online_level, v.boundary_free, v.competent_agency_rule,
      v.fixed_agency_id, v.obligation_pauses_clock, v.steps, v.required_documents
    from procedures p join procedure_versions v on v.procedure_id = p.id where v.effective_to is null order by p.code`);
  const priorities = await db.execute<{ id: string }>(sql`select id from priority_categories order by code`);

  const staff = new Map<string, Partial<Record<string, string[]>>>();
  for (const p of people) {
    const byRole = staff.get(p.unit_id) ?? {};
    (byRole[p.role] ??= []).push(p.id);
    staff.set(p.unit_id, byRole);
  }
  const agencyOf = (a: (typeof agencies)[number]): WorldAgency => ({ id: a.id, unitId: a.unit_id, electronicId: a.electronic_id });
  return {
    cal,
    centers: centers.map((c): WorldCenter => {
      const own = officers.filter((o) => o.center_id === c.id).map((o) => o.id);
      return {
        id: c.id, unitId: c.unit_id, provincial: c.level === 'province', disadvantaged: c.disadvantaged,
        services: services.filter((s) => s.center_id === c.id).map((s) => ({ id: s.id, field: s.field, prefix: s.ticket_prefix, minutes: s.typical_service_minutes })),
        counters: counters.filter((k) => k.center_id === c.id).map((k, i) => ({ id: k.id, number: k.number, officerId: own.length ? own[i % own.length]! : null })),
      };
    }),
    procedures: procedures.map((p) => ({
      versionId: p.version_id, code: p.code, name: p.name, field: p.field, limit: { unit: p.time_limit_unit as 'working_days', value: Number(p.time_limit_value) }, feeVnd: p.fee_vnd,
      online: p.online_level, boundaryFree: p.boundary_free, rule: p.competent_agency_rule, fixedAgencyId: p.fixed_agency_id, obligationPausesClock: p.obligation_pauses_clock,
      steps: p.steps, documents: p.required_documents.map((d) => d.name),
    })),
    agencies: new Map(agencies.map((a) => [a.id, agencyOf(a)])),
    committees: new Map(agencies.filter((a) => a.kind === 'commune_committee').map((a) => [a.unit_id, agencyOf(a)])),
    staff,
    priorityCategoryIds: priorities.map((p) => p.id),
  };
}

/** `months` before a local date, same day of month (clamped). */
function monthsBefore(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y! * 12 + (m! - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d!, last)).padStart(2, '0')}`;
}

/**
 * Twelve months (by default) of dossiers and queue tickets before today, played through the
 * core state machine and deadline functions (history-plan.ts), streamed into the tables with
 * COPY in batches (memory stays flat at any size), then the analytics read models rebuilt
 * with the same rollup the worker and `npm run analytics:rebuild` use. Refuses to run twice on one database.
 */
export async function seedHistory(handle: Pick<DatabaseHandle, 'db' | 'sql'>, options: HistoryOptions): Promise<HistoryResult> {
  const { db } = handle;
  const months = options.months ?? 12;
  const to = businessDate(options.now ?? new Date(), TZ);
  const from = monthsBefore(to, months);
  const end = instantOf(to, '00:00', TZ);
  const [existing] = await db.execute<{ n: number }>(sql`select count(*)::int as n from dossiers where created_at < ${end.toISOString()}::timestamptz`);
  if (existing!.n > 0) throw new Error('The database already holds dossiers before today: demo history is seeded once, on a fresh demo database.');

  const world = await loadWorld(db);
  const plan = planDays(world.cal, from, to, options.dossiers);
  const prepared = prepare(world);
  const state = { rnd: prng(options.seed ?? 1), dossierNumbers: new Map<string, number>() };
  const result: HistoryResult = { from, to, dossiers: 0, tickets: 0, events: 0 };
  // One connection for every COPY. The rows are consistent by construction, so where the role
  // allows it (a superuser, as under `npm start`) foreign-key triggers are skipped: about twice as fast.
  const client = await handle.sql.reserve();
  await client`set session_replication_role = replica`.catch(() => {});
  try {

    let batch: DayRows[] = [];
    let inBatch = 0;
    let writing: Promise<void> = Promise.resolve();
    const flush = async (days: DayRows[]) => {
      const tickets = days.flatMap((d) => d.tickets);
      await copyRows(client, 'tickets', { id: 'id', center_id: 'centerId', service_id: 'serviceId', business_date: 'businessDate', number: 'number', code: 'code', status: 'status',
        priority_category_id: 'priorityCategoryId', arrived_at: 'arrivedAt', called_at: 'calledAt', serving_at: 'servingAt', done_at: 'doneAt', counter_id: 'counterId',
        officer_id: 'officerId', tracking_code: 'trackingCode', created_at: 'arrivedAt', updated_at: 'arrivedAt' }, tickets);
      await copyRows(client, 'ticket_events', { ticket_id: 'ticketId', kind: 'kind', from_status: 'fromStatus', to_status: 'toStatus', counter_id: 'counterId', actor_id: 'actorId', at: 'at', created_at: 'at', updated_at: 'at' }, days.flatMap((d) => d.ticketEvents));
      await copyRows(client, 'ratings', { ticket_id: 'ticketId', counter_id: 'counterId', level: 'level', created_at: 'createdAt', updated_at: 'createdAt' }, days.flatMap((d) => d.ratings));
      // Sequences: the last number taken per center × service × day.
      const seq = new Map<string, { centerId: string; serviceId: string; businessDate: string; lastNumber: number }>();
      for (const t of tickets) {
        const key = `${t.centerId}|${t.serviceId}|${t.businessDate}`;
        const s = seq.get(key);
        if (!s || s.lastNumber < t.number) seq.set(key, { centerId: t.centerId, serviceId: t.serviceId, businessDate: t.businessDate, lastNumber: t.number });
      }
      await copyRows(client, 'ticket_sequences', { center_id: 'centerId', service_id: 'serviceId', business_date: 'businessDate', last_number: 'lastNumber' }, [...seq.values()]);
      await copyRows(client, 'dossiers', {
        id: 'id', code: 'code', agency_id: 'agencyId', receiving_center_id: 'receivingCenterId', return_center_id: 'returnCenterId', current_agency_id: 'currentAgencyId',
        applicant_unit_id: 'applicantUnitId', parcel_unit_id: 'parcelUnitId', title: 'title', procedure_version_id: 'procedureVersionId', channel: 'channel', status: 'status',
        ticket_id: 'ticketId', applicant_name: 'applicantName', applicant_phone: 'applicantPhone', applicant_id_number: 'applicantIdNumber', received_at: 'receivedAt', due_at: 'dueAt',
        extended_due_at: 'extendedDueAt', resolved_at: 'resolvedAt', returned_at: 'returnedAt', assignee_id: 'assigneeId', current_step: 'currentStep', step_due_at: 'stepDueAt',
        deadline_version: 'deadlineVersion', supplement_count: 'supplementCount', paused_since: 'pausedSince', flagged_late: 'flaggedLate', created_at: 'createdAt', updated_at: 'createdAt',
      }, days.flatMap((d) => d.dossiers));
      await copyRows(client, 'dossier_events', {
        dossier_id: 'dossierId', kind: 'kind', from_status: 'fromStatus', to_status: 'toStatus', from_unit_id: 'fromUnitId', to_unit_id: 'toUnitId', from_staff_id: 'fromStaffId',
        to_staff_id: 'toStaffId', at: 'at', step: 'step', step_due_at: 'stepDueAt', step_result: 'stepResult', note: 'note', data: 'data', created_at: 'at', updated_at: 'at',
      }, days.flatMap((d) => d.events));
      await copyRows(client, 'dossier_documents', {
        dossier_id: 'dossierId', kind: 'kind', name: 'name', created_by_id: 'createdById', component_index: 'componentIndex', required: 'required', provided: 'provided', exempt: 'exempt',
        file_sha256: 'fileSha256', file_size: 'fileSize', file_mime: 'fileMime', file_pages: 'filePages', file_source: 'fileSource', signed: 'signed', file_attached_at: 'fileAttachedAt',
        created_at: 'createdAt', updated_at: 'createdAt',
      }, days.flatMap((d) => d.documents));
      await copyRows(client, 'dossier_payments', { dossier_id: 'dossierId', amount_vnd: 'amountVnd', method: 'method', purpose: 'purpose', paid_at: 'paidAt', recorded_by_id: 'recordedById', created_at: 'paidAt', updated_at: 'paidAt' }, days.flatMap((d) => d.payments));
    };

    const total = plan.reduce((s, d) => s + d.dossiers, 0);
    for (const day of plan) {
      const rows = generateDay(world, day, months, end, state, prepared);
      result.dossiers += rows.dossiers.length;
      result.tickets += rows.tickets.length;
      result.events += rows.events.length;
      batch.push(rows);
      inBatch += rows.dossiers.length;
      if (inBatch >= BATCH) {
        // Generate the next batch while this one is written: one batch in flight at most.
        await writing;
        const days = batch;
        writing = flush(days);
        batch = [];
        inBatch = 0;
      }
      options.onProgress?.('dossiers', result.dossiers, total);
    }
    await writing;
    await flush(batch);
    await copyRows(client, 'dossier_sequences', { agency_id: 'agencyId', business_date: 'businessDate', last_number: 'lastNumber' },
      [...state.dossierNumbers].map(([key, lastNumber]) => ({ agencyId: key.slice(0, 36), businessDate: key.slice(37), lastNumber })));
  } finally {
    await client`reset session_replication_role`.catch(() => {});
    client.release();
  }

  // Set-based rebuild, a week per statement: weekly chunks keep the progress line moving.
  await rebuildReadModels(db, { from, to, timeZone: TZ, chunkDays: 7, onProgress: (p) => options.onProgress?.('rollup', p.done, p.total) });
  return result;
}
