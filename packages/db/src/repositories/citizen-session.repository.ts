import { procedureChecklist } from '@motcua/core';
import { and, asc, desc, eq, gt, inArray, isNull, lte } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { citizenSessions, type CitizenSession } from '../schema/citizen-notifications.js';
import { dossiers } from '../schema/dossiers.js';
import { centers } from '../schema/organisation.js';
import { procedureGuides, procedures, procedureVersions } from '../schema/procedures.js';

export const citizenSessionRepository = {
  async create(db: DbOrTx, values: { tokenHash: string; subject: string; issuer: string; idNumber: string; name: string; phone: string | null; expiresAt: Date }, now: Date): Promise<CitizenSession> {
    // Expired sessions go when new ones come: no sweeper needed for a table this small.
    await db.delete(citizenSessions).where(lte(citizenSessions.expiresAt, now));
    const [row] = await db.insert(citizenSessions).values(values).returning();
    return row!;
  },

  async findLive(db: DbOrTx, tokenHash: string, now: Date): Promise<CitizenSession | undefined> {
    const [row] = await db.select().from(citizenSessions).where(and(eq(citizenSessions.tokenHash, tokenHash), gt(citizenSessions.expiresAt, now)));
    return row;
  },

  async delete(db: DbOrTx, id: string): Promise<void> {
    await db.delete(citizenSessions).where(eq(citizenSessions.id, id));
  },
};

/** What the citizen portal reads: a citizen's own dossiers (by verified ID number) and what can be submitted online. */
export const citizenPortalRepository = {
  async dossiersOf(db: DbOrTx, idNumber: string, limit = 200) {
    return db
      .select({ id: dossiers.id, code: dossiers.code, title: dossiers.title, channel: dossiers.channel, status: dossiers.status, createdAt: dossiers.createdAt, dueAt: dossiers.dueAt })
      .from(dossiers)
      .where(eq(dossiers.applicantIdNumber, idNumber))
      .orderBy(desc(dossiers.createdAt))
      .limit(limit);
  },

  /** Procedures in force whose online level lets a citizen submit (partial or full), with the agency fixed by the rule (no unit to choose). */
  async onlineProcedures(db: DbOrTx) {
    const [procs, allCenters] = await Promise.all([
      db
        .select({ id: procedures.id, code: procedures.code, name: procedures.name, onlineLevel: procedureVersions.onlineLevel, feeVnd: procedureVersions.feeVnd, requiredDocuments: procedureVersions.requiredDocuments, eForm: procedureVersions.eFormFields, guideDocuments: procedureGuides.documents })
        .from(procedures)
        .innerJoin(procedureVersions, eq(procedureVersions.procedureId, procedures.id))
        .leftJoin(procedureGuides, eq(procedureGuides.procedureId, procedures.id))
        .where(and(isNull(procedureVersions.effectiveTo), inArray(procedureVersions.onlineLevel, ['partial', 'full']), eq(procedureVersions.competentAgencyRule, 'fixed')))
        .orderBy(asc(procedures.name)),
      db.select({ id: centers.id, name: centers.name }).from(centers).orderBy(asc(centers.code)),
    ]);
    return procs.map((p) => ({ id: p.id, code: p.code, name: p.name, onlineLevel: p.onlineLevel as 'partial' | 'full', feeVnd: p.feeVnd, checklist: procedureChecklist(p.guideDocuments, p.requiredDocuments), centers: allCenters, eForm: p.eForm }));
  },
};
