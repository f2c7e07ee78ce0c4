import type { RouteAccess, ScopeTarget } from '@motcua/contracts';
import { scopeRepository, type DatabaseHandle, type ResourcePlace } from '@motcua/db';
import { Inject, Injectable } from '@nestjs/common';
import { DATABASE } from '../infra/tokens.js';
import type { Actor } from './actor.js';
import { ApiError } from './api-error.js';
import type { ValidatedInput } from './api-route.decorator.js';

/** A center grant covers its center; a unit grant covers the unit's whole subtree. */
const covers = (grants: Actor['roles'], place: ResourcePlace) =>
  grants.some((g) => (g.scopeCenterId && g.scopeCenterId === place.centerId) || (g.scopeUnitId && place.unitIds.includes(g.scopeUnitId)));

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
  async authorizeDevice(device: { centerId: string }, access: Extract<RouteAccess, { kind: 'device' }>, input: ValidatedInput): Promise<void> {
    if (!access.scope) return;
    const id = this.targetId(access.scope, input);
    // A center target needs no lookup: it is the device's center or it is not (kiosks issue many tickets a second).
    if (access.scope.type === 'center' && id) {
      if (id !== device.centerId) throw forbidden();
      return;
    }
    const place = id ? await scopeRepository.place(this.database.db, access.scope.type, id) : undefined;
    if (!place) throw ApiError.notFound({ vi: 'đối tượng này', en: 'This item' });
    if (place.centerId !== device.centerId) throw forbidden();
  }

  /** Whether any grant of the actor (any role) covers a resource; for socket rooms. */
  async covers(actor: Actor, type: ScopeTarget['type'], id: string): Promise<boolean> {
    if (actor.roles.some((g) => g.role === 'admin')) return true;
    const place = await scopeRepository.place(this.database.db, type, id);
    if (!place) return false;
    return covers(actor.roles, place);
  }

  private targetId(scope: ScopeTarget, input: ValidatedInput): string | undefined {
    const source = input[scope.from] as Record<string, unknown> | undefined;
    const value = source?.[scope.key];
    return typeof value === 'string' ? value : undefined;
  }
}
