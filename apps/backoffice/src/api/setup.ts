import { routes, type RouteBody } from '@motcua/contracts';
import { api } from './client.js';

export const fetchUnits = () => api.call(routes.listUnits);
export const createUnit = (body: RouteBody<'createUnit'>) => api.call(routes.createUnit, { body });
export const updateUnit = (id: string, body: RouteBody<'updateUnit'>) => api.call(routes.updateUnit, { params: { id }, body });
export const importUnits = (csv: string) => api.call(routes.importUnits, { body: { csv } });

export const fetchAgencies = () => api.call(routes.listAgencies);
export const createAgency = (body: RouteBody<'createAgency'>) => api.call(routes.createAgency, { body });
export const updateAgency = (id: string, body: RouteBody<'updateAgency'>) => api.call(routes.updateAgency, { params: { id }, body });

export const createCenter = (body: RouteBody<'createCenter'>) => api.call(routes.createCenter, { body });
export const updateCenter = (centerId: string, body: RouteBody<'updateCenter'>) => api.call(routes.updateCenter, { params: { centerId }, body });
export const createService = (centerId: string, body: RouteBody<'createService'>) => api.call(routes.createService, { params: { centerId }, body });
export const updateService = (id: string, body: RouteBody<'updateService'>) => api.call(routes.updateService, { params: { id }, body });
export const createCounter = (centerId: string, body: RouteBody<'createCounter'>) => api.call(routes.createCounter, { params: { centerId }, body });
export const updateCounter = (id: string, body: RouteBody<'updateCounter'>) => api.call(routes.updateCounter, { params: { id }, body });
export const createPriority = (centerId: string, body: RouteBody<'createPriorityCategory'>) =>
  api.call(routes.createPriorityCategory, { params: { centerId }, body });
export const updatePriority = (id: string, body: RouteBody<'updatePriorityCategory'>) => api.call(routes.updatePriorityCategory, { params: { id }, body });

export const fetchProcedures = () => api.call(routes.listProcedures);
export const createProcedure = (body: RouteBody<'createProcedure'>) => api.call(routes.createProcedure, { body });
export const addProcedureVersion = (id: string, body: RouteBody<'addProcedureVersion'>) => api.call(routes.addProcedureVersion, { params: { id }, body });
export const importProcedures = (format: 'csv' | 'json', content: string) => api.call(routes.importProcedures, { body: { format, content } });
