import { z } from 'zod';
import { defineRoute } from '../route.js';
import { patchOf, ZCenterParams, ZIdParams, ZImportResult } from '../common.js';
import { ZAgency, ZAgencyInput, ZCenter, ZCenterInput, ZCounter, ZCounterInput, ZCsvImportRequest, ZPriorityCategory, ZPriorityCategoryInput, ZProcedure, ZProcedureImportRequest, ZProcedureInput, ZProcedureVersionInput, ZService, ZServiceInput, ZUnit, ZUnitInput } from '../org.js';
import { ZStaff, ZStaffCreated, ZStaffInput, ZStaffUpdate } from '../staff.js';
import { centerAdmins, centerParam, orgAdmins } from './access.js';


/** Organisation and staff management: units, agencies, centers and their setup, procedures, staff. */
export const orgRoutes = {
  listUnits: defineRoute({
    method: 'GET', path: '/units', tag: 'organisation',
    summary: 'Administrative units within my scope', access: { kind: 'staff', roles: 'any' }, response: z.array(ZUnit),
  }),
  createUnit: defineRoute({
    method: 'POST', path: '/units', tag: 'organisation', summary: 'Create an administrative unit',
    access: { kind: 'staff', roles: orgAdmins, scope: { type: 'unit', from: 'body', key: 'parentId' } },
    body: ZUnitInput, response: ZUnit,
  }),
  updateUnit: defineRoute({
    method: 'PATCH', path: '/units/:id', tag: 'organisation', summary: 'Update an administrative unit',
    access: { kind: 'staff', roles: orgAdmins, scope: { type: 'unit', from: 'params', key: 'id' } },
    params: ZIdParams, body: patchOf(ZUnitInput), response: ZUnit,
  }),
  importUnits: defineRoute({
    method: 'POST', path: '/units/import', tag: 'organisation', status: 200,
    summary: 'Import units from CSV (code,name,level,parent_code,disadvantaged); all or nothing',
    access: { kind: 'staff', roles: orgAdmins }, body: ZCsvImportRequest, response: ZImportResult,
  }),

  listAgencies: defineRoute({
    method: 'GET', path: '/agencies', tag: 'organisation', summary: 'Agencies within my scope',
    access: { kind: 'staff', roles: 'any' }, response: z.array(ZAgency),
  }),
  createAgency: defineRoute({
    method: 'POST', path: '/agencies', tag: 'organisation', summary: 'Create an agency',
    access: { kind: 'staff', roles: orgAdmins, scope: { type: 'unit', from: 'body', key: 'unitId' } },
    body: ZAgencyInput, response: ZAgency,
  }),
  updateAgency: defineRoute({
    method: 'PATCH', path: '/agencies/:id', tag: 'organisation', summary: 'Update an agency',
    access: { kind: 'staff', roles: orgAdmins, scope: { type: 'agency', from: 'params', key: 'id' } },
    params: ZIdParams, body: patchOf(ZAgencyInput), response: ZAgency,
  }),

  createCenter: defineRoute({
    method: 'POST', path: '/centers', tag: 'organisation', summary: 'Create a center',
    access: { kind: 'staff', roles: orgAdmins, scope: { type: 'unit', from: 'body', key: 'unitId' } },
    body: ZCenterInput, response: ZCenter,
  }),
  updateCenter: defineRoute({
    method: 'PATCH', path: '/centers/:centerId', tag: 'organisation', summary: 'Update a center (hours, time zone, queue rules)',
    access: { kind: 'staff', roles: centerAdmins, scope: centerParam }, params: ZCenterParams, body: patchOf(ZCenterInput.omit({ unitId: true })), response: ZCenter,
  }),
  createService: defineRoute({
    method: 'POST', path: '/centers/:centerId/services', tag: 'organisation', summary: 'Add a service (queue category) to a center',
    access: { kind: 'staff', roles: centerAdmins, scope: centerParam }, params: ZCenterParams, body: ZServiceInput, response: ZService,
  }),
  updateService: defineRoute({
    method: 'PATCH', path: '/services/:id', tag: 'organisation', summary: 'Update a service; open or pause it',
    access: { kind: 'staff', roles: centerAdmins, scope: { type: 'service', from: 'params', key: 'id' } },
    params: ZIdParams, body: patchOf(ZServiceInput), response: ZService,
  }),
  createCounter: defineRoute({
    method: 'POST', path: '/centers/:centerId/counters', tag: 'organisation', summary: 'Add a counter with its service profile',
    access: { kind: 'staff', roles: centerAdmins, scope: centerParam }, params: ZCenterParams, body: ZCounterInput, response: ZCounter,
  }),
  updateCounter: defineRoute({
    method: 'PATCH', path: '/counters/:id', tag: 'organisation', summary: 'Update a counter label or service profile',
    access: { kind: 'staff', roles: centerAdmins, scope: { type: 'counter', from: 'params', key: 'id' } },
    params: ZIdParams, body: patchOf(ZCounterInput), response: ZCounter,
  }),
  createPriorityCategory: defineRoute({
    method: 'POST', path: '/centers/:centerId/priority-categories', tag: 'organisation', summary: 'Add a priority category',
    access: { kind: 'staff', roles: centerAdmins, scope: centerParam }, params: ZCenterParams, body: ZPriorityCategoryInput, response: ZPriorityCategory,
  }),
  updatePriorityCategory: defineRoute({
    method: 'PATCH', path: '/priority-categories/:id', tag: 'organisation', summary: 'Update a priority category',
    access: { kind: 'staff', roles: centerAdmins, scope: { type: 'priority_category', from: 'params', key: 'id' } },
    params: ZIdParams, body: patchOf(ZPriorityCategoryInput), response: ZPriorityCategory,
  }),

  listProcedures: defineRoute({
    method: 'GET', path: '/procedures', tag: 'procedures', summary: 'The procedure catalogue with versions',
    access: { kind: 'staff', roles: 'any' }, response: z.array(ZProcedure),
  }),
  createProcedure: defineRoute({
    method: 'POST', path: '/procedures', tag: 'procedures', summary: 'Add a procedure with its first version',
    access: { kind: 'staff', roles: orgAdmins }, body: ZProcedureInput, response: ZProcedure,
  }),
  addProcedureVersion: defineRoute({
    method: 'POST', path: '/procedures/:id/versions', tag: 'procedures', summary: 'Add a version with an effective date (closes the previous one)',
    access: { kind: 'staff', roles: orgAdmins }, params: ZIdParams, body: ZProcedureVersionInput, response: ZProcedure,
  }),
  importProcedures: defineRoute({
    method: 'POST', path: '/procedures/import', tag: 'procedures', status: 200, summary: 'Import a procedure catalogue (CSV or JSON); all or nothing',
    access: { kind: 'staff', roles: orgAdmins }, body: ZProcedureImportRequest, response: ZImportResult,
  }),

  listStaff: defineRoute({
    method: 'GET', path: '/staff', tag: 'staff', summary: 'Staff within my scope',
    access: { kind: 'staff', roles: centerAdmins }, response: z.array(ZStaff),
  }),
  createStaff: defineRoute({
    method: 'POST', path: '/staff', tag: 'staff', summary: 'Create a staff account; the temporary password is shown once',
    access: { kind: 'staff', roles: centerAdmins, scope: { type: 'center', from: 'body', key: 'homeCenterId' } },
    body: ZStaffInput, response: ZStaffCreated,
  }),
  updateStaff: defineRoute({
    method: 'PATCH', path: '/staff/:id', tag: 'staff', summary: 'Update roles, skills, contact; deactivate',
    access: { kind: 'staff', roles: centerAdmins, scope: { type: 'staff', from: 'params', key: 'id' } },
    params: ZIdParams, body: ZStaffUpdate, response: ZStaff,
  }),
} as const;
