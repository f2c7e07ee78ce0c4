import { routes, ZCenter, ZCenterDetail, ZStaff } from '@motcua/contracts';
import { fillPath } from '@motcua/web';
import { api } from './client.js';

export const fetchCenters = () => api.request('GET', routes.listCenters.path, { schema: ZCenter.array() });
export const fetchCenter = (centerId: string) => api.request('GET', fillPath(routes.getCenter.path, { centerId }), { schema: ZCenterDetail });
export const fetchStaff = () => api.request('GET', routes.listStaff.path, { schema: ZStaff.array() });
