import type { z } from 'zod';
import type { DeviceKind, Role } from '../enums.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Who may call a route. Every route must say it explicitly, so that a route
 * without a rule cannot exist (the permission matrix test walks this table).
 */
export type RouteAccess =
  /**
   * `citizen: 'optional'`: anyone may call, and a valid citizen session cookie (never a staff one), when
   * present, is resolved for the service, which may take it as proof instead of the public check (pay page).
   * `rateLimit` is required: every public route is limited per client address.
   */
  | { kind: 'public'; rateLimit: { limit: number; windowSeconds: number }; citizen?: 'optional' }
  /** `duringPasswordChange`: also open while the account must change its temporary password (me, change-password, sign-out). */
  | { kind: 'staff'; roles: readonly Role[] | 'any'; scope?: ScopeTarget; duringPasswordChange?: true }
  /** A paired device of the target's center; `staffRoles` may act in its place (e.g. an officer issuing a ticket at the counter). */
  | { kind: 'device'; devices: readonly DeviceKind[]; scope?: ScopeTarget; staffRoles?: readonly Role[] }
  /** A citizen signed in through the identity provider (its own cookie); no staff session is accepted. Services filter by the citizen's ID number. */
  | { kind: 'citizen' };

/** Kinds of resource whose owning center/unit decides whether an actor may touch it. */
export type ScopeType = 'unit' | 'center' | 'counter' | 'service' | 'staff' | 'device' | 'agency' | 'priority_category' | 'dossier' | 'dossier_agency' | 'dossier_intake' | 'dossier_return';

/**
 * Where the guard finds the resource a request acts on. It resolves the resource
 * to its center and unit and checks them against the actor's role scopes.
 * List routes have no target: their services filter by the actor's scope instead.
 */
export interface ScopeTarget {
  type: ScopeType;
  from: 'params' | 'body' | 'query';
  key: string;
}

export interface RouteDef<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  method: HttpMethod;
  /** Express-style path below /api, e.g. "/centers/:id/tickets". */
  path: string;
  summary: string;
  tag: string;
  access: RouteAccess;
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  /** Defaults to 200 (201 for POST). */
  status?: number;
  /** Media type of a success response; JSON unless a route serves a page (the response schema is then a string). */
  produces?: 'text/html' | 'application/pdf';
}

export function defineRoute<
  P extends z.ZodType,
  Q extends z.ZodType,
  B extends z.ZodType,
  R extends z.ZodType,
>(def: RouteDef<P, Q, B, R>): RouteDef<P, Q, B, R> {
  return def;
}
