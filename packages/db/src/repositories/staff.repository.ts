import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { staff, staffRoles, staffSkills, type StaffRow } from '../schema/staff.js';
import type { CenterFilter } from './center.repository.js';

export type RoleGrantRow = Pick<typeof staffRoles.$inferSelect, 'role' | 'scopeUnitId' | 'scopeCenterId'>;
export type StaffWithRoles = StaffRow & { roles: RoleGrantRow[] };
export type SkillRow = { serviceId: string; weight: number };
export type StaffProfile = StaffWithRoles & { skills: SkillRow[] };
export type StaffValues = Pick<typeof staff.$inferInsert, 'fullName' | 'email' | 'phone' | 'homeUnitId' | 'homeCenterId' | 'active'>;

const profiles = async (db: DbOrTx, rows: StaffRow[]): Promise<StaffProfile[]> => {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [roles, skills] = await Promise.all([
    db.select({ staffId: staffRoles.staffId, role: staffRoles.role, scopeUnitId: staffRoles.scopeUnitId, scopeCenterId: staffRoles.scopeCenterId }).from(staffRoles).where(inArray(staffRoles.staffId, ids)).orderBy(asc(staffRoles.createdAt)),
    db.select({ staffId: staffSkills.staffId, serviceId: staffSkills.serviceId, weight: staffSkills.weight }).from(staffSkills).where(inArray(staffSkills.staffId, ids)).orderBy(asc(staffSkills.createdAt)),
  ]);
  return rows.map((r) => ({
    ...r,
    roles: roles.filter((g) => g.staffId === r.id).map(({ role, scopeUnitId, scopeCenterId }) => ({ role, scopeUnitId, scopeCenterId })),
    skills: skills.filter((k) => k.staffId === r.id).map(({ serviceId, weight }) => ({ serviceId, weight })),
  }));
};

export const staffRepository = {
  async findByUsername(db: DbOrTx, username: string): Promise<StaffRow | undefined> {
    const [row] = await db.select().from(staff).where(eq(staff.username, username.toLowerCase()));
    return row;
  },

  async findWithRoles(db: DbOrTx, id: string): Promise<StaffWithRoles | undefined> {
    const [row] = await db.select().from(staff).where(eq(staff.id, id));
    if (!row) return undefined;
    const roles = await db.select({ role: staffRoles.role, scopeUnitId: staffRoles.scopeUnitId, scopeCenterId: staffRoles.scopeCenterId }).from(staffRoles).where(eq(staffRoles.staffId, id));
    return { ...row, roles };
  },

  /** Counts a failed sign-in and locks the account once `maxFailures` is reached; returns the new state. */
  async recordFailedLogin(db: DbOrTx, id: string, maxFailures: number, lockUntil: Date): Promise<Pick<StaffRow, 'failedLogins' | 'lockedUntil'>> {
    const [row] = await db
      .update(staff)
      .set({
        failedLogins: sql`${staff.failedLogins} + 1`,
        lockedUntil: sql`case when ${staff.failedLogins} + 1 >= ${maxFailures} then ${lockUntil.toISOString()}::timestamptz else ${staff.lockedUntil} end`,
      })
      .where(eq(staff.id, id))
      .returning({ failedLogins: staff.failedLogins, lockedUntil: staff.lockedUntil });
    return row!;
  },

  async recordSuccessfulLogin(db: DbOrTx, id: string): Promise<void> {
    await db.update(staff).set({ failedLogins: 0, lockedUntil: null }).where(and(eq(staff.id, id)));
  },

  /** People whose home center or home unit the grants reach (a unit grant reaches its subtree). */
  async list(db: DbOrTx, filter: CenterFilter): Promise<StaffProfile[]> {
    const q = db.select().from(staff);
    if ('all' in filter) return profiles(db, await q.orderBy(asc(staff.username)));
    const units = sql`(with recursive down as (select id from administrative_units where id in (select unnest(${`{${filter.unitIds.join(',')}}`}::uuid[]))
      union select u.id from administrative_units u join down on u.parent_id = down.id) select id from down)`;
    const where = or(
      sql`${staff.homeUnitId} in ${units}`,
      sql`${staff.homeCenterId} in (select id from centers where unit_id in ${units})`,
      filter.centerIds.length ? inArray(staff.homeCenterId, filter.centerIds) : undefined,
    );
    return profiles(db, await q.where(where).orderBy(asc(staff.username)));
  },

  async profile(db: DbOrTx, id: string, lock = false): Promise<StaffProfile | undefined> {
    const q = db.select().from(staff).where(eq(staff.id, id));
    const [row] = lock ? await q.for('update') : await q;
    return row ? (await profiles(db, [row]))[0] : undefined;
  },

  async create(tx: DbOrTx, values: StaffValues & { username: string; passwordHash: string; mustChangePassword: boolean }): Promise<StaffRow> {
    const [row] = await tx.insert(staff).values(values).returning();
    return row!;
  },

  async update(tx: DbOrTx, id: string, values: Partial<StaffValues>): Promise<void> {
    if (Object.keys(values).length) await tx.update(staff).set(values).where(eq(staff.id, id));
  },

  async replaceRoles(tx: DbOrTx, id: string, roles: RoleGrantRow[]): Promise<void> {
    await tx.delete(staffRoles).where(eq(staffRoles.staffId, id));
    if (roles.length) await tx.insert(staffRoles).values(roles.map((g) => ({ staffId: id, ...g })));
  },

  async replaceSkills(tx: DbOrTx, id: string, skills: SkillRow[]): Promise<void> {
    await tx.delete(staffSkills).where(eq(staffSkills.staffId, id));
    if (skills.length) await tx.insert(staffSkills).values(skills.map((k) => ({ staffId: id, ...k })));
  },

  async setPassword(db: DbOrTx, id: string, passwordHash: string, at: Date, mustChange: boolean): Promise<void> {
    await db.update(staff).set({ passwordHash, passwordChangedAt: at, mustChangePassword: mustChange, failedLogins: 0, lockedUntil: null }).where(eq(staff.id, id));
  },
};
