import { Role } from '@motcua/contracts';
import { and, eq, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../client.js';
import { col, query } from '../statement.js';
import { sessions } from '../schema/staff.js';

const liveWithRoles = query(
  'session.findLiveWithRoles',
  z.object({
    id: z.string(),
    staff_id: z.string(),
    expires_at: col.date,
    must_change_password: z.boolean(),
    roles: z.array(z.object({ role: z.enum(Role), scopeUnitId: z.string().nullable(), scopeCenterId: z.string().nullable() })),
  }),
  (tokenHash: string, now: Date) => sql`
      select s.id, s.staff_id, s.expires_at, st.must_change_password,
             coalesce((select json_agg(json_build_object('role', r.role, 'scopeUnitId', r.scope_unit_id, 'scopeCenterId', r.scope_center_id))
                       from staff_roles r where r.staff_id = s.staff_id), '[]') as roles
      from sessions s join staff st on st.id = s.staff_id
      where s.token_hash = ${tokenHash} and s.expires_at > ${now.toISOString()}::timestamptz and st.active`,
);

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
    const rows = await liveWithRoles(db, tokenHash, now);
    const row = rows[0];
    return row ? { id: row.id, staffId: row.staff_id, expiresAt: row.expires_at, roles: row.roles, mustChangePassword: row.must_change_password } : undefined;
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
