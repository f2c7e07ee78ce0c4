import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../client.js';
import { col, command, query } from '../statement.js';
import { dossierDocuments, dossierEvents, dossierPayments, dossiers, dossierSequences, type Dossier } from '../schema/dossiers.js';
import { agencies, centers } from '../schema/organisation.js';
import { procedureGuides, procedures, procedureVersions } from '../schema/procedures.js';
import { procedureChecklist } from '@motcua/core';

export type NewDossier = typeof dossiers.$inferInsert;
export type NewDossierEvent = typeof dossierEvents.$inferInsert;

/** Which dossiers a set of grants can see: all, or those touching some units' subtrees or some centers. */
export type DossierFilter = { all: true } | { unitIds: string[]; centerIds: string[] };

export interface DossierListOptions {
  assigneeId?: string;
  status?: string;
  /** Only dossiers due before this instant (overdue: now; due soon: one working day ahead). */
  dueBefore?: Date;
  q?: string;
  limit: number;
}

/** Statuses of a dossier nobody needs to act on any more. */
const CLOSED = sql`('resolved','returned','refused_at_intake','withdrawn','stopped')`;

const lastActorOfStep = query(
  'dossier.lastActorOfStep',
  z.object({ id: z.string().nullable() }),
  (dossierId: string, step: number) => sql`
      select from_staff_id as id from dossier_events where dossier_id = ${dossierId} and step = ${step} and kind in ('forward', 'received', 'send_back')
      order by at desc, created_at desc limit 1`,
);

const intakeUnits = query(
  'dossier.intakeUnits',
  z.object({ id: z.string(), name: z.string(), level: z.string(), parent_id: z.string().nullable() }),
  () => sql`select id, name, level, parent_id from administrative_units order by level desc, name`,
);

const unitExists = query(
  'dossier.unitExists',
  z.object({}),
  (unitId: string) => sql`select 1 from administrative_units where id = ${unitId}`,
);

const servingTicket = query(
  'dossier.servingTicket',
  z.object({ id: z.string(), officer_id: z.string().nullable() }),
  (ticketId: string, centerId: string) => sql`select id, officer_id from tickets where id = ${ticketId} and center_id = ${centerId} and status = 'serving' and counter_id is not null for update`,
);

const lockIdempotencyKey = command('dossier.lockIdempotencyKey', (key: string) => sql`select pg_advisory_xact_lock(hashtextextended(${`intake:${key}`}, 0))`);

const slipEvents = query(
  'dossier.events',
  z.object({
    id: z.string(),
    kind: z.string(),
    at: col.date,
    from_status: z.string().nullable(),
    to_status: z.string().nullable(),
    from_unit: z.string().nullable(),
    to_unit: z.string().nullable(),
    from_staff: z.string().nullable(),
    to_staff: z.string().nullable(),
    step: z.number().nullable(),
    step_due_at: col.date.nullable(),
    step_result: z.string().nullable(),
    note: z.string().nullable(),
    data: z.record(z.string(), z.unknown()).nullable(),
  }),
  (dossierId: string) => sql`
      select e.id, e.kind, e.at, e.from_status, e.to_status, fu.name as from_unit, tu.name as to_unit, fs.full_name as from_staff, ts.full_name as to_staff,
             e.step, e.step_due_at, e.step_result, e.note, e.data
      from dossier_events e
      left join administrative_units fu on fu.id = e.from_unit_id left join administrative_units tu on tu.id = e.to_unit_id
      left join staff fs on fs.id = e.from_staff_id left join staff ts on ts.id = e.to_staff_id
      where e.dossier_id = ${dossierId} order by e.at, e.created_at`,
);

const staffName = query(
  'dossier.staffName',
  z.object({ full_name: z.string() }),
  (id: string) => sql`select full_name from staff where id = ${id}`,
);

const roundRobinCandidates = query(
  'dossier.roundRobinCandidates',
  z.object({ id: z.string() }),
  (role: string, agencyUnitId: string) => sql`
      with recursive up as (select id, parent_id from administrative_units where id = ${agencyUnitId}
                            union all select u.id, u.parent_id from administrative_units u join up on u.id = up.parent_id)
      select s.id from staff s
      where s.active and exists (select 1 from staff_roles r where r.staff_id = s.id and r.role = ${role}
              and (r.scope_unit_id in (select id from up) or r.scope_center_id in (select id from centers where unit_id = ${agencyUnitId})))
      order by (select max(e.created_at) from dossier_events e where e.to_staff_id = s.id and e.kind in ('assign', 'forward')) asc nulls first, s.username`,
);

const assignable = query(
  'dossier.assignable',
  z.object({ id: z.string(), full_name: z.string(), roles: z.array(z.string()) }),
  (agencyUnitId: string) => sql`
      with recursive up as (select id, parent_id from administrative_units where id = ${agencyUnitId}
                            union all select u.id, u.parent_id from administrative_units u join up on u.id = up.parent_id)
      select s.id, s.full_name, array_agg(distinct r.role::text order by r.role::text) as roles from staff s join staff_roles r on r.staff_id = s.id
      where s.active and r.role in ('specialist', 'leader', 'officer', 'center_manager')
        and (r.scope_unit_id in (select id from up) or r.scope_center_id in (select id from centers where unit_id = ${agencyUnitId}))
      group by s.id, s.full_name order by s.full_name`,
);

const staffCoversAgency = query(
  'dossier.staffCoversAgency',
  z.object({}),
  (staffId: string, agencyUnitId: string) => sql`
      with recursive up as (select id, parent_id from administrative_units where id = ${agencyUnitId}
                            union all select u.id, u.parent_id from administrative_units u join up on u.id = up.parent_id)
      select 1 from staff s where s.id = ${staffId} and s.active and exists (select 1 from staff_roles r where r.staff_id = s.id
        and (r.role = 'admin' or r.scope_unit_id in (select id from up) or r.scope_center_id in (select id from centers where unit_id = ${agencyUnitId})))`,
);

/** A dossier row (`d.*`: every column, snake_case) with its agency's and assignee's names. */
const ListRow = z.looseObject({
  id: z.string(), code: z.string(), title: z.string(), status: z.string(), channel: z.string(), applicant_name: z.string(), applicant_phone: z.string().nullable(),
  received_at: col.date.nullable(), due_at: col.date.nullable(), extended_due_at: col.date.nullable(), step_due_at: col.date.nullable(), flagged_late: z.boolean(),
  assignee_id: z.string().nullable(), assignee_name: z.string().nullable(), agency_id: z.string(), agency_name: z.string(),
});
export type ListRow = z.output<typeof ListRow>;

const listRows = query(
  'dossier.list',
  ListRow,
  (filter: DossierFilter, options: DossierListOptions) => {
    const visible =
      'all' in filter
        ? sql`true`
        : sql`(
          d.receiving_center_id in ${ids(filter.centerIds)} or d.return_center_id in ${ids(filter.centerIds)}
          or a.unit_id in (select unit_id from centers where id in ${ids(filter.centerIds)})
          or ca.unit_id in (select unit_id from centers where id in ${ids(filter.centerIds)})
          or rc.unit_id in (select id from down) or tc.unit_id in (select id from down) or a.unit_id in (select id from down) or ca.unit_id in (select id from down))`;
    const like = options.q ? `%${options.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%` : null;
  return sql`
      with recursive down as (
        select id from administrative_units where id in ${ids('all' in filter ? [] : filter.unitIds)}
        union all select u.id from administrative_units u join down on u.parent_id = down.id)
      select d.*, a.name as agency_name, s.full_name as assignee_name
      from dossiers d
      join agencies a on a.id = d.agency_id
      left join agencies ca on ca.id = d.current_agency_id
      join centers rc on rc.id = d.receiving_center_id
      join centers tc on tc.id = d.return_center_id
      left join staff s on s.id = d.assignee_id
      where ${visible}
        ${options.assigneeId ? sql`and d.assignee_id = ${options.assigneeId}` : sql``}
        ${options.status ? sql`and d.status = ${options.status}` : sql``}
        ${options.dueBefore ? sql`and d.status not in ${CLOSED} and d.due_at < ${options.dueBefore.toISOString()}::timestamptz` : sql``}
        ${like ? sql`and (d.code ilike ${like} or d.applicant_name ilike ${like} or d.applicant_phone ilike ${like})` : sql``}
      -- Work first (most urgent on top), then finished dossiers newest first: a year of history must not bury today's.
      order by d.status in ${CLOSED}, case when d.status not in ${CLOSED} then d.due_at end asc nulls last, d.created_at desc
      limit ${options.limit}`;
  },
);

export const dossierRepository = {
  /** The version of a procedure in force on a date, with the procedure's name. */
  async procedureInForce(db: DbOrTx, procedureId: string, date: string) {
    const [row] = await db
      .select({ version: procedureVersions, name: procedures.name, code: procedures.code })
      .from(procedureVersions)
      .innerJoin(procedures, eq(procedures.id, procedureVersions.procedureId))
      .where(and(eq(procedureVersions.procedureId, procedureId), sql`${procedureVersions.effectiveFrom} <= ${date}`, sql`(${procedureVersions.effectiveTo} is null or ${procedureVersions.effectiveTo} > ${date})`))
      .orderBy(desc(procedureVersions.effectiveFrom))
      .limit(1);
    return row;
  },

  async procedureVersion(db: DbOrTx, versionId: string) {
    const [row] = await db
      .select({ version: procedureVersions, name: procedures.name, code: procedures.code })
      .from(procedureVersions)
      .innerJoin(procedures, eq(procedures.id, procedureVersions.procedureId))
      .where(eq(procedureVersions.id, versionId));
    return row;
  },

  /** Who last worked on a step (1-based): the person who finished or received it. */
  async lastActorOfStep(db: DbOrTx, dossierId: string, step: number): Promise<string | null> {
    const rows = await lastActorOfStep(db, dossierId, step);
    return rows[0]?.id ?? null;
  },

  /** What the intake form offers: procedures in force, units, centers and agencies (my centers first). */
  async intakeOptions(db: DbOrTx, filter: DossierFilter) {
    const [procs, units, allCenters, allAgencies] = await Promise.all([
      db.select({ id: procedures.id, code: procedures.code, name: procedures.name, field: procedures.field, v: procedureVersions, guideDocuments: procedureGuides.documents })
        .from(procedures).innerJoin(procedureVersions, eq(procedureVersions.procedureId, procedures.id))
        .leftJoin(procedureGuides, eq(procedureGuides.procedureId, procedures.id))
        .where(sql`${procedureVersions.effectiveTo} is null`).orderBy(asc(procedures.field), asc(procedures.name)),
      intakeUnits(db),
      db.select().from(centers).orderBy(asc(centers.code)),
      db.select({ id: agencies.id, name: agencies.name }).from(agencies).orderBy(asc(agencies.name)),
    ]);
    // A unit grant reaches the centers of its whole subtree.
    const reach = new Set('all' in filter ? [] : filter.unitIds);
    for (let grew = true; grew; ) {
      grew = false;
      for (const u of units) {
        if (u.parent_id && reach.has(u.parent_id) && !reach.has(u.id)) {
          reach.add(u.id);
          grew = true;
        }
      }
    }
    const mine = 'all' in filter ? allCenters : allCenters.filter((c) => filter.centerIds.includes(c.id) || reach.has(c.unitId));
    return {
      procedures: procs.map((p) => ({ id: p.id, code: p.code, name: p.name, field: p.field, competentAgencyRule: p.v.competentAgencyRule, boundaryFree: p.v.boundaryFree, requiredDocuments: p.v.requiredDocuments.map((d) => d.name), checklist: procedureChecklist(p.guideDocuments, p.v.requiredDocuments) })),
      units: units.map((u) => ({ id: u.id, name: u.name, level: u.level })),
      centers: allCenters.map((c) => ({ id: c.id, name: c.name })),
      agencies: allAgencies,
      myCenters: mine.map((c) => ({ id: c.id, name: c.name })),
    };
  },

  async center(db: DbOrTx, id: string) {
    const [row] = await db.select().from(centers).where(eq(centers.id, id));
    return row;
  },

  async agency(db: DbOrTx, id: string) {
    const [row] = await db.select().from(agencies).where(eq(agencies.id, id));
    return row;
  },

  /** The commune (or province) People's Committee of a unit: the default competent agency there. */
  async committeeOfUnit(db: DbOrTx, unitId: string) {
    const [row] = await db.select().from(agencies).where(and(eq(agencies.unitId, unitId), eq(agencies.kind, 'commune_committee'))).limit(1);
    return row;
  },

  async unitExists(db: DbOrTx, unitId: string): Promise<boolean> {
    const rows = await unitExists(db, unitId);
    return rows.length > 0;
  },

  /** Locks the ticket if it is being served at a counter of this center. */
  async servingTicket(tx: DbOrTx, ticketId: string, centerId: string) {
    const rows = await servingTicket(tx, ticketId, centerId);
    return rows[0];
  },

  /** The next number of an agency's day: one row per agency × date, taken with UPDATE … RETURNING under its row lock. */
  async nextNumber(tx: DbOrTx, agencyId: string, businessDate: string): Promise<number> {
    const [row] = await tx
      .insert(dossierSequences)
      .values({ agencyId, businessDate, lastNumber: 1 })
      .onConflictDoUpdate({ target: [dossierSequences.agencyId, dossierSequences.businessDate], set: { lastNumber: sql`${dossierSequences.lastNumber} + 1`, updatedAt: sql`now()` } })
      .returning({ n: dossierSequences.lastNumber });
    return row!.n;
  },

  /** Serialises intakes that carry one idempotency key, so only the first creates a dossier. */
  async lockIdempotencyKey(tx: DbOrTx, key: string): Promise<void> {
    await lockIdempotencyKey(tx, key);
  },

  async byIdempotencyKey(db: DbOrTx, key: string): Promise<Dossier | undefined> {
    const [row] = await db.select().from(dossiers).where(eq(dossiers.idempotencyKey, key));
    return row;
  },

  async insert(tx: DbOrTx, values: NewDossier): Promise<Dossier> {
    const [row] = await tx.insert(dossiers).values(values).returning();
    return row!;
  },

  async byId(db: DbOrTx, id: string): Promise<Dossier | undefined> {
    const [row] = await db.select().from(dossiers).where(eq(dossiers.id, id));
    return row;
  },

  async byCode(db: DbOrTx, code: string): Promise<Dossier | undefined> {
    const [row] = await db.select().from(dossiers).where(eq(dossiers.code, code));
    return row;
  },

  /** The dossier row locked for one command. */
  async lock(tx: DbOrTx, id: string): Promise<Dossier | undefined> {
    const [row] = await tx.select().from(dossiers).where(eq(dossiers.id, id)).for('update');
    return row;
  },

  async update(tx: DbOrTx, id: string, patch: Partial<NewDossier>): Promise<Dossier> {
    const [row] = await tx.update(dossiers).set(patch).where(eq(dossiers.id, id)).returning();
    return row!;
  },

  async appendEvents(tx: DbOrTx, events: NewDossierEvent[]) {
    if (!events.length) return [];
    // Ids are set on the caller's objects so it can name each event after commit (citizen notifications are keyed by them).
    for (const e of events) e.id ??= randomUUID();
    return tx.insert(dossierEvents).values(events).returning();
  },

  async addDocuments(tx: DbOrTx, rows: Array<typeof dossierDocuments.$inferInsert>) {
    if (rows.length) await tx.insert(dossierDocuments).values(rows);
  },

  async addPayment(tx: DbOrTx, row: typeof dossierPayments.$inferInsert) {
    await tx.insert(dossierPayments).values(row);
  },

  /** The control slip with unit and staff names, oldest first. */
  async events(db: DbOrTx, dossierId: string) {
    return slipEvents(db, dossierId);
  },

  async documents(db: DbOrTx, dossierId: string) {
    return db.select().from(dossierDocuments).where(eq(dossierDocuments.dossierId, dossierId)).orderBy(asc(dossierDocuments.createdAt));
  },

  async payments(db: DbOrTx, dossierId: string) {
    return db.select().from(dossierPayments).where(eq(dossierPayments.dossierId, dossierId)).orderBy(asc(dossierPayments.paidAt));
  },

  async staffName(db: DbOrTx, id: string): Promise<string | undefined> {
    const rows = await staffName(db, id);
    return rows[0]?.full_name;
  },

  /**
   * Active staff holding `role` whose grant covers the agency's unit (a unit grant on it or
   * an ancestor, or a center grant on a center of that unit), least recently handed a dossier
   * first (by insert time, which only moves forward).
   */
  async roundRobinCandidates(db: DbOrTx, role: string, agencyUnitId: string): Promise<string[]> {
    const rows = await roundRobinCandidates(db, role, agencyUnitId);
    return rows.map((r) => r.id);
  },

  /** Who may be handed a dossier of this agency (same coverage as round-robin), for the assign and forward pickers. */
  async assignable(db: DbOrTx, agencyUnitId: string): Promise<Array<{ id: string; name: string; roles: string[] }>> {
    const rows = await assignable(db, agencyUnitId);
    return rows.map((r) => ({ id: r.id, name: r.full_name, roles: r.roles }));
  },

  /** Whether a person may be handed a dossier of this agency (same coverage as round-robin, any processing role). */
  async staffCoversAgency(db: DbOrTx, staffId: string, agencyUnitId: string): Promise<boolean> {
    const rows = await staffCoversAgency(db, staffId, agencyUnitId);
    return rows.length > 0;
  },

  /** Inbox and lists, by due time (no due last); search by code, applicant name or phone. */
  async list(db: DbOrTx, filter: DossierFilter, options: DossierListOptions) {
    return listRows(db, filter, options);
  },
};


/** `in (…)` that is valid SQL for an empty list too. */
function ids(list: string[]) {
  return list.length ? sql`(${sql.join(list.map((x) => sql`${x}::uuid`), sql`, `)})` : sql`(null::uuid)`;
}
