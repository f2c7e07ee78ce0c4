import type { RouteLocationRaw } from 'vue-router';
import type { FigureScope } from '../api/analytics.js';
import { usePeriod } from './usePeriod.js';

/** A link from any figure to the dossiers behind it, carrying the period (and a bucket's own dates, for trends). */
export function useFigureLink() {
  const { carry } = usePeriod();
  return (figure: string, scope: FigureScope = {}, dates?: { from: string; to: string }, part: 'numerator' | 'denominator' = 'denominator'): RouteLocationRaw => ({
    name: 'dossiers',
    query: {
      ...carry.value,
      ...(dates ? { period: 'custom', from: dates.from, to: dates.to, date: undefined } : {}),
      figure,
      part,
      unitId: scope.unitId,
      field: scope.field,
      procedure: scope.procedureId,
      channel: scope.channel,
    },
  });
}
