import { z } from 'zod';
import { ZAppointmentStatus, ZTimeLimitUnit } from '../enums.js';
import { msg } from '../i18n.js';
import { ZDate, ZDateTime, ZId } from './common.js';
import { ZIssuedTicket, ZWaitEstimate } from './queue.js';

// The procedure guide and online appointments are public: they carry procedure and
// service facts, counts and codes only. The optional phone is write-only.

export const ZProcedureCodeParams = z.object({
  centerId: ZId,
  code: z.string().trim().min(1).max(40, { error: msg('Mã thủ tục tối đa 40 ký tự', 'Procedure code is at most 40 characters') }),
});

/** Today's wait for a service of the center: what a new arrival would face. */
export const ZServiceWait = z.object({
  serviceId: ZId,
  nameVi: z.string(),
  nameEn: z.string(),
  ticketPrefix: z.string(),
  isOpen: z.boolean(),
  waiting: z.number().int().nonnegative(),
  estimate: ZWaitEstimate,
});
export type ServiceWait = z.infer<typeof ZServiceWait>;

export const ZGuideProcedureSummary = z.object({
  code: z.string(),
  name: z.string(),
  field: z.string(),
  serviceId: ZId,
  timeLimit: z.object({ unit: ZTimeLimitUnit, value: z.number() }),
  /** The limit in words, from the rule the receipt's appointment follows (core timeLimitText). */
  timeLimitText: z.object({ vi: z.string(), en: z.string() }),
  feeVnd: z.number().int().nonnegative(),
  /** Result due the same working day. */
  sameDay: z.boolean(),
  /** Handed over during the visit: no appointment slip ("không hẹn"). */
  noAppointment: z.boolean(),
  boundaryFree: z.boolean(),
  onlineLevel: z.string(),
});
export type GuideProcedureSummary = z.infer<typeof ZGuideProcedureSummary>;

export const ZGuideCatalogue = z.object({
  centerId: ZId,
  centerName: z.string(),
  address: z.string(),
  /** One entry per field the center receives, with its live queue. */
  fields: z.array(z.object({ field: z.string(), service: ZServiceWait })),
  procedures: z.array(ZGuideProcedureSummary),
  at: ZDateTime,
});
export type GuideCatalogue = z.infer<typeof ZGuideCatalogue>;

/** Guide text in Vietnamese and English. */
export const ZGuideText = z.object({ vi: z.string(), en: z.string() });
export type GuideText = z.infer<typeof ZGuideText>;
export const ZGuideDocument = z.object({ name: ZGuideText, original: z.boolean(), reusable: z.boolean() });
/** A form of the library; downloadable from the forms route by its code. */
export const ZGuideForm = z.object({ code: z.string(), title: ZGuideText });
export type GuideForm = z.infer<typeof ZGuideForm>;

export const ZGuideFormParams = z.object({
  code: z.string().regex(/^[A-Za-z0-9-]{1,20}$/, { error: msg('Mã biểu mẫu chỉ gồm chữ, số và dấu gạch ngang (tối đa 20 ký tự)', 'A form code has letters, digits and dashes only (at most 20)') }),
});

export const ZGuideProcedure = ZGuideProcedureSummary.extend({
  centerId: ZId,
  centerName: z.string(),
  steps: z.array(ZGuideText),
  documents: z.array(ZGuideDocument),
  forms: z.array(ZGuideForm),
  notes: ZGuideText,
  service: ZServiceWait,
  /** Whether the service takes online appointments at this center. */
  appointments: z.boolean(),
  at: ZDateTime,
});
export type GuideProcedure = z.infer<typeof ZGuideProcedure>;

// Guide editor (managers) ----------------------------------------------------------

const text = (max: number, required: boolean) => {
  const base = z.string().trim().max(max, { error: msg(`Tối đa ${max} ký tự`, `At most ${max} characters`) });
  return required ? base.min(1, { error: msg('Không được để trống', 'Required') }) : base;
};
/** Both languages are written: the English page never falls back to Vietnamese for a step. */
const ZGuideTextInput = (max: number) => z.object({ vi: text(max, true), en: text(max, true) });

export const ZGuideContentInput = z.object({
  steps: z.array(ZGuideTextInput(300))
    .min(1, { error: msg('Cần ít nhất một bước', 'At least one step is needed') })
    .max(15, { error: msg('Tối đa 15 bước', 'At most 15 steps') }),
  documents: z.array(z.object({ name: ZGuideTextInput(300), original: z.boolean(), reusable: z.boolean() }))
    .max(20, { error: msg('Tối đa 20 giấy tờ', 'At most 20 documents') }),
  forms: z.array(z.object({ code: z.string().trim().min(1, { error: msg('Chọn biểu mẫu', 'Choose a form') }).max(20) }))
    .max(10, { error: msg('Tối đa 10 biểu mẫu', 'At most 10 forms') })
    .refine((forms) => new Set(forms.map((f) => f.code)).size === forms.length, { error: msg('Mỗi biểu mẫu chỉ chọn một lần', 'Each form may be listed once') }),
  notes: z.object({ vi: text(1000, false), en: text(1000, false) }),
});
export type GuideContentInput = z.infer<typeof ZGuideContentInput>;

/** A procedure's guide as the editor loads it, with the forms it may list. */
export const ZGuideContent = z.object({
  procedureId: ZId,
  code: z.string(),
  name: z.string(),
  field: z.string(),
  steps: z.array(ZGuideText),
  documents: z.array(ZGuideDocument),
  forms: z.array(ZGuideForm),
  notes: ZGuideText,
  updatedAt: ZDateTime.nullable(),
  formLibrary: z.array(ZGuideForm),
});
export type GuideContent = z.infer<typeof ZGuideContent>;

// Appointments -------------------------------------------------------------------

export const ZSlotQuery = z.object({ serviceId: ZId, date: ZDate });
export const ZAppointmentSlots = z.object({
  centerId: ZId,
  serviceId: ZId,
  date: z.string(),
  slotMinutes: z.number().int().positive(),
  /** What the booking page names: the center, its address and the service (#18 item 13). */
  centerName: z.string().optional(),
  centerAddress: z.string().optional(),
  serviceNameVi: z.string().optional(),
  serviceNameEn: z.string().optional(),
  /** Last local day the center's booking window allows. */
  lastDate: ZDate,
  slots: z.array(z.object({ start: ZDateTime, capacity: z.number().int().nonnegative(), remaining: z.number().int().nonnegative() })),
});
export type AppointmentSlots = z.infer<typeof ZAppointmentSlots>;

/** Vietnamese phone numbers: 0 or +84 followed by 9 digits (spaces and dots allowed). */
const ZPhone = z
  .string()
  .trim()
  .transform((s) => s.replace(/[\s.]/g, ''))
  .pipe(z.string().regex(/^(0|\+84)\d{9}$/, { error: msg('Số điện thoại gồm 10 chữ số, bắt đầu bằng 0 (hoặc +84)', 'A phone number has 10 digits starting with 0 (or +84)') }));

export const ZBookAppointmentRequest = z.object({
  serviceId: ZId,
  slotStart: z.iso.datetime({ offset: true, error: msg('Hãy chọn một khung giờ', 'Choose a time slot') }),
  procedureCode: z.string().trim().max(40).nullable().default(null),
  phone: ZPhone.nullable().default(null),
});
export type BookAppointmentRequest = z.infer<typeof ZBookAppointmentRequest>;

export const ZRescheduleRequest = z.object({ slotStart: z.iso.datetime({ offset: true, error: msg('Hãy chọn một khung giờ', 'Choose a time slot') }) });

export const ZAppointmentTokenParams = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/, { error: msg('Đường dẫn lịch hẹn không hợp lệ', 'Invalid appointment link') }),
});

/** What the citizen's own appointment page shows (reached through the unguessable link). */
export const ZAppointment = z.object({
  code: z.string(),
  manageToken: z.string(),
  status: ZAppointmentStatus,
  centerId: ZId,
  centerName: z.string(),
  address: z.string(),
  serviceId: ZId,
  serviceNameVi: z.string(),
  serviceNameEn: z.string(),
  procedureCode: z.string().nullable(),
  slotStart: ZDateTime,
  slotMinutes: z.number().int().positive(),
  onTimeMinutes: z.number().int().nonnegative(),
  /** Ticket code once checked in. */
  ticketCode: z.string().nullable(),
  ticketTrackingCode: z.string().nullable(),
});
export type Appointment = z.infer<typeof ZAppointment>;

export const ZCheckInRequest = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{8}$/, { error: msg('Mã lịch hẹn gồm 8 ký tự chữ và số', 'An appointment code has 8 letters and digits') }),
});
/** The ticket printed on check-in, and whether it goes before walk-ins. */
export const ZCheckedIn = ZIssuedTicket.extend({ onTime: z.boolean(), slotStart: ZDateTime });
export type CheckedIn = z.infer<typeof ZCheckedIn>;
