import type { z } from 'zod';
import { analyticsRoutes } from './routes/analytics.routes.js';
import { calendarRoutes } from './routes/calendar.routes.js';
import { foundationRoutes } from './routes/foundation.routes.js';
import { queueRoutes } from './routes/queue.routes.js';
import { orgRoutes } from './routes/org.routes.js';
import { notificationRoutes } from './routes/notifications.routes.js';
import { staffRoutes } from './routes/staff.routes.js';
import { dossierRoutes } from './routes/dossiers.routes.js';
import { guideRoutes } from './routes/guide.routes.js';
import { citizenNotificationRoutes } from './routes/citizen-notifications.routes.js';
import { paymentRoutes } from './routes/payments.routes.js';
import { citizenRoutes } from './routes/citizen.routes.js';

/**
 * The whole HTTP surface, composed from one table per feature. Controllers bind to
 * these entries; OpenAPI and the permission matrix are generated from them.
 */
export const routes = {
  ...foundationRoutes,
  ...staffRoutes,
  ...queueRoutes,
  ...dossierRoutes,
  ...analyticsRoutes,
  ...calendarRoutes,
  ...orgRoutes,
  ...notificationRoutes,
  ...guideRoutes,
  ...citizenNotificationRoutes,
  ...paymentRoutes,
  ...citizenRoutes,
} as const;


export type RouteId = keyof typeof routes;
export type RouteBody<K extends RouteId> = z.infer<NonNullable<(typeof routes)[K]['body']>>;
export type RouteResponse<K extends RouteId> = z.infer<(typeof routes)[K]['response']>;
