import type { ThresholdInput } from '@motcua/contracts';
import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../client.js';
import { query } from '../statement.js';
import { indicatorThresholds, type IndicatorThreshold } from '../schema/notifications.js';
import { administrativeUnits } from '../schema/organisation.js';

export type ThresholdRow = IndicatorThreshold & { unitName: string };

const columns = {
  id: indicatorThresholds.id, unitId: indicatorThresholds.unitId, indicator: indicatorThresholds.indicator, comparison: indicatorThresholds.comparison,
  value: indicatorThresholds.value, period: indicatorThresholds.period, enabled: indicatorThresholds.enabled, createdBy: indicatorThresholds.createdBy,
  state: indicatorThresholds.state, stateSince: indicatorThresholds.stateSince, crossings: indicatorThresholds.crossings, lastValue: indicatorThresholds.lastValue,
  lastEvaluatedAt: indicatorThresholds.lastEvaluatedAt, createdAt: indicatorThresholds.createdAt, updatedAt: indicatorThresholds.updatedAt, unitName: administrativeUnits.name,
};

const leadersAbove = query(
  'threshold.recipients',
  z.object({ id: z.string() }),
  (unitId: string) => sql`
      with recursive up as (
        select id, parent_id from administrative_units where id = ${unitId}::uuid
        union select u.id, u.parent_id from administrative_units u join up on u.id = up.parent_id
      )
      select distinct r.staff_id as id from staff_roles r join staff s on s.id = r.staff_id
      where r.role = 'leader' and s.active and r.scope_unit_id in (select id from up)
      order by 1`,
);

/** Leaders' alert lines and the side of the line each figure was on at the last evaluation. */
export const thresholdRepository = {
  async forUnit(db: DbOrTx, unitId: string): Promise<ThresholdRow[]> {
    return db.select(columns).from(indicatorThresholds).innerJoin(administrativeUnits, eq(administrativeUnits.id, indicatorThresholds.unitId))
      .where(eq(indicatorThresholds.unitId, unitId)).orderBy(asc(indicatorThresholds.createdAt));
  },

  async one(db: DbOrTx, unitId: string, id: string): Promise<ThresholdRow | undefined> {
    const [row] = await db.select(columns).from(indicatorThresholds).innerJoin(administrativeUnits, eq(administrativeUnits.id, indicatorThresholds.unitId))
      .where(and(eq(indicatorThresholds.id, id), eq(indicatorThresholds.unitId, unitId)));
    return row;
  },

  async enabled(db: DbOrTx): Promise<ThresholdRow[]> {
    return db.select(columns).from(indicatorThresholds).innerJoin(administrativeUnits, eq(administrativeUnits.id, indicatorThresholds.unitId))
      .where(eq(indicatorThresholds.enabled, true)).orderBy(asc(indicatorThresholds.createdAt));
  },

  async create(tx: DbOrTx, unitId: string, input: ThresholdInput, createdBy: string): Promise<IndicatorThreshold> {
    const [row] = await tx.insert(indicatorThresholds).values({ unitId, ...input, createdBy }).returning();
    return row!;
  },

  /** A changed line starts uncrossed: if the figure is past the new line, that is a new crossing. Undefined when not this unit's. */
  async update(tx: DbOrTx, unitId: string, id: string, input: ThresholdInput): Promise<IndicatorThreshold | undefined> {
    const [row] = await tx.update(indicatorThresholds).set({ ...input, state: 'ok', stateSince: null })
      .where(and(eq(indicatorThresholds.id, id), eq(indicatorThresholds.unitId, unitId))).returning();
    return row;
  },

  async remove(tx: DbOrTx, unitId: string, id: string): Promise<IndicatorThreshold | undefined> {
    const [row] = await tx.delete(indicatorThresholds).where(and(eq(indicatorThresholds.id, id), eq(indicatorThresholds.unitId, unitId))).returning();
    return row;
  },

  /**
   * Marks the line crossed, only from `ok` and only if it is still the line that was evaluated:
   * of two workers evaluating at once, one gets the crossing number, the other nothing.
   */
  async cross(tx: DbOrTx, t: Pick<IndicatorThreshold, 'id' | 'value' | 'comparison' | 'indicator' | 'period'>, figure: number, at: Date): Promise<number | undefined> {
    const [row] = await tx.update(indicatorThresholds)
      .set({ state: 'crossed', stateSince: at, crossings: sql`${indicatorThresholds.crossings} + 1`, lastValue: figure, lastEvaluatedAt: at })
      .where(and(
        eq(indicatorThresholds.id, t.id), eq(indicatorThresholds.state, 'ok'), eq(indicatorThresholds.enabled, true), eq(indicatorThresholds.value, t.value),
        eq(indicatorThresholds.comparison, t.comparison), eq(indicatorThresholds.indicator, t.indicator), eq(indicatorThresholds.period, t.period),
      ))
      .returning({ crossings: indicatorThresholds.crossings });
    return row?.crossings;
  },

  /** Back on the good side: the next crossing alerts again. */
  async recover(db: DbOrTx, id: string, figure: number, at: Date): Promise<boolean> {
    const rows = await db.update(indicatorThresholds).set({ state: 'ok', stateSince: at, lastValue: figure, lastEvaluatedAt: at })
      .where(and(eq(indicatorThresholds.id, id), eq(indicatorThresholds.state, 'crossed'))).returning({ id: indicatorThresholds.id });
    return rows.length > 0;
  },

  async touch(db: DbOrTx, id: string, figure: number | null, at: Date): Promise<void> {
    await db.update(indicatorThresholds).set({ lastValue: figure, lastEvaluatedAt: at }).where(eq(indicatorThresholds.id, id));
  },

  /** Active leaders of the unit or of any unit above it (the commune's and the province's). */
  async recipients(db: DbOrTx, unitId: string): Promise<string[]> {
    const rows = await leadersAbove(db, unitId);
    return rows.map((r) => r.id);
  },
};
