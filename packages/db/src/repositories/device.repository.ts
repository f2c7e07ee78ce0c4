import { and, asc, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { devices } from '../schema/staff.js';

export type DeviceRow = typeof devices.$inferSelect;

export const deviceRepository = {
  async list(db: DbOrTx, centerId: string): Promise<DeviceRow[]> {
    return db.select().from(devices).where(eq(devices.centerId, centerId)).orderBy(asc(devices.createdAt));
  },

  async create(tx: DbOrTx, values: { centerId: string; kind: 'display' | 'kiosk' | 'rating'; counterId: string | null; name: string; pairingCode: string; pairingExpiresAt: Date }): Promise<DeviceRow> {
    const [row] = await tx.insert(devices).values(values).returning();
    return row!;
  },

  /** Exchanges a live pairing code for a token, once: the code is cleared in the same statement. */
  async pair(tx: DbOrTx, code: string, tokenHash: string, now: Date): Promise<DeviceRow | undefined> {
    const [row] = await tx
      .update(devices)
      .set({ tokenHash, pairedAt: now, pairingCode: null, pairingExpiresAt: null })
      .where(and(eq(devices.pairingCode, code), gt(devices.pairingExpiresAt, now), isNull(devices.revokedAt)))
      .returning();
    return row;
  },

  async byToken(db: DbOrTx, tokenHash: string): Promise<DeviceRow | undefined> {
    const [row] = await db.select().from(devices).where(and(eq(devices.tokenHash, tokenHash), isNull(devices.revokedAt)));
    return row;
  },

  async revoke(tx: DbOrTx, id: string, now: Date): Promise<DeviceRow | undefined> {
    const [row] = await tx.update(devices).set({ revokedAt: now, tokenHash: null, pairingCode: null }).where(eq(devices.id, id)).returning();
    return row;
  },

  /** Marks devices as seen now (their sockets are connected to this instance). */
  async touch(db: DbOrTx, ids: string[], now: Date): Promise<void> {
    if (ids.length) await db.update(devices).set({ lastSeenAt: now }).where(inArray(devices.id, ids));
  },
};
