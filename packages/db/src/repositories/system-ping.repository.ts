import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { systemPings, type SystemPing } from '../schema/system.js';

export const systemPingRepository = {
  async insert(db: DbOrTx, message: string): Promise<SystemPing> {
    const [row] = await db.insert(systemPings).values({ message }).returning();
    return row!;
  },
  async findById(db: DbOrTx, id: string): Promise<SystemPing | undefined> {
    const [row] = await db.select().from(systemPings).where(eq(systemPings.id, id));
    return row;
  },
  async markProcessed(db: DbOrTx, id: string, at: Date): Promise<SystemPing | undefined> {
    const [row] = await db.update(systemPings).set({ processedAt: at }).where(eq(systemPings.id, id)).returning();
    return row;
  },
};
