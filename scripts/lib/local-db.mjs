// The database a maintenance command works on: DATABASE_URL, else the embedded PostgreSQL of
// `npm start` in .data/pg (reused while npm start runs, started for the command otherwise).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { InfraError, freePort, startPostgres } from './infra.mjs';
import { dataDir } from './setup.mjs';

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * `create`: initialise .data/pg and the database when missing (demo:seed on a fresh clone);
 * `createDatabase: false` leaves the database itself to the caller (a restore creates it).
 */
export async function openLocalDatabase(log = console.log, { create = false, createDatabase = true } = {}) {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, close: async () => {} };
  const dir = path.join(dataDir, 'pg');
  if (!create && !existsSync(path.join(dir, 'PG_VERSION'))) throw new InfraError('there is no local database yet: run `npm start` once, or set DATABASE_URL.');
  // postmaster.pid: pid on line 1, port on line 4.
  const pidFile = path.join(dir, 'postmaster.pid');
  if (existsSync(pidFile)) {
    const [pid, , , port] = readFileSync(pidFile, 'utf8').split('\n');
    if (alive(Number(pid))) return { url: `postgres://postgres:postgres@127.0.0.1:${port}/motcua`, close: async () => {} };
  }
  log('Starting embedded PostgreSQL (data in .data/pg)…');
  const pg = await startPostgres({ dir, port: await freePort(54329), persistent: true, log });
  if (create && createDatabase) await pg.createDatabaseIfMissing('motcua');
  return { url: pg.urlFor('motcua'), close: () => pg.stop() };
}
