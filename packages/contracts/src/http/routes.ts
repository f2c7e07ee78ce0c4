import type { z } from 'zod';
import { foundationRoutes } from './routes/foundation.routes.js';
import { notificationRoutes } from './routes/notifications.routes.js';
import { staffRoutes } from './routes/staff.routes.js';

/**
 * The whole HTTP surface, composed from one table per feature. Controllers bind to
 * these entries; OpenAPI and the permission matrix are generated from them.
 */
export const routes = {
  ...foundationRoutes,
  ...staffRoutes,
  ...notificationRoutes,
} as const;


export type RouteId = keyof typeof routes;
export type RouteBody<K extends RouteId> = (typeof routes)[K] extends { body: infer B extends z.ZodType } ? z.infer<B> : never;
export type RouteResponse<K extends RouteId> = z.infer<(typeof routes)[K]['response']>;
