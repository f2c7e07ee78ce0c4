import { centerAdmins, Room, type RoleGrant, type RouteBody, type Staff } from '@motcua/contracts';
import { mayAdminister, mayGrant, type GrantPlace } from '@motcua/core';
import { auditRepository, centerSetupRepository, generatePassword, hashPassword, scopeRepository, sessionRepository, staffRepository, type DatabaseHandle, type StaffProfile, type StaffValues } from '@motcua/db';
import { RealtimePublisher } from '@motcua/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../../common/actor.js';
import { ApiError, type Bilingual } from '../../common/api-error.js';
import type { CommandContext } from '../../common/command-context.js';
import { asFieldError, taken, unknownRef } from '../../common/db-errors.js';
import { ScopeService } from '../../common/scope.service.js';
import { DATABASE } from '../../infra/tokens.js';
import { closeSignedInSockets } from '../../realtime/session-sockets.js';
import { centerFilterOf } from '../../common/center-filter.js';

type Issue = { path: string; message: Bilingual };

const fields = {
  staff_username_key: taken('body.username', { vi: 'Tên đăng nhập', en: 'username' }),
  staff_home_center_id_centers_id_fk: unknownRef('body.homeCenterId', { vi: 'trung tâm', en: 'center' }),
  staff_home_unit_id_administrative_units_id_fk: unknownRef('body.homeUnitId', { vi: 'đơn vị', en: 'unit' }),
  staff_roles_scope_center_id_centers_id_fk: unknownRef('body.roles', { vi: 'trung tâm trong phạm vi vai trò', en: 'center in a role scope' }),
  staff_roles_scope_unit_id_administrative_units_id_fk: unknownRef('body.roles', { vi: 'đơn vị trong phạm vi vai trò', en: 'unit in a role scope' }),
};

export const toStaff = (s: StaffProfile): Staff => ({
  id: s.id,
  username: s.username,
  fullName: s.fullName,
  email: s.email,
  phone: s.phone,
  homeUnitId: s.homeUnitId,
  homeCenterId: s.homeCenterId,
  active: s.active,
  lockedUntil: s.lockedUntil?.toISOString() ?? null,
  roles: s.roles,
  skills: s.skills,
});

@Injectable()
export class StaffService {
  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(ScopeService) private readonly scope: ScopeService,
    @Inject(RealtimePublisher) private readonly realtime: RealtimePublisher,
  ) {}

  async list(ctx: CommandContext): Promise<Staff[]> {
    const filter = centerFilterOf({ ...ctx.actor, roles: ctx.actor.roles.filter((g) => (centerAdmins as readonly string[]).includes(g.role)) });
    return (await staffRepository.list(this.database.db, filter)).map(toStaff);
  }

  /** A new account with a temporary password, shown once; the person must change it at first sign-in. */
  async create(input: RouteBody<'createStaff'>, ctx: CommandContext): Promise<{ staff: Staff; temporaryPassword: string }> {
    await this.assertGrants(input.roles, [], ctx.actor);
    const home = await this.home(input.homeCenterId, input.homeUnitId);
    await this.assertSkills(input.skills, home.homeCenterId);
    const temporaryPassword = generatePassword();
    const passwordHash = await hashPassword(temporaryPassword);
    try {
      const staff = await this.database.db.transaction(async (tx) => {
        const row = await staffRepository.create(tx, { username: input.username, passwordHash, mustChangePassword: true, fullName: input.fullName, email: input.email, phone: input.phone, active: true, ...home });
        await staffRepository.replaceRoles(tx, row.id, input.roles);
        await staffRepository.replaceSkills(tx, row.id, input.skills);
        const after = toStaff((await staffRepository.profile(tx, row.id))!);
        await auditRepository.append(tx, { actorId: ctx.actor.staffId, action: 'staff.create', entity: 'staff', entityId: row.id, before: null, after, ip: ctx.ip }, ctx.now);
        return after;
      });
      return { staff, temporaryPassword };
    } catch (e) {
      asFieldError(e, fields);
    }
  }

  /** Roles, skills, home, contact; `active: false` also ends every session of the person at once. */
  async update(id: string, patch: RouteBody<'updateStaff'>, ctx: CommandContext): Promise<Staff> {
    const current = await staffRepository.profile(this.database.db, id);
    if (!current) throw ApiError.notFound({ vi: 'cán bộ này', en: 'This staff member' });
    await this.assertMayAdminister(current.roles, ctx.actor);
    if (patch.active === false && id === ctx.actor.staffId) throw ApiError.validation([{ path: 'body.active', message: { vi: 'Bạn không thể tự khóa tài khoản của mình', en: 'You cannot deactivate your own account' } }]);
    if (patch.roles) await this.assertGrants(patch.roles, current.roles, ctx.actor);
    const homeChanges = patch.homeCenterId !== undefined || patch.homeUnitId !== undefined;
    if (patch.homeCenterId && patch.homeCenterId !== current.homeCenterId && !(await this.scope.covers(ctx.actor, 'center', patch.homeCenterId, centerAdmins)))
      throw ApiError.forbidden({ vi: 'Trung tâm mới nằm ngoài phạm vi của bạn', en: 'The new center is outside your scope' });
    const home = homeChanges ? await this.home(patch.homeCenterId === undefined ? current.homeCenterId : patch.homeCenterId, patch.homeUnitId === undefined ? null : patch.homeUnitId) : undefined;
    const skills = patch.skills ?? (homeChanges ? current.skills : undefined);
    if (skills) await this.assertSkills(skills, home ? home.homeCenterId : current.homeCenterId);

    const values: Partial<StaffValues> = { ...home };
    for (const key of ['fullName', 'email', 'phone', 'active'] as const) if (patch[key] !== undefined) Object.assign(values, { [key]: patch[key] });
    let updated: Staff;
    try {
      updated = await this.database.db.transaction(async (tx) => {
        const before = toStaff((await staffRepository.profile(tx, id, true))!);
        await staffRepository.update(tx, id, values);
        if (patch.roles) await staffRepository.replaceRoles(tx, id, patch.roles);
        if (patch.skills) await staffRepository.replaceSkills(tx, id, patch.skills);
        if (patch.active === false) await sessionRepository.deleteForStaff(tx, id);
        const after = toStaff((await staffRepository.profile(tx, id))!);
        const action = before.active && !after.active ? 'staff.deactivate' : !before.active && after.active ? 'staff.reactivate' : 'staff.update';
        await auditRepository.append(tx, { actorId: ctx.actor.staffId, action, entity: 'staff', entityId: id, before, after, ip: ctx.ip }, ctx.now);
        return after;
      });
    } catch (e) {
      asFieldError(e, fields);
    }
    // Ended sessions must not keep a live socket either; new roles are checked again when the client reconnects.
    if (patch.active === false || patch.roles) closeSignedInSockets(this.realtime, Room.user(id));
    return updated;
  }

  /** A new temporary password, shown once: unlocks the account, ends its sessions, and asks for a change at next sign-in. */
  async resetPassword(id: string, actor: Actor, ip?: string, now = new Date()): Promise<{ temporaryPassword: string }> {
    const target = await staffRepository.findWithRoles(this.database.db, id);
    if (!target) throw ApiError.notFound({ vi: 'cán bộ này', en: 'This staff member' });
    await this.assertMayAdminister(target.roles, actor);
    const temporaryPassword = generatePassword();
    const hash = await hashPassword(temporaryPassword);
    await this.database.db.transaction(async (tx) => {
      await staffRepository.setPassword(tx, id, hash, now, true);
      await sessionRepository.deleteForStaff(tx, id);
      await auditRepository.append(tx, { actorId: actor.staffId, action: 'staff.reset_password', entity: 'staff', entityId: id, before: null, after: { mustChangePassword: true }, ip });
    });
    closeSignedInSockets(this.realtime, Room.user(id));
    return { temporaryPassword };
  }

  /** The home unit follows the home center when only the center is given. */
  private async home(homeCenterId: string | null, homeUnitId: string | null) {
    if (!homeCenterId) return { homeCenterId: null, homeUnitId };
    const detail = await centerSetupRepository.centerUnit(this.database.db, homeCenterId);
    if (!detail) throw ApiError.validation([unknownRef('body.homeCenterId', { vi: 'trung tâm', en: 'center' })]);
    return { homeCenterId, homeUnitId: homeUnitId ?? detail };
  }

  /** Skills are services of the person's home center, each once. */
  private async assertSkills(skills: Array<{ serviceId: string }>, homeCenterId: string | null) {
    const ids = skills.map((s) => s.serviceId);
    const own = new Set(homeCenterId ? await centerSetupRepository.servicesOfCenter(this.database.db, homeCenterId, ids) : []);
    const issues: Issue[] = skills.flatMap((s, i) => {
      if (ids.indexOf(s.serviceId) !== i) return [{ path: `body.skills.${i}.serviceId`, message: { vi: 'Dịch vụ này đã có trong danh sách', en: 'This service is already listed' } }];
      if (!own.has(s.serviceId)) return [{ path: `body.skills.${i}.serviceId`, message: { vi: 'Kỹ năng phải là dịch vụ của trung tâm nơi cán bộ làm việc', en: 'A skill must be a service of the person’s home center' } }];
      return [];
    });
    if (issues.length) throw ApiError.validation(issues);
  }

  /**
   * The grants an actor hands out (and those they take away) must be roles they may
   * give, scoped to a place inside their own scope: nobody widens their own reach.
   */
  private async assertGrants(next: RoleGrant[], previous: RoleGrant[], actor: Actor) {
    const issues: Issue[] = [];
    next.forEach((g, i) => {
      if (g.role === 'admin' ? g.scopeUnitId || g.scopeCenterId : Boolean(g.scopeUnitId) === Boolean(g.scopeCenterId))
        issues.push({ path: `body.roles.${i}`, message: { vi: 'Vai trò quản trị hệ thống không có phạm vi; các vai trò khác có đúng một đơn vị hoặc một trung tâm', en: 'The admin role has no scope; every other role has exactly one unit or one center' } });
    });
    if (issues.length) throw ApiError.validation(issues);
    const changed = [...next.filter((g) => !previous.some((p) => same(p, g))), ...previous.filter((p) => !next.some((g) => same(p, g)))];
    const places = await this.grantPlaces(changed);
    if (!changed.every((g, i) => mayGrant(actor.roles, g.role, places[i]!)))
      throw ApiError.forbidden({ vi: 'Bạn không thể trao hoặc thu hồi vai trò này ở phạm vi này', en: 'You cannot grant or remove this role in this scope' });
  }

  /**
   * The grant rule (#15): an administrator acts on a person (edit, deactivate, reset the password,
   * change roles) only if they could grant every role that person holds, at that person's scope.
   */
  private async assertMayAdminister(held: RoleGrant[], actor: Actor) {
    if (!mayAdminister(actor.roles, held, await this.grantPlaces(held)))
      throw ApiError.forbidden({
        vi: 'Người này giữ vai trò mà bạn không được trao; hãy nhờ cấp quản trị cao hơn',
        en: 'This person holds a role you cannot grant; ask a higher administrator',
      });
  }

  /** Where each grant's scope sits (a center grant: the center and its units up; a unit grant: the unit and its ancestors). */
  private grantPlaces(grants: RoleGrant[]): Promise<GrantPlace[]> {
    return Promise.all(
      grants.map(async (g) => {
        const place = g.scopeCenterId ? await scopeRepository.place(this.database.db, 'center', g.scopeCenterId) : g.scopeUnitId ? await scopeRepository.place(this.database.db, 'unit', g.scopeUnitId) : undefined;
        return place ? { centerId: place.centerId, unitIds: place.unitIds } : { centerId: null, unitIds: [] };
      }),
    );
  }
}

const same = (a: RoleGrant, b: RoleGrant) => a.role === b.role && a.scopeUnitId === b.scopeUnitId && a.scopeCenterId === b.scopeCenterId;
