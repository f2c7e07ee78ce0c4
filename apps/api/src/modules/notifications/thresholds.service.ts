import type { Threshold, ThresholdInput } from '@motcua/contracts';
import { auditRepository, thresholdRepository, type DatabaseHandle, type IndicatorThreshold, type ThresholdRow } from '@motcua/db';
import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../../common/actor.js';
import { ApiError } from '../../common/api-error.js';
import { DATABASE } from '../../infra/tokens.js';

const toThreshold = (t: ThresholdRow): Threshold => ({
  id: t.id, unitId: t.unitId, unitName: t.unitName, indicator: t.indicator, comparison: t.comparison, value: t.value, period: t.period, enabled: t.enabled,
  state: t.state, stateSince: t.stateSince?.toISOString() ?? null, lastValue: t.lastValue, crossings: t.crossings, createdAt: t.createdAt.toISOString(),
});
const audited = (t: IndicatorThreshold) => ({ indicator: t.indicator, comparison: t.comparison, value: t.value, period: t.period, enabled: t.enabled });
const notFound = () => ApiError.notFound({ vi: 'Ngưỡng cảnh báo này của đơn vị', en: 'This alert threshold of the unit' });

/** A unit's alert lines (the route's scope check has already placed the unit within the actor's reach). */
@Injectable()
export class ThresholdsService {
  constructor(@Inject(DATABASE) private readonly database: DatabaseHandle) {}

  async list(unitId: string): Promise<Threshold[]> {
    return (await thresholdRepository.forUnit(this.database.db, unitId)).map(toThreshold);
  }

  async create(unitId: string, input: ThresholdInput, actor: Actor, ip?: string): Promise<Threshold> {
    const row = await this.database.db.transaction(async (tx) => {
      const created = await thresholdRepository.create(tx, unitId, input, actor.staffId);
      await auditRepository.append(tx, { actorId: actor.staffId, action: 'threshold.create', entity: 'indicator_threshold', entityId: created.id, before: null, after: audited(created), ip });
      return thresholdRepository.one(tx, unitId, created.id);
    });
    return toThreshold(row!);
  }

  async update(unitId: string, id: string, input: ThresholdInput, actor: Actor, ip?: string): Promise<Threshold> {
    const row = await this.database.db.transaction(async (tx) => {
      const before = await thresholdRepository.one(tx, unitId, id);
      if (!before) return undefined;
      const updated = await thresholdRepository.update(tx, unitId, id, input);
      await auditRepository.append(tx, { actorId: actor.staffId, action: 'threshold.update', entity: 'indicator_threshold', entityId: id, before: audited(before), after: audited(updated!), ip });
      return thresholdRepository.one(tx, unitId, id);
    });
    if (!row) throw notFound();
    return toThreshold(row);
  }

  async remove(unitId: string, id: string, actor: Actor, ip?: string): Promise<{ ok: true }> {
    const removed = await this.database.db.transaction(async (tx) => {
      const row = await thresholdRepository.remove(tx, unitId, id);
      if (row) await auditRepository.append(tx, { actorId: actor.staffId, action: 'threshold.delete', entity: 'indicator_threshold', entityId: id, before: audited(row), after: null, ip });
      return row;
    });
    if (!removed) throw notFound();
    return { ok: true };
  }
}
