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

/**
 * Applies the committed drizzle-kit migrations on a dedicated single connection; with `upTo`,
 * only the first `upTo` of them (a restore loads a backup's rows into the schema they were taken from).
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
    await migrate(drizzle(sql), { migrationsFolder: folder });
  } finally {
    await sql.end({ timeout: 5 });
    if (folder !== migrationsFolder) rmSync(folder, { recursive: true, force: true });
  }
}
