import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { procedures, procedureVersions, type Procedure, type ProcedureVersion } from '../schema/procedures.js';

export type ProcedureWithVersions = Procedure & { versions: ProcedureVersion[] };
export type VersionValues = Pick<typeof procedureVersions.$inferInsert, 'effectiveFrom' | 'effectiveTo' | 'timeLimitUnit' | 'timeLimitValue' | 'feeVnd' | 'onlineLevel' | 'boundaryFree'>;

const withVersions = async (db: DbOrTx, rows: Procedure[]): Promise<ProcedureWithVersions[]> => {
  if (!rows.length) return [];
  const versions = await db.select().from(procedureVersions).where(inArray(procedureVersions.procedureId, rows.map((r) => r.id))).orderBy(asc(procedureVersions.version));
  return rows.map((p) => ({ ...p, versions: versions.filter((v) => v.procedureId === p.id) }));
};

export const procedureRepository = {
  async list(db: DbOrTx): Promise<ProcedureWithVersions[]> {
    return withVersions(db, await db.select().from(procedures).orderBy(asc(procedures.field), asc(procedures.code)));
  },

  async get(db: DbOrTx, id: string): Promise<ProcedureWithVersions | undefined> {
    return (await withVersions(db, await db.select().from(procedures).where(eq(procedures.id, id))))[0];
  },

  async byCodes(db: DbOrTx, codes: string[]): Promise<Procedure[]> {
    if (!codes.length) return [];
    return db.select().from(procedures).where(inArray(procedures.code, codes));
  },

  /** Locks the procedure so that two new versions cannot both close the same one. */
  async lock(tx: DbOrTx, id: string): Promise<Procedure | undefined> {
    const [row] = await tx.select().from(procedures).where(eq(procedures.id, id)).for('update');
    return row;
  },

  async latestVersion(db: DbOrTx, procedureId: string): Promise<ProcedureVersion | undefined> {
    const [row] = await db.select().from(procedureVersions).where(eq(procedureVersions.procedureId, procedureId)).orderBy(desc(procedureVersions.version)).limit(1);
    return row;
  },

  async create(tx: DbOrTx, values: { code: string; name: string; field: string }): Promise<Procedure> {
    const [row] = await tx.insert(procedures).values(values).returning();
    return row!;
  },

  async update(tx: DbOrTx, id: string, values: { name: string; field: string }): Promise<Procedure> {
    const [row] = await tx.update(procedures).set(values).where(eq(procedures.id, id)).returning();
    return row!;
  },

  async addVersion(tx: DbOrTx, procedureId: string, version: number, values: VersionValues): Promise<ProcedureVersion> {
    const [row] = await tx.insert(procedureVersions).values({ ...values, procedureId, version }).returning();
    return row!;
  },

  async closeVersion(tx: DbOrTx, id: string, effectiveTo: string): Promise<void> {
    await tx.update(procedureVersions).set({ effectiveTo }).where(eq(procedureVersions.id, id));
  },
};
