import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { services } from '../schema/organisation.js';
import { procedureGuides, procedures, procedureVersions, type GuideDocument, type GuideForm, type GuideText, type ProcedureGuide } from '../schema/procedures.js';

/** The version of each procedure in force on a local date. */
const inForce = (date: string) =>
  and(eq(procedureVersions.procedureId, procedures.id), sql`${procedureVersions.effectiveFrom} <= ${date}`, sql`(${procedureVersions.effectiveTo} is null or ${procedureVersions.effectiveTo} >= ${date})`);

/** The public procedure guide: the catalogue as a citizen reads it. */
export const guideRepository = {
  /** Procedures a center receives (their field has a service there), with the version in force. */
  async centerProcedures(db: DbOrTx, centerId: string, date: string) {
    return db
      .select({ procedure: procedures, version: procedureVersions, serviceId: services.id })
      .from(procedures)
      .innerJoin(procedureVersions, inForce(date))
      .innerJoin(services, and(eq(services.centerId, centerId), eq(services.field, procedures.field)))
      .orderBy(asc(services.sortOrder), asc(procedures.code));
  },

  async centerProcedure(db: DbOrTx, centerId: string, code: string, date: string) {
    const [row] = await db
      .select({ procedure: procedures, version: procedureVersions, serviceId: services.id, guide: procedureGuides })
      .from(procedures)
      .innerJoin(procedureVersions, inForce(date))
      .innerJoin(services, and(eq(services.centerId, centerId), eq(services.field, procedures.field)))
      .leftJoin(procedureGuides, eq(procedureGuides.procedureId, procedures.id))
      .where(eq(procedures.code, code))
      .limit(1);
    return row;
  },

  async content(db: DbOrTx, procedureId: string): Promise<ProcedureGuide | undefined> {
    const [row] = await db.select().from(procedureGuides).where(eq(procedureGuides.procedureId, procedureId));
    return row;
  },

  /** Writes the whole guide of a procedure (the first save creates it). */
  async saveContent(tx: DbOrTx, procedureId: string, values: { steps: GuideText[]; documents: GuideDocument[]; forms: GuideForm[]; notes: GuideText }, updatedBy: string | null, at: Date): Promise<ProcedureGuide> {
    const [row] = await tx
      .insert(procedureGuides)
      .values({ procedureId, ...values, updatedBy, createdAt: at, updatedAt: at })
      .onConflictDoUpdate({ target: procedureGuides.procedureId, set: { ...values, updatedBy, updatedAt: at } })
      .returning();
    return row!;
  },
};
