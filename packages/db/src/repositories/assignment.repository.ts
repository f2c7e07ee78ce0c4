import { and, asc, between, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { centers, counterServices, counters, services } from '../schema/organisation.js';
import { assignments, staff, staffRoles, staffSkills, type Assignment } from '../schema/staff.js';

type Shift = Assignment['shift'];
const ofCenter = (centerId: string) => sql`${assignments.counterId} in (select id from counters where center_id = ${centerId})`;
/** Shifts that meet `shift` (core's `shiftsOverlap`, as SQL). */
const meeting = (shift: Shift): Shift[] => (shift === 'all_day' ? ['all_day', 'morning', 'afternoon'] : ['all_day', shift]);

export const assignmentRepository = {
  async forDay(db: DbOrTx, centerId: string, date: string): Promise<Assignment[]> {
    return db.select().from(assignments).where(and(eq(assignments.workDate, date), ofCenter(centerId))).orderBy(asc(assignments.createdAt));
  },

  async forDays(db: DbOrTx, centerId: string, from: string, to: string): Promise<Assignment[]> {
    return db.select().from(assignments).where(and(between(assignments.workDate, from, to), ofCenter(centerId))).orderBy(asc(assignments.workDate), asc(assignments.createdAt));
  },

  /** Who holds a counter in shifts that meet `shift` that day. */
  async holders(db: DbOrTx, counterId: string, workDate: string, shift: Shift): Promise<Array<Assignment & { staffName: string }>> {
    const rows = await db.select({ a: assignments, staffName: staff.fullName }).from(assignments).innerJoin(staff, eq(staff.id, assignments.staffId))
      .where(and(eq(assignments.counterId, counterId), eq(assignments.workDate, workDate), inArray(assignments.shift, meeting(shift))));
    return rows.map((r) => ({ ...r.a, staffName: r.staffName }));
  },

  /** Puts a person on a counter for a shift; wherever they were in a shift that meets it, they are moved from. */
  async assign(tx: DbOrTx, values: { staffId: string; counterId: string; workDate: string; shift: Shift }): Promise<{ row: Assignment; moved: Assignment[] }> {
    const moved = await tx.delete(assignments).where(and(eq(assignments.workDate, values.workDate), eq(assignments.staffId, values.staffId), inArray(assignments.shift, meeting(values.shift)))).returning();
    const [row] = await tx.insert(assignments).values(values).returning();
    return { row: row!, moved };
  },

  /** Frees a counter for the shifts that meet `shift`, or for the whole day. */
  async unassign(tx: DbOrTx, counterId: string, workDate: string, shift?: Shift): Promise<Assignment[]> {
    return tx.delete(assignments).where(and(eq(assignments.counterId, counterId), eq(assignments.workDate, workDate), ...(shift ? [inArray(assignments.shift, meeting(shift))] : []))).returning();
  },

  /** Replaces the boards of a center on some days with the given rows. */
  async replaceDays(tx: DbOrTx, centerId: string, dates: readonly string[], rows: ReadonlyArray<{ staffId: string; counterId: string; workDate: string; shift: Shift }>): Promise<Assignment[]> {
    if (dates.length) await tx.delete(assignments).where(and(inArray(assignments.workDate, [...dates]), ofCenter(centerId)));
    return rows.length ? tx.insert(assignments).values([...rows]).returning() : [];
  },

  async mine(db: DbOrTx, staffId: string, date: string) {
    return db
      .select({ id: assignments.id, staffId: assignments.staffId, counterId: assignments.counterId, workDate: assignments.workDate, shift: assignments.shift, centerId: counters.centerId, counterLabel: counters.label })
      .from(assignments)
      .innerJoin(counters, eq(counters.id, assignments.counterId))
      .where(and(eq(assignments.staffId, staffId), eq(assignments.workDate, date)));
  },

  /** The services of each counter (by name) and the skills of each person: the board names what is missing. */
  async skillInputs(db: DbOrTx, counterIds: readonly string[], staffIds: readonly string[]) {
    const [links, skills] = await Promise.all([
      counterIds.length
        ? db.select({ counterId: counterServices.counterId, id: services.id, nameVi: services.nameVi, nameEn: services.nameEn }).from(counterServices).innerJoin(services, eq(services.id, counterServices.serviceId))
          .where(inArray(counterServices.counterId, [...new Set(counterIds)])).orderBy(asc(services.nameVi))
        : [],
      staffIds.length ? db.select({ staffId: staffSkills.staffId, serviceId: staffSkills.serviceId }).from(staffSkills).where(inArray(staffSkills.staffId, [...new Set(staffIds)])) : [],
    ]);
    return { links, skills };
  },

  async counterOfCenter(db: DbOrTx, counterId: string, centerId: string) {
    const [row] = await db.select().from(counters).where(and(eq(counters.id, counterId), eq(counters.centerId, centerId)));
    return row;
  },

  async countersOfCenter(db: DbOrTx, centerId: string) {
    return db.select({ id: counters.id, label: counters.label, number: counters.number }).from(counters).where(eq(counters.centerId, centerId)).orderBy(asc(counters.number));
  },

  /** Active staff whose home is this center. */
  async staffOfCenter(db: DbOrTx, staffId: string, centerId: string) {
    const [row] = await db.select({ id: staff.id, fullName: staff.fullName }).from(staff).where(and(eq(staff.id, staffId), eq(staff.homeCenterId, centerId), eq(staff.active, true)));
    return row;
  },

  /** People by id with whether they still work here (a copy skips those who left or were deactivated). */
  async people(db: DbOrTx, ids: readonly string[]) {
    if (!ids.length) return [];
    return db.select({ id: staff.id, fullName: staff.fullName, active: staff.active, homeCenterId: staff.homeCenterId }).from(staff).where(inArray(staff.id, [...new Set(ids)]));
  },

  /** Active officers and specialists of the center: the rows of the week grid. */
  async counterStaff(db: DbOrTx, centerId: string) {
    return db.selectDistinct({ id: staff.id, fullName: staff.fullName, username: staff.username }).from(staff).innerJoin(staffRoles, eq(staffRoles.staffId, staff.id))
      .where(and(eq(staff.homeCenterId, centerId), eq(staff.active, true), inArray(staffRoles.role, ['officer', 'specialist']))).orderBy(asc(staff.fullName));
  },

  async center(db: DbOrTx, centerId: string) {
    const [row] = await db.select({ id: centers.id, unitId: centers.unitId, timeZone: centers.timeZone, openingHours: centers.openingHours }).from(centers).where(eq(centers.id, centerId));
    return row;
  },
};
