import { defineRoute } from '../route.js';
import { ZHealth } from '../health.js';
import { ZPing, ZPingParams, ZPingRequest } from '../system.js';
import { ZChangePasswordRequest, ZMe, ZSignInRequest } from '../auth.js';
import { ZOk } from '../common.js';

/** Health, the end-to-end self-test and sign-in. */
export const foundationRoutes = {
  health: defineRoute({
    method: 'GET',
    path: '/health',
    summary: 'Liveness and readiness: checks PostgreSQL and Redis (503 when one is down)',
    tag: 'system',
    // Generous: probes come every few seconds, but each answer costs a PostgreSQL and a Redis round trip.
    access: { kind: 'public', rateLimit: { limit: 600, windowSeconds: 60 } },
    response: ZHealth,
  }),
  createPing: defineRoute({
    method: 'POST',
    path: '/system/pings',
    summary: 'End-to-end self-test: writes a ping, the worker processes it and pushes system.pong',
    tag: 'system',
    access: { kind: 'staff', roles: ['admin'] },
    body: ZPingRequest,
    response: ZPing,
    status: 201,
  }),
  getPing: defineRoute({
    method: 'GET',
    path: '/system/pings/:id',
    summary: 'Read one self-test ping and whether the worker has processed it',
    tag: 'system',
    access: { kind: 'staff', roles: ['admin'] },
    params: ZPingParams,
    response: ZPing,
  }),

  signIn: defineRoute({
    method: 'POST', path: '/auth/sign-in', tag: 'auth', status: 200,
    summary: 'Sign in with username and password; sets the httpOnly session cookie',
    // Per address; a whole center may sit behind one NAT address. Wrong tries of one account from one address slow down (no lock).
    access: { kind: 'public', rateLimit: { limit: 30, windowSeconds: 60 } },
    body: ZSignInRequest, response: ZMe,
  }),
  signOut: defineRoute({
    method: 'POST', path: '/auth/sign-out', tag: 'auth', status: 200,
    summary: 'End the current session', access: { kind: 'staff', roles: 'any', duringPasswordChange: true }, response: ZOk,
  }),
  me: defineRoute({
    method: 'GET', path: '/auth/me', tag: 'auth',
    summary: 'The signed-in staff member, roles and scopes', access: { kind: 'staff', roles: 'any', duringPasswordChange: true }, response: ZMe,
  }),
  changePassword: defineRoute({
    method: 'POST', path: '/auth/change-password', tag: 'auth', status: 200,
    summary: 'Change my password; every other session of mine ends',
    access: { kind: 'staff', roles: 'any', duringPasswordChange: true }, body: ZChangePasswordRequest, response: ZOk,
  }),
} as const;
