import { routes, ZAssignmentBoard, ZMyAssignments } from '@motcua/contracts';
import { fillPath } from '@motcua/web';
import { api } from './client.js';

const at = (centerId: string, path: string) => fillPath(path, { centerId });

export const fetchBoard = (centerId: string, date: string) => api.request('GET', at(centerId, routes.getBoard.path), { query: { date }, schema: ZAssignmentBoard });
export const assign = (centerId: string, date: string, counterId: string, staffId: string) =>
  api.request('PUT', at(centerId, routes.assign.path), { body: { date, counterId, staffId }, schema: ZAssignmentBoard });
export const unassign = (centerId: string, date: string, counterId: string) => api.request('POST', at(centerId, routes.unassign.path), { body: { date, counterId }, schema: ZAssignmentBoard });
export const copyBoard = (centerId: string, fromDate: string, toDate: string) => api.request('POST', at(centerId, routes.copyBoard.path), { body: { fromDate, toDate }, schema: ZAssignmentBoard });
export const fetchMyAssignments = () => api.request('GET', routes.myAssignments.path, { schema: ZMyAssignments });
