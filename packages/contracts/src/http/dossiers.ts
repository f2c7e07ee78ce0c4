import { z } from 'zod';
import { ZEFormFilled } from './eform.js';
import { ZChannel, ZDossierStatus, ZLanguage } from '../enums.js';
import { msg } from '../i18n.js';
import { ZDateTime, ZId, ZInt4, ZName, ZPlainText } from './common.js';

export const ZPhone = z.string().trim().regex(/^(\+84|0)\d{9,10}$/, { error: msg('Số điện thoại Việt Nam gồm 10–11 số, bắt đầu bằng 0 hoặc +84', 'A Vietnamese phone number has 10–11 digits and starts with 0 or +84') });
const ZText = (max: number) =>
  ZPlainText.trim().min(1, { error: msg('Không được để trống', 'Required') }).max(max, { error: msg(`Tối đa ${max} ký tự`, `At most ${max} characters`) });
const ZItems = (emptyVi: string, emptyEn: string) => z.array(ZText(300)).min(1, { error: msg(emptyVi, emptyEn) }).max(50);

export const ZApplicant = z.object({
  name: ZName,
  phone: ZPhone,
  idNumber: z.string().trim().regex(/^\d{9}(\d{3})?$/, { error: msg('Số CCCD/CMND gồm 9 hoặc 12 chữ số', 'An ID number has 9 or 12 digits') }).optional(),
  /** Where the citizen wants to be told about the dossier by email (optional). */
  email: z.string().trim().max(200, { error: msg('Tối đa 200 ký tự', 'At most 200 characters') }).pipe(z.email({ error: msg('Địa chỉ email không hợp lệ', 'Not a valid email address') })).optional(),
  /** Language of the citizen's notifications. */
  language: ZLanguage.default('vi'),
});

/** What every channel submits: the procedure, the applicant, the places that route the dossier, the papers handed in. */
const ZIntakeBase = z.object({
  procedureId: ZId,
  applicant: ZApplicant,
  /** Applicant's commune of residence (competent agency rule "applicant_residence"). */
  applicantUnitId: ZId.optional(),
  /** Commune of the land parcel (rule "parcel_location"). */
  parcelUnitId: ZId.optional(),
  /** Where the result is collected; the receiving center when absent. */
  returnCenterId: ZId.optional(),
  documents: z.array(z.object({ name: ZText(200) })).max(50).default([]),
});

/** Intake outcomes (Mẫu 01 / 02 / 03): accept, list everything missing at once, or refuse with reasons. */
export const ZIntakeOutcome = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('accept') }),
  z.object({ kind: z.literal('request_supplement'), missingItems: ZItems('Hãy liệt kê đầy đủ giấy tờ còn thiếu', 'List every missing item') }),
  z.object({ kind: z.literal('refuse'), reasons: ZItems('Hãy nêu lý do từ chối', 'Give the reasons for refusal') }),
]);
export type IntakeOutcome = z.infer<typeof ZIntakeOutcome>;

/** One item of a procedure's checklist (thành phần hồ sơ): the guide and the intake read the same list. */
export const ZChecklistItem = z.object({
  index: z.number().int(),
  name: z.object({ vi: z.string(), en: z.string() }),
  form: z.enum(['original', 'copy', 'shown']),
  copies: z.number().int(),
  required: z.boolean(),
  reusable: z.boolean(),
});
export type ChecklistItem = z.infer<typeof ZChecklistItem>;

/** The intake checkbox of a checklist item: handed in or not, and whether it needs no scan. */
export const ZComponentInput = z.object({
  index: z.number().int().min(0).max(49),
  provided: z.boolean().default(true),
  exempt: z.boolean().default(false),
});

export const ZCounterIntake = ZIntakeBase.extend({
  channel: z.enum(['counter', 'post']).default('counter'),
  /** Ticked items of the procedure's checklist; items left out are recorded as not handed in. */
  components: z.array(ZComponentInput).max(50).default([]),
  /** The ticket being served at my counter, when the applicant came through the queue. */
  ticketId: ZId.optional(),
  outcome: ZIntakeOutcome,
});
export type CounterIntake = z.infer<typeof ZCounterIntake>;

export const ZOnlineIntake = ZIntakeBase.extend({
  receivingCenterId: ZId,
  /** A repeated request with the same key returns the same receipt; the key is bound to the request (another body with it: 409). */
  idempotencyKey: z.string().trim().min(8, { error: msg('Khóa chống trùng tối thiểu 8 ký tự', 'The idempotency key needs at least 8 characters') }).max(100),
});
export type OnlineIntake = z.infer<typeof ZOnlineIntake>;

export const PaymentMethod = ['cash', 'portal', 'gateway', 'bank'] as const;
export const ZDocumentInput = z.object({ name: ZText(200), reference: z.string().trim().max(500).optional() });

/** Processing actions of the competent agency's specialists (and managers). */
export const ZProcessAction = z.discriminatedUnion('action', [
  z.object({ action: z.literal('assign'), staffId: ZId.optional(), note: z.string().max(1000).optional() }),
  z.object({ action: z.literal('forward'), toAgencyId: ZId.optional(), staffId: ZId.optional(), note: z.string().max(1000).optional() }),
  z.object({ action: z.literal('send_back'), note: ZText(1000) }),
  z.object({ action: z.literal('request_supplement'), missingItems: ZItems('Hãy liệt kê đầy đủ giấy tờ cần bổ sung', 'List every item to supplement') }),
  z.object({ action: z.literal('supplement_received'), note: z.string().max(1000).optional() }),
  z.object({ action: z.literal('notify_obligation'), amountVnd: ZInt4.positive({ error: msg('Số tiền phải lớn hơn 0', 'The amount must be positive') }), note: ZText(1000) }),
  z.object({ action: z.literal('record_payment'), amountVnd: ZInt4.positive({ error: msg('Số tiền phải lớn hơn 0', 'The amount must be positive') }), method: z.enum(PaymentMethod) }),
  z.object({ action: z.literal('suspend'), legalReason: ZText(1000) }),
  z.object({ action: z.literal('resume'), note: z.string().max(1000).optional() }),
  z.object({ action: z.literal('extend'), newDueAt: ZDateTime, reason: ZText(1000) }),
  z.object({ action: z.literal('resolve'), outcome: z.enum(['approved', 'refused']), documents: z.array(ZDocumentInput).min(1, { error: msg('Hãy đính kèm văn bản kết quả', 'Attach the result document') }), note: z.string().max(1000).optional() }),
]);
export type ProcessAction = z.infer<typeof ZProcessAction>;

export const ZReturnRequest = z.object({
  method: z.enum(['counter', 'post', 'online']),
  receivedBy: ZName,
  note: z.string().max(1000).optional(),
});
export const ZCloseRequest = z.object({ kind: z.enum(['withdraw', 'stop']), reason: ZText(1000) });

export const ZDossierListQuery = z.object({
  scope: z.enum(['mine', 'all']).default('mine'),
  status: ZDossierStatus.optional(),
  due: z.enum(['overdue', 'due_soon']).optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const ZRef = z.object({ id: z.uuid(), name: z.string() });

export const ZDossierSummary = z.object({
  id: z.uuid(),
  code: z.string(),
  title: z.string(),
  status: ZDossierStatus,
  nationalCode: z.number().int(),
  channel: ZChannel,
  applicantName: z.string(),
  applicantPhone: z.string().nullable(),
  receivedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  extendedDueAt: z.string().nullable(),
  stepDueAt: z.string().nullable(),
  overdue: z.boolean(),
  dueSoon: z.boolean(),
  flaggedLate: z.boolean(),
  assignee: ZRef.nullable(),
  agency: ZRef,
});
export type DossierSummary = z.infer<typeof ZDossierSummary>;

export const ZDossierEvent = z.object({
  id: z.uuid(),
  kind: z.string(),
  at: z.string(),
  fromStatus: ZDossierStatus.nullable(),
  toStatus: ZDossierStatus.nullable(),
  fromUnit: z.string().nullable(),
  toUnit: z.string().nullable(),
  fromStaff: z.string().nullable(),
  toStaff: z.string().nullable(),
  step: z.number().int().nullable(),
  stepDueAt: z.string().nullable(),
  stepResult: z.enum(['early', 'on_time', 'late']).nullable(),
  note: z.string().nullable(),
  data: z.record(z.string(), z.unknown()).nullable(),
});
export type DossierEvent = z.infer<typeof ZDossierEvent>;

/** A file kept in the FileStore under its SHA-256. */
export const ZStoredFile = z.object({
  sha256: z.string(),
  size: z.number().int(),
  mime: z.string(),
  pages: z.number().int().nullable(),
  source: z.enum(['scan', 'upload', 'reuse', 'generated']),
  signed: z.boolean(),
  attachedAt: z.string(),
});

/** A component paper of the dossier: the checklist item as received, and its file. */
export const ZDossierComponent = z.object({
  id: z.uuid(),
  index: z.number().int(),
  name: z.string(),
  form: z.enum(['original', 'copy', 'shown']),
  copies: z.number().int(),
  required: z.boolean(),
  provided: z.boolean(),
  exempt: z.boolean(),
  file: ZStoredFile.nullable(),
});
export type DossierComponent = z.infer<typeof ZDossierComponent>;

export const ZComponentParams = z.object({ id: z.uuid(), index: z.coerce.number().int().min(0).max(49) });
export const ZDocumentParams = z.object({ id: z.uuid(), documentId: z.uuid() });
/** A file of the same person (ID number) in another dossier, to attach again without scanning (766 indicator 4.3). */
export const ZReusableDocument = z.object({
  id: z.uuid(), dossierId: z.uuid(), dossierCode: z.string(), kind: z.string(), name: z.string(),
  file: z.object({ sha256: z.string(), size: z.number().int(), pages: z.number().int().nullable(), source: z.string(), signed: z.boolean(), attachedAt: z.string() }),
});
export const ZReuseRequest = z.object({ documentId: z.uuid() });
export type ReusableDocument = z.infer<typeof ZReusableDocument>;
/** A resumable (tus) upload of one component's file: the id the server gave in `Location`. */
export const ZResumableUploadParams = ZComponentParams.extend({ uploadId: z.string().regex(/^[0-9a-f]{32}$/, 'must be the upload id from the Location header') });

/** An expiring signed link to one document's file, for the citizen (no sign-in). */
export const ZFileLink = z.object({ url: z.string(), expiresAt: z.string() });
export const ZSignedFileParams = z.object({ documentId: z.uuid() });
export const ZSignedFileQuery = z.object({
  exp: z.coerce.number({ error: msg('Liên kết không đầy đủ', 'The link is incomplete') }).int(),
  sig: z.string().regex(/^[A-Za-z0-9_-]{43}$/, { error: msg('Liên kết không hợp lệ', 'The link is not valid') }),
});

/** What the public /verify page shows: the signatures and, for a document issued here, what is printed on it. */
export const ZVerifyResult = z.object({
  valid: z.boolean(),
  intact: z.boolean(),
  signatures: z.array(z.object({ signer: z.string().nullable(), organization: z.string().nullable(), signedAt: z.string().nullable(), trusted: z.boolean(), problems: z.array(z.string()) })),
  issued: z.object({ dossierCode: z.string(), title: z.string(), kind: z.string(), issuedAt: z.string() }).nullable(),
});
export type VerifyResult = z.infer<typeof ZVerifyResult>;

/** Online payment of a dossier's fee or obligation through a gateway (issue #17). */
export const ZPaymentPurpose = z.enum(['fee', 'obligation']);
export const ZPaymentStatus = z.enum(['pending', 'paid', 'failed', 'expired']);

export const ZPaymentAttemptView = z.object({
  txnRef: z.string(),
  purpose: ZPaymentPurpose,
  amountVnd: z.number().int(),
  status: ZPaymentStatus,
  gateway: z.string(),
  /** The gateway's transaction number: the reference of the electronic receipt. */
  transactionNo: z.string().nullable(),
  bankCode: z.string().nullable(),
  createdAt: z.string(),
  paidAt: z.string().nullable(),
});
export type PaymentAttemptView = z.infer<typeof ZPaymentAttemptView>;

export const ZDossierDetail = ZDossierSummary.extend({
  applicantIdNumber: z.string().nullable(),
  ticketId: z.uuid().nullable(),
  currentStep: z.number().int(),
  steps: z.array(z.object({ code: z.string(), name: z.string(), role: z.string(), durationDays: z.number() })),
  supplementCount: z.number().int(),
  deadlineVersion: z.number().int(),
  feeVnd: z.number().int(),
  currentAgency: ZRef,
  receivingCenter: ZRef.extend({ address: z.string() }),
  returnCenter: ZRef.extend({ address: z.string() }),
  events: z.array(ZDossierEvent),
  documents: z.array(z.object({ id: z.uuid(), kind: z.string(), name: z.string(), reference: z.string().nullable(), createdAt: z.string() })),
  /** The procedure's checklist as received, with the files attached (electronic dossier). */
  components: z.array(ZDossierComponent),
  /** Every required component has a file or is exempt (766 indicator 4.2). */
  digitised: z.boolean(),
  /** The applicant's e-form answers (portal submissions, #17); empty otherwise. */
  form: ZEFormFilled,
  payments: z.array(z.object({ amountVnd: z.number().int(), method: z.string(), paidAt: z.string() })),
  /** Online payment attempts through the gateway, newest first; a paid one's transaction number is its e-receipt reference. */
  paymentAttempts: z.array(ZPaymentAttemptView).optional(),
  /** The actions the caller may take now (state machine × role). */
  actions: z.array(z.string()),
  /** People of the current agency a processor may hand the dossier to (empty for others). */
  assignable: z.array(z.object({ id: z.uuid(), name: z.string(), roles: z.array(z.string()) })),
});
export type DossierDetail = z.infer<typeof ZDossierDetail>;

export const ZIntakeOptions = z.object({
  procedures: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string(), field: z.string(), competentAgencyRule: z.string(), boundaryFree: z.boolean(), requiredDocuments: z.array(z.string()), checklist: z.array(ZChecklistItem) })),
  units: z.array(z.object({ id: z.uuid(), name: z.string(), level: z.string() })),
  centers: z.array(ZRef),
  agencies: z.array(ZRef),
  /** The centers I may receive at. */
  myCenters: z.array(ZRef),
});

export const ZTrackQuery = z.object({
  code: z.string().trim().min(6, { error: msg('Hãy nhập mã hồ sơ', 'Enter the dossier code') }).max(60),
  phoneLast4: z.string().trim().regex(/^\d{4}$/, { error: msg('Nhập 4 số cuối điện thoại', 'Enter the last 4 digits of the phone') }),
});

/** What a citizen sees: no names, phone or ID numbers. */
export const ZTracking = z.object({
  code: z.string(),
  title: z.string(),
  status: ZDossierStatus,
  receivedAt: z.string().nullable(),
  appointmentAt: z.string().nullable(),
  extendedDueAt: z.string().nullable(),
  collectAt: z.object({ name: z.string(), address: z.string() }),
  /** While the dossier waits for a financial obligation: the amount and how to pay, as the officer recorded them. */
  payment: z.object({ amountVnd: z.number().int().nonnegative(), howToPay: z.string() }).nullable().optional(),
  timeline: z.array(z.object({ at: z.string(), status: ZDossierStatus.nullable(), kind: z.string() })),
});
export type Tracking = z.infer<typeof ZTracking>;

/**
 * What the public portal gets back for a submission: a receipt, never the dossier (no name,
 * phone, ID number, documents or staff). The same key with the same request returns the same receipt.
 */
export const ZOnlineIntakeReceipt = z.object({
  code: z.string().describe('The dossier code to quote and to track with'),
  status: ZDossierStatus,
  submittedAt: z.string(),
  /** The appointment to collect the result; set when the receiving center accepts the dossier. */
  appointmentAt: z.string().nullable(),
  receivingCenter: z.object({ name: z.string(), address: z.string() }),
  /** Where to follow it: the tracking page with the code filled in; it asks for the last 4 digits of the phone given. */
  trackingPath: z.string(),
  trackingHint: z.string(),
});
export type OnlineIntakeReceipt = z.infer<typeof ZOnlineIntakeReceipt>;
