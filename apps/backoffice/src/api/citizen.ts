import { routes, type CitizenChannel, type CitizenDeliveryQuery, type CitizenEvent, type Language } from '@motcua/contracts';
import { api } from './client.js';

type Key = { event: CitizenEvent; channel: CitizenChannel; language: Language };

export const fetchCitizenTemplates = () => api.call(routes.listCitizenTemplates);
export const saveCitizenTemplate = (k: Key, body: { subject: string; body: string }) =>
  api.call(routes.saveCitizenTemplate, { params: k, body });
export const resetCitizenTemplate = (k: Key) => api.call(routes.resetCitizenTemplate, { params: k });
export const fetchCitizenDeliveries = (q: Partial<CitizenDeliveryQuery>) =>
  api.call(routes.listCitizenDeliveries, { query: { pageSize: 50, ...q } });
