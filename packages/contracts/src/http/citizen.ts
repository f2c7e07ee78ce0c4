import { z } from 'zod';
import { ZChannel, ZDossierStatus, ZLanguage } from '../enums.js';
import { msg } from '../i18n.js';
import { ZId } from './common.js';
import { ZPhone } from './dossiers.js';
import { ZRatingLevel } from './queue.js';
import { ZEFormAnswers, ZEFormField, ZEFormFilled } from './eform.js';

/** The citizen's session cookie: its own name, so staff routes never read it and citizen routes never read the staff one. */
export const CITIZEN_SESSION_COOKIE = 'motcua_citizen';
/** Binds a sign-in attempt to the browser that started it (login CSRF): holds the attempt's state. */
export const CITIZEN_FLOW_COOKIE = 'motcua_citizen_flow';

/** Where the portal may send the citizen back after sign-in: a path of the portal, never another site. */
export const ZPortalPath = z.string().regex(/^\/portal(\/[\w\-/.%?=&]*)?$/, { error: msg('Địa chỉ quay lại phải là một trang của cổng', 'The return address must be a page of the portal') });

export const ZCitizenSignInQuery = z.object({ returnTo: ZPortalPath.default('/portal') });
export const ZCitizenCallbackQuery = z.object({
  code: z.string().max(2000).optional(),
  state: z.string().max(500).optional(),
  iss: z.string().max(500).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(1000).optional(),
});

/** The signed-in citizen as the identity provider verified them; shown only to themselves. */
export const ZCitizenMe = z.object({
  name: z.string(),
  idNumber: z.string(),
  phone: z.string().nullable(),
  expiresAt: z.string(),
});
export type CitizenMe = z.infer<typeof ZCitizenMe>;

export const ZCitizenDossierSummary = z.object({
  code: z.string(),
  title: z.string(),
  channel: ZChannel,
  status: ZDossierStatus,
  submittedAt: z.string(),
  appointmentAt: z.string().nullable(),
  /** Something the citizen must do now. */
  actionNeeded: z.enum(['supplement', 'payment']).nullable(),
});
export type CitizenDossierSummary = z.infer<typeof ZCitizenDossierSummary>;

export const ZCitizenDossierParams = z.object({ code: z.string().trim().min(6).max(60) });

export const ZCitizenDossier = ZCitizenDossierSummary.extend({
  receivingCenter: z.object({ name: z.string(), address: z.string() }),
  collectAt: z.object({ name: z.string(), address: z.string() }),
  extendedDueAt: z.string().nullable(),
  identityVerified: z.boolean(),
  timeline: z.array(z.object({ at: z.string(), status: ZDossierStatus.nullable(), kind: z.string() })),
  /** What is asked of the citizen now: the missing items, or the fee to pay (paid online at `payPath`). */
  asked: z
    .discriminatedUnion('kind', [
      /** `answeredAt`: when I said it was done (at intake the center then decides; during processing it resumes at once). */
      z.object({ kind: z.literal('supplement'), items: z.array(z.string()), answeredAt: z.string().nullable() }),
      z.object({ kind: z.literal('payment'), amountVnd: z.number().int().nonnegative(), howToPay: z.string(), payPath: z.string() }),
    ])
    .nullable(),
  /** The checklist and whether each item has a file. */
  components: z.array(z.object({ index: z.number().int(), name: z.string(), required: z.boolean(), hasFile: z.boolean() })),
  /** What the citizen filled in the e-form, with each field's label. */
  form: ZEFormFilled,
  /** Documents of record and results, each with an expiring signed link. */
  downloads: z.array(z.object({ id: ZId, kind: z.string(), name: z.string(), signed: z.boolean(), url: z.string(), expiresAt: z.string() })),
  /** My rating once given; `canRate` while the result is handed over and no rating exists. */
  rating: z.object({ level: ZRatingLevel, comment: z.string().nullable(), at: z.string() }).nullable(),
  canRate: z.boolean(),
});
export type CitizenDossier = z.infer<typeof ZCitizenDossier>;

/** Procedures a citizen may submit online (online level partial or full), with their checklist. */
export const ZCitizenProcedure = z.object({
  id: ZId,
  code: z.string(),
  name: z.string(),
  onlineLevel: z.enum(['partial', 'full']),
  feeVnd: z.number().int(),
  checklist: z.array(z.object({ index: z.number().int(), name: z.object({ vi: z.string(), en: z.string() }), required: z.boolean() })),
  centers: z.array(z.object({ id: ZId, name: z.string() })),
  /** The version's e-form; the portal renders it and validates it with `eFormSchema`. */
  eForm: z.array(ZEFormField),
});
export type CitizenProcedure = z.infer<typeof ZCitizenProcedure>;

/**
 * The portal's e-form, validated by this same schema in the browser and at the API. Name and ID
 * number are not in it: they come from the verified identity.
 */
export const ZCitizenSubmission = z.object({
  procedureId: ZId,
  receivingCenterId: ZId,
  /** The phone to be told on; the identity's phone when absent. */
  phone: ZPhone.optional(),
  email: z.string().trim().max(200, { error: msg('Tối đa 200 ký tự', 'At most 200 characters') }).pipe(z.email({ error: msg('Địa chỉ email không hợp lệ', 'Not a valid email address') })).optional(),
  language: ZLanguage.default('vi'),
  /** Answers to the procedure's e-form; checked against that version's fields at the API. */
  answers: ZEFormAnswers.default({}),
  /** Files of my earlier dossiers attached by reference instead of uploading (766 indicator 4.3), one per checklist item. */
  reuse: z
    .array(z.object({ index: z.number().int().min(0).max(49), documentId: ZId }))
    .max(50)
    .refine((list) => new Set(list.map((r) => r.index)).size === list.length, { error: msg('Mỗi giấy tờ chỉ chọn một tệp', 'Pick one file per item') })
    .default([]),
  idempotencyKey: z.string().trim().min(8, { error: msg('Khóa chống trùng tối thiểu 8 ký tự', 'The idempotency key needs at least 8 characters') }).max(100),
});
export type CitizenSubmission = z.infer<typeof ZCitizenSubmission>;

/** "Supplement done": the files are attached to their items; the note says how anything else was supplied. */
export const ZCitizenSupplementAnswer = z.object({
  note: z.string().trim().max(500, { error: msg('Ghi chú tối đa 500 ký tự', 'The note takes at most 500 characters') }).optional(),
});
export type CitizenSupplementAnswer = z.infer<typeof ZCitizenSupplementAnswer>;

/** The same three levels as the counter tablet, so a portal rating counts for satisfaction exactly like one given at the counter. */
export const ZCitizenRating = z.object({
  level: ZRatingLevel,
  comment: z.string().trim().max(500, { error: msg('Góp ý tối đa 500 ký tự', 'The comment takes at most 500 characters') }).optional(),
});
export type CitizenRating = z.infer<typeof ZCitizenRating>;

/** A file digitised for one of my earlier dossiers (same verified ID number), offered instead of a new upload. */
export const ZCitizenReusableDocument = z.object({
  id: ZId,
  dossierCode: z.string(),
  /** The checklist item it was attached to: it fits items of the same name. */
  name: z.string(),
  pages: z.number().int().nullable(),
  attachedAt: z.string(),
});
export type CitizenReusableDocument = z.infer<typeof ZCitizenReusableDocument>;

export const ZCitizenComponentParams = z.object({ code: z.string().trim().min(6).max(60), index: z.coerce.number().int().min(0).max(49) });
