import type { MatrixPart } from './matrix.js';

export const analyticsMatrix: MatrixPart = {
  samples: {
    indicators: () => ({ path: '/analytics/indicators?from=2026-01-01&to=2026-01-31' }),
  },
};
