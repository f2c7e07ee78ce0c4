import type { RouteAccess, ScopeTarget } from '@motcua/contracts';
import { analyticsRepository, scopeRepository, type DatabaseHandle, type ResourcePlace } from '@motcua/db';
import { Inject, Injectable } from '@nestjs/common';
import { DATABASE } from '../infra/tokens.js';
import type { Actor } from './actor.js';
import { ApiError } from './api-error.js';
import type { ValidatedInput } from './api-route.decorator.js';

/** A center grant covers its center; a unit grant covers the unit's whole subtree. */
const covers = (grants: Actor['roles'], place: ResourcePlace) =>
  grants.some((g) => (g.scopeCenterId && place.centerIds.includes(g.scopeCenterId)) || (g.scopeUnitId && place.unitIds.includes(g.scopeUnitId)));

const forbidden = () => ApiError.forbidden({ vi: 'Bạn không có quyền với đơn vị hoặc trung tâm này', en: 'This unit or center is outside your scope' });

/**
 * Role and scope: the actor needs a grant of an allowed role whose scope covers
 * the resource — admin everywhere, a unit grant its whole subtree, a center grant that center.
 */
@Injectable()
export class ScopeService {
  constructor(@Inject(DATABASE) private readonly database: DatabaseHandle) {}

  async authorize(actor: Actor, access: Extract<RouteAccess, { kind: 'staff' }>, input: ValidatedInput): Promise<void> {
    const grants = actor.roles.filter((g) => access.roles === 'any' || access.roles.includes(g.role));
    if (!grants.length) throw ApiError.forbidden();
    if (!access.scope) return;
    if (grants.some((g) => g.role === 'admin')) return;
    const id = this.targetId(access.scope, input);
    // No target (e.g. a new top-level unit): only system-wide administrators may act.
    if (!id) throw forbidden();
    const place = await scopeRepository.place(this.database.db, access.scope.type, id);
    if (!place) throw ApiError.notFound({ vi: 'đối tượng này', en: 'This item' });
    if (!covers(grants, place)) throw forbidden();
  }

  /** A device acts only inside its own center. */
  async authorizeDevice(device: { centerId: string; counterId?: string | null }, access: Extract<RouteAccess, { kind: 'device' }>, input: ValidatedInput): Promise<void> {
    if (!access.scope) return;
    const id = this.targetId(access.scope, input);
    // A device bound to a counter (a rating tablet) acts for that counter only.
    if (device.counterId && access.scope.type === 'counter' && id !== device.counterId)
      throw ApiError.forbidden({ vi: 'Máy này được ghép với một quầy khác', en: 'This device is paired with another counter' });
    // A center target needs no lookup: it is the device's center or it is not (kiosks issue many tickets a second).
    if (access.scope.type === 'center' && id) {
      if (id !== device.centerId) throw forbidden();
      return;
    }
    const place = id ? await scopeRepository.place(this.database.db, access.scope.type, id) : undefined;
    if (!place) throw ApiError.notFound({ vi: 'đối tượng này', en: 'This item' });
    if (place.centerId !== device.centerId) throw forbidden();
  }

  /** Whether a grant of the actor (of the given roles, or any) covers a resource; for socket rooms and second targets of a command. */
  async covers(actor: Actor, type: ScopeTarget['type'], id: string, roles?: readonly string[]): Promise<boolean> {
    const grants = roles ? actor.roles.filter((g) => roles.includes(g.role)) : actor.roles;
    if (grants.some((g) => g.role === 'admin')) return true;
    const place = await scopeRepository.place(this.database.db, type, id);
    if (!place) return false;
    return covers(grants, place);
  }

  /**
   * Whether a grant of the given roles reaches a unit for reading reports: a unit grant its
   * subtree, a center grant its center's unit (as the analytics service filters).
   */
  async reachesUnit(actor: Actor, unitId: string, roles: readonly string[]): Promise<boolean> {
    const grants = actor.roles.filter((g) => roles.includes(g.role));
    if (grants.some((g) => g.role === 'admin')) return true;
    if (!grants.length) return false;
    const reached = await analyticsRepository.unitsInScope(this.database.db, grants.flatMap((g) => (g.scopeUnitId ? [g.scopeUnitId] : [])), grants.flatMap((g) => (g.scopeCenterId ? [g.scopeCenterId] : [])));
    return reached.includes(unitId);
  }

  private targetId(scope: ScopeTarget, input: ValidatedInput): string | undefined {
    const source = input[scope.from] as Record<string, unknown> | undefined;
    const value = source?.[scope.key];
    return typeof value === 'string' ? value : undefined;
  }
}
