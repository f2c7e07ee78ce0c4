import { z } from 'zod';
import { defineRoute } from '../route.js';
import { ZTemporaryPassword } from '../auth.js';
import { ZCenterParams, ZIdParams } from '../common.js';
import { ZCenter, ZCenterDetail } from '../org.js';
import {
  ZAssignRequest, ZAssignmentBoard, ZAssignmentWeek, ZAuditPage, ZAuditQuery, ZBoardQuery, ZCopyBoardRequest, ZCopyResult, ZDevice, ZDeviceInput, ZDevicePairing,
  ZDeviceSession, ZMyAssignments, ZPairRequest, ZUnassignRequest, ZWeekPlan, ZWeekQuery,
} from '../staff.js';
import { centerAdmins, centerParam, orgAdmins } from './access.js';

/** Centers, the assignment board, devices, password resets and the audit log. */
export const staffRoutes = {
  listCenters: defineRoute({
    method: 'GET', path: '/centers', tag: 'organisation', summary: 'Centers within my scope',
    access: { kind: 'staff', roles: 'any' }, response: z.array(ZCenter),
  }),
  getCenter: defineRoute({
    method: 'GET', path: '/centers/:centerId', tag: 'organisation', summary: 'A center with its services, counters and priority categories',
    access: { kind: 'staff', roles: 'any', scope: centerParam }, params: ZCenterParams, response: ZCenterDetail,
  }),
  getBoard: defineRoute({
    method: 'GET', path: '/centers/:centerId/assignments', tag: 'assignments', summary: 'The assignment board of a day (default: the center’s next working day)',
    access: { kind: 'staff', roles: centerAdmins, scope: centerParam }, params: ZCenterParams, query: ZBoardQuery, response: ZAssignmentBoard,
  }),
  assign: defineRoute({
    method: 'PUT', path: '/centers/:centerId/assignments', tag: 'assignments', summary: 'Put a person on a counter for a day and shift (moves them from a shift that meets it; 409 when someone else holds the counter then, unless `replace`)',
    access: { kind: 'staff', roles: centerAdmins, scope: centerParam }, params: ZCenterParams, body: ZAssignRequest, response: ZAssignmentBoard,
  }),
  unassign: defineRoute({
    method: 'POST', path: '/centers/:centerId/assignments/unassign', tag: 'assignments', status: 200, summary: 'Free a counter for a shift or the whole day',
    access: { kind: 'staff', roles: centerAdmins, scope: centerParam }, params: ZCenterParams, body: ZUnassignRequest, response: ZAssignmentBoard,
  }),
  copyBoard: defineRoute({
    method: 'POST', path: '/centers/:centerId/assignments/copy', tag: 'assignments', status: 200, summary: 'Copy the last working day’s board, or the same weekday’s of last week, onto a day (replaces it); reports what was skipped and why',
    access: { kind: 'staff', roles: centerAdmins, scope: centerParam }, params: ZCenterParams, body: ZCopyBoardRequest, response: ZCopyResult,
  }),
  getWeek: defineRoute({
    method: 'GET', path: '/centers/:centerId/assignments/week', tag: 'assignments', summary: 'The staff × day grid of a week (default: the week of the next working day)',
    access: { kind: 'staff', roles: centerAdmins, scope: centerParam }, params: ZCenterParams, query: ZWeekQuery, response: ZAssignmentWeek,
  }),
  putWeek: defineRoute({
    method: 'PUT', path: '/centers/:centerId/assignments/week', tag: 'assignments', summary: 'Save a week’s plan at once (replaces its days from today on; 409 on a conflict)',
    access: { kind: 'staff', roles: centerAdmins, scope: centerParam }, params: ZCenterParams, body: ZWeekPlan, response: ZAssignmentWeek,
  }),
  myAssignments: defineRoute({
    method: 'GET', path: '/me/assignments', tag: 'assignments', summary: 'The counters I am assigned to today',
    access: { kind: 'staff', roles: 'any' }, response: ZMyAssignments,
  }),
  listAudit: defineRoute({
    method: 'GET', path: '/audit', tag: 'audit', summary: 'Administrative changes (append-only), newest first',
    access: { kind: 'staff', roles: orgAdmins }, query: ZAuditQuery, response: ZAuditPage,
  }),
  resetPassword: defineRoute({
    method: 'POST', path: '/staff/:id/reset-password', tag: 'staff', status: 200,
    summary: 'Reset a password: ends the person’s sessions, unlocks the account, returns a temporary password once',
    access: { kind: 'staff', roles: centerAdmins, scope: { type: 'staff', from: 'params', key: 'id' } },
    params: ZIdParams, response: ZTemporaryPassword,
  }),
  listDevices: defineRoute({
    method: 'GET', path: '/centers/:centerId/devices', tag: 'devices', summary: 'Displays and kiosks of a center',
    access: { kind: 'staff', roles: centerAdmins, scope: centerParam }, params: ZCenterParams, response: z.array(ZDevice),
  }),
  createDevice: defineRoute({
    method: 'POST', path: '/centers/:centerId/devices', tag: 'devices', summary: 'Register a display or kiosk and get a pairing code (valid 15 minutes)',
    access: { kind: 'staff', roles: centerAdmins, scope: centerParam }, params: ZCenterParams, body: ZDeviceInput, response: ZDevicePairing,
  }),
  revokeDevice: defineRoute({
    method: 'POST', path: '/devices/:id/revoke', tag: 'devices', status: 200, summary: 'Revoke a device: its token stops working at once',
    access: { kind: 'staff', roles: centerAdmins, scope: { type: 'device', from: 'params', key: 'id' } }, params: ZIdParams, response: ZDevice,
  }),
  pairDevice: defineRoute({
    method: 'POST', path: '/devices/pair', tag: 'devices', status: 200, summary: 'A TV or kiosk exchanges its pairing code for a device cookie',
    access: { kind: 'public', rateLimit: { limit: 10, windowSeconds: 60 } }, body: ZPairRequest, response: ZDeviceSession,
  }),
  deviceMe: defineRoute({
    method: 'GET', path: '/devices/me', tag: 'devices', summary: 'The paired display, kiosk or rating tablet calling (401 once revoked)',
    access: { kind: 'device', devices: ['display', 'kiosk', 'rating'] }, response: ZDeviceSession,
  }),
} as const;
