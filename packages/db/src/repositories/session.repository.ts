import { and, eq, gt, ne } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { sessions, staff } from '../schema/staff.js';

export const sessionRepository = {
  async create(db: DbOrTx, values: { staffId: string; tokenHash: string; expiresAt: Date; userAgent?: string; ip?: string }) {
    const [row] = await db.insert(sessions).values(values).returning();
    return row!;
  },

  /** A live session of an active account, or nothing. */
  async findLive(db: DbOrTx, tokenHash: string, now: Date) {
    const [row] = await db
      .select({ id: sessions.id, staffId: sessions.staffId, expiresAt: sessions.expiresAt })
      .from(sessions)
      .innerJoin(staff, eq(staff.id, sessions.staffId))
      .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now), eq(staff.active, true)));
    return row;
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
