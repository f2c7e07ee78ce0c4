import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMigrations } from './migrate.js';
import * as s from './schema/index.js';
import { seedDemo } from './seed/demo.js';
import { createTestDatabase, databaseUrlFor, type TestDatabase } from './testing/index.js';
import { verifyPassword } from './passwords.js';

const pkg = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

describe('migrations', () => {
  it('migrate a brand-new database, and a second run changes nothing', async () => {
    const server = process.env.MOTCUA_TEST_PG_URL!;
    const name = `m_${Date.now()}`;
    const adminSql = postgres(server, { max: 1, onnotice: () => {} });
    await adminSql.unsafe(`create database "${name}"`);
    const url = databaseUrlFor(server, name);
    try {
      await runMigrations(url);
      const db = postgres(url, { max: 1 });
      const tables = (await db`select tablename from pg_tables where schemaname = 'public' order by 1`).map((r) => r.tablename);
      expect(tables).toEqual(expect.arrayContaining(['administrative_units', 'agencies', 'centers', 'counters', 'services', 'procedures', 'procedure_versions', 'staff', 'staff_roles', 'sessions', 'devices', 'assignments', 'tickets', 'ticket_sequences', 'ticket_events', 'ratings', 'dossiers', 'dossier_events', 'dossier_sequences', 'notifications', 'calendars', 'calendar_days', 'audit_log']));
      const applied = await db`select count(*)::int as n from drizzle.__drizzle_migrations`;
      await runMigrations(url);
      const again = await db`select count(*)::int as n from drizzle.__drizzle_migrations`;
      expect(again[0]!.n).toBe(applied[0]!.n);
      expect(applied[0]!.n).toBe(readdirSync(path.join(pkg, 'migrations')).filter((f) => f.endsWith('.sql')).length);
      await db.end();
    } finally {
      await adminSql.unsafe(`drop database if exists "${name}" with (force)`);
      await adminSql.end();
    }
  });

  it('several API replicas starting at once on an empty database all migrate it without colliding', async () => {
    const server = process.env.MOTCUA_TEST_PG_URL!;
    const name = `m_par_${Date.now()}`;
    const adminSql = postgres(server, { max: 1, onnotice: () => {} });
    await adminSql.unsafe(`create database "${name}"`);
    const url = databaseUrlFor(server, name);
    try {
      // Without the lock the second CREATE SCHEMA/TABLE fails (duplicate pg_namespace/pg_type key).
      const results = await Promise.allSettled([runMigrations(url), runMigrations(url), runMigrations(url)]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
      const db = postgres(url, { max: 1 });
      const [row] = await db`select count(*)::int as n from drizzle.__drizzle_migrations`;
      expect(row!.n).toBe(readdirSync(path.join(pkg, 'migrations')).filter((f) => f.endsWith('.sql')).length);
      await db.end();
    } finally {
      await adminSql.unsafe(`drop database if exists "${name}" with (force)`);
      await adminSql.end();
    }
  });

  it('the committed migrations match the schema (drizzle-kit would generate nothing new)', () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'drizzle-check-'));
    // Generating into a copy of the migrations folder must report no changes.
    cpSync(path.join(pkg, 'migrations'), out, { recursive: true });
    const r = spawnSync(path.join(pkg, '../../node_modules/.bin/drizzle-kit'), ['generate', '--dialect=postgresql', '--schema=./src/schema/index.ts', `--out=${path.relative(pkg, out)}`, '--casing=snake_case'], { cwd: pkg, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout + r.stderr).toMatch(/No schema changes/);
  });
});

describe('database rules', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.drop());

  it('seeds the demo province once, with argon2id-hashed passwords', async () => {
    const first = await seedDemo(t.db);
    expect(first.created).toBe(true);
    if (!first.created) return;
    expect(first.accounts.map((a) => a.role)).toEqual(expect.arrayContaining(['admin', 'province_admin', 'center_manager', 'officer', 'specialist', 'leader']));
    // The provincial center and one per commune, 3–8 counters each.
    const [centers] = await t.sql`select count(*)::int as n, min(k)::int as fewest, max(k)::int as most from (select c.id, count(k.id) as k from centers c join counters k on k.center_id = c.id group by c.id) x`;
    expect(centers).toEqual({ n: 41, fewest: 3, most: 8 });
    const admin = first.accounts.find((a) => a.username === 'admin')!;
    const [row] = await t.db.select().from(s.staff).where(eq(s.staff.username, 'admin'));
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(row!.passwordHash, admin.password)).toBe(true);
    const second = await seedDemo(t.db);
    expect(second.created).toBe(false);
    // The second run added nobody: the printed accounts plus one staff set per other commune center.
    const [staffCount] = await t.sql`select count(*)::int as n, count(*) filter (where username = any(${first.accounts.map((a) => a.username)}))::int as printed from staff`;
    expect(staffCount).toEqual({ n: 325, printed: first.accounts.length });
  });

  it('refuses UPDATE, DELETE and TRUNCATE on the audit log', async () => {
    await t.db.insert(s.auditLog).values({ action: 'test', entity: 'center', before: null, after: { a: 1 } });
    await expect(t.sql`update audit_log set action = 'forged'`).rejects.toThrow(/append-only/);
    await expect(t.sql`delete from audit_log`).rejects.toThrow(/append-only/);
    await expect(t.sql`truncate audit_log`).rejects.toThrow(/append-only/);
    const [n] = await t.sql`select count(*)::int as n from audit_log where action = 'test'`;
    expect(n!.n).toBe(1);
  });

  it('refuses UPDATE and DELETE on the dossier control slip', async () => {
    const [proc] = await t.sql`select pv.id from procedure_versions pv limit 1`;
    const [agency] = await t.sql`select id from agencies limit 1`;
    const [center] = await t.sql`select id from centers limit 1`;
    const [dossier] = await t.db
      .insert(s.dossiers)
      .values({ code: 'H12.32002-261122-0001', agencyId: agency!.id, receivingCenterId: center!.id, returnCenterId: center!.id, procedureVersionId: proc!.id, channel: 'counter', status: 'received', applicantName: 'Nguyễn Văn A' })
      .returning();
    await t.db.insert(s.dossierEvents).values({ dossierId: dossier!.id, kind: 'received', toStatus: 'received', at: new Date() });
    await expect(t.sql`update dossier_events set note = 'x'`).rejects.toThrow(/dossier_events is append-only: UPDATE/);
    await expect(t.sql`delete from dossier_events`).rejects.toThrow(/append-only: DELETE/);
  });

  it('keeps a notification unique per dossier, kind, deadline version and recipient', async () => {
    const [d] = await t.sql`select id from dossiers limit 1`;
    const [staff] = await t.sql`select id from staff limit 1`;
    const row = { recipientId: staff!.id, dossierId: d!.id, kind: 'overdue' as const, deadlineVersion: 1, title: 'Quá hạn', body: '…' };
    await t.db.insert(s.notifications).values(row);
    await expect(t.db.insert(s.notifications).values(row)).rejects.toMatchObject({ cause: { constraint_name: 'notifications_once_key' } });
    await t.db.insert(s.notifications).values({ ...row, deadlineVersion: 2 });
    const [n] = await t.db.select({ n: sql<number>`count(*)::int` }).from(s.notifications);
    expect(n!.n).toBe(2);
  });

  it('stores usernames in lower case only', async () => {
    await expect(t.sql`insert into staff (username, password_hash, full_name) values ('Admin2', 'x', 'y')`).rejects.toThrow(/staff_username_lower/);
  });
});

