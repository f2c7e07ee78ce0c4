import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { centers, counterServices, counters, priorityCategories, services, type Center, type Counter, type PriorityCategory, type Service } from '../schema/organisation.js';

export type CenterValues = Pick<typeof centers.$inferInsert, 'code' | 'name' | 'unitId' | 'timeZone' | 'openingHours' | 'address' | 'allowCallSpecific' | 'priorityRatio' | 'noShowAfterRecalls' | 'appointmentSlotMinutes' | 'appointmentsPerCounter' | 'appointmentOnTimeMinutes' | 'appointmentBookingDays' | 'remotePerHour' | 'remoteStopMinutes' | 'remoteConfirmMinutes'>;
export type ServiceValues = Pick<typeof services.$inferInsert, 'code' | 'nameVi' | 'nameEn' | 'ticketPrefix' | 'typicalServiceMinutes' | 'field' | 'isOpen' | 'sortOrder'>;
export type PriorityValues = Pick<typeof priorityCategories.$inferInsert, 'code' | 'nameVi' | 'nameEn' | 'weight'>;
export type CounterProfile = Array<{ serviceId: string; weight: number }>;
export type CounterWithProfile = Counter & { services: CounterProfile };

/** Writes of a center's setup: the center itself, its services, counters (with service profiles) and priority categories. */
export const centerSetupRepository = {
  async lockCenter(tx: DbOrTx, id: string): Promise<Center | undefined> {
    const [row] = await tx.select().from(centers).where(eq(centers.id, id)).for('update');
    return row;
  },
  /** The unit a center belongs to; undefined when there is no such center. */
  async centerUnit(db: DbOrTx, id: string): Promise<string | undefined> {
    const [row] = await db.select({ unitId: centers.unitId }).from(centers).where(eq(centers.id, id));
    return row?.unitId;
  },
  async createCenter(tx: DbOrTx, values: CenterValues): Promise<Center> {
    const [row] = await tx.insert(centers).values(values).returning();
    return row!;
  },
  async updateCenter(tx: DbOrTx, id: string, values: Partial<CenterValues>): Promise<Center> {
    if (!Object.keys(values).length) return (await this.lockCenter(tx, id))!;
    const [row] = await tx.update(centers).set(values).where(eq(centers.id, id)).returning();
    return row!;
  },

  async lockService(tx: DbOrTx, id: string): Promise<Service | undefined> {
    const [row] = await tx.select().from(services).where(eq(services.id, id)).for('update');
    return row;
  },
  async createService(tx: DbOrTx, centerId: string, values: ServiceValues): Promise<Service> {
    const [row] = await tx.insert(services).values({ ...values, centerId }).returning();
    return row!;
  },
  async updateService(tx: DbOrTx, id: string, values: Partial<ServiceValues>): Promise<Service> {
    if (!Object.keys(values).length) return (await this.lockService(tx, id))!;
    const [row] = await tx.update(services).set(values).where(eq(services.id, id)).returning();
    return row!;
  },
  /** Which of these service ids belong to the center. */
  async servicesOfCenter(db: DbOrTx, centerId: string, ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    return (await db.select({ id: services.id }).from(services).where(and(eq(services.centerId, centerId), inArray(services.id, ids)))).map((r) => r.id);
  },

  async lockCounter(tx: DbOrTx, id: string): Promise<CounterWithProfile | undefined> {
    const [row] = await tx.select().from(counters).where(eq(counters.id, id)).for('update');
    if (!row) return undefined;
    return { ...row, services: await this.profile(tx, id) };
  },
  async profile(db: DbOrTx, counterId: string): Promise<CounterProfile> {
    return db.select({ serviceId: counterServices.serviceId, weight: counterServices.weight }).from(counterServices).where(eq(counterServices.counterId, counterId)).orderBy(asc(counterServices.createdAt));
  },
  async createCounter(tx: DbOrTx, centerId: string, values: { label: string; number: number; services: CounterProfile }): Promise<CounterWithProfile> {
    const [row] = await tx.insert(counters).values({ centerId, label: values.label, number: values.number }).returning();
    await tx.insert(counterServices).values(values.services.map((s) => ({ counterId: row!.id, ...s })));
    return { ...row!, services: values.services };
  },
  async updateCounter(tx: DbOrTx, id: string, values: { label?: string; number?: number; services?: CounterProfile }): Promise<CounterWithProfile> {
    const { services: profile, ...columns } = values;
    const [row] = Object.keys(columns).length
      ? await tx.update(counters).set(columns).where(eq(counters.id, id)).returning()
      : await tx.select().from(counters).where(eq(counters.id, id));
    if (profile) {
      await tx.delete(counterServices).where(eq(counterServices.counterId, id));
      await tx.insert(counterServices).values(profile.map((s) => ({ counterId: id, ...s })));
    }
    return { ...row!, services: profile ?? (await this.profile(tx, id)) };
  },

  async lockPriority(tx: DbOrTx, id: string): Promise<PriorityCategory | undefined> {
    const [row] = await tx.select().from(priorityCategories).where(eq(priorityCategories.id, id)).for('update');
    return row;
  },
  async createPriority(tx: DbOrTx, centerId: string, values: PriorityValues): Promise<PriorityCategory> {
    const [row] = await tx.insert(priorityCategories).values({ ...values, centerId }).returning();
    return row!;
  },
  async updatePriority(tx: DbOrTx, id: string, values: Partial<PriorityValues>): Promise<PriorityCategory> {
    if (!Object.keys(values).length) return (await this.lockPriority(tx, id))!;
    const [row] = await tx.update(priorityCategories).set(values).where(eq(priorityCategories.id, id)).returning();
    return row!;
  },
};
