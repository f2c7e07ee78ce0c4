import type { Role } from '@motcua/contracts';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { sessions } from '../schema/staff.js';

export const sessionRepository = {
  async create(db: DbOrTx, values: { staffId: string; tokenHash: string; expiresAt: Date; userAgent?: string; ip?: string }) {
    const [row] = await db.insert(sessions).values(values).returning();
    return row!;
  },

  /**
   * The session and its person's role grants in one round trip: this runs on every
   * authenticated request.
   */
  async findLiveWithRoles(db: DbOrTx, tokenHash: string, now: Date) {
    const rows = await db.execute<{ id: string; staff_id: string; expires_at: Date | string; roles: Array<{ role: Role; scopeUnitId: string | null; scopeCenterId: string | null }>; must_change_password: boolean }>(sql`
      select s.id, s.staff_id, s.expires_at, st.must_change_password,
             coalesce((select json_agg(json_build_object('role', r.role, 'scopeUnitId', r.scope_unit_id, 'scopeCenterId', r.scope_center_id))
                       from staff_roles r where r.staff_id = s.staff_id), '[]') as roles
      from sessions s join staff st on st.id = s.staff_id
      where s.token_hash = ${tokenHash} and s.expires_at > ${now.toISOString()}::timestamptz and st.active`);
    const row = rows[0];
    return row ? { id: row.id, staffId: row.staff_id, expiresAt: new Date(row.expires_at), roles: row.roles, mustChangePassword: row.must_change_password } : undefined;
  },

  async extend(db: DbOrTx, id: string, now: Date, expiresAt: Date): Promise<void> {
    await db.update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.id, id));
  },

  async delete(db: DbOrTx, id: string): Promise<void> {
    await db.delete(sessions).where(eq(sessions.id, id));
  },

  /** Ends every session of a person, except `keepId` when given. */
  async deleteForStaff(db: DbOrTx, staffId: string, keepId?: string): Promise<void> {
    await db.delete(sessions).where(keepId ? and(eq(sessions.staffId, staffId), ne(sessions.id, keepId)) : eq(sessions.staffId, staffId));
  },
};
