import { routes, ZErrorBody, type ZFigureDossiersQuery } from '@motcua/contracts';
import { ApiError, NetworkError } from '@motcua/web';
import type { By } from '../composables/usePeriod.js';
import type { z } from 'zod';
import { api } from './client.js';

/** A period of local days and whose dossiers they are. */
export interface Range {
  from: string;
  to: string;
  by: By;
}

// Every answer is parsed with its contract schema: a drifted server shows as an error, not as wrong numbers.
export const fetchScope = () => api.call(routes.analyticsScope);
export const fetchIndicators = (r: Range, groupBy: 'unit' | 'field' | 'procedure' | 'channel' = 'unit') =>
  api.call(routes.indicators, { query: { ...r, groupBy } });
export const fetchRanking = (r: Range) => api.call(routes.analyticsRanking, { query: { ...r } });
export const fetchTrends = (r: Range, bucket: 'day' | 'week' | 'month', unitId?: string) =>
  api.call(routes.analyticsTrends, { query: { ...r, bucket, unitId } });
export const fetchChannels = (r: Range, unitId?: string) => api.call(routes.analyticsChannels, { query: { ...r, unitId } });
export const fetchDrilldown = (unitId: string, r: Range, field?: string) =>
  api.call(routes.analyticsDrilldown, { params: { unitId }, query: { ...r, field } });
export const fetchOverdue = (unitId: string, by: By, filter: { field?: string; procedureId?: string } = {}) =>
  api.call(routes.analyticsOverdue, { params: { unitId }, query: { by, ...filter } });
export const fetchHeatmap = (r: Range, unitId?: string) => api.call(routes.analyticsHeatmap, { query: { from: r.from, to: r.to, unitId } });
export const fetchQueue = (r: Range, unitId?: string) => api.call(routes.analyticsQueue, { query: { from: r.from, to: r.to, unitId } });

/** Where the dossiers behind a figure are: a unit (and below), a field, procedure or channel. */
export interface FigureScope {
  unitId?: string;
  field?: string;
  procedureId?: string;
  channel?: 'counter' | 'online' | 'post';
}
/** `figure` comes from the page's address; the API answers 400 for one it does not know. */
export const fetchFigureDossiers = (r: Range, figure: string, part: 'numerator' | 'denominator', scope: FigureScope, page: number, pageSize = 100) =>
  api.call(routes.analyticsDossiers, { query: { ...r, ...scope, figure: figure as z.input<typeof ZFigureDossiersQuery>['figure'], part, page, pageSize } });
export const fetchCorrections = (r: Range, unitId?: string) =>
  api.call(routes.analyticsCorrections, { query: { from: r.from, to: r.to, unitId } });

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
