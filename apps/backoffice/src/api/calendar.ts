import { routes, ZCalendarDay, ZCalendarDays, ZOfficeWindowsView, type OfficeWindowsInput } from '@motcua/contracts';
import { fillPath } from '@motcua/web';
import { api } from './client.js';

export const fetchCalendarDays = (year: number) => api.request('GET', routes.calendarDays.path, { query: { year }, schema: ZCalendarDays });
export const setCalendarDay = (date: string, body: { kind: 'holiday' | 'day_off' | 'working_day'; name: string }) =>
  api.request('PUT', fillPath(routes.setCalendarDay.path, { date }), { body, schema: ZCalendarDay });
export const clearCalendarDay = (date: string) => api.request('DELETE', fillPath(routes.clearCalendarDay.path, { date }));

export const fetchOfficeWindows = (unitId: string) => api.request('GET', fillPath(routes.officeWindows.path, { id: unitId }), { schema: ZOfficeWindowsView });
export const setOfficeWindows = (unitId: string, body: OfficeWindowsInput) =>
  api.request('PUT', fillPath(routes.setOfficeWindows.path, { id: unitId }), { body, schema: ZOfficeWindowsView });
