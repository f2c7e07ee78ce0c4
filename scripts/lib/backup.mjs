// `npm run backup` / `npm run restore`: a consistent logical snapshot of the database (every table's rows
// as of one moment, one JSON object per row, gzipped) plus the stored files, and its restore into a new database.
// Rows go through to_jsonb / jsonb_populate_recordset, PostgreSQL's own conversions both ways (not COPY:
// postgres.js' COPY streams inside a transaction sometimes never end).
// Why not pg_dump: the embedded server is PostgreSQL 18 and no pg_dump 18 can be installed from npm or
// Debian 12 (its pg_dump 15 refuses a newer server). The schema is the committed migrations, so a backup
// records how many were applied; a restore applies those, loads the rows, sets the sequences, then
// applies any newer migrations of the code it runs with.
import { cpSync, createReadStream, createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import postgres from 'postgres';
import { InfraError } from './infra.mjs';

const FORMAT = 1;
const ident = (name) => `"${name.replaceAll('"', '""')}"`;

/** Base tables of the public schema with their stored columns (generated ones are recomputed), parents before children. */
async function tablesInOrder(sql) {
  const cols = await sql`
    select c.relname as table, a.attname as column
    from pg_class c join pg_namespace n on n.oid = c.relnamespace join pg_attribute a on a.attrelid = c.oid
    where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
    order by c.relname, a.attnum`;
  const fks = await sql`
    select c.relname as child, p.relname as parent from pg_constraint k
    join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid join pg_namespace n on n.oid = c.relnamespace
    where k.contype = 'f' and n.nspname = 'public' and c.oid <> p.oid`;
  const columns = new Map();
  for (const r of cols) columns.set(r.table, [...(columns.get(r.table) ?? []), r.column]);
  const parents = new Map([...columns.keys()].map((t) => [t, new Set(fks.filter((f) => f.child === t).map((f) => f.parent))]));
  const ordered = [];
  const done = new Set();
  while (ordered.length < columns.size) {
    const ready = [...columns.keys()].filter((t) => !done.has(t) && [...parents.get(t)].every((p) => done.has(p) || !columns.has(p)));
    // A cycle of foreign keys (none today): load the rest as they come, the session's replica role skips the checks.
    const next = ready.length ? ready : [...columns.keys()].filter((t) => !done.has(t));
    for (const t of next) {
      done.add(t);
      ordered.push({ name: t, columns: columns.get(t) });
    }
  }
  return ordered;
}

const BATCH = 1000;

/** Every row of `table` as one JSON line, read in batches through a cursor of the snapshot's transaction. */
async function dumpTable(tx, table, file) {
  const gzip = createGzip();
  const written = pipeline(gzip, createWriteStream(file));
  for await (const rows of tx.unsafe(`select to_jsonb(t) as r from ${ident(table)} t`).cursor(BATCH)) {
    if (!gzip.write(rows.map((row) => JSON.stringify(row.r)).join('\n') + '\n')) await once(gzip, 'drain');
  }
  gzip.end();
  await written;
}

/** Loads the JSON lines back, stored columns only (generated ones are computed again), identities as they were. */
async function loadTable(tx, table, columns, file) {
  const list = columns.map(ident).join(', ');
  const insert = `insert into ${ident(table)} (${list}) overriding system value select ${list} from jsonb_populate_recordset(null::${ident(table)}, $1::text::jsonb)`;
  let batch = [];
  const flush = async () => {
    if (batch.length) await tx.unsafe(insert, [`[${batch.join(',')}]`]);
    batch = [];
  };
  for await (const line of createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity })) {
    if (!line) continue;
    batch.push(line);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
}

function copyFiles(from, to) {
  if (!existsSync(from)) return 0;
  cpSync(from, to, { recursive: true, preserveTimestamps: true });
  let n = 0;
  const count = (d) => readdirSync(d, { withFileTypes: true }).forEach((e) => (e.isDirectory() ? count(path.join(d, e.name)) : n++));
  count(to);
  return n;
}

/** Writes `<out>/motcua-<time>/` and returns its path. */
export async function backup({ url, out, filesDir, log = console.log }) {
  const { migrationJournal } = await import('@motcua/db');
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
  const dir = path.join(out, `motcua-${stamp}`);
  if (existsSync(dir)) throw new InfraError(`${dir} already exists`);
  mkdirSync(path.join(dir, 'tables'), { recursive: true });
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const manifest = { format: FORMAT, createdAt: new Date().toISOString(), tables: {}, sequences: {}, files: 0 };
  try {
    // One snapshot for every table: what one transaction saw, whatever commits meanwhile.
    await sql.begin('isolation level repeatable read read only', async (tx) => {
      const [{ version }] = await tx`select current_setting('server_version') as version`;
      manifest.serverVersion = version;
      const applied = await tx`select hash, created_at from drizzle.__drizzle_migrations order by created_at`.catch(() => []);
      const journal = migrationJournal();
      if (applied.length > journal.length) throw new InfraError(`the database has ${applied.length} migrations, this code knows ${journal.length}: back it up with the code that runs it.`);
      manifest.migrations = { count: applied.length, last: journal[applied.length - 1]?.tag ?? null };
      // Events waiting for Redis are not history: after a restore the screens resync anyway.
      for (const t of (await tablesInOrder(tx)).filter((x) => x.name !== 'realtime_outbox')) {
        await dumpTable(tx, t.name, path.join(dir, 'tables', `${t.name}.ndjson.gz`));
        const [{ n }] = await tx.unsafe(`select count(*)::bigint as n from ${ident(t.name)}`);
        manifest.tables[t.name] = { columns: t.columns, rows: Number(n) };
      }
      for (const s of await tx`select sequencename as name, last_value from pg_sequences where schemaname = 'public' and last_value is not null`) manifest.sequences[s.name] = Number(s.last_value);
    });
  } finally {
    await sql.end({ timeout: 5 });
  }
  manifest.files = filesDir ? copyFiles(filesDir, path.join(dir, 'files')) : 0;
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  const rows = Object.values(manifest.tables).reduce((a, t) => a + t.rows, 0);
  log(`Backed up ${rows.toLocaleString('en')} rows of ${Object.keys(manifest.tables).length} tables (PostgreSQL ${manifest.serverVersion}, migration ${manifest.migrations.last}) and ${manifest.files} stored files to ${dir}`);
  return dir;
}

/** Loads a backup into a new database `into` on the server of `serverUrl`; copies its files to `filesDir`. */
export async function restore({ dir, serverUrl, into, filesDir, log = console.log }) {
  const { runMigrations, migrationJournal } = await import('@motcua/db');
  const manifestFile = path.join(dir, 'manifest.json');
  if (!existsSync(manifestFile)) throw new InfraError(`${dir} is not a backup (no manifest.json)`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  if (manifest.format !== FORMAT) throw new InfraError(`backup format ${manifest.format} is not known to this version`);
  if (manifest.migrations.count > migrationJournal().length) throw new InfraError(`the backup is from a newer version (migration ${manifest.migrations.last}): restore it with that version's code`);
  if (filesDir && existsSync(filesDir) && readdirSync(filesDir).length) throw new InfraError(`${filesDir} is not empty: move it away first, the backup's files go there`);
  const server = postgres(serverUrl, { max: 1, onnotice: () => {} });
  const target = new URL(serverUrl);
  target.pathname = `/${into}`;
  try {
    const [exists] = await server`select 1 from pg_database where datname = ${into}`;
    if (exists) throw new InfraError(`database "${into}" already exists: restore into a new name (--into), then point DATABASE_URL at it`);
    await server.unsafe(`create database ${ident(into)}`);
  } finally {
    await server.end({ timeout: 5 });
  }
  await runMigrations(target.toString(), { upTo: manifest.migrations.count });
  const sql = postgres(target.toString(), { max: 1, onnotice: () => {} });
  try {
    await sql.begin(async (tx) => {
      // Superusers skip triggers and foreign-key checks while loading; others rely on the parent-first order.
      await tx`set local session_replication_role = replica`.catch(() => {});
      for (const [name, t] of Object.entries(manifest.tables)) {
        await loadTable(tx, name, t.columns, path.join(dir, 'tables', `${name}.ndjson.gz`));
        const [{ n }] = await tx.unsafe(`select count(*)::bigint as n from ${ident(name)}`);
        if (Number(n) !== t.rows) throw new InfraError(`table ${name}: ${n} rows loaded, the backup has ${t.rows}`);
      }
      for (const [name, value] of Object.entries(manifest.sequences)) await tx`select setval(${`public.${ident(name)}`}::regclass, ${value})`;
    });
  } finally {
    await sql.end({ timeout: 5 });
  }
  // Migrations newer than the backup run on its data, as an upgrade would.
  await runMigrations(target.toString());
  const files = filesDir && manifest.files ? copyFiles(path.join(dir, 'files'), filesDir) : 0;
  const rows = Object.values(manifest.tables).reduce((a, t) => a + t.rows, 0);
  log(`Restored ${rows.toLocaleString('en')} rows into database "${into}" and ${files} stored files${filesDir && files ? ` into ${filesDir}` : ''}.`);
  return target.toString();
}
