import { and, asc, eq, gt, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../client.js';
import { query } from '../statement.js';
import { centers } from '../schema/organisation.js';
import { deviceOutages, devices } from '../schema/staff.js';

export type DeviceRow = typeof devices.$inferSelect;

const managers = query(
  'device.managers',
  z.object({ id: z.string() }),
  (centerId: string, unitId: string) => sql`
      with recursive up as (
        select id, parent_id from administrative_units where id = ${unitId}::uuid
        union select u.id, u.parent_id from administrative_units u join up on u.id = up.parent_id
      )
      select distinct r.staff_id as id from staff_roles r join staff s on s.id = r.staff_id
      where r.role = 'center_manager' and s.active and (r.scope_center_id = ${centerId}::uuid or r.scope_unit_id in (select id from up))
      order by 1`,
);

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

  /** Paired devices last seen before `before` whose outage (since that sighting) was not alerted yet, with their center. */
  async silentSince(db: DbOrTx, before: Date) {
    return db
      .select({
        id: devices.id, kind: devices.kind, name: devices.name, lastSeenAt: devices.lastSeenAt,
        center: { id: centers.id, name: centers.name, unitId: centers.unitId, timeZone: centers.timeZone, openingHours: centers.openingHours },
      })
      .from(devices)
      .innerJoin(centers, eq(centers.id, devices.centerId))
      .where(and(
        isNotNull(devices.pairedAt), isNotNull(devices.tokenHash), isNull(devices.revokedAt), lt(devices.lastSeenAt, before),
        sql`not exists (select 1 from ${deviceOutages} o where o.device_id = ${devices.id} and o.since = ${devices.lastSeenAt})`,
      ))
      .orderBy(asc(devices.centerId));
  },

  /** The once-key of an outage: undefined when another run recorded it first (it waits for that run's commit). */
  async recordOutage(tx: DbOrTx, deviceId: string, since: Date): Promise<{ id: string } | undefined> {
    const [row] = await tx.insert(deviceOutages).values({ deviceId, since }).onConflictDoNothing().returning({ id: deviceOutages.id });
    return row;
  },

  /** When the manager was alerted about each device's current outage (the one since its last sighting). */
  async alertedOutages(db: DbOrTx, ids: string[]): Promise<Map<string, Date>> {
    if (!ids.length) return new Map();
    const rows = await db
      .select({ id: devices.id, at: deviceOutages.createdAt })
      .from(devices)
      .innerJoin(deviceOutages, and(eq(deviceOutages.deviceId, devices.id), eq(deviceOutages.since, devices.lastSeenAt)))
      .where(inArray(devices.id, ids));
    return new Map(rows.map((r) => [r.id, r.at]));
  },

  /** Active center managers whose scope holds the center: the center itself, or its unit or a unit above. */
  async managers(db: DbOrTx, centerId: string, unitId: string): Promise<string[]> {
    const rows = await managers(db, centerId, unitId);
    return rows.map((r) => r.id);
  },
};
