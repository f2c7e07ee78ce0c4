import type { MatrixPart } from './matrix.js';

let n = 0;
/** Codes differ per call, so that the roles allowed to create really create rather than collide. */
const code = (prefix: string) => `${prefix}-${process.pid}-${++n}`;
const hours = { '1': [{ start: '07:30', end: '11:30' }] };
const version = { effectiveFrom: '2030-01-01', effectiveTo: null, timeLimit: { unit: 'working_days', value: 3 }, feeVnd: 0, onlineLevel: 'partial', boundaryFree: false };

export const orgMatrix: MatrixPart = {
  async fixtures({ sql, target }) {
    const [row] = await sql`
      select c.unit_id, (select id from agencies where unit_id = c.unit_id limit 1) as agency_id,
             (select id from services where center_id = c.id order by sort_order limit 1) as service_id,
             (select id from procedures order by code limit 1) as procedure_id
      from centers c where c.id = ${target.centerId!}`;
    const [priority] = await sql`insert into priority_categories (center_id, code, name_vi, name_en, weight) values (${target.centerId!}, 'matrix', 'Ưu tiên thử', 'Test priority', 1) returning id`;
    return { unitId: row!.unit_id, agencyId: row!.agency_id, serviceId: row!.service_id, procedureId: row!.procedure_id, priorityCategoryId: priority!.id };
  },
  samples: {
    listUnits: () => ({ path: '/units' }),
    createUnit: (t) => ({ path: '/units', body: { code: code('U'), name: 'Ấp thử', level: 'commune', parentId: t.unitId } }),
    updateUnit: (t) => ({ path: `/units/${t.unitId}`, body: { validTo: null } }),
    importUnits: () => ({ path: '/units/import', body: { csv: 'code,name,level,parent_code\n' } }),
    listAgencies: () => ({ path: '/agencies' }),
    createAgency: (t) => ({ path: '/agencies', body: { code: code('A'), electronicId: code('E').toUpperCase().replaceAll('-', '.'), name: 'Cơ quan thử', unitId: t.unitId, kind: 'test' } }),
    updateAgency: (t) => ({ path: `/agencies/${t.agencyId}`, body: {} }),
    createCenter: (t) => ({ path: '/centers', body: { code: code('C'), name: 'Trung tâm thử', unitId: t.unitId, openingHours: hours } }),
    updateCenter: (t) => ({ path: `/centers/${t.centerId}`, body: {} }),
    createService: (t) => ({ path: `/centers/${t.centerId}/services`, body: { code: code('S'), nameVi: 'Dịch vụ thử', nameEn: 'Test service', ticketPrefix: 'ZZ', typicalServiceMinutes: 5, field: 'test' } }),
    updateService: (t) => ({ path: `/services/${t.serviceId}`, body: {} }),
    createCounter: (t) => ({ path: `/centers/${t.centerId}/counters`, body: { label: 'Quầy thử', number: 900 + n++, services: [{ serviceId: t.serviceId, weight: 1 }] } }),
    updateCounter: (t) => ({ path: `/counters/${t.counterId}`, body: {} }),
    createPriorityCategory: (t) => ({ path: `/centers/${t.centerId}/priority-categories`, body: { code: code('P'), nameVi: 'Ưu tiên', nameEn: 'Priority', weight: 1 } }),
    updatePriorityCategory: (t) => ({ path: `/priority-categories/${t.priorityCategoryId}`, body: {} }),
    listProcedures: () => ({ path: '/procedures' }),
    createProcedure: () => ({ path: '/procedures', body: { code: code('TT'), name: 'Thủ tục thử', field: 'test', version } }),
    addProcedureVersion: (t) => ({ path: `/procedures/${t.procedureId}/versions`, body: { ...version, effectiveFrom: `2031-01-${String((n++ % 28) + 1).padStart(2, '0')}` } }),
    importProcedures: () => ({ path: '/procedures/import', body: { format: 'json', content: '[]' } }),
    listStaff: () => ({ path: '/staff' }),
    createStaff: (t) => ({ path: '/staff', body: { username: code('nv').toLowerCase(), fullName: 'Cán bộ thử', homeCenterId: t.centerId, roles: [{ role: 'officer', scopeUnitId: null, scopeCenterId: t.centerId }] } }),
    updateStaff: (t) => ({ path: `/staff/${t.otherStaffId}`, body: { email: null } }),
  },
};
