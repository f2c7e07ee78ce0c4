import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';

export const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));

/** The committed migrations in order (drizzle-kit's journal): tag and creation time. */
export function migrationJournal(): Array<{ tag: string; when: number }> {
  return JSON.parse(readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')).entries;
}

/** Any fixed number: every process that migrates this database takes the same lock. */
const MIGRATION_LOCK = 7002;

/**
 * Applies the committed drizzle-kit migrations on a dedicated single connection; with `upTo`,
 * only the first `upTo` of them (a restore loads a backup's rows into the schema they were taken from).
 * Several API replicas start at once in a deployment: a session lock makes them migrate one after
 * another (the later ones then find nothing left to do) instead of colliding on the same DDL.
 */
export async function runMigrations(url: string, options: { upTo?: number } = {}): Promise<void> {
  let folder = migrationsFolder;
  if (options.upTo !== undefined) {
    folder = mkdtempSync(path.join(os.tmpdir(), 'motcua-migrations-'));
    cpSync(migrationsFolder, folder, { recursive: true });
    const journal = JSON.parse(readFileSync(path.join(folder, 'meta/_journal.json'), 'utf8'));
    journal.entries = journal.entries.slice(0, options.upTo);
    writeFileSync(path.join(folder, 'meta/_journal.json'), JSON.stringify(journal));
  }
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migrate(drizzle(sql), { migrationsFolder: folder });
    await sql`select pg_advisory_unlock(${MIGRATION_LOCK})`;
  } finally {
    await sql.end({ timeout: 5 });
    if (folder !== migrationsFolder) rmSync(folder, { recursive: true, force: true });
  }
}
