import { routes } from '@motcua/contracts';
import { api } from './client.js';

export const fetchOptOutLink = (token: string) => api.call(routes.citizenOptOutLink, { params: { token } });
export const confirmOptOut = (token: string) => api.call(routes.citizenOptOut, { params: { token } });
