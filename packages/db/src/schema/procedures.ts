import type { EFormField } from '@motcua/contracts';
import { boolean, date, index, integer, jsonb, numeric, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps } from './_helpers.js';
import { timeLimitUnit } from './enums.js';
import { agencies } from './organisation.js';
import { staff } from './staff.js';

export const procedures = pgTable(
  'procedures',
  { id: id(), code: text().notNull(), name: text().notNull(), field: text().notNull(), ...timestamps },
  (t) => [uniqueIndex('procedures_code_key').on(t.code), index('procedures_field_idx').on(t.field)],
);
export type Procedure = typeof procedures.$inferSelect;

export interface ProcedureStep {
  code: string;
  name: string;
  role: string;
  /** Working days, e.g. 0.25 / 0.5 / 1. */
  durationDays: number;
}

/** Rules change with effective dates; a dossier keeps the version in force when it was received. */
export const procedureVersions = pgTable(
  'procedure_versions',
  {
    id: id(),
    procedureId: uuid().notNull().references(() => procedures.id),
    version: integer().notNull(),
    effectiveFrom: date().notNull(),
    effectiveTo: date(),
    timeLimitUnit: timeLimitUnit().notNull(),
    timeLimitValue: numeric({ precision: 6, scale: 2, mode: 'number' }).notNull(),
    feeVnd: integer().notNull().default(0),
    onlineLevel: text().notNull().default('partial'),
    boundaryFree: boolean().notNull().default(false),
    /** How the competent agency is chosen: fixed, applicant residence or parcel location. */
    competentAgencyRule: text().notNull().default('fixed'),
    /** Agency that decides when the rule is fixed (null: the receiving center's commune People's Committee). */
    fixedAgencyId: uuid().references(() => agencies.id),
    /** Whether the clock waits while the applicant pays a financial obligation (e.g. land tax before the result). */
    obligationPausesClock: boolean().notNull().default(false),
    steps: jsonb().$type<ProcedureStep[]>().notNull().default([]),
    requiredDocuments: jsonb().$type<Array<{ name: string; original: boolean; reusable: boolean }>>().notNull().default([]),
    /** "Không hẹn": the result is handed over during the visit, no appointment slip. */
    noAppointment: boolean().notNull().default(false),
    /** The e-form a citizen fills online (fields per version; validated by `eFormSchema` on both sides). */
    eFormFields: jsonb().$type<EFormField[]>().notNull().default([]),
    ...timestamps,
  },
  (t) => [uniqueIndex('procedure_versions_key').on(t.procedureId, t.version), index('procedure_versions_effective_idx').on(t.procedureId, t.effectiveFrom)],
);
export type ProcedureVersion = typeof procedureVersions.$inferSelect;

/** Text in the guide's two languages. */
export interface GuideText {
  vi: string;
  en: string;
}
export interface GuideDocument {
  name: GuideText;
  original: boolean;
  reusable: boolean;
}
/** A form listed in a guide: the file code of the form library and the title the citizen reads. */
export interface GuideForm {
  code: string;
  title: GuideText;
}

/**
 * The citizen guide of a procedure (the QR poster's page), in Vietnamese and English: what to
 * do, what to bring, the forms and notes. One per procedure, edited by managers; the rules
 * (time limit, fee) stay on the versions.
 */
export const procedureGuides = pgTable(
  'procedure_guides',
  {
    id: id(),
    procedureId: uuid().notNull().references(() => procedures.id),
    steps: jsonb().$type<GuideText[]>().notNull().default([]),
    documents: jsonb().$type<GuideDocument[]>().notNull().default([]),
    forms: jsonb().$type<GuideForm[]>().notNull().default([]),
    notes: jsonb().$type<GuideText>().notNull().default({ vi: '', en: '' }),
    updatedBy: uuid().references(() => staff.id),
    ...timestamps,
  },
  (t) => [uniqueIndex('procedure_guides_procedure_key').on(t.procedureId)],
);
export type ProcedureGuide = typeof procedureGuides.$inferSelect;
