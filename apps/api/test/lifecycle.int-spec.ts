import { randomBytes } from 'node:crypto';
import { createDatabase } from '@motcua/db';
import { databaseUrlFor } from '@motcua/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../scripts/lib/infra.mjs';
import { startApp, waitForHttp } from '../../../scripts/lib/proc.mjs';
import { apiMain } from './harness.js';

const serverUrl = process.env.MOTCUA_TEST_PG_URL!;

describe('API lifecycle on an empty database', () => {
  const name = `t_empty_${randomBytes(4).toString('hex')}`;
  const admin = createDatabase(serverUrl, { max: 1 });
  beforeAll(() => admin.sql.unsafe(`create database "${name}"`));
  afterAll(async () => {
    await admin.sql.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.close();
  });

  const boot = async () => {
    const port = await freePort();
    const app = startApp('api', apiMain, { PATH: process.env.PATH, DATABASE_URL: databaseUrlFor(serverUrl, name), REDIS_URL: process.env.MOTCUA_TEST_REDIS_URL, REDIS_PREFIX: `life${port}`, PORT: String(port), LOG_LEVEL: 'warn' }, { quiet: true });
    if (!(await waitForHttp(`http://127.0.0.1:${port}/api/health`, app, 30_000))) throw new Error(`API did not start:\n${app.tail()}`);
    return app;
  };

  it('runs migrations at boot (RUN_MIGRATIONS defaults to true), idempotently, and stops promptly on SIGTERM', async () => {
    const first = await boot();
    const db = createDatabase(databaseUrlFor(serverUrl, name), { max: 1 });
    try {
      const [table] = await db.sql`select to_regclass('public.system_pings')::text as t`;
      expect(table!.t).toBe('system_pings');
    } finally {
      await db.close();
    }
    const started = Date.now();
    first.child.kill('SIGTERM');
    await first.exit;
    expect(Date.now() - started).toBeLessThan(5000);
    expect(first.tail()).not.toMatch(/"level":(50|60)/);

    // A second boot finds everything applied and starts as usual.
    const second = await boot();
    await second.stop();
  });
});
