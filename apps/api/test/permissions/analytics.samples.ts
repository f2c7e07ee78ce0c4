import type { MatrixPart } from './matrix.js';

const period = 'from=2026-01-01&to=2026-01-31';

export const analyticsMatrix: MatrixPart = {
  async fixtures({ sql, target }) {
    const [center] = await sql`select unit_id from centers where id = ${target.centerId!}`;
    return { unitId: center!.unit_id };
  },
  samples: {
    indicators: () => ({ path: `/analytics/indicators?${period}` }),
    analyticsScope: () => ({ path: '/analytics/scope' }),
    analyticsRanking: () => ({ path: `/analytics/ranking?${period}` }),
    analyticsTrends: () => ({ path: `/analytics/trends?${period}&bucket=week` }),
    analyticsChannels: () => ({ path: `/analytics/channels?${period}` }),
    // The commune of the caller's center (a center manager reaches it through the center grant).
    analyticsDrilldown: (t) => ({ path: `/analytics/units/${t.unitId}/drilldown?${period}` }),
    analyticsOverdue: (t) => ({ path: `/analytics/units/${t.unitId}/overdue` }),
    analyticsDossiers: (t) => ({ path: `/analytics/dossiers?${period}&unitId=${t.unitId}&figure=onTimeRate766` }),
    analyticsCorrections: () => ({ path: `/analytics/corrections?${period}` }),
    analyticsHeatmap: () => ({ path: `/analytics/queue/heatmap?${period}` }),
    analyticsQueue: () => ({ path: `/analytics/queue/performance?${period}` }),
    analyticsBriefing: (t) => ({ path: `/analytics/briefing.pdf?unitId=${t.unitId}&month=2026-01` }),
  },
};
