import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { staff, staffRoles, type StaffRow } from '../schema/staff.js';

export type RoleGrantRow = Pick<typeof staffRoles.$inferSelect, 'role' | 'scopeUnitId' | 'scopeCenterId'>;
export type StaffWithRoles = StaffRow & { roles: RoleGrantRow[] };

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

  async setPassword(db: DbOrTx, id: string, passwordHash: string, at: Date, mustChange: boolean): Promise<void> {
    await db.update(staff).set({ passwordHash, passwordChangedAt: at, mustChangePassword: mustChange, failedLogins: 0, lockedUntil: null }).where(eq(staff.id, id));
  },
};
