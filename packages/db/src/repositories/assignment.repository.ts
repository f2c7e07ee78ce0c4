import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { centers, counterServices, counters } from '../schema/organisation.js';
import { assignments, staff, staffSkills, type Assignment } from '../schema/staff.js';

const ofCenter = (centerId: string) => sql`${assignments.counterId} in (select id from counters where center_id = ${centerId})`;

export const assignmentRepository = {
  async forDay(db: DbOrTx, centerId: string, date: string): Promise<Assignment[]> {
    return db.select().from(assignments).where(and(eq(assignments.workDate, date), ofCenter(centerId)));
  },

  /** Puts a person on a counter for a day; whoever held the counter, and wherever the person was, is replaced. */
  async assign(tx: DbOrTx, values: { staffId: string; counterId: string; workDate: string }): Promise<Assignment> {
    await tx.delete(assignments).where(and(eq(assignments.workDate, values.workDate), sql`(${assignments.staffId} = ${values.staffId} or ${assignments.counterId} = ${values.counterId})`));
    const [row] = await tx.insert(assignments).values(values).returning();
    return row!;
  },

  async unassign(tx: DbOrTx, counterId: string, workDate: string): Promise<Assignment | undefined> {
    const [row] = await tx.delete(assignments).where(and(eq(assignments.counterId, counterId), eq(assignments.workDate, workDate))).returning();
    return row;
  },

  /** Replaces a day's board of a center with another day's. */
  async copyDay(tx: DbOrTx, centerId: string, fromDate: string, toDate: string): Promise<number> {
    await tx.delete(assignments).where(and(eq(assignments.workDate, toDate), ofCenter(centerId)));
    const source = await tx.select().from(assignments).where(and(eq(assignments.workDate, fromDate), ofCenter(centerId)));
    if (!source.length) return 0;
    await tx.insert(assignments).values(source.map((a) => ({ staffId: a.staffId, counterId: a.counterId, workDate: toDate, shift: a.shift })));
    return source.length;
  },

  async mine(db: DbOrTx, staffId: string, date: string) {
    return db
      .select({ id: assignments.id, staffId: assignments.staffId, counterId: assignments.counterId, workDate: assignments.workDate, shift: assignments.shift, centerId: counters.centerId, counterLabel: counters.label })
      .from(assignments)
      .innerJoin(counters, eq(counters.id, assignments.counterId))
      .where(and(eq(assignments.staffId, staffId), eq(assignments.workDate, date)));
  },

  /** Services a counter serves and skills a person has: the board warns when they do not meet. */
  async skillOverlap(db: DbOrTx, pairs: Array<{ staffId: string; counterId: string }>): Promise<Array<{ staffId: string; counterId: string; shared: number }>> {
    if (!pairs.length) return [];
    const counterIds = [...new Set(pairs.map((p) => p.counterId))];
    const staffIds = [...new Set(pairs.map((p) => p.staffId))];
    const [links, skills] = await Promise.all([
      db.select({ counterId: counterServices.counterId, serviceId: counterServices.serviceId }).from(counterServices).where(inArray(counterServices.counterId, counterIds)),
      db.select({ staffId: staffSkills.staffId, serviceId: staffSkills.serviceId }).from(staffSkills).where(inArray(staffSkills.staffId, staffIds)),
    ]);
    return pairs.map((p) => {
      const offered = new Set(links.filter((l) => l.counterId === p.counterId).map((l) => l.serviceId));
      return { ...p, shared: skills.filter((s) => s.staffId === p.staffId && offered.has(s.serviceId)).length };
    });
  },

  async counterOfCenter(db: DbOrTx, counterId: string, centerId: string) {
    const [row] = await db.select().from(counters).where(and(eq(counters.id, counterId), eq(counters.centerId, centerId)));
    return row;
  },

  /** Active staff whose home is this center. */
  async staffOfCenter(db: DbOrTx, staffId: string, centerId: string) {
    const [row] = await db.select({ id: staff.id, fullName: staff.fullName }).from(staff).where(and(eq(staff.id, staffId), eq(staff.homeCenterId, centerId), eq(staff.active, true)));
    return row;
  },

  async centerTimeZone(db: DbOrTx, centerId: string): Promise<string | undefined> {
    const [row] = await db.select({ tz: centers.timeZone }).from(centers).where(eq(centers.id, centerId));
    return row?.tz;
  },
};
