import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { databaseUrlFor } from '@motcua/db/testing';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../scripts/lib/infra.mjs';
import { run, startApp, waitForHttp } from '../../../scripts/lib/proc.mjs';
import { hallCenter } from './hall-displays.js';
import { apiMain, json, openCounters, seed, signIn, startStack, type Stack } from './harness.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const MORNING = '2026-11-25T02:00:00.000Z';

/** `npm run backup` → `npm run restore` into a new database → the API runs on it and carries on. */
describe('backup and restore', () => {
  let stack: Stack;
  let password = '';
  let center: Awaited<ReturnType<typeof hallCenter>>;
  const tmp = path.join(os.tmpdir(), `motcua-backup-${process.pid}`);
  const restoredName = `t_restored_${process.pid}`;
  const issue = (base: string, cookie: string) =>
    fetch(`${base}/api/centers/${center.id}/tickets`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', 'x-test-now': MORNING },
      body: JSON.stringify({ serviceId: center.serviceId, priorityCategoryId: null }),
    });
  const script = async (name: string, args: string[], env: Record<string, string>) => {
    const code = await run(process.execPath, [path.join(root, 'scripts', name), ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
    expect(code).toBe(0);
  };
  const counts = async (sql: postgres.Sql) =>
    Object.fromEntries(
      await Promise.all(
        (await sql`select tablename from pg_tables where schemaname = 'public' and tablename <> 'realtime_outbox' order by 1`).map(async ({ tablename }) => {
          const [row] = (await sql.unsafe(`select count(*)::int as n from "${tablename}"`)) as unknown as [{ n: number }];
          return [tablename, row.n];
        }),
      ),
    );

  beforeAll(async () => {
    stack = await startStack();
    password = (await seed(stack)).find((a) => a.username === 'admin')!.password;
    // The kiosk issues only for services an open counter serves (#18 item 1).
    await openCounters(stack);
    center = await hallCenter(stack.database.sql, 'B-RES', 1);
    const admin = await signIn(stack, 'admin', password);
    for (let i = 0; i < 20; i++) expect((await issue(stack.baseUrl, admin)).status).toBe(201);
    mkdirSync(path.join(tmp, 'data/files/2026/11'), { recursive: true });
    writeFileSync(path.join(tmp, 'data/files/2026/11/scan-001.pdf'), '%PDF-1.7 scan');
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
    const admin = postgres(process.env.MOTCUA_TEST_PG_URL!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists "${restoredName}" with (force)`);
    await admin.end();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('a snapshot taken while tickets are issued restores whole: same rows, the files, and the API continues the numbering', async () => {
    // Writes go on during the backup: the snapshot must still be consistent (each queue's counter = its tickets).
    const admin = await signIn(stack, 'admin', password);
    const writes = { on: true };
    const writer = (async () => {
      while (writes.on) await issue(stack.baseUrl, admin).catch(() => undefined);
    })();
    await script('backup.mjs', ['--out', path.join(tmp, 'backups')], { DATABASE_URL: stack.database.url, MOTCUA_DATA_DIR: path.join(tmp, 'data') });
    writes.on = false;
    await writer;
    const [dir] = (await import('node:fs')).readdirSync(path.join(tmp, 'backups'));
    const manifest = JSON.parse(readFileSync(path.join(tmp, 'backups', dir!, 'manifest.json'), 'utf8'));
    expect(manifest.files).toBe(1);

    await script('restore.mjs', [path.join(tmp, 'backups', dir!), '--into', restoredName], { DATABASE_URL: stack.database.url, MOTCUA_DATA_DIR: path.join(tmp, 'restored') });
    const restoredUrl = databaseUrlFor(process.env.MOTCUA_TEST_PG_URL!, restoredName);
    const restored = postgres(restoredUrl, { max: 2, onnotice: () => {} });
    try {
      const got = await counts(restored);
      const expected = Object.fromEntries(Object.entries(manifest.tables as Record<string, { rows: number }>).map(([t, v]) => [t, v.rows]));
      expect(got).toEqual(expected);
      // Consistent: every queue's last number is its count of tickets, as of the same moment.
      const mismatched = await restored`select s.service_id from ticket_sequences s
        where s.last_number <> (select count(*) from tickets t where t.service_id = s.service_id and t.business_date = s.business_date and t.transferred_from_ticket_id is null)`;
      expect(mismatched).toEqual([]);
      expect(readFileSync(path.join(tmp, 'restored/files/2026/11/scan-001.pdf'), 'utf8')).toBe('%PDF-1.7 scan');

      // The API starts on the restored database; the same sign-in works and the next ticket continues the sequence.
      const [{ last }] = (await restored`select last_number as last from ticket_sequences where service_id = ${center.serviceId}`) as unknown as [{ last: number }];
      const port = await freePort();
      const api = startApp('restored-api', apiMain, { ...stack.env, DATABASE_URL: restoredUrl, PORT: String(port), REDIS_PREFIX: `${stack.prefix}r` }, { quiet: true });
      try {
        expect(await waitForHttp(`http://127.0.0.1:${port}/api/health`, api, 60_000)).toBe(true);
        const cookie = (await fetch(`http://127.0.0.1:${port}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password }) })).headers
          .getSetCookie()
          .map((c) => c.split(';')[0])
          .join('; ');
        const next = await issue(`http://127.0.0.1:${port}`, cookie);
        expect(next.status).toBe(201);
        expect((await json(next)).number).toBe(Number(last) + 1);
      } finally {
        await api.stop();
      }
    } finally {
      await restored.end();
    }
  }, 180_000);
});
