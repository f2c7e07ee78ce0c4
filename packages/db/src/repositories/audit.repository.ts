import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { auditLog } from '../schema/audit.js';
import { staff } from '../schema/staff.js';

export interface AuditInput {
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip?: string | null;
}

export const auditRepository = {
  /** Written in the same transaction as the change it records. */
  async append(tx: DbOrTx, entry: AuditInput, at = new Date()): Promise<void> {
    await tx.insert(auditLog).values({ ...entry, before: entry.before ?? null, after: entry.after ?? null, ip: entry.ip ?? null, at });
  },

  async page(db: DbOrTx, q: { entity?: string; actorId?: string; from?: string; to?: string; before?: string; limit: number }) {
    const where = and(
      q.entity ? eq(auditLog.entity, q.entity) : undefined,
      q.actorId ? eq(auditLog.actorId, q.actorId) : undefined,
      q.from ? gte(auditLog.at, new Date(`${q.from}T00:00:00+07:00`)) : undefined,
      q.to ? lt(auditLog.at, sql`${`${q.to}T00:00:00+07:00`}::timestamptz + interval '1 day'`) : undefined,
      q.before ? lt(auditLog.at, new Date(q.before)) : undefined,
    );
    return db
      .select({ id: auditLog.id, actorId: auditLog.actorId, actorName: staff.fullName, action: auditLog.action, entity: auditLog.entity, entityId: auditLog.entityId, before: auditLog.before, after: auditLog.after, at: auditLog.at, ip: auditLog.ip })
      .from(auditLog)
      .leftJoin(staff, eq(staff.id, auditLog.actorId))
      .where(where)
      .orderBy(desc(auditLog.at))
      .limit(q.limit + 1);
  },
};
