import { defineRoute } from '../route.js';
import { ZOk } from '../common.js';
import { ZCalendarDay, ZCalendarDayInput, ZCalendarDayParams, ZCalendarDays, ZCalendarDaysQuery, ZOfficeWindowsInput, ZOfficeWindowsView, ZUnitIdParams } from '../calendar.js';
import { orgAdmins } from './access.js';

/** The province's working-day calendar: holidays, swapped days off and compensatory working days (deadlines and alerts use it). */
export const calendarRoutes = {
  calendarDays: defineRoute({
    method: 'GET', path: '/calendar/days', tag: 'calendar', summary: 'Holidays, days off and working days of a year in the default calendar',
    access: { kind: 'staff', roles: 'any' }, query: ZCalendarDaysQuery, response: ZCalendarDays,
  }),
  setCalendarDay: defineRoute({
    method: 'PUT', path: '/calendar/days/:date', tag: 'calendar', summary: 'Make a date a holiday, a day off or a working day (replaces what it was)',
    access: { kind: 'staff', roles: orgAdmins }, params: ZCalendarDayParams, body: ZCalendarDayInput, response: ZCalendarDay,
  }),
  clearCalendarDay: defineRoute({
    method: 'DELETE', path: '/calendar/days/:date', tag: 'calendar', summary: 'Give a date back its ordinary weekday rule',
    access: { kind: 'staff', roles: orgAdmins }, params: ZCalendarDayParams, response: ZOk,
  }),
  officeWindows: defineRoute({
    method: 'GET', path: '/calendar/units/:id/office-windows', tag: 'calendar', summary: 'Office windows of a province or agency: in force today (own or inherited) and upcoming',
    access: { kind: 'staff', roles: orgAdmins, scope: { type: 'unit', from: 'params', key: 'id' } }, params: ZUnitIdParams, response: ZOfficeWindowsView,
  }),
  setOfficeWindows: defineRoute({
    method: 'PUT', path: '/calendar/units/:id/office-windows', tag: 'calendar', summary: 'Set the office windows of a province or agency from a date on (today or later); audited',
    access: { kind: 'staff', roles: orgAdmins, scope: { type: 'unit', from: 'params', key: 'id' } }, params: ZUnitIdParams, body: ZOfficeWindowsInput, response: ZOfficeWindowsView,
  }),
} as const;
