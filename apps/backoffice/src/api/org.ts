import { routes, ZAuditPage, ZCenter, ZCenterDetail, ZDevice, ZDevicePairing, ZStaff, ZStaffCreated, ZTemporaryPassword, type RouteBody } from '@motcua/contracts';
import { fillPath } from '@motcua/web';
import { api } from './client.js';

export const fetchCenters = () => api.request('GET', routes.listCenters.path, { schema: ZCenter.array() });
export const fetchCenter = (centerId: string) => api.request('GET', fillPath(routes.getCenter.path, { centerId }), { schema: ZCenterDetail });
export const fetchStaff = () => api.request('GET', routes.listStaff.path, { schema: ZStaff.array() });
export const createStaff = (body: RouteBody<'createStaff'>) => api.request('POST', routes.createStaff.path, { body, schema: ZStaffCreated });
export const updateStaff = (id: string, body: RouteBody<'updateStaff'>) => api.request('PATCH', fillPath(routes.updateStaff.path, { id }), { body, schema: ZStaff });
export const resetPassword = (id: string) => api.request('POST', fillPath(routes.resetPassword.path, { id }), { schema: ZTemporaryPassword });

export const fetchDevices = (centerId: string) => api.request('GET', fillPath(routes.listDevices.path, { centerId }), { schema: ZDevice.array() });
export const createDevice = (centerId: string, body: RouteBody<'createDevice'>) => api.request('POST', fillPath(routes.createDevice.path, { centerId }), { body, schema: ZDevicePairing });
export const revokeDevice = (id: string) => api.request('POST', fillPath(routes.revokeDevice.path, { id }), { schema: ZDevice });

export const fetchAudit = (query: { entity?: string; before?: string; limit?: number }) => api.request('GET', routes.listAudit.path, { query, schema: ZAuditPage });
