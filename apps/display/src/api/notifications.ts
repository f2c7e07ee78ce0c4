import { routes, ZOptOutLink, ZOptOutResult } from '@motcua/contracts';
import { fillPath } from '@motcua/web';
import { api } from './client.js';

export const fetchOptOutLink = (token: string) => api.request('GET', fillPath(routes.citizenOptOutLink.path, { token }), { schema: ZOptOutLink });
export const confirmOptOut = (token: string) => api.request('POST', fillPath(routes.citizenOptOut.path, { token }), { schema: ZOptOutResult });
