import { procedureChecklist } from '@motcua/core';
import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../client.js';
import { col, query } from '../statement.js';
import { citizenSessions, type CitizenSession } from '../schema/citizen-notifications.js';
import { dossierDocuments, dossiers } from '../schema/dossiers.js';
import { centers } from '../schema/organisation.js';
import { procedureGuides, procedures, procedureVersions } from '../schema/procedures.js';
import { ratings } from '../schema/ratings.js';

const reusableOf = query(
  'citizenSession.reusableOf',
  z.object({ id: z.string(), dossier_id: z.string(), dossier_code: z.string(), name: z.string(), sha256: z.string(), size: z.number(), mime: z.string().nullable(), pages: z.number().nullable(), signed: z.boolean(), attached_at: col.date }),
  (idNumber: string, limit: number) => sql`
      select * from (
        select distinct on (doc.file_sha256) doc.id, doc.dossier_id, d.code as dossier_code, doc.name, doc.file_sha256 as sha256, doc.file_size as size, doc.file_mime as mime,
          doc.file_pages as pages, doc.signed, doc.file_attached_at as attached_at
        from dossier_documents doc join dossiers d on d.id = doc.dossier_id
        where d.applicant_id_number = ${idNumber} and doc.kind = 'component' and doc.file_sha256 is not null
        order by doc.file_sha256, doc.file_attached_at desc) newest
      order by attached_at desc
      limit ${limit}`,
);

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

  async ratingOf(db: DbOrTx, dossierId: string) {
    const [row] = await db.select({ level: ratings.level, reason: ratings.reason, createdAt: ratings.createdAt }).from(ratings).where(eq(ratings.dossierId, dossierId));
    return row;
  },

  /** One rating per dossier: a concurrent second one finds the unique key and inserts nothing (false). */
  async rate(db: DbOrTx, values: { dossierId: string; level: 'very_satisfied' | 'satisfied' | 'not_satisfied'; reason: string | null }, now: Date): Promise<boolean> {
    const rows = await db.insert(ratings).values({ ...values, createdAt: now, updatedAt: now }).onConflictDoNothing({ target: ratings.dossierId, where: sql`${ratings.dossierId} is not null` }).returning({ id: ratings.id });
    return rows.length > 0;
  },

  /**
   * Checklist files of the person's dossiers (their ID number), one per file, newest first: what the
   * portal offers to reuse instead of a new upload. Only component scans: the results are the agency's.
   */
  async reusableOf(db: DbOrTx, idNumber: string, limit = 100) {
    return reusableOf(db, idNumber, limit);
  },

  /** One checklist file, only if it belongs to a dossier of this ID number. */
  async reusableById(db: DbOrTx, idNumber: string, documentId: string) {
    const [row] = await db
      .select({ id: dossierDocuments.id, dossierId: dossierDocuments.dossierId, name: dossierDocuments.name, sha256: dossierDocuments.fileSha256, size: dossierDocuments.fileSize, mime: dossierDocuments.fileMime, pages: dossierDocuments.filePages, signed: dossierDocuments.signed })
      .from(dossierDocuments)
      .innerJoin(dossiers, eq(dossiers.id, dossierDocuments.dossierId))
      .where(and(eq(dossierDocuments.id, documentId), eq(dossiers.applicantIdNumber, idNumber), eq(dossierDocuments.kind, 'component'), isNotNull(dossierDocuments.fileSha256)));
    return row;
  },
};
