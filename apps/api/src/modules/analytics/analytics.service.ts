import type {
  AnalyticsScope, BriefingQuery, Channels, ChannelsQuery, Corrections, CorrectionsQuery, FigureDossiers, FigureDossiersQuery, DrilldownQuery, Drilldown, Heatmap, HeatmapQuery, IndicatorsQuery, IndicatorsReport, IndicatorsRow,
  OverdueList, OverdueQuery, QueuePerformance, QueuePerformanceQuery, Ranking, RankingQuery, Trends, TrendsQuery,
} from '@motcua/contracts';
import { addCounts, COUNT_GROUPS, dayOfInstant, DEFAULT_TIME_ZONE, monthRange, previousMonth, dossierIndicators, emptyCounts, isSmallSample, queueSumsIndicators, RATE_FORMULAS, score766, shownIndicators, shownScore, type CountKey, type DossierCounts } from '@motcua/core';
import { analyticsRepository, type DatabaseHandle, type DossierCountsRow, type OverdueRow, type QueueSumsRow } from '@motcua/db';
import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../../common/actor.js';
import { ApiError } from '../../common/api-error.js';
import { CONFIG, type ApiConfig } from '../../config/config.js';
import { READ_DATABASE } from '../../infra/tokens.js';

const CHANNELS: Record<string, string> = { counter: 'Trực tiếp', online: 'Trực tuyến', post: 'Bưu chính' };
const DAY_MS = 86_400_000;

const toRow = (key: string, label: string, counts: DossierCounts): IndicatorsRow => {
  const indicators = dossierIndicators(counts);
  return { key, label, counts, indicators, score766: score766(indicators) };
};
const countsOf = ({ key: _key, ...counts }: DossierCountsRow & { to?: string }): DossierCounts => {
  delete counts.to;
  return counts;
};
const totalOf = (rows: DossierCountsRow[]) => toRow('total', 'Tổng cộng', rows.reduce<DossierCounts>((sum, r) => addCounts(sum, countsOf(r)), emptyCounts()));
/** Worst first: lowest 766 on-time rate, then lowest score; "no data" (nothing resolved) after every number. */
const onTime = (r: IndicatorsRow) => shownIndicators(r.indicators).onTimeRate766 ?? Infinity;
const score = (r: IndicatorsRow) => shownScore(r.indicators, r.score766.total) ?? Infinity;
const worstFirst = (a: IndicatorsRow, b: IndicatorsRow) => onTime(a) - onTime(b) || score(a) - score(b) || a.label.localeCompare(b.label, 'vi');

/** The figures of a monthly briefing, from the same read models and totals as the indicators report. */
export interface BriefingFiguresResult {
  unit: { id: string; name: string };
  month: string;
  from: string;
  to: string;
  total: IndicatorsRow;
  previousTotal: IndicatorsRow;
  fields: Array<{ key: string; label: string; current: DossierCounts; previous: DossierCounts }>;
  /** Procedures with data this month, worst first. */
  procedures: Array<IndicatorsRow & { field: string }>;
  /** Past due at `now`, most overdue first (up to OVERDUE_CAP). */
  overdue: OverdueRow[];
}
/** Overdue dossiers read for a briefing: enough to count them in any commune; beyond it the count says "at least". */
export const OVERDUE_CAP = 2000;

/** Leaders' reports: read models only (the overdue list aside), never a scan of the raw dossiers; a leader sees their unit and below. */
@Injectable()
export class AnalyticsService {
  constructor(
    @Inject(READ_DATABASE) private readonly database: DatabaseHandle,
    @Inject(CONFIG) private readonly config: ApiConfig,
  ) {}

  private get db() {
    return this.database.db;
  }

  /** The units the actor's grants reach (a unit grant its subtree, a center grant its center's unit); undefined = everything (admin). */
  private async scope(actor: Actor): Promise<string[] | undefined> {
    if (actor.roles.some((g) => g.role === 'admin')) return undefined;
    return analyticsRepository.unitsInScope(this.db, actor.roles.flatMap((g) => (g.scopeUnitId ? [g.scopeUnitId] : [])), actor.roles.flatMap((g) => (g.scopeCenterId ? [g.scopeCenterId] : [])));
  }

  /** A unit asked for and everything below it, refused when outside the actor's scope; the whole scope when none is asked for. */
  private async within(actor: Actor, unitId: string | undefined): Promise<string[] | undefined> {
    const scope = await this.scope(actor);
    if (!unitId) return scope;
    if (scope && !scope.includes(unitId)) throw ApiError.forbidden({ vi: 'Đơn vị này nằm ngoài phạm vi của bạn', en: 'This unit is outside your scope' });
    const subtree = await analyticsRepository.unitsInScope(this.db, [unitId], []);
    if (!subtree.length) throw ApiError.notFound({ vi: 'Đơn vị', en: 'The unit' });
    return scope ? subtree.filter((u) => scope.includes(u)) : subtree;
  }

  async indicators(q: IndicatorsQuery, actor: Actor): Promise<IndicatorsReport> {
    const unitIds = await this.scope(actor);
    const [rows, labels] = await Promise.all([analyticsRepository.dossierCounts(this.db, { ...q, unitIds }), analyticsRepository.labels(this.db)]);
    const label = (key: string) =>
      q.groupBy === 'unit' ? (labels.units.get(key) ?? key) : q.groupBy === 'procedure' ? (labels.procedures.get(key) ?? key) : q.groupBy === 'field' ? (labels.fields.get(key) ?? key) : (CHANNELS[key] ?? key);
    return { from: q.from, to: q.to, by: q.by, groupBy: q.groupBy, rows: rows.map((r) => toRow(r.key, label(r.key), countsOf(r))), total: totalOf(rows) };
  }

  async scopeUnits(actor: Actor): Promise<AnalyticsScope> {
    const scope = await this.scope(actor);
    const units = await analyticsRepository.units(this.db, scope);
    const inside = new Set(units.map((u) => u.id));
    // The top of the scope: units whose parent is outside it.
    return { units: units.filter((u) => !u.parentId || !inside.has(u.parentId)).map(({ id, name, level }) => ({ id, name, level })) };
  }

  /**
   * Every commune in scope (with "no data" when it had no dossiers), and any other unit that had
   * some: those with at least the minimum sample ranked worst first, then the small ones apart.
   */
  async ranking(q: RankingQuery, actor: Actor): Promise<Ranking> {
    const minSample = q.minSample ?? this.config.ANALYTICS_MIN_SAMPLE;
    const unitIds = await this.scope(actor);
    const [rows, units] = await Promise.all([analyticsRepository.dossierCounts(this.db, { ...q, groupBy: 'unit', unitIds }), analyticsRepository.units(this.db, unitIds)]);
    const byKey = new Map(rows.map((r) => [r.key, r]));
    const all = units
      .filter((u) => u.level === 'commune' || byKey.has(u.id))
      .map((u) => {
        const row = toRow(u.id, u.name, byKey.has(u.id) ? countsOf(byKey.get(u.id)!) : emptyCounts());
        return { ...row, level: u.level, smallSample: isSmallSample(row.indicators, minSample), tile: u.tileX === null || u.tileY === null ? null : { x: u.tileX, y: u.tileY } };
      })
      .sort(worstFirst);
    const ranked = [...all.filter((r) => !r.smallSample), ...all.filter((r) => r.smallSample)];
    return { from: q.from, to: q.to, by: q.by, minSample, rows: ranked, total: totalOf(rows) };
  }

  async trends(q: TrendsQuery, actor: Actor): Promise<Trends> {
    const unitIds = await this.within(actor, q.unitId);
    const rows = await analyticsRepository.dossierTrend(this.db, { ...q, unitIds });
    return { bucket: q.bucket, points: rows.map((r) => ({ ...toRow(r.key, r.key, countsOf(r)), from: r.key, to: r.to })) };
  }

  async channels(q: ChannelsQuery, actor: Actor): Promise<Channels> {
    const unitIds = await this.within(actor, q.unitId);
    const rows = await analyticsRepository.dossierCounts(this.db, { ...q, groupBy: 'channel', unitIds });
    const byKey = new Map(rows.map((r) => [r.key, r]));
    // All three channels, always: a channel nobody used is a real 0 received, not a missing row.
    const all = (['counter', 'online', 'post'] as const).map((c) => ({ ...toRow(c, CHANNELS[c]!, byKey.has(c) ? countsOf(byKey.get(c)!) : emptyCounts()), channel: c }));
    return { rows: all, total: totalOf(rows) };
  }

  async drilldown(unitId: string, q: DrilldownQuery, actor: Actor): Promise<Drilldown> {
    const unitIds = await this.within(actor, unitId);
    const groupBy = q.field ? 'procedure' : 'field';
    const [rows, labels] = await Promise.all([analyticsRepository.dossierCounts(this.db, { ...q, groupBy, unitIds }), analyticsRepository.labels(this.db)]);
    const label = (key: string) => (groupBy === 'field' ? (labels.fields.get(key) ?? key) : (labels.procedures.get(key) ?? key));
    return {
      unit: { id: unitId, name: labels.units.get(unitId) ?? unitId },
      field: q.field ? { key: q.field, label: labels.fields.get(q.field) ?? q.field } : null,
      groupBy,
      rows: rows.map((r) => toRow(r.key, label(r.key), countsOf(r))).sort(worstFirst),
      total: totalOf(rows),
    };
  }

  async overdue(unitId: string, q: OverdueQuery, actor: Actor, now: Date): Promise<OverdueList> {
    const unitIds = (await this.within(actor, unitId))!;
    const rows = await analyticsRepository.overdueDossiers(this.db, { ...q, unitIds, now, limit: q.limit + 1 });
    return {
      rows: rows.slice(0, q.limit).map((r) => ({ ...r, dueAt: new Date(r.dueAt).toISOString(), daysOverdue: Math.floor((now.getTime() - new Date(r.dueAt).getTime()) / DAY_MS) })),
      truncated: rows.length > q.limit,
    };
  }

  /**
   * The dossiers behind a figure: for a rate its numerator or denominator (the keys core's formula
   * sums), for a count that count. Raw rows, paged, within the caller's scope; no applicant data.
   */
  async dossiers(q: FigureDossiersQuery, actor: Actor): Promise<FigureDossiers> {
    const unitIds = await this.within(actor, q.unitId);
    const formula = q.figure in RATE_FORMULAS ? RATE_FORMULAS[q.figure as keyof typeof RATE_FORMULAS] : null;
    const group = q.figure in COUNT_GROUPS ? COUNT_GROUPS[q.figure as keyof typeof COUNT_GROUPS] : null;
    const keys: CountKey[] = formula ? [...formula[q.part]] : group ? [...group] : [q.figure as CountKey];
    const { total, rows } = await analyticsRepository.dossierList(this.db, {
      ...q, unitIds, keys, limit: q.pageSize, offset: (q.page - 1) * q.pageSize, timeZone: DEFAULT_TIME_ZONE,
    });
    const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
    return {
      figure: q.figure, part: q.part, counts: keys, total, page: q.page, pageSize: q.pageSize,
      rows: rows.map((r) => ({
        ...r, channel: r.channel as FigureDossiers['rows'][number]['channel'], endKind: r.endKind as FigureDossiers['rows'][number]['endKind'],
        verdict: r.verdict as FigureDossiers['rows'][number]['verdict'], verdictOriginal: r.verdictOriginal as FigureDossiers['rows'][number]['verdictOriginal'],
        receivedAt: iso(r.receivedAt)!, originalDueAt: iso(r.originalDueAt)!, dueAt: iso(r.dueAt), finishedAt: iso(r.finishedAt), comparedAt: iso(r.comparedAt),
        pauses: r.pauses.map((p) => ({ kind: p.kind as 'supplement', from: iso(p.from)!, to: iso(p.to) })),
      })),
    };
  }

  async corrections(q: CorrectionsQuery, actor: Actor): Promise<Corrections> {
    const unitIds = await this.within(actor, q.unitId);
    const rows = await analyticsRepository.corrections(this.db, { ...q, unitIds });
    return { rows: rows.map((r) => ({ ...r, recomputedAt: new Date(r.recomputedAt).toISOString() })) };
  }

  async heatmap(q: HeatmapQuery, actor: Actor): Promise<Heatmap> {
    const unitIds = await this.within(actor, q.unitId);
    const cells = await analyticsRepository.queueHeatmap(this.db, { ...q, unitIds });
    return { cells, max: cells.reduce((m, c) => Math.max(m, c.issued), 0) };
  }

  async queuePerformance(q: QueuePerformanceQuery, actor: Actor): Promise<QueuePerformance> {
    const unitIds = await this.within(actor, q.unitId);
    const [centers, counters, officers] = await Promise.all(
      (['center', 'counter', 'officer'] as const).map((per) => analyticsRepository.queueSums(this.db, { ...q, unitIds, per })),
    );
    const row = (r: QueueSumsRow) => ({ key: r.key, label: r.label, center: r.center, issued: r.issued, called: r.called, served: r.served, noShow: r.noShow, ...queueSumsIndicators(r) });
    return { centers: centers!.map(row), counters: counters!.map(row), officers: officers!.map(row) };
  }

  /**
   * A month's figures for the briefing of one unit (and below) within the caller's scope: the total
   * as `indicators` computes it for the same days (so the headline agrees with the overview), the
   * month before, per field, per procedure, and the dossiers overdue now.
   */
  async briefingFigures(q: BriefingQuery, actor: Actor, now: Date): Promise<BriefingFiguresResult> {
    if (q.month > dayOfInstant(now, DEFAULT_TIME_ZONE).slice(0, 7)) {
      throw ApiError.validation([{ path: 'query.month', message: { vi: 'Tháng này chưa tới; hãy chọn tháng hiện tại hoặc một tháng đã qua', en: 'This month has not come yet; choose the current month or an earlier one' } }]);
    }
    const unitIds = (await this.within(actor, q.unitId))!;
    const { from, to } = monthRange(q.month);
    const before = monthRange(previousMonth(q.month));
    const counts = (p: { from: string; to: string }, groupBy: 'unit' | 'field' | 'procedure') => analyticsRepository.dossierCounts(this.db, { ...p, by: q.by, groupBy, unitIds });
    const [units, fields, previousUnits, previousFields, procedures, overdue, labels] = await Promise.all([
      counts({ from, to }, 'unit'), counts({ from, to }, 'field'), counts(before, 'unit'), counts(before, 'field'), counts({ from, to }, 'procedure'),
      analyticsRepository.overdueDossiers(this.db, { unitIds, by: q.by, now, limit: OVERDUE_CAP }),
      analyticsRepository.labels(this.db),
    ]);
    const previousByField = new Map(previousFields.map((r) => [r.key, countsOf(r)]));
    const fieldKeys = [...new Set([...fields.map((r) => r.key), ...previousFields.map((r) => r.key)])];
    const currentByField = new Map(fields.map((r) => [r.key, countsOf(r)]));
    return {
      unit: { id: q.unitId, name: labels.units.get(q.unitId) ?? q.unitId },
      month: q.month, from, to,
      total: totalOf(units),
      previousTotal: totalOf(previousUnits),
      fields: fieldKeys.map((key) => ({ key, label: labels.fields.get(key) ?? key, current: currentByField.get(key) ?? emptyCounts(), previous: previousByField.get(key) ?? emptyCounts() })),
      procedures: procedures
        .map((r) => {
          const field = labels.procedureFields.get(r.key);
          return { ...toRow(r.key, labels.procedures.get(r.key) ?? r.key, countsOf(r)), field: field ? (labels.fields.get(field) ?? field) : '' };
        })
        .filter((r) => shownIndicators(r.indicators).onTimeRate766 !== null)
        .sort(worstFirst),
      overdue,
    };
  }
}
