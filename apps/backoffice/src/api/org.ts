import { routes, type RouteBody } from '@motcua/contracts';
import { api } from './client.js';

export const fetchCenters = () => api.call(routes.listCenters);
export const fetchCenter = (centerId: string) => api.call(routes.getCenter, { params: { centerId } });
export const fetchStaff = () => api.call(routes.listStaff);
export const createStaff = (body: RouteBody<'createStaff'>) => api.call(routes.createStaff, { body });
export const updateStaff = (id: string, body: RouteBody<'updateStaff'>) => api.call(routes.updateStaff, { params: { id }, body });
export const resetPassword = (id: string) => api.call(routes.resetPassword, { params: { id } });

export const fetchDevices = (centerId: string) => api.call(routes.listDevices, { params: { centerId } });
export const createDevice = (centerId: string, body: RouteBody<'createDevice'>) => api.call(routes.createDevice, { params: { centerId }, body });
export const revokeDevice = (id: string) => api.call(routes.revokeDevice, { params: { id } });

export const fetchAudit = (query: { entity?: string; before?: string; limit?: number }) => api.call(routes.listAudit, { query });
