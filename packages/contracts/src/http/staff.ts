import { z } from 'zod';
import { msg } from '../i18n.js';
import { ZDeviceKind } from '../enums.js';
import { ZRoleGrant } from './auth.js';
import { patchOf, ZDate, ZDateTime, ZId, ZName } from './common.js';

export const ZSkill = z.object({ serviceId: ZId, weight: z.number().int().min(1).max(10) });

export const ZStaff = z.object({
  id: ZId,
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  homeUnitId: ZId.nullable(),
  homeCenterId: ZId.nullable(),
  active: z.boolean(),
  lockedUntil: ZDateTime.nullable(),
  roles: z.array(ZRoleGrant),
  skills: z.array(ZSkill),
});
export type Staff = z.infer<typeof ZStaff>;

const ZEmail = z.email({ error: msg('Email không hợp lệ', 'Invalid email address') });
const ZPhone = z.string().trim().regex(/^(\+84|0)\d{9,10}$/, { error: msg('Số điện thoại Việt Nam gồm 10–11 số, bắt đầu bằng 0 hoặc +84', 'A Vietnamese phone number has 10–11 digits and starts with 0 or +84') });

export const ZStaffInput = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9._-]{3,40}$/, { error: msg('Tên đăng nhập 3–40 ký tự: chữ không dấu, số, ". _ -"', 'Username: 3–40 letters, digits, ". _ -"') }),
  fullName: ZName,
  email: ZEmail.nullable().default(null),
  phone: ZPhone.nullable().default(null),
  homeUnitId: ZId.nullable().default(null),
  homeCenterId: ZId.nullable().default(null),
  roles: z.array(ZRoleGrant).min(1, { error: msg('Hãy chọn ít nhất một vai trò', 'Choose at least one role') }),
  skills: z.array(ZSkill).default([]),
});
export const ZStaffUpdate = patchOf(ZStaffInput.omit({ username: true })).extend({ active: z.boolean().optional() });
/** A new account's first password, shown once to the manager who created it. */
export const ZStaffCreated = z.object({ staff: ZStaff, temporaryPassword: z.string() });

/** Half-day shifts of the board: the morning ends at noon (core's `shiftAt`). */
export const ZShift = z.enum(['all_day', 'morning', 'afternoon'], { error: msg('Ca làm: cả ngày, sáng hoặc chiều', 'Shift: all_day, morning or afternoon') });
export type Shift = z.infer<typeof ZShift>;
export const ZAssignment = z.object({ id: ZId, staffId: ZId, counterId: ZId, workDate: ZDate, shift: ZShift });
export type Assignment = z.infer<typeof ZAssignment>;
/** A person on a counter whose services they lack: `message` reads "Thiếu kỹ năng: Hộ tịch, Đất đai". */
export const ZAssignmentWarning = z.object({ counterId: ZId, staffId: ZId, workDate: ZDate, missing: z.array(z.string()), message: z.string() });
export const ZAssignmentBoard = z.object({
  centerId: ZId,
  date: ZDate,
  /** ISO weekday of `date` (1 = Monday … 7 = Sunday). */
  weekday: z.number().int().min(1).max(7),
  workingDay: z.boolean(),
  assignments: z.array(ZAssignment),
  warnings: z.array(ZAssignmentWarning),
});
export type AssignmentBoard = z.infer<typeof ZAssignmentBoard>;
/** Without a date the board opens on the center's next working day. */
export const ZBoardQuery = z.object({ date: ZDate.optional() });
/** `replace`: whoever holds the counter in a shift that meets this one gives it up (the manager dropped onto them); otherwise that is a 409. */
export const ZAssignRequest = z.object({ date: ZDate, counterId: ZId, staffId: ZId, shift: ZShift.default('all_day'), replace: z.boolean().default(false) });
/** Frees a counter for one shift, or for the whole day when no shift is given. */
export const ZUnassignRequest = z.object({ date: ZDate, counterId: ZId, shift: ZShift.optional() });
export const ZCopyMode = z.enum(['last-working-day', 'same-weekday-last-week'], { error: msg('Cách chép: last-working-day hoặc same-weekday-last-week', 'Copy mode: last-working-day or same-weekday-last-week') });
export type CopyMode = z.infer<typeof ZCopyMode>;
export const ZCopyBoardRequest = z.object({ toDate: ZDate, mode: ZCopyMode });
export const ZCopySkip = z.object({
  staffId: ZId,
  staffName: z.string(),
  counterId: ZId,
  counterLabel: z.string(),
  shift: ZShift,
  reason: z.enum(['staff_inactive', 'counter_closed', 'skill_missing']),
  message: z.string(),
});
export type CopySkip = z.infer<typeof ZCopySkip>;
export const ZCopyResult = ZAssignmentBoard.extend({ fromDate: ZDate, copied: z.number().int(), skipped: z.array(ZCopySkip) });
export type CopyResult = z.infer<typeof ZCopyResult>;

/** The staff × day grid of a week (Monday first); days before today are read-only. */
export const ZWeekQuery = z.object({ start: ZDate.optional() });
export const ZWeekDay = z.object({ date: ZDate, weekday: z.number().int().min(1).max(7), workingDay: z.boolean(), editable: z.boolean() });
export const ZWeekPerson = z.object({ id: ZId, fullName: z.string(), username: z.string() });
export const ZWeekCounter = z.object({ id: ZId, label: z.string(), number: z.number().int(), services: z.array(z.string()) });
export const ZAssignmentWeek = z.object({
  centerId: ZId,
  start: ZDate,
  days: z.array(ZWeekDay),
  staff: z.array(ZWeekPerson),
  counters: z.array(ZWeekCounter),
  assignments: z.array(ZAssignment),
  warnings: z.array(ZAssignmentWarning),
});
export type AssignmentWeek = z.infer<typeof ZAssignmentWeek>;
export const ZWeekSlot = z.object({ staffId: ZId, counterId: ZId, date: ZDate, shift: ZShift });
export type WeekSlot = z.infer<typeof ZWeekSlot>;
/** The whole plan of the week's editable days: it replaces what those days held. */
export const ZWeekPlan = z.object({
  start: ZDate,
  assignments: z.array(ZWeekSlot).max(7 * 200, { error: msg('Quá nhiều dòng phân công trong một tuần', 'Too many assignments for one week') }),
});
/** Where the signed-in officer may work today. */
export const ZMyAssignments = z.object({ date: ZDate, assignments: z.array(ZAssignment.extend({ centerId: ZId, counterLabel: z.string() })) });
export type MyAssignments = z.infer<typeof ZMyAssignments>;

export const ZDevice = z.object({
  id: ZId,
  centerId: ZId,
  kind: ZDeviceKind,
  /** The counter a rating tablet belongs to (null for displays and kiosks). */
  counterId: ZId.nullable(),
  name: z.string(),
  pairedAt: ZDateTime.nullable(),
  revokedAt: ZDateTime.nullable(),
  createdAt: ZDateTime,
  /** A socket of the device is connected to an API instance now. */
  online: z.boolean(),
  lastSeenAt: ZDateTime.nullable(),
  /** Offline now, and the managers were alerted about this outage at this time (silent in working hours, #18 item 12). */
  offlineAlertedAt: ZDateTime.nullable(),
});
export type Device = z.infer<typeof ZDevice>;
export const ZDeviceInput = z
  .object({ kind: ZDeviceKind, name: ZName, counterId: ZId.nullish() })
  .refine((d) => (d.kind === 'rating') === Boolean(d.counterId), {
    path: ['counterId'],
    error: msg('Máy đánh giá cần chọn đúng một quầy; màn hình và kiosk thì không', 'A rating tablet needs its counter; displays and kiosks have none'),
  });
/** The short code a manager reads out; the TV/kiosk types it once. */
export const ZDevicePairing = z.object({ device: ZDevice, pairingCode: z.string(), expiresAt: ZDateTime });
export const ZPairRequest = z.object({ code: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{6,8}$/, { error: msg('Mã ghép nối gồm 6–8 chữ hoặc số', 'The pairing code has 6–8 letters or digits') }) });
export const ZDeviceSession = z.object({ deviceId: ZId, centerId: ZId, kind: ZDeviceKind, counterId: ZId.nullable() });

export const ZAuditEntry = z.object({
  id: ZId,
  actorId: ZId.nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  at: ZDateTime,
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof ZAuditEntry>;
export const ZAuditQuery = z.object({
  entity: z.string().optional(),
  actorId: ZId.optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: ZDateTime.optional(),
});
export const ZAuditPage = z.object({ entries: z.array(ZAuditEntry), nextBefore: ZDateTime.nullable() });
