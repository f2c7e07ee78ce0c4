import { routes } from '@motcua/contracts';
import { api } from './client.js';

export const fetchBoard = (centerId: string, date: string) => api.call(routes.getBoard, { params: { centerId }, query: { date } });
export const assign = (centerId: string, date: string, counterId: string, staffId: string) =>
  api.call(routes.assign, { params: { centerId }, body: { date, counterId, staffId } });
export const unassign = (centerId: string, date: string, counterId: string) => api.call(routes.unassign, { params: { centerId }, body: { date, counterId } });
export const copyBoard = (centerId: string, fromDate: string, toDate: string) => api.call(routes.copyBoard, { params: { centerId }, body: { fromDate, toDate } });
export const fetchMyAssignments = () => api.call(routes.myAssignments);
