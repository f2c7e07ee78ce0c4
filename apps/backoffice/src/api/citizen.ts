import { routes, ZCitizenDeliveryPage, ZCitizenTemplate, type CitizenChannel, type CitizenDeliveryQuery, type CitizenEvent, type Language } from '@motcua/contracts';
import { fillPath } from '@motcua/web';
import { api } from './client.js';

type Key = { event: CitizenEvent; channel: CitizenChannel; language: Language };

export const fetchCitizenTemplates = () => api.request('GET', routes.listCitizenTemplates.path, { schema: ZCitizenTemplate.array() });
export const saveCitizenTemplate = (k: Key, body: { subject: string; body: string }) =>
  api.request('PUT', fillPath(routes.saveCitizenTemplate.path, k), { body, schema: ZCitizenTemplate });
export const resetCitizenTemplate = (k: Key) => api.request('DELETE', fillPath(routes.resetCitizenTemplate.path, k), { schema: ZCitizenTemplate });
export const fetchCitizenDeliveries = (q: Partial<CitizenDeliveryQuery>) =>
  api.request('GET', routes.listCitizenDeliveries.path, { query: { pageSize: 50, ...q }, schema: ZCitizenDeliveryPage });
