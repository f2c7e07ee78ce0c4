import { z } from 'zod';
import { msg } from '../i18n.js';
import { ZChannel } from '../enums.js';
import { ZDate, ZId } from './common.js';

const MAX_DAYS = 731;
type Period = { from: string; to: string };
const ordered = (q: Period) => q.from <= q.to;
const length = (q: Period) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000;
/** A period [from, to] of local days, at most two years. */
const period = <T extends z.ZodRawShape>(shape: T) =>
  z
    .object({ from: ZDate, to: ZDate, ...shape })
    .refine((q) => ordered(q as unknown as Period), { path: ['to'], error: msg('Ngày kết thúc phải sau ngày bắt đầu', 'The end date must not be before the start date') })
    .refine((q) => !ordered(q as unknown as Period) || length(q as unknown as Period) <= MAX_DAYS, { path: ['from'], error: msg('Kỳ báo cáo tối đa 2 năm', 'A period is at most 2 years long') });
/** Whose dossiers: the competent agency's unit (Decision 766) or the receiving center's. */
const ZBy = z.enum(['competent', 'receiving']).default('competent');
/** Optional: only this unit and the units below it (it must be within the caller's scope). */
const ZUnitFilter = ZId.optional();

export const ZIndicatorsQuery = period({ by: ZBy, groupBy: z.enum(['unit', 'field', 'procedure', 'channel']).default('unit') });
export type IndicatorsQuery = z.infer<typeof ZIndicatorsQuery>;

const ZRatio = z.number().nullable().describe('A share in [0, 1]; null means no data (never shown as 0)');
export const ZDossierCounts = z.object({
  received: z.number().int(), receivedOnline: z.number().int(), carriedOver: z.number().int(),
  resolvedEarly: z.number().int(), resolvedOnTime: z.number().int(), resolvedLate: z.number().int(),
  withdrawnOnTime: z.number().int(), withdrawnLate: z.number().int(),
  inProgressInTime: z.number().int(), inProgressOverdue: z.number().int(),
  originalOnTime: z.number().int(), originalInTime: z.number().int(),
  withFee: z.number().int(), paidOnline: z.number().int(), dissatisfied: z.number().int(), digitised: z.number().int(),
  eResults: z.number().int().describe('766 4.1: resolved with a signed result document'),
  digitisedAtReception: z.number().int().describe('766 4.2: received with every required component digitised or exempt'),
  reusedData: z.number().int().describe('766 4.3: received reusing a document digitised before'),
});
export const ZIndicatorsRow = z.object({
  key: z.string(),
  label: z.string(),
  counts: ZDossierCounts,
  indicators: z.object({
    resolved: z.number().int(), toProcess: z.number().int(), overdue: z.number().int(),
    onTimeRate: ZRatio, onTimeRate766: ZRatio, onTimeRate766Original: ZRatio.describe('766 on-time rate against the original appointment, nothing deducted'), lateRate: ZRatio, onlineRate: ZRatio, onlinePaymentRate: ZRatio, satisfaction766: ZRatio,
    eResultRate: ZRatio.describe('766 4.1: signed e-results over resolved'), digitisedAtReceptionRate: ZRatio.describe('766 4.2: digitised at reception over received'),
    dataReuseRate: ZRatio.describe('766 4.3: dossiers reusing digitised data over received'),
  }),
  score766: z.object({ total: z.number().nullable(), outOf: z.number(), groups: z.record(z.string(), z.number().nullable()), groupOutOf: z.record(z.string(), z.number()).describe('points each group is scored out of (digitisation: its indicators with data)') }),
});
export type IndicatorsRow = z.infer<typeof ZIndicatorsRow>;
export const ZIndicatorsReport = z.object({ from: ZDate, to: ZDate, by: z.string(), groupBy: z.string(), rows: z.array(ZIndicatorsRow), total: ZIndicatorsRow });
export type IndicatorsReport = z.infer<typeof ZIndicatorsReport>;

/**
 * Worst first: communes (or other units) ranked by the 766 on-time rate, then the 766 score. Units
 * with fewer dossiers handled than the minimum sample (ANALYTICS_MIN_SAMPLE, default 20, or
 * `minSample`) are listed after the ranked ones, marked `smallSample` ("ít hồ sơ"), not ranked.
 */
export const ZRankingQuery = period({
  by: ZBy,
  minSample: z.coerce.number({ error: msg('Cỡ mẫu tối thiểu phải là số', 'The minimum sample must be a number') }).int().min(1, { error: msg('Cỡ mẫu tối thiểu từ 1 hồ sơ', 'The minimum sample is at least 1 dossier') }).max(100_000).optional(),
});
export type RankingQuery = z.infer<typeof ZRankingQuery>;
export const ZRanking = z.object({
  from: ZDate, to: ZDate, by: z.string(),
  minSample: z.number().int().describe('Dossiers handled in the period below which a unit is listed apart, not ranked'),
  rows: z.array(ZIndicatorsRow.extend({
    level: z.string(), smallSample: z.boolean(),
    tile: z.object({ x: z.number().int(), y: z.number().int() }).nullable().describe('Place on the province tile map (column, row); null = not on the map'),
  })),
  total: ZIndicatorsRow,
});
export type Ranking = z.infer<typeof ZRanking>;

export const ZTrendsQuery = period({ by: ZBy, bucket: z.enum(['day', 'week', 'month']).default('day'), unitId: ZUnitFilter }).refine(
  (q) => q.bucket !== 'day' || !ordered(q) || length(q) <= 92,
  { path: ['bucket'], error: msg('Theo ngày chỉ cho kỳ tối đa 92 ngày; hãy chọn theo tuần hoặc tháng', 'Daily buckets cover at most 92 days; choose weekly or monthly') },
);
export type TrendsQuery = z.infer<typeof ZTrendsQuery>;
/** One bucket (a day, an ISO week from Monday, or a calendar month), clipped to the period. */
export const ZTrends = z.object({ bucket: z.string(), points: z.array(ZIndicatorsRow.extend({ from: ZDate, to: ZDate })) });
export type Trends = z.infer<typeof ZTrends>;

export const ZChannelsQuery = period({ by: ZBy, unitId: ZUnitFilter });
export type ChannelsQuery = z.infer<typeof ZChannelsQuery>;
export const ZChannels = z.object({ rows: z.array(ZIndicatorsRow.extend({ channel: ZChannel })), total: ZIndicatorsRow });
export type Channels = z.infer<typeof ZChannels>;

export const ZUnitParams = z.object({ unitId: ZId });
/** Drill-down of one unit: by field, or by procedure within one field. */
export const ZDrilldownQuery = period({ by: ZBy, field: z.string().trim().min(1).max(100).optional() });
export type DrilldownQuery = z.infer<typeof ZDrilldownQuery>;
export const ZDrilldown = z.object({
  unit: z.object({ id: ZId, name: z.string() }),
  field: z.object({ key: z.string(), label: z.string() }).nullable(),
  groupBy: z.enum(['field', 'procedure']),
  rows: z.array(ZIndicatorsRow),
  total: ZIndicatorsRow,
});
export type Drilldown = z.infer<typeof ZDrilldown>;

/** Active dossiers past their due time now: the bottom of a drill-down. No applicant data. */
export const ZOverdueQuery = z.object({
  by: ZBy,
  field: z.string().trim().min(1).max(100).optional(),
  procedureId: ZId.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type OverdueQuery = z.infer<typeof ZOverdueQuery>;
export const ZOverdueDossier = z.object({
  id: ZId,
  code: z.string(),
  procedure: z.string(),
  field: z.string(),
  status: z.string(),
  dueAt: z.iso.datetime({ offset: true }),
  /** Calendar days past due, rounded down. */
  daysOverdue: z.number().int(),
  /** Who holds it now: the assigned officer, else the agency it sits with. */
  handler: z.string().nullable(),
  agency: z.string(),
});
export type OverdueDossier = z.infer<typeof ZOverdueDossier>;
export const ZOverdueList = z.object({ rows: z.array(ZOverdueDossier), truncated: z.boolean() });
export type OverdueList = z.infer<typeof ZOverdueList>;

export const ZHeatmapQuery = period({ unitId: ZUnitFilter });
export type HeatmapQuery = z.infer<typeof ZHeatmapQuery>;
/** Tickets issued by local weekday (1 = Monday … 7 = Sunday) × hour of arrival; only non-empty cells. */
export const ZHeatmap = z.object({ cells: z.array(z.object({ weekday: z.number().int().min(1).max(7), hour: z.number().int().min(0).max(23), issued: z.number().int() })), max: z.number().int() });
export type Heatmap = z.infer<typeof ZHeatmap>;

export const ZQueuePerformanceQuery = period({ unitId: ZUnitFilter });
export type QueuePerformanceQuery = z.infer<typeof ZQueuePerformanceQuery>;
const ZMinutes = z.number().nullable().describe('Minutes; null when nothing was called or served');
const ZQueueRow = z.object({
  key: z.string(),
  label: z.string(),
  center: z.string(),
  issued: z.number().int().nullable().describe('Per center only; a counter or an officer has no issued tickets of its own'),
  called: z.number().int(),
  served: z.number().int(),
  noShow: z.number().int(),
  avgWaitMinutes: ZMinutes,
  p90WaitMinutes: ZMinutes,
  avgServiceMinutes: ZMinutes,
  noShowRate: ZRatio,
  servedWithinTarget: ZRatio,
  ratings: z.number().int().describe("Citizens' ratings at the counter tablet"),
  surveySatisfied: ZRatio.describe('Share of ratings satisfied or very satisfied'),
  surveyAverage: z.number().nullable().describe('Mean rating, 1 (not satisfied) … 3 (very satisfied); null without ratings'),
});
export type QueueRow = z.infer<typeof ZQueueRow>;
export const ZQueuePerformance = z.object({ centers: z.array(ZQueueRow), counters: z.array(ZQueueRow), officers: z.array(ZQueueRow) });
export type QueuePerformance = z.infer<typeof ZQueuePerformance>;

/** The units a caller's grants reach at the top (their headline, and the rooms of live updates). */
export const ZAnalyticsScope = z.object({ units: z.array(z.object({ id: ZId, name: z.string(), level: z.string() })) });
export type AnalyticsScope = z.infer<typeof ZAnalyticsScope>;

/** Count keys of the dossier read model (core COUNT_KEYS), and the rates built from them (core RATE_FORMULAS). */
export const ZCountKey = z.enum([
  'received', 'receivedOnline', 'carriedOver', 'resolvedEarly', 'resolvedOnTime', 'resolvedLate', 'withdrawnOnTime', 'withdrawnLate',
  'inProgressInTime', 'inProgressOverdue', 'originalOnTime', 'originalInTime', 'withFee', 'paidOnline', 'dissatisfied', 'digitised',
  'eResults', 'digitisedAtReception', 'reusedData',
]);
/** Counts shown as one figure (core COUNT_GROUPS): "Đang giải quyết" = in time + overdue. */
export const ZCountGroupKey = z.enum(['inProgress']);
export const ZRateKey = z.enum(['onTimeRate766', 'onTimeRate766Original', 'onTimeRate', 'lateRate', 'onlineRate', 'onlinePaymentRate', 'dissatisfiedRate', 'eResultRate', 'digitisedAtReceptionRate', 'dataReuseRate']);

/** The dossiers behind one figure: a rate's numerator or denominator, or one count; within a unit (and its subtree), field, procedure or channel. */
export const ZFigureDossiersQuery = period({
  by: ZBy,
  unitId: ZUnitFilter,
  field: z.string().trim().min(1).max(100).optional(),
  procedureId: ZId.optional(),
  channel: ZChannel.optional(),
  figure: z.union([ZRateKey, ZCountKey, ZCountGroupKey]),
  part: z.enum(['numerator', 'denominator']).default('denominator'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(1000).default(100),
});
export type FigureDossiersQuery = z.infer<typeof ZFigureDossiersQuery>;
const ZInstant = z.iso.datetime({ offset: true });
export const ZFigureDossier = z.object({
  id: ZId,
  code: z.string(),
  procedure: z.string(),
  field: z.string(),
  unit: z.string(),
  channel: ZChannel,
  receivedAt: ZInstant,
  originalDueAt: ZInstant.describe('The appointment on the receipt'),
  dueAt: ZInstant.nullable().describe('The due time that applied when judged: the original one moved by the pauses that had ended'),
  finishedAt: ZInstant.nullable(),
  endKind: z.enum(['resolved', 'withdrawn', 'stopped']).nullable(),
  comparedAt: ZInstant.nullable().describe('For a dossier paused when judged: the start of the pause'),
  supplements: z.number().int(),
  pauses: z.array(z.object({ kind: z.enum(['supplement', 'obligation', 'suspension']), from: ZInstant, to: ZInstant.nullable() })).describe('Time deducted'),
  verdict: z.enum(['early', 'on_time', 'late', 'in_time', 'overdue']).nullable(),
  verdictOriginal: z.enum(['on_time', 'late', 'in_time', 'overdue']).nullable(),
  countsIn: z.array(ZCountKey).describe('Every count of the period this dossier is in'),
});
export type FigureDossier = z.infer<typeof ZFigureDossier>;
export const ZFigureDossiers = z.object({
  figure: z.string(),
  part: z.enum(['numerator', 'denominator']),
  /** The count keys whose dossiers are listed. */
  counts: z.array(ZCountKey),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  rows: z.array(ZFigureDossier),
});
export type FigureDossiers = z.infer<typeof ZFigureDossiers>;

export const ZCorrectionsQuery = period({ unitId: ZUnitFilter, limit: z.coerce.number().int().min(1).max(1000).default(200) });
export type CorrectionsQuery = z.infer<typeof ZCorrectionsQuery>;
export const ZCorrections = z.object({
  rows: z.array(z.object({
    id: ZId, day: ZDate, recomputedAt: ZInstant, agencyUnit: z.string(), receivingUnit: z.string(),
    before: z.record(z.string(), z.number()).nullable(), after: z.record(z.string(), z.number()).nullable(),
  })),
});
export type Corrections = z.infer<typeof ZCorrections>;

/**
 * The one-page monthly briefing (PDF) of a commune or the province: a calendar month, not later
 * than the current one. `unitId` must lie within the caller's scope.
 */
export const ZBriefingQuery = z.object({
  unitId: ZId,
  month: z
    .string({ error: msg('Hãy chọn tháng (YYYY-MM)', 'Choose a month (YYYY-MM)') })
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: msg('Tháng phải có dạng YYYY-MM, ví dụ 2026-11', 'The month must look like YYYY-MM, e.g. 2026-11') })
    .refine((m) => m >= '2000-01', { error: msg('Tháng phải từ 01/2000 trở đi', 'The month must be January 2000 or later') }),
  by: ZBy,
});
export type BriefingQuery = z.infer<typeof ZBriefingQuery>;
