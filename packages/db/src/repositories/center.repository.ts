import { asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { centers, counterServices, counters, priorityCategories, services, type Center } from '../schema/organisation.js';

/** Which centers a set of role grants can see: all, those under some units, or named centers. */
export type CenterFilter = { all: true } | { unitIds: string[]; centerIds: string[] };

export const centerRepository = {
  async list(db: DbOrTx, filter: CenterFilter): Promise<Center[]> {
    if ('all' in filter) return db.select().from(centers).orderBy(asc(centers.code));
    if (!filter.unitIds.length && !filter.centerIds.length) return [];
    const underUnits = filter.unitIds.length
      ? sql`${centers.unitId} in (with recursive down as (select id from administrative_units where id in ${filter.unitIds} union all select u.id from administrative_units u join down on u.parent_id = down.id) select id from down)`
      : sql`false`;
    return db
      .select()
      .from(centers)
      .where(or(underUnits, filter.centerIds.length ? inArray(centers.id, filter.centerIds) : sql`false`))
      .orderBy(asc(centers.code));
  },

  async detail(db: DbOrTx, id: string) {
    const [center] = await db.select().from(centers).where(eq(centers.id, id));
    if (!center) return undefined;
    const [svc, ctr, links, prio] = await Promise.all([
      db.select().from(services).where(eq(services.centerId, id)).orderBy(asc(services.sortOrder)),
      db.select().from(counters).where(eq(counters.centerId, id)).orderBy(asc(counters.number)),
      db.select({ counterId: counterServices.counterId, serviceId: counterServices.serviceId, weight: counterServices.weight }).from(counterServices).innerJoin(counters, eq(counters.id, counterServices.counterId)).where(eq(counters.centerId, id)),
      db.select().from(priorityCategories).where(or(eq(priorityCategories.centerId, id), isNull(priorityCategories.centerId))),
    ]);
    return {
      center,
      services: svc,
      counters: ctr.map((c) => ({ ...c, services: links.filter((l) => l.counterId === c.id).map(({ serviceId, weight }) => ({ serviceId, weight })) })),
      priorityCategories: prio,
    };
  },
};
