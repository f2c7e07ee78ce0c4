import { routes, ZAgency, ZCenter, ZCounter, ZImportResult, ZPriorityCategory, ZProcedure, ZService, ZUnit, type RouteBody } from '@motcua/contracts';
import { fillPath } from '@motcua/web';
import { api } from './client.js';

export const fetchUnits = () => api.request('GET', routes.listUnits.path, { schema: ZUnit.array() });
export const createUnit = (body: RouteBody<'createUnit'>) => api.request('POST', routes.createUnit.path, { body, schema: ZUnit });
export const updateUnit = (id: string, body: RouteBody<'updateUnit'>) => api.request('PATCH', fillPath(routes.updateUnit.path, { id }), { body, schema: ZUnit });
export const importUnits = (csv: string) => api.request('POST', routes.importUnits.path, { body: { csv }, schema: ZImportResult });

export const fetchAgencies = () => api.request('GET', routes.listAgencies.path, { schema: ZAgency.array() });
export const createAgency = (body: RouteBody<'createAgency'>) => api.request('POST', routes.createAgency.path, { body, schema: ZAgency });
export const updateAgency = (id: string, body: RouteBody<'updateAgency'>) => api.request('PATCH', fillPath(routes.updateAgency.path, { id }), { body, schema: ZAgency });

export const createCenter = (body: RouteBody<'createCenter'>) => api.request('POST', routes.createCenter.path, { body, schema: ZCenter });
export const updateCenter = (centerId: string, body: RouteBody<'updateCenter'>) => api.request('PATCH', fillPath(routes.updateCenter.path, { centerId }), { body, schema: ZCenter });
export const createService = (centerId: string, body: RouteBody<'createService'>) => api.request('POST', fillPath(routes.createService.path, { centerId }), { body, schema: ZService });
export const updateService = (id: string, body: RouteBody<'updateService'>) => api.request('PATCH', fillPath(routes.updateService.path, { id }), { body, schema: ZService });
export const createCounter = (centerId: string, body: RouteBody<'createCounter'>) => api.request('POST', fillPath(routes.createCounter.path, { centerId }), { body, schema: ZCounter });
export const updateCounter = (id: string, body: RouteBody<'updateCounter'>) => api.request('PATCH', fillPath(routes.updateCounter.path, { id }), { body, schema: ZCounter });
export const createPriority = (centerId: string, body: RouteBody<'createPriorityCategory'>) =>
  api.request('POST', fillPath(routes.createPriorityCategory.path, { centerId }), { body, schema: ZPriorityCategory });
export const updatePriority = (id: string, body: RouteBody<'updatePriorityCategory'>) => api.request('PATCH', fillPath(routes.updatePriorityCategory.path, { id }), { body, schema: ZPriorityCategory });

export const fetchProcedures = () => api.request('GET', routes.listProcedures.path, { schema: ZProcedure.array() });
export const createProcedure = (body: RouteBody<'createProcedure'>) => api.request('POST', routes.createProcedure.path, { body, schema: ZProcedure });
export const addProcedureVersion = (id: string, body: RouteBody<'addProcedureVersion'>) => api.request('POST', fillPath(routes.addProcedureVersion.path, { id }), { body, schema: ZProcedure });
export const importProcedures = (format: 'csv' | 'json', content: string) => api.request('POST', routes.importProcedures.path, { body: { format, content }, schema: ZImportResult });
