import { asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../client.js';
import { query } from '../statement.js';
import { administrativeUnits, agencies, type AdministrativeUnit, type Agency } from '../schema/organisation.js';
import type { CenterFilter } from './center.repository.js';

export type UnitValues = Pick<typeof administrativeUnits.$inferInsert, 'code' | 'name' | 'level' | 'parentId' | 'disadvantaged' | 'validFrom' | 'validTo'>;
export type AgencyValues = Pick<typeof agencies.$inferInsert, 'code' | 'electronicId' | 'name' | 'unitId' | 'kind'>;

/** Units a set of grants reaches: the subtree of each granted unit, and the unit of each granted center. */
const visibleUnits = (filter: Exclude<CenterFilter, { all: true }>) => sql`(
  with recursive down as (
    select id from administrative_units
    where id in (select unnest(${`{${filter.unitIds.join(',')}}`}::uuid[]))
       or id in (select unit_id from centers where id in (select unnest(${`{${filter.centerIds.join(',')}}`}::uuid[])))
    union
    select u.id from administrative_units u join down on u.parent_id = down.id
  ) select id from down)`;

const isInSubtree = query(
  'unit.isInSubtree',
  z.object({ found: z.boolean() }),
  (id: string, candidate: string) => sql`
      with recursive down as (select id from administrative_units where id = ${id}
        union select u.id from administrative_units u join down on u.parent_id = down.id)
      select exists (select 1 from down where id = ${candidate}) as found`,
);

export const unitRepository = {
  async list(db: DbOrTx, filter: CenterFilter): Promise<AdministrativeUnit[]> {
    const q = db.select().from(administrativeUnits);
    if ('all' in filter) return q.orderBy(asc(administrativeUnits.level), asc(administrativeUnits.code));
    return q.where(sql`${administrativeUnits.id} in ${visibleUnits(filter)}`).orderBy(asc(administrativeUnits.level), asc(administrativeUnits.code));
  },

  async byCodes(db: DbOrTx, codes: string[]): Promise<AdministrativeUnit[]> {
    if (!codes.length) return [];
    return db.select().from(administrativeUnits).where(inArray(administrativeUnits.code, codes));
  },

  /** The row, locked until the transaction ends: the audit "before" stays true. */
  async lock(tx: DbOrTx, id: string): Promise<AdministrativeUnit | undefined> {
    const [row] = await tx.select().from(administrativeUnits).where(eq(administrativeUnits.id, id)).for('update');
    return row;
  },

  async create(tx: DbOrTx, values: UnitValues): Promise<AdministrativeUnit> {
    const [row] = await tx.insert(administrativeUnits).values(values).returning();
    return row!;
  },

  async update(tx: DbOrTx, id: string, values: Partial<UnitValues>): Promise<AdministrativeUnit> {
    if (!Object.keys(values).length) return (await this.lock(tx, id))!;
    const [row] = await tx.update(administrativeUnits).set(values).where(eq(administrativeUnits.id, id)).returning();
    return row!;
  },

  /** Whether `candidate` is `id` itself or below it: a unit cannot move under its own subtree. */
  async isInSubtree(db: DbOrTx, id: string, candidate: string): Promise<boolean> {
    const rows = await isInSubtree(db, id, candidate);
    return Boolean(rows[0]?.found);
  },

  async listAgencies(db: DbOrTx, filter: CenterFilter): Promise<Agency[]> {
    const q = db.select().from(agencies);
    if ('all' in filter) return q.orderBy(asc(agencies.code));
    return q.where(sql`${agencies.unitId} in ${visibleUnits(filter)}`).orderBy(asc(agencies.code));
  },

  async lockAgency(tx: DbOrTx, id: string): Promise<Agency | undefined> {
    const [row] = await tx.select().from(agencies).where(eq(agencies.id, id)).for('update');
    return row;
  },

  async createAgency(tx: DbOrTx, values: AgencyValues): Promise<Agency> {
    const [row] = await tx.insert(agencies).values(values).returning();
    return row!;
  },

  async updateAgency(tx: DbOrTx, id: string, values: Partial<AgencyValues>): Promise<Agency> {
    if (!Object.keys(values).length) return (await this.lockAgency(tx, id))!;
    const [row] = await tx.update(agencies).set(values).where(eq(agencies.id, id)).returning();
    return row!;
  },
};
