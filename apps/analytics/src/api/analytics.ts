import { routes, ZAnalyticsScope, ZErrorBody, ZChannels, ZCorrections, ZDrilldown, ZFigureDossiers, ZHeatmap, ZIndicatorsReport, ZOverdueList, ZQueuePerformance, ZRanking, ZTrends } from '@motcua/contracts';
import { ApiError, fillPath, NetworkError } from '@motcua/web';
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

/** The monthly briefing PDF (a Blob to download); errors come back in the API's error shape like every other call. */
export async function fetchBriefing(q: { unitId: string; month: string; by: By }, locale: string): Promise<Blob> {
  const qs = new URLSearchParams({ unitId: q.unitId, month: q.month, by: q.by }).toString();
  let res: Response;
  try {
    res = await fetch(`/api${routes.analyticsBriefing.path}?${qs}`, { credentials: 'include', headers: { accept: 'application/pdf, application/json', 'accept-language': locale } });
  } catch (e) {
    throw new NetworkError(e instanceof Error ? e.message : String(e));
  }
  if (!res.ok) {
    const parsed = ZErrorBody.safeParse(await res.json().catch(() => undefined));
    if (parsed.success) throw new ApiError(res.status, parsed.data.error.code, parsed.data.error.message, parsed.data.error.details);
    throw new ApiError(res.status, 'UNKNOWN', `HTTP ${res.status}`);
  }
  return res.blob();
}
