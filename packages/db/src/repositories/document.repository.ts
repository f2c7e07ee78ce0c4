import { procedureChecklist, type ChecklistItem } from '@motcua/core';
import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../client.js';
import { col, query } from '../statement.js';
import { dossierDocuments, dossierEvents, dossiers, type DossierDocument } from '../schema/dossiers.js';
import { procedureGuides, procedureVersions } from '../schema/procedures.js';

export interface AttachedFile {
  sha256: string;
  size: number;
  mime: string;
  pages: number | null;
  source: 'scan' | 'upload' | 'reuse' | 'generated';
  signed: boolean;
}

const provinceOf = query(
  'document.provinceOf',
  z.object({ name: z.string() }),
  (unitId: string) => sql`
      with recursive up as (
        select id, parent_id, name, level from administrative_units where id = ${unitId}
        union all
        select u.id, u.parent_id, u.name, u.level from administrative_units u join up on u.id = up.parent_id
      )
      select name from up where level = 'province' limit 1`,
);

const uuids = (list: string[]) => (list.length ? sql`(${sql.join(list.map((x) => sql`${x}::uuid`), sql`, `)})` : sql`(null::uuid)`);
const visibleTo = (filter: { all: true } | { unitIds: string[]; centerIds: string[] }) =>
  'all' in filter
    ? sql`true`
    : sql`(d.receiving_center_id in ${uuids(filter.centerIds)} or d.return_center_id in ${uuids(filter.centerIds)}
        or rc.unit_id in (select id from down) or a.unit_id in (select id from down))`;

const reusable = query(
  'document.reusable',
  z.object({ id: z.string(), dossier_id: z.string(), dossier_code: z.string(), kind: z.string(), name: z.string(), sha256: z.string(), size: z.number(), pages: z.number().nullable(), source: z.string(), signed: z.boolean(), attached_at: col.date }),
  (filter: { all: true } | { unitIds: string[]; centerIds: string[] }, idNumber: string, exceptDossierId: string, limit: number) => sql`
      with recursive down as (
        select id from administrative_units where id in ${uuids('all' in filter ? [] : filter.unitIds)}
        union all select u.id from administrative_units u join down on u.parent_id = down.id)
      select * from (
      select distinct on (doc.file_sha256) doc.id, doc.dossier_id, d.code as dossier_code, doc.kind, doc.name, doc.file_sha256 as sha256, doc.file_size as size,
        doc.file_pages as pages, doc.file_source as source, doc.signed, doc.file_attached_at as attached_at
      from dossier_documents doc
      join dossiers d on d.id = doc.dossier_id
      join agencies a on a.id = d.agency_id
      join centers rc on rc.id = d.receiving_center_id
      where d.applicant_id_number = ${idNumber} and d.id <> ${exceptDossierId} and doc.file_sha256 is not null
        and (doc.kind = 'component' or (doc.kind = 'e_result' and doc.signed)) and ${visibleTo(filter)}
      order by doc.file_sha256, doc.file_attached_at desc) newest
      order by attached_at desc
      limit ${limit}`,
);

const eventsWithoutRecord = query(
  'document.eventsWithoutRecord',
  z.object({ id: z.string(), kind: z.string(), dossier_id: z.string() }),
  (q: { from: Date; before: Date; kinds: readonly string[]; limit: number }) => sql`
      select e.id, e.kind, e.dossier_id from dossier_events e
      where e.created_at >= ${q.from.toISOString()}::timestamptz and e.created_at < ${q.before.toISOString()}::timestamptz
        and e.kind in ${q.kinds}
        and not exists (
          select 1 from dossier_documents g where g.dossier_id = e.dossier_id and g.file_source = 'generated'
            and ((e.kind = 'resolved' and g.kind = 'e_result') or g.reference = e.id::text))
      order by e.created_at
      limit ${q.limit}`,
);

/** The files of a dossier: checklist components, their scans, and generated documents. */
export const documentRepository = {
  /** The checklist of a procedure version: the guide's list if written, else the version's (one list for guide and intake). */
  async checklistOfVersion(db: DbOrTx, procedureVersionId: string): Promise<ChecklistItem[]> {
    const [row] = await db
      .select({ versionDocuments: procedureVersions.requiredDocuments, guideDocuments: procedureGuides.documents })
      .from(procedureVersions)
      .leftJoin(procedureGuides, eq(procedureGuides.procedureId, procedureVersions.procedureId))
      .where(eq(procedureVersions.id, procedureVersionId));
    return row ? procedureChecklist(row.guideDocuments, row.versionDocuments) : [];
  },

  async components(db: DbOrTx, dossierId: string): Promise<DossierDocument[]> {
    return db.select().from(dossierDocuments).where(and(eq(dossierDocuments.dossierId, dossierId), eq(dossierDocuments.kind, 'component'))).orderBy(asc(dossierDocuments.componentIndex));
  },

  /** Locks the component row for an attach (the dossier row is locked by the caller first). */
  async componentForUpdate(tx: DbOrTx, dossierId: string, index: number): Promise<DossierDocument | undefined> {
    const [row] = await tx.select().from(dossierDocuments).where(and(eq(dossierDocuments.dossierId, dossierId), eq(dossierDocuments.kind, 'component'), eq(dossierDocuments.componentIndex, index))).for('update');
    return row;
  },

  async byId(db: DbOrTx, dossierId: string, documentId: string): Promise<DossierDocument | undefined> {
    const [row] = await db.select().from(dossierDocuments).where(and(eq(dossierDocuments.id, documentId), eq(dossierDocuments.dossierId, dossierId)));
    return row;
  },

  /** A document the system generated for the dossier (one per kind). */
  async generated(db: DbOrTx, dossierId: string, kind: string): Promise<DossierDocument | undefined> {
    const [row] = await db.select().from(dossierDocuments).where(and(eq(dossierDocuments.dossierId, dossierId), eq(dossierDocuments.kind, kind))).limit(1);
    return row;
  },

  /** A document generated for one event of the dossier (the event's id is its reference). */
  async generatedForEvent(db: DbOrTx, dossierId: string, kind: string, eventId: string): Promise<DossierDocument | undefined> {
    const [row] = await db.select().from(dossierDocuments).where(and(eq(dossierDocuments.dossierId, dossierId), eq(dossierDocuments.kind, kind), eq(dossierDocuments.reference, eventId))).limit(1);
    return row;
  },

  /** The province a unit lies in (itself when it is one), for the "<place>, ngày …" line of documents. */
  async provinceOf(db: DbOrTx, unitId: string): Promise<string | null> {
    const rows = await provinceOf(db, unitId);
    return rows[0]?.name ?? null;
  },

  /**
   * Files of the same person (ID number) in other dossiers the caller's scope reaches: component
   * scans and signed results, newest first, one per file (766 indicator 4.3: reuse, not a new scan).
   */
  async reusable(db: DbOrTx, filter: { all: true } | { unitIds: string[]; centerIds: string[] }, idNumber: string, exceptDossierId: string, limit = 50) {
    return reusable(db, filter, idNumber, exceptDossierId, limit);
  },

  async addGenerated(tx: DbOrTx, row: typeof dossierDocuments.$inferInsert): Promise<void> {
    await tx.insert(dossierDocuments).values(row);
  },

  /** One event of a dossier, as written (the job of its document of record re-reads it). */
  async event(db: DbOrTx, dossierId: string, eventId: string): Promise<typeof dossierEvents.$inferSelect | undefined> {
    const [row] = await db.select().from(dossierEvents).where(and(eq(dossierEvents.id, eventId), eq(dossierEvents.dossierId, dossierId)));
    return row;
  },

  /**
   * Recent dossier events (created in [from, before)) that call for a document of record and have
   * none: their `document.issue` job was lost (Redis down at commit, flushed, a crash). The result
   * is once per dossier; the others once per event (the event's id is the document's reference).
   */
  async eventsWithoutRecord(db: DbOrTx, q: { from: Date; before: Date; kinds: readonly string[]; limit: number }) {
    if (!q.kinds.length) return [];
    return eventsWithoutRecord(db, q);
  },

  /** A signed document issued here with exactly these bytes. */
  async signedBySha(db: DbOrTx, sha256: string): Promise<DossierDocument | undefined> {
    const [row] = await db.select().from(dossierDocuments).where(and(eq(dossierDocuments.fileSha256, sha256), eq(dossierDocuments.signed, true))).limit(1);
    return row;
  },

  async byIdOnly(db: DbOrTx, documentId: string): Promise<DossierDocument | undefined> {
    const [row] = await db.select().from(dossierDocuments).where(eq(dossierDocuments.id, documentId));
    return row;
  },

  async attach(tx: DbOrTx, documentId: string, file: AttachedFile, by: string | null, at: Date): Promise<DossierDocument> {
    const [row] = await tx
      .update(dossierDocuments)
      .set({ fileSha256: file.sha256, fileSize: file.size, fileMime: file.mime, filePages: file.pages, fileSource: file.source, signed: file.signed, fileAttachedAt: at, provided: true, createdById: by, updatedAt: at })
      .where(eq(dossierDocuments.id, documentId))
      .returning();
    return row!;
  },

  /** Bytes already attached to the dossier (a replaced file no longer counts). */
  async totalBytes(db: DbOrTx, dossierId: string, exceptDocumentId?: string): Promise<number> {
    const [row] = await db
      .select({ total: sql<string>`coalesce(sum(${dossierDocuments.fileSize}), 0)` })
      .from(dossierDocuments)
      .where(and(eq(dossierDocuments.dossierId, dossierId), isNotNull(dossierDocuments.fileSize), exceptDocumentId ? sql`${dossierDocuments.id} <> ${exceptDocumentId}` : undefined));
    return Number(row?.total ?? 0);
  },

  /** Sets the digitised flag; `digitisedAt` keeps the first time it became true. */
  async setDigitised(tx: DbOrTx, dossierId: string, digitised: boolean, at: Date): Promise<void> {
    await tx
      .update(dossiers)
      .set({ digitised, digitisedAt: digitised ? sql`coalesce(${dossiers.digitisedAt}, ${at.toISOString()}::timestamptz)` : dossiers.digitisedAt, updatedAt: at })
      .where(eq(dossiers.id, dossierId));
  },
};
