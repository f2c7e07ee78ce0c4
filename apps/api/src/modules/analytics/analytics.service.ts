import type { IndicatorsQuery, IndicatorsReport, IndicatorsRow } from '@motcua/contracts';
import { addCounts, dossierIndicators, emptyCounts, score766, type DossierCounts } from '@motcua/core';
import { analyticsRepository, type DatabaseHandle } from '@motcua/db';
import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../../common/actor.js';
import { DATABASE } from '../../infra/tokens.js';

const CHANNELS: Record<string, string> = { counter: 'Trực tiếp', online: 'Trực tuyến', post: 'Bưu chính' };

/** Leaders' reports: read models only, never the raw dossiers; a leader sees their unit and below. */
@Injectable()
export class AnalyticsService {
  constructor(@Inject(DATABASE) private readonly database: DatabaseHandle) {}

  async indicators(q: IndicatorsQuery, actor: Actor): Promise<IndicatorsReport> {
    const db = this.database.db;
    const unitIds = actor.roles.some((g) => g.role === 'admin')
      ? undefined
      : await analyticsRepository.unitsInScope(db, actor.roles.flatMap((g) => (g.scopeUnitId ? [g.scopeUnitId] : [])), actor.roles.flatMap((g) => (g.scopeCenterId ? [g.scopeCenterId] : [])));
    const [rows, labels] = await Promise.all([analyticsRepository.dossierCounts(db, { ...q, unitIds }), analyticsRepository.labels(db)]);
    const label = (key: string) =>
      q.groupBy === 'unit' ? (labels.units.get(key) ?? key) : q.groupBy === 'procedure' ? (labels.procedures.get(key) ?? key) : q.groupBy === 'field' ? (labels.fields.get(key) ?? key) : (CHANNELS[key] ?? key);
    const toRow = (key: string, name: string, counts: DossierCounts): IndicatorsRow => {
      const indicators = dossierIndicators(counts);
      return { key, label: name, counts, indicators, score766: score766(indicators) };
    };
    const out = rows.map(({ key, ...counts }) => toRow(key, label(key), counts));
    const total = rows.reduce<DossierCounts>((sum, { key: _key, ...counts }) => addCounts(sum, counts), emptyCounts());
    return { from: q.from, to: q.to, by: q.by, groupBy: q.groupBy, rows: out, total: toRow('total', 'Tổng cộng', total) };
  }
}
