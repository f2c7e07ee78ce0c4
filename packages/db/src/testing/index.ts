import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { createDatabase, type DatabaseHandle } from '../client.js';
import { runMigrations } from '../migrate.js';
import { seedDemo, type DemoAccount } from '../seed/demo.js';

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

/**
 * A copy of the template with the demo province in it (`<template>_seeded`): most suites want it, and
 * seeding each one costs about 3 s. Its accounts go to suites through MOTCUA_TEST_SEED_ACCOUNTS.
 */
export async function prepareSeededTemplate(serverUrl: string, templateName: string): Promise<{ name: string; accounts: DemoAccount[] }> {
  const name = `${templateName}_seeded`;
  await admin(serverUrl, async (sql) => {
    await sql.unsafe(`drop database if exists "${name}" with (force)`);
    await sql.unsafe(`create database "${name}" template "${templateName}"`);
  });
  const handle = createDatabase(databaseUrlFor(serverUrl, name), { max: 2, applicationName: 'motcua-test' });
  try {
    const result = await seedDemo(handle.db);
    if (!result.created) throw new Error(`${name} was already seeded`);
    return { name, accounts: result.accounts };
  } finally {
    await handle.close();
  }
}

export interface TestDatabase extends DatabaseHandle {
  name: string;
  url: string;
  /** The demo accounts and their passwords, when the database has the demo province. */
  accounts?: DemoAccount[];
  /** Closes the pool and drops the database. */
  drop(): Promise<void>;
}

/**
 * A fresh database cloned from the migrated template (MOTCUA_TEST_PG_URL, MOTCUA_TEST_TEMPLATE); with
 * `seeded`, one with the demo province, from the seeded template when this server has one.
 */
export async function createTestDatabase(options: { seeded?: boolean } = {}): Promise<TestDatabase> {
  const serverUrl = process.env.MOTCUA_TEST_PG_URL;
  let template = process.env.MOTCUA_TEST_TEMPLATE;
  if (!serverUrl || !template) throw new Error('MOTCUA_TEST_PG_URL and MOTCUA_TEST_TEMPLATE are not set: run integration tests through `npm test`.');
  // A suite that runs its own server (and template) gets no seeded copy: it is seeded below.
  const seededCopy = options.seeded && process.env.MOTCUA_TEST_SEEDED_TEMPLATE === `${template}_seeded` && process.env.MOTCUA_TEST_SEED_ACCOUNTS;
  let accounts: DemoAccount[] | undefined;
  if (seededCopy) {
    template = process.env.MOTCUA_TEST_SEEDED_TEMPLATE!;
    accounts = JSON.parse(seededCopy) as DemoAccount[];
  }
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
  if (options.seeded && !accounts) {
    const result = await seedDemo(handle.db);
    if (result.created) accounts = result.accounts;
  }
  return {
    ...handle,
    name,
    url,
    accounts,
    async drop() {
      await handle.close();
      await admin(serverUrl, (sql) => sql.unsafe(`drop database if exists "${name}" with (force)`));
    },
  };
}
