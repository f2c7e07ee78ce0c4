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

export const ZAssignment = z.object({ id: ZId, staffId: ZId, counterId: ZId, workDate: ZDate, shift: z.string() });
export type Assignment = z.infer<typeof ZAssignment>;
export const ZAssignmentWarning = z.object({ counterId: ZId, staffId: ZId, message: z.string() });
export const ZAssignmentBoard = z.object({
  centerId: ZId,
  date: ZDate,
  assignments: z.array(ZAssignment),
  warnings: z.array(ZAssignmentWarning),
});
export type AssignmentBoard = z.infer<typeof ZAssignmentBoard>;
export const ZBoardQuery = z.object({ date: ZDate });
export const ZAssignRequest = z.object({ date: ZDate, counterId: ZId, staffId: ZId });
export const ZUnassignRequest = z.object({ date: ZDate, counterId: ZId });
export const ZCopyBoardRequest = z
  .object({ fromDate: ZDate, toDate: ZDate })
  .refine((v) => v.fromDate !== v.toDate, { path: ['toDate'], error: msg('Ngày đích phải khác ngày nguồn', 'The target day must differ from the source day') });
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
