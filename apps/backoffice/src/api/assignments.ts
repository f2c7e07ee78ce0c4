import { routes, type CopyMode, type Shift, type WeekSlot } from '@motcua/contracts';
import { api } from './client.js';

/** Without a date the API answers with the center's next working day. */
export const fetchBoard = (centerId: string, date?: string) => api.call(routes.getBoard, { params: { centerId }, query: date ? { date } : {} });
export const assign = (centerId: string, body: { date: string; counterId: string; staffId: string; shift: Shift; replace: boolean }) => api.call(routes.assign, { params: { centerId }, body });
export const unassign = (centerId: string, date: string, counterId: string) => api.call(routes.unassign, { params: { centerId }, body: { date, counterId } });
export const copyBoard = (centerId: string, toDate: string, mode: CopyMode) => api.call(routes.copyBoard, { params: { centerId }, body: { toDate, mode } });
export const fetchWeek = (centerId: string, start?: string) => api.call(routes.getWeek, { params: { centerId }, query: start ? { start } : {} });
export const saveWeek = (centerId: string, start: string, assignments: WeekSlot[]) => api.call(routes.putWeek, { params: { centerId }, body: { start, assignments } });
export const fetchMyAssignments = () => api.call(routes.myAssignments);
