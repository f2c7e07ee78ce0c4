import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../client.js';
import { query } from '../statement.js';

export type ScopeTargetType = 'unit' | 'center' | 'counter' | 'service' | 'staff' | 'device' | 'agency' | 'priority_category' | 'dossier' | 'dossier_agency' | 'dossier_intake' | 'dossier_return';

/** Where a resource sits: its center (if any) and its unit with every ancestor unit. */
export interface ResourcePlace {
  centerId: string | null;
  /** Every center the resource belongs to (a boundary-free dossier has several); includes centerId. */
  centerIds: string[];
  unitIds: string[];
}

const dossierIntakePlaces = (id: string) => sql`select d.receiving_center_id as center_id, c.unit_id from dossiers d join centers c on c.id = d.receiving_center_id where d.id = ${id}`;
const dossierReturnPlaces = (id: string) => sql`select d.return_center_id as center_id, c.unit_id from dossiers d join centers c on c.id = d.return_center_id where d.id = ${id}`;
const dossierAgencyPlaces = (id: string) => sql`
  select c.id as center_id, a.unit_id from dossiers d join agencies a on a.id in (d.agency_id, d.current_agency_id) left join centers c on c.unit_id = a.unit_id where d.id = ${id}`;

const placeQuery: Record<ScopeTargetType, (id: string) => ReturnType<typeof sql>> = {
  unit: (id) => sql`select null::uuid as center_id, ${id}::uuid as unit_id where exists (select 1 from administrative_units where id = ${id})`,
  center: (id) => sql`select id as center_id, unit_id from centers where id = ${id}`,
  counter: (id) => sql`select c.id as center_id, c.unit_id from counters k join centers c on c.id = k.center_id where k.id = ${id}`,
  service: (id) => sql`select c.id as center_id, c.unit_id from services s join centers c on c.id = s.center_id where s.id = ${id}`,
  device: (id) => sql`select c.id as center_id, c.unit_id from devices d join centers c on c.id = d.center_id where d.id = ${id}`,
  agency: (id) => sql`select null::uuid as center_id, unit_id from agencies where id = ${id}`,
  priority_category: (id) => sql`select c.id as center_id, c.unit_id from priority_categories p join centers c on c.id = p.center_id where p.id = ${id}`,
  // A dossier is seen from its receiving and return centers and its competent and current agencies;
  // processing belongs to the agencies (their units and the centers there), intake to the receiving center, return to the return point.
  dossier: (id) => sql`${dossierIntakePlaces(id)} union all ${dossierReturnPlaces(id)} union all ${dossierAgencyPlaces(id)}`,
  dossier_agency: (id) => dossierAgencyPlaces(id),
  dossier_intake: (id) => dossierIntakePlaces(id),
  dossier_return: (id) => dossierReturnPlaces(id),
  staff: (id) => sql`select s.home_center_id as center_id, coalesce(c.unit_id, s.home_unit_id) as unit_id from staff s left join centers c on c.id = s.home_center_id where s.id = ${id}`,
};

const placeOf = query(
  'scope.place',
  z.object({ center_id: z.string().nullable(), unit_id: z.string().nullable() }),
  (type: ScopeTargetType, id: string) => placeQuery[type](id),
);

const ancestry = query(
  'scope.ancestry',
  z.object({ id: z.string() }),
  (unitId: string) => sql`
      with recursive up as (
        select id, parent_id, 0 as depth from administrative_units where id = ${unitId}
        union all
        select u.id, u.parent_id, up.depth + 1 from administrative_units u join up on u.id = up.parent_id
      )
      select id from up order by depth`,
);

export const scopeRepository = {
  /** Undefined when the resource does not exist. */
  async place(db: DbOrTx, type: ScopeTargetType, id: string): Promise<ResourcePlace | undefined> {
    const rows = await placeOf(db, type, id);
    const row = rows[0];
    if (!row) return undefined;
    const centerIds = [...new Set(rows.map((r) => r.center_id).filter((c): c is string => !!c))];
    const unitIds = new Set<string>();
    for (const unitId of new Set(rows.map((r) => r.unit_id))) if (unitId) for (const u of await this.ancestry(db, unitId)) unitIds.add(u);
    return { centerId: row.center_id, centerIds, unitIds: [...unitIds] };
  },

  /** The unit and all its ancestors, nearest first. */
  async ancestry(db: DbOrTx, unitId: string): Promise<string[]> {
    const rows = await ancestry(db, unitId);
    return rows.map((r) => r.id);
  },
};
