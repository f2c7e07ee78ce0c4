import { routes, type OfficeWindowsInput } from '@motcua/contracts';
import { api } from './client.js';

export const fetchCalendarDays = (year: number) => api.call(routes.calendarDays, { query: { year } });
export const setCalendarDay = (date: string, body: { kind: 'holiday' | 'day_off' | 'working_day'; name: string }) =>
  api.call(routes.setCalendarDay, { params: { date }, body });
export const clearCalendarDay = (date: string) => api.call(routes.clearCalendarDay, { params: { date } });

export const fetchOfficeWindows = (unitId: string) => api.call(routes.officeWindows, { params: { id: unitId } });
export const setOfficeWindows = (unitId: string, body: OfficeWindowsInput) =>
  api.call(routes.setOfficeWindows, { params: { id: unitId }, body });
