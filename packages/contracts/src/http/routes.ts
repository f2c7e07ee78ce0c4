import { z } from 'zod';
import { defineRoute } from './route.js';
import { ZHealth } from './health.js';
import { ZPing, ZPingParams, ZPingRequest } from './system.js';

/** The whole HTTP surface. Controllers bind to these entries; OpenAPI and the permission matrix are generated from them. */
export const routes = {
  health: defineRoute({
    method: 'GET',
    path: '/health',
    summary: 'Liveness and readiness: checks PostgreSQL and Redis (503 when one is down)',
    tag: 'system',
    access: { kind: 'public' },
    response: ZHealth,
  }),
  createPing: defineRoute({
    method: 'POST',
    path: '/system/pings',
    summary: 'End-to-end self-test: writes a ping, the worker processes it and pushes system.pong',
    tag: 'system',
    access: { kind: 'public', rateLimit: { limit: 30, windowSeconds: 60 } },
    body: ZPingRequest,
    response: ZPing,
    status: 201,
  }),
  getPing: defineRoute({
    method: 'GET',
    path: '/system/pings/:id',
    summary: 'Read one self-test ping and whether the worker has processed it',
    tag: 'system',
    access: { kind: 'public' },
    params: ZPingParams,
    response: ZPing,
  }),
} as const;

export type RouteId = keyof typeof routes;
export type RouteBody<K extends RouteId> = (typeof routes)[K] extends { body: infer B extends z.ZodType } ? z.infer<B> : never;
export type RouteResponse<K extends RouteId> = z.infer<(typeof routes)[K]['response']>;
