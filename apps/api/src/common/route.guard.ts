import { CITIZEN_SESSION_COOKIE, DEVICE_COOKIE, negotiateLocale, NUL_TEXT, nulPaths, safeParseIn, SESSION_COOKIE, toFieldIssues, type RouteAccess, type RouteDef } from '@motcua/contracts';
import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ApiError } from './api-error.js';
import { ROUTE_DEF, type ValidatedInput } from './api-route.decorator.js';
import type { DeviceIdentity, RequestWithActor, RequestWithCitizen } from './actor.js';
import { RateLimiter } from './rate-limiter.js';
import { ScopeService } from './scope.service.js';
import { CITIZEN_SESSIONS, DEVICE_SESSIONS, STAFF_SESSIONS, type CitizenSessions, type DeviceSessions, type StaffSessions } from './session-lookup.js';

/**
 * Runs for every route: a route must be bound to the contract table (so no route
 * exists without an access rule), its input is parsed with the contract schemas in
 * the caller's language, and its access rule is enforced.
 */
@Injectable()
export class RouteGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(RateLimiter) private readonly limiter: RateLimiter,
    @Inject(STAFF_SESSIONS) private readonly auth: StaffSessions,
    @Inject(ScopeService) private readonly scope: ScopeService,
    @Inject(DEVICE_SESSIONS) private readonly devices: DeviceSessions,
    @Inject(CITIZEN_SESSIONS) private readonly citizens: CitizenSessions,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const def = this.reflector.get<RouteDef | undefined>(ROUTE_DEF, ctx.getHandler());
    if (!def) throw new Error(`Route ${ctx.getClass().name}.${ctx.getHandler().name} is not bound to the contract route table`);
    const req = ctx.switchToHttp().getRequest<Request & RequestWithActor & { device?: DeviceIdentity; validated?: ValidatedInput }>();

    if (def.access.kind === 'public') {
      await this.limiter.hit(`${def.method}:${def.path}`, req.ip ?? 'unknown', def.access.rateLimit);
      // Only the citizen cookie is read (a staff session is no citizen); an absent or expired one just leaves it unset.
      if (def.access.citizen === 'optional') (req as RequestWithCitizen).citizen = (await this.citizens.resolve(req.cookies?.[CITIZEN_SESSION_COOKIE])) ?? undefined;
      req.validated = validate(def, req);
      return true;
    }
    if (def.access.kind === 'citizen') {
      // Only the citizen cookie counts: a staff session is no citizen (and citizen routes filter by the citizen's own ID number).
      const citizen = await this.citizens.resolve(req.cookies?.[CITIZEN_SESSION_COOKIE]);
      if (!citizen) throw ApiError.unauthenticated();
      (req as RequestWithCitizen).citizen = citizen;
      req.validated = validate(def, req);
      return true;
    }
    if (def.access.kind === 'device') {
      const device = await this.devices.resolve(req.cookies?.[DEVICE_COOKIE]);
      if (device && def.access.devices.includes(device.kind)) {
        req.device = device;
        req.validated = validate(def, req);
        await this.scope.authorizeDevice(device, def.access, req.validated);
        return true;
      }
      // Without a paired device, staff with the listed roles may act in its place.
      if (!def.access.staffRoles) throw ApiError.unauthenticated();
      return this.asStaff(req, def, { kind: 'staff', roles: def.access.staffRoles, scope: def.access.scope });
    }
    return this.asStaff(req, def, def.access);
  }

  /** Who first (401), then what (400), then whether this person may touch this thing (403/404). */
  private async asStaff(req: Request & RequestWithActor & { validated?: ValidatedInput }, def: RouteDef, access: Extract<RouteAccess, { kind: 'staff' }>): Promise<boolean> {
    const actor = await this.auth.resolve(req.cookies?.[SESSION_COOKIE]);
    if (!actor) throw ApiError.unauthenticated();
    req.actor = actor;
    if (actor.mustChangePassword && !access.duringPasswordChange) throw ApiError.passwordChangeRequired();
    req.validated = validate(def, req);
    await this.scope.authorize(actor, access, req.validated);
    return true;
  }
}

function validate(def: RouteDef, req: Request): ValidatedInput {
  const locale = negotiateLocale(req.headers['accept-language']);
  const issues: ReturnType<typeof toFieldIssues> = [];
  const parse = (schema: RouteDef['params'], value: unknown, where: string) => {
    if (!schema) return undefined;
    const r = safeParseIn(schema, value ?? {}, locale);
    if (r.success) return r.data;
    issues.push(...toFieldIssues(r.error).map((i) => ({ ...i, path: `${where}.${i.path}` })));
    return undefined;
  };
  // No text column can hold a NUL character: refused wherever it is, whatever the field's own rules.
  const nul = [...nulPaths(req.params, 'params'), ...nulPaths(req.query, 'query'), ...nulPaths(req.body, 'body')];
  if (nul.length) throw ApiError.validation(nul.map((path) => ({ path, message: NUL_TEXT })));
  const input = { params: parse(def.params, req.params, 'params'), query: parse(def.query, req.query, 'query'), body: parse(def.body, req.body, 'body') };
  if (issues.length) throw ApiError.validation(issues);
  return input;
}
