import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps } from './_helpers.js';
import { channel, dossierStatus, stepResult } from './enums.js';
import { administrativeUnits, agencies, centers } from './organisation.js';
import { procedureVersions } from './procedures.js';
import { tickets } from './queue.js';
import { staff } from './staff.js';

const tz = { withTimezone: true, mode: 'date' } as const;

export const dossiers = pgTable(
  'dossiers',
  {
    id: id(),
    /** <agency electronic ID>-YYMMDD-NNNN, immutable. */
    code: text().notNull(),
    /** Competent agency: decides, and is the unit 766 counts by. */
    agencyId: uuid().notNull().references(() => agencies.id),
    receivingCenterId: uuid().notNull().references(() => centers.id),
    returnCenterId: uuid().notNull().references(() => centers.id),
    /** Where the dossier is being handled now; differs from the competent agency while forwarded (boundary-free). */
    currentAgencyId: uuid().references(() => agencies.id),
    /** Inputs of the competent-agency rule: the applicant's residence and the land parcel's unit. */
    applicantUnitId: uuid().references(() => administrativeUnits.id),
    parcelUnitId: uuid().references(() => administrativeUnits.id),
    /** The procedure's title, kept with the dossier for inboxes and print views. */
    title: text().notNull().default(''),
    procedureVersionId: uuid().notNull().references(() => procedureVersions.id),
    channel: channel().notNull(),
    status: dossierStatus().notNull(),
    ticketId: uuid().references(() => tickets.id),
    applicantName: text().notNull(),
    applicantPhone: text(),
    applicantIdNumber: text(),
    /** The applicant signed in through the identity provider and the ID number is the verified one (a 766 data field). */
    identityVerified: boolean().notNull().default(false),
    /** Answers to the procedure version's e-form (portal submissions); null when none was filled. */
    formAnswers: jsonb().$type<Record<string, string | number>>(),
    /** Optional address for the citizen's notifications (issue #9). */
    applicantEmail: text(),
    /** Language of the citizen's notifications. */
    notifyLanguage: text().notNull().default('vi'),
    receivedAt: timestamp(tz),
    dueAt: timestamp(tz),
    /** Set once by an apology letter; the original dueAt never changes. */
    extendedDueAt: timestamp(tz),
    resolvedAt: timestamp(tz),
    returnedAt: timestamp(tz),
    assigneeId: uuid().references(() => staff.id),
    currentStep: integer().notNull().default(0),
    /** Due time of the current processing step (control slip). */
    stepDueAt: timestamp(tz),
    /** Bumped whenever due moves; alert jobs and notifications are keyed by it. */
    deadlineVersion: integer().notNull().default(0),
    supplementCount: integer().notNull().default(0),
    pausedSince: timestamp(tz),
    /** A second supplement request during processing: Decision 766 counts the dossier as late. */
    flaggedLate: boolean().notNull().default(false),
    /** Every required component has a file or is exempt (766 indicator 4.2); set when it first becomes true. */
    digitised: boolean().notNull().default(false),
    digitisedAt: timestamp(tz),
    idempotencyKey: text(),
    /** SHA-256 of the canonical online request the key was first used with: the same key with another body is refused. */
    idempotencyHash: text(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('dossiers_code_key').on(t.code),
    uniqueIndex('dossiers_idempotency_key').on(t.idempotencyKey),
    index('dossiers_inbox_idx').on(t.assigneeId, t.status, t.dueAt),
    index('dossiers_due_idx').on(t.status, t.dueAt),
    index('dossiers_agency_idx').on(t.agencyId, t.receivedAt),
    // "Hồ sơ của tôi": a citizen's dossiers by verified ID number.
    index('dossiers_applicant_id_number_idx').on(t.applicantIdNumber),
    // What a read-model rollup of a period reads: dossiers still open, or resolved since.
    index('dossiers_open_through_idx').on(sql`coalesce(${t.resolvedAt}, 'infinity'::timestamptz)`),
  ],
);
export type Dossier = typeof dossiers.$inferSelect;

export const dossierSequences = pgTable(
  'dossier_sequences',
  {
    agencyId: uuid().notNull().references(() => agencies.id),
    businessDate: date().notNull(),
    lastNumber: integer().notNull().default(0),
    ...timestamps,
  },
  (t) => [primaryKey({ name: 'dossier_sequences_pkey', columns: [t.agencyId, t.businessDate] })],
);

/** The control slip (phiếu kiểm soát): append-only, the database refuses UPDATE and DELETE. */
export const dossierEvents = pgTable(
  'dossier_events',
  {
    id: id(),
    dossierId: uuid().notNull().references(() => dossiers.id),
    kind: text().notNull(),
    fromStatus: dossierStatus(),
    toStatus: dossierStatus(),
    fromUnitId: uuid().references(() => administrativeUnits.id),
    toUnitId: uuid().references(() => administrativeUnits.id),
    fromStaffId: uuid().references(() => staff.id),
    toStaffId: uuid().references(() => staff.id),
    at: timestamp(tz).notNull(),
    step: integer(),
    stepDueAt: timestamp(tz),
    stepResult: stepResult(),
    note: text(),
    data: jsonb().$type<Record<string, unknown>>(),
    ...timestamps,
  },
  // created_at: the citizen-notification sweep looks for recent events whose job was lost.
  (t) => [index('dossier_events_dossier_idx').on(t.dossierId, t.at), index('dossier_events_created_idx').on(t.createdAt)],
);

/**
 * Documents of a dossier: what the applicant submitted, results, notices and apology letters.
 * Kind `component` rows are the procedure's checklist (thành phần hồ sơ) copied at intake, one per
 * item, with the file attached to it; the bytes live in the FileStore under `fileSha256`.
 */
export const dossierDocuments = pgTable(
  'dossier_documents',
  {
    id: id(),
    dossierId: uuid().notNull().references(() => dossiers.id),
    kind: text().notNull(),
    name: text().notNull(),
    reference: text(),
    createdById: uuid().references(() => staff.id),
    /** Position in the procedure's checklist (components only). */
    componentIndex: integer(),
    /** `original` (bản chính), `copy` (bản sao) or `shown` (chỉ xuất trình). */
    form: text(),
    copies: integer().notNull().default(1),
    required: boolean().notNull().default(false),
    /** The applicant handed the paper in (the intake checkbox). */
    provided: boolean().notNull().default(false),
    /** Needs no file (e.g. only shown); counts as digitised. */
    exempt: boolean().notNull().default(false),
    fileSha256: text(),
    fileSize: integer(),
    fileMime: text(),
    filePages: integer(),
    /** `scan`, `upload`, `reuse` or `generated`. */
    fileSource: text(),
    signed: boolean().notNull().default(false),
    fileAttachedAt: timestamp(tz),
    ...timestamps,
  },
  (t) => [
    index('dossier_documents_dossier_idx').on(t.dossierId),
    uniqueIndex('dossier_documents_component_key').on(t.dossierId, t.componentIndex),
    index('dossier_documents_file_idx').on(t.fileSha256),
  ],
);
export type DossierDocument = typeof dossierDocuments.$inferSelect;

/**
 * Payments of a dossier: the procedure's fee or charge, or a financial obligation (tax, land levy).
 * Only a fee paid by an online method counts for the online-payment indicator (766 group 3b).
 */
export const dossierPayments = pgTable(
  'dossier_payments',
  {
    id: id(),
    dossierId: uuid().notNull().references(() => dossiers.id),
    amountVnd: integer().notNull(),
    method: text().notNull(),
    /** `fee` (phí, lệ phí of the procedure) or `obligation` (nghĩa vụ tài chính). */
    purpose: text().notNull().default('fee'),
    paidAt: timestamp(tz).notNull(),
    recordedById: uuid().references(() => staff.id),
    ...timestamps,
  },
  (t) => [index('dossier_payments_dossier_idx').on(t.dossierId)],
);
