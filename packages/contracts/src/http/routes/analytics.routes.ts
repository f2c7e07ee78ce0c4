import { z } from 'zod';
import { defineRoute } from '../route.js';
import { analyticsReaders } from './access.js';
import {
  ZAnalyticsScope, ZBriefingQuery, ZChannels, ZCorrections, ZCorrectionsQuery, ZFigureDossiers, ZFigureDossiersQuery, ZChannelsQuery, ZDrilldown, ZDrilldownQuery, ZHeatmap, ZHeatmapQuery, ZIndicatorsQuery, ZIndicatorsReport,
  ZOverdueList, ZOverdueQuery, ZQueuePerformance, ZQueuePerformanceQuery, ZRanking, ZRankingQuery, ZTrends, ZTrendsQuery, ZUnitParams,
} from '../analytics.js';

// The service filters by the caller's scope: a unit asked for (path or `unitId`) must lie within it, where a
// center grant reaches its center's unit — which the guard's unit target would not allow a center manager.
const staff = { kind: 'staff', roles: analyticsReaders } as const;

/** Performance by commune, field, procedure and channel, from the read models (issue #7). */
export const analyticsRoutes = {
  indicators: defineRoute({
    method: 'GET', path: '/analytics/indicators', tag: 'analytics',
    summary: 'Dossier indicators and Decision 766 scores per group over a period, within my scope',
    access: staff, query: ZIndicatorsQuery, response: ZIndicatorsReport,
  }),
  analyticsScope: defineRoute({
    method: 'GET', path: '/analytics/scope', tag: 'analytics',
    summary: 'The top units my grants reach (headline and live-update rooms)', access: staff, response: ZAnalyticsScope,
  }),
  analyticsRanking: defineRoute({
    method: 'GET', path: '/analytics/ranking', tag: 'analytics',
    summary: 'Units within my scope ranked worst first (766 on-time rate, then score); units without dossiers show "no data"',
    access: staff, query: ZRankingQuery, response: ZRanking,
  }),
  analyticsTrends: defineRoute({
    method: 'GET', path: '/analytics/trends', tag: 'analytics',
    summary: 'Indicators per day, week or month over a period', access: staff, query: ZTrendsQuery, response: ZTrends,
  }),
  analyticsChannels: defineRoute({
    method: 'GET', path: '/analytics/channels', tag: 'analytics',
    summary: 'Dossiers and indicators per channel (counter, online, post)', access: staff, query: ZChannelsQuery, response: ZChannels,
  }),
  analyticsDrilldown: defineRoute({
    method: 'GET', path: '/analytics/units/:unitId/drilldown', tag: 'analytics',
    summary: 'One unit by field, or by procedure within a field', access: staff, params: ZUnitParams, query: ZDrilldownQuery, response: ZDrilldown,
  }),
  analyticsOverdue: defineRoute({
    method: 'GET', path: '/analytics/units/:unitId/overdue', tag: 'analytics',
    summary: 'Active dossiers of a unit past due now, most overdue first, with who holds them',
    access: staff, params: ZUnitParams, query: ZOverdueQuery, response: ZOverdueList,
  }),
  analyticsDossiers: defineRoute({
    method: 'GET', path: '/analytics/dossiers', tag: 'analytics',
    summary: 'The dossiers behind a figure (its numerator or denominator) over a period, paged: dates, due time that applied, deductions, verdict; no applicant data',
    access: staff, query: ZFigureDossiersQuery, response: ZFigureDossiers,
  }),
  analyticsCorrections: defineRoute({
    method: 'GET', path: '/analytics/corrections', tag: 'analytics',
    summary: 'Recomputations that changed the figures of closed days, with the counts before and after per unit and day',
    access: staff, query: ZCorrectionsQuery, response: ZCorrections,
  }),
  analyticsHeatmap: defineRoute({
    method: 'GET', path: '/analytics/queue/heatmap', tag: 'analytics',
    summary: 'Tickets issued by weekday × hour of arrival', access: staff, query: ZHeatmapQuery, response: ZHeatmap,
  }),
  analyticsQueue: defineRoute({
    method: 'GET', path: '/analytics/queue/performance', tag: 'analytics',
    summary: 'Queue performance per center and per counter: waits (average, 90th percentile), service time, no-shows, share within 15 minutes',
    access: staff, query: ZQueuePerformanceQuery, response: ZQueuePerformance,
  }),
  analyticsBriefing: defineRoute({
    method: 'GET', path: '/analytics/briefing.pdf', tag: 'analytics',
    summary: 'The one-page monthly briefing of a commune or the province (PDF): headline figures against targets, the change, the five worst procedures, the overdue dossiers with who holds them, three sentences from the figures; signed for the unit\'s People\'s Committee when it holds a key',
    access: staff, query: ZBriefingQuery, response: z.string(), produces: 'application/pdf',
  }),
} as const;
