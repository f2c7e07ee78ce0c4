import { z } from 'zod';
import { ZUnitLevel, ZCounterState } from '../enums.js';
import { msg } from '../i18n.js';
import { ZCode, ZDate, ZHhMm, ZId, ZInt4, ZName } from './common.js';

export const ZUnit = z.object({
  id: ZId,
  code: z.string(),
  name: z.string(),
  level: ZUnitLevel,
  parentId: ZId.nullable(),
  disadvantaged: z.boolean(),
  validFrom: ZDate.nullable(),
  validTo: ZDate.nullable(),
});
export type Unit = z.infer<typeof ZUnit>;
export const ZUnitInput = z.object({
  code: ZCode,
  name: ZName,
  level: ZUnitLevel,
  parentId: ZId.nullable(),
  disadvantaged: z.boolean().default(false),
  validFrom: ZDate.nullable().default(null),
  validTo: ZDate.nullable().default(null),
});
/** CSV with header `code,name,level,parent_code,disadvantaged`. */
export const ZCsvImportRequest = z.object({
  csv: z.string().min(1, { error: msg('Tệp CSV trống', 'The CSV file is empty') }).max(2_000_000, { error: msg('Tệp quá lớn (tối đa 2 MB)', 'The file is too large (2 MB at most)') }),
});

export const ZAgency = z.object({ id: ZId, code: z.string(), electronicId: z.string(), name: z.string(), unitId: ZId, kind: z.string() });
export type Agency = z.infer<typeof ZAgency>;
export const ZAgencyInput = z.object({
  code: ZCode,
  electronicId: z.string().trim().regex(/^[A-Z0-9.]{3,30}$/, { error: msg('Mã định danh điện tử gồm 3–30 chữ in hoa, số hoặc dấu chấm', 'The electronic ID is 3–30 capital letters, digits or dots') }),
  name: ZName,
  unitId: ZId,
  kind: z.string().trim().min(1).max(60),
});

export const ZTimeWindow = z
  .object({ start: ZHhMm, end: ZHhMm })
  .refine((w) => w.start < w.end, { error: msg('Giờ kết thúc phải sau giờ bắt đầu', 'The end must be after the start'), path: ['end'] });
/** ISO weekday (1 = Monday … 7 = Sunday) → office windows; a missing day is closed. */
export const ZOpeningHours = z.partialRecord(z.enum(['1', '2', '3', '4', '5', '6', '7']), z.array(ZTimeWindow).max(4));
export type OpeningHours = z.infer<typeof ZOpeningHours>;

export const ZService = z.object({
  id: ZId,
  centerId: ZId,
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  ticketPrefix: z.string(),
  typicalServiceMinutes: z.number(),
  field: z.string(),
  isOpen: z.boolean(),
  sortOrder: z.number().int(),
});
export type Service = z.infer<typeof ZService>;
export const ZServiceInput = z.object({
  code: ZCode,
  nameVi: ZName,
  nameEn: ZName,
  ticketPrefix: z.string().trim().regex(/^[A-Z]{1,2}$/, { error: msg('Tiền tố số vé là 1–2 chữ in hoa (ví dụ A)', 'The ticket prefix is 1–2 capital letters (e.g. A)') }),
  typicalServiceMinutes: z.number().int().min(1).max(240),
  field: z.string().trim().min(1).max(60),
  isOpen: z.boolean().default(true),
  sortOrder: ZInt4.min(0).default(0),
});

export const ZCounterService = z.object({ serviceId: ZId, weight: z.number().int().min(1).max(10) });
export const ZCounter = z.object({
  id: ZId,
  centerId: ZId,
  label: z.string(),
  number: z.number().int(),
  state: ZCounterState,
  services: z.array(ZCounterService),
});
export type Counter = z.infer<typeof ZCounter>;
export const ZCounterInput = z.object({
  label: ZName,
  number: z.number().int().min(1, { error: msg('Số quầy phải từ 1', 'The counter number starts at 1') }).max(999),
  services: z.array(ZCounterService).min(1, { error: msg('Quầy phải phục vụ ít nhất một dịch vụ', 'A counter must serve at least one service') }),
});

export const ZPriorityCategory = z.object({ id: ZId, centerId: ZId.nullable(), code: z.string(), nameVi: z.string(), nameEn: z.string(), weight: z.number().int() });
export const ZPriorityCategoryInput = z.object({ code: ZCode, nameVi: ZName, nameEn: ZName, weight: z.number().int().min(1).max(10) });

export const ZCenter = z.object({
  id: ZId,
  code: z.string(),
  name: z.string(),
  unitId: ZId,
  timeZone: z.string(),
  openingHours: ZOpeningHours,
  address: z.string(),
  allowCallSpecific: z.boolean(),
  priorityRatio: z.number().int(),
  noShowAfterRecalls: z.number().int(),
  /** Online appointments: slot length, bookings per planned counter and slot, on-time window (± minutes) that is called first. */
  appointmentSlotMinutes: z.number().int(),
  appointmentsPerCounter: z.number().int(),
  appointmentOnTimeMinutes: z.number().int(),
  /** Booking window: how many local days ahead, today included. */
  appointmentBookingDays: z.number().int(),
  /** Remote tickets (#17): per clock hour (0 = not offered), minutes before closing they stop, minutes to confirm arrival after the call. */
  remotePerHour: z.number().int(),
  remoteStopMinutes: z.number().int(),
  remoteConfirmMinutes: z.number().int(),
});
export type Center = z.infer<typeof ZCenter>;
export const ZCenterDetail = ZCenter.extend({
  services: z.array(ZService),
  counters: z.array(ZCounter),
  priorityCategories: z.array(ZPriorityCategory),
});
export type CenterDetail = z.infer<typeof ZCenterDetail>;
export const ZCenterInput = z.object({
  code: ZCode,
  name: ZName,
  unitId: ZId,
  timeZone: z.string().refine((tz) => {
    try {
      return Boolean(new Intl.DateTimeFormat('en', { timeZone: tz }));
    } catch {
      return false;
    }
  }, { error: msg('Múi giờ không hợp lệ (ví dụ Asia/Ho_Chi_Minh)', 'Unknown time zone (e.g. Asia/Ho_Chi_Minh)') }).default('Asia/Ho_Chi_Minh'),
  openingHours: ZOpeningHours,
  address: z.string().trim().max(300).default(''),
  allowCallSpecific: z.boolean().default(false),
  priorityRatio: z.number().int().min(1).max(10).default(2),
  noShowAfterRecalls: z.number().int().min(0).max(10).default(2),
  appointmentSlotMinutes: z.number().int().min(10, { error: msg('Từ 10 đến 240 phút', 'Between 10 and 240 minutes') }).max(240, { error: msg('Từ 10 đến 240 phút', 'Between 10 and 240 minutes') }).default(30),
  appointmentsPerCounter: z.number().int().min(0, { error: msg('Từ 0 (không nhận đặt lịch) đến 20', 'From 0 (no online booking) to 20') }).max(20, { error: msg('Từ 0 (không nhận đặt lịch) đến 20', 'From 0 (no online booking) to 20') }).default(2),
  appointmentOnTimeMinutes: z.number().int().min(0, { error: msg('Từ 0 đến 60 phút', 'Between 0 and 60 minutes') }).max(60, { error: msg('Từ 0 đến 60 phút', 'Between 0 and 60 minutes') }).default(10),
  appointmentBookingDays: z.number().int().min(1, { error: msg('Từ 1 đến 60 ngày', 'Between 1 and 60 days') }).max(60, { error: msg('Từ 1 đến 60 ngày', 'Between 1 and 60 days') }).default(14),
  remotePerHour: z.number().int().min(0, { error: msg('Từ 0 (không nhận lấy số từ xa) đến 500', 'From 0 (no remote tickets) to 500') }).max(500, { error: msg('Từ 0 (không nhận lấy số từ xa) đến 500', 'From 0 (no remote tickets) to 500') }).default(20),
  remoteStopMinutes: z.number().int().min(0, { error: msg('Từ 0 đến 240 phút', 'Between 0 and 240 minutes') }).max(240, { error: msg('Từ 0 đến 240 phút', 'Between 0 and 240 minutes') }).default(30),
  remoteConfirmMinutes: z.number().int().min(1, { error: msg('Từ 1 đến 60 phút', 'Between 1 and 60 minutes') }).max(60, { error: msg('Từ 1 đến 60 phút', 'Between 1 and 60 minutes') }).default(5),
});

export const ZTimeLimit = z.object({
  unit: z.enum(['same_day', 'working_days', 'working_hours', 'calendar_days']),
  value: z.number().min(0).max(365).multipleOf(0.25),
});
export const ZProcedureVersion = z.object({
  id: ZId,
  version: z.number().int(),
  effectiveFrom: ZDate,
  effectiveTo: ZDate.nullable(),
  timeLimit: ZTimeLimit,
  feeVnd: ZInt4.nonnegative(),
  onlineLevel: z.enum(['partial', 'full', 'none']),
  boundaryFree: z.boolean(),
});
export const ZProcedure = z.object({ id: ZId, code: z.string(), name: z.string(), field: z.string(), versions: z.array(ZProcedureVersion) });
export type Procedure = z.infer<typeof ZProcedure>;
export const ZProcedureVersionInput = ZProcedureVersion.omit({ id: true, version: true });
export const ZProcedureInput = z.object({ code: ZCode, name: ZName, field: z.string().trim().min(1).max(60), version: ZProcedureVersionInput });
/** A catalogue: JSON array of ZProcedureInput, or CSV `code,name,field,effective_from,limit_unit,limit_value,fee_vnd,online_level,boundary_free`. */
export const ZProcedureImportRequest = z.object({ format: z.enum(['csv', 'json']), content: z.string().min(1).max(5_000_000) });
