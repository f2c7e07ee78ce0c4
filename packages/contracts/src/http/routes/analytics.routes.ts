import { defineRoute } from '../route.js';
import { ZIndicatorsQuery, ZIndicatorsReport } from '../analytics.js';

const readers = ['admin', 'province_admin', 'leader', 'center_manager'] as const;

/** Performance by commune, field, procedure and channel, from the read models (issue #7). */
export const analyticsRoutes = {
  indicators: defineRoute({
    method: 'GET', path: '/analytics/indicators', tag: 'analytics',
    summary: 'Dossier indicators and Decision 766 scores per group over a period, within my scope',
    access: { kind: 'staff', roles: readers }, query: ZIndicatorsQuery, response: ZIndicatorsReport,
  }),
} as const;
