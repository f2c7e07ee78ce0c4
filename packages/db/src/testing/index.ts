import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { createDatabase, type DatabaseHandle } from '../client.js';
import { runMigrations } from '../migrate.js';

/** The URL of another database on the same server. */
export function databaseUrlFor(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(serverUrl: string, fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    return await fn(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Creates (or recreates) a migrated template database; suites clone it in milliseconds. */
export async function prepareTemplate(serverUrl: string, templateName: string): Promise<void> {
  await admin(serverUrl, async (sql) => {
    await sql.unsafe(`drop database if exists "${templateName}" with (force)`);
    await sql.unsafe(`create database "${templateName}"`);
  });
  await runMigrations(databaseUrlFor(serverUrl, templateName));
}

export interface TestDatabase extends DatabaseHandle {
  name: string;
  url: string;
  /** Closes the pool and drops the database. */
  drop(): Promise<void>;
}

/** A fresh database cloned from the migrated template (MOTCUA_TEST_PG_URL, MOTCUA_TEST_TEMPLATE). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.MOTCUA_TEST_PG_URL;
  const template = process.env.MOTCUA_TEST_TEMPLATE;
  if (!serverUrl || !template) throw new Error('MOTCUA_TEST_PG_URL and MOTCUA_TEST_TEMPLATE are not set: run integration tests through `npm test`.');
  const name = `t_${randomBytes(6).toString('hex')}`;
  // Cloning needs the template to be idle; parallel suites take turns on this lock.
  await admin(serverUrl, async (sql) => {
    await sql`select pg_advisory_lock(4242)`;
    try {
      await sql.unsafe(`create database "${name}" template "${template}"`);
    } finally {
      await sql`select pg_advisory_unlock(4242)`;
    }
  });
  const url = databaseUrlFor(serverUrl, name);
  const handle = createDatabase(url, { max: 5, applicationName: 'motcua-test' });
  return {
    ...handle,
    name,
    url,
    async drop() {
      await handle.close();
      await admin(serverUrl, (sql) => sql.unsafe(`drop database if exists "${name}" with (force)`));
    },
  };
}
