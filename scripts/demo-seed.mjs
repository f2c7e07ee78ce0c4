// `npm run demo:seed [-- --dossiers N --seed S --months M]`: the demo province and a year of history.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { seedDemoHistory } from './lib/demo-history.mjs';
import { storeHistoryFiles } from './lib/demo-files.mjs';
import { InfraError } from './lib/infra.mjs';
import { openLocalDatabase } from './lib/local-db.mjs';
import { build, ensureDependencies, root } from './lib/setup.mjs';
import { printAccounts } from './lib/accounts.mjs';

const log = (msg) => console.log(`» ${msg}`);

const { values } = parseArgs({
  options: { dossiers: { type: 'string', default: '30000' }, seed: { type: 'string', default: '1' }, months: { type: 'string', default: '12' }, fresh: { type: 'boolean', default: false } },
});
const dossiers = Number(values.dossiers);
const seed = Number(values.seed);
const months = Number(values.months);
for (const [name, v, min] of [['--dossiers', dossiers, 0], ['--seed', seed, 0], ['--months', months, 1]]) {
  if (!Number.isInteger(v) || v < min) {
    console.error(`${name} must be a whole number ≥ ${min}.`);
    process.exit(2);
  }
}

async function main() {
  await ensureDependencies(log);
  const dataDir = path.join(root, '.data');
  mkdirSync(dataDir, { recursive: true });
  const local = await openLocalDatabase(log, { create: true });
  const databaseUrl = local.url;
  try {
    if (values.fresh) await recreateDatabase(databaseUrl);
    await build(log);
    const { runMigrations, createDatabase, seedDemo } = await import('@motcua/db');
    await runMigrations(databaseUrl);
    const handle = createDatabase(databaseUrl, { max: 4, applicationName: 'motcua-demo-seed' });
    try {
      const seeded = await seedDemo(handle.db);
      if (seeded.created) printAccounts(seeded.accounts, dataDir);
      log(`Seeding ${dossiers.toLocaleString('en')} dossiers over ${months} months (seed ${seed})…`);
      await seedDemoHistory(handle, { dossiers, seed, months });
      // The history's scans and signed results as files, signed with the demo keys `npm start` uses.
      const pkiDir = process.env.SIGNER_PKCS12_DIR ?? path.join(dataDir, 'pki');
      const { ensureDemoPki } = await import('@motcua/documents');
      const agencies = await handle.sql`select id, code, name from agencies order by code`;
      await ensureDemoPki(pkiDir, agencies.map((a) => ({ agencyId: a.id, agencyCode: a.code, agencyName: a.name })), { log });
      await storeHistoryFiles(handle.sql, { filesDir: process.env.FILES_DIR ?? path.join(dataDir, 'files'), pkiDir, log });
    } finally {
      await handle.close();
    }
  } finally {
    await local.close();
  }
}

/** `--fresh`: history is seeded once per database, so a new one starts from an empty database. */
async function recreateDatabase(url) {
  const { default: postgres } = await import('postgres');
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const sql = postgres(admin.toString(), { max: 1, onnotice: () => {} });
  try {
    log(`Recreating database "${name}" (--fresh)…`);
    await sql.unsafe(`drop database if exists "${name.replaceAll('"', '""')}" with (force)`);
    await sql.unsafe(`create database "${name.replaceAll('"', '""')}"`);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

main().catch((e) => {
  console.error(`\ndemo:seed failed: ${e instanceof InfraError ? e.message : (e?.message ?? String(e))}`);
  if (/seeded once/.test(e?.message ?? '')) console.error('Run it with --fresh to recreate the database first (everything in it is lost, new demo passwords are printed).');
  process.exit(1);
});
