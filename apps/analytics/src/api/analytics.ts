import { routes, ZAnalyticsScope, ZChannels, ZCorrections, ZDrilldown, ZFigureDossiers, ZHeatmap, ZIndicatorsReport, ZOverdueList, ZQueuePerformance, ZRanking, ZTrends } from '@motcua/contracts';
import { fillPath } from '@motcua/web';
import type { By } from '../composables/usePeriod.js';
import { api } from './client.js';

/** A period of local days and whose dossiers they are. */
export interface Range {
  from: string;
  to: string;
  by: By;
}

// Every answer is parsed with its contract schema: a drifted server shows as an error, not as wrong numbers.
export const fetchScope = () => api.request('GET', routes.analyticsScope.path, { schema: ZAnalyticsScope });
export const fetchIndicators = (r: Range, groupBy: 'unit' | 'field' | 'procedure' | 'channel' = 'unit') =>
  api.request('GET', routes.indicators.path, { query: { ...r, groupBy }, schema: ZIndicatorsReport });
export const fetchRanking = (r: Range) => api.request('GET', routes.analyticsRanking.path, { query: { ...r }, schema: ZRanking });
export const fetchTrends = (r: Range, bucket: 'day' | 'week' | 'month', unitId?: string) =>
  api.request('GET', routes.analyticsTrends.path, { query: { ...r, bucket, unitId }, schema: ZTrends });
export const fetchChannels = (r: Range, unitId?: string) => api.request('GET', routes.analyticsChannels.path, { query: { ...r, unitId }, schema: ZChannels });
export const fetchDrilldown = (unitId: string, r: Range, field?: string) =>
  api.request('GET', fillPath(routes.analyticsDrilldown.path, { unitId }), { query: { ...r, field }, schema: ZDrilldown });
export const fetchOverdue = (unitId: string, by: By, filter: { field?: string; procedureId?: string } = {}) =>
  api.request('GET', fillPath(routes.analyticsOverdue.path, { unitId }), { query: { by, ...filter }, schema: ZOverdueList });
export const fetchHeatmap = (r: Range, unitId?: string) => api.request('GET', routes.analyticsHeatmap.path, { query: { from: r.from, to: r.to, unitId }, schema: ZHeatmap });
export const fetchQueue = (r: Range, unitId?: string) => api.request('GET', routes.analyticsQueue.path, { query: { from: r.from, to: r.to, unitId }, schema: ZQueuePerformance });

/** Where the dossiers behind a figure are: a unit (and below), a field, procedure or channel. */
export interface FigureScope {
  unitId?: string;
  field?: string;
  procedureId?: string;
  channel?: 'counter' | 'online' | 'post';
}
export const fetchFigureDossiers = (r: Range, figure: string, part: 'numerator' | 'denominator', scope: FigureScope, page: number, pageSize = 100) =>
  api.request('GET', routes.analyticsDossiers.path, { query: { ...r, ...scope, figure, part, page, pageSize }, schema: ZFigureDossiers });
export const fetchCorrections = (r: Range, unitId?: string) =>
  api.request('GET', routes.analyticsCorrections.path, { query: { from: r.from, to: r.to, unitId }, schema: ZCorrections });
