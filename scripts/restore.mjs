// `npm run restore -- <backup folder> [--into <database>] [--files <folder>]`: loads a backup into a new
// database on the DATABASE_URL server (default: the URL's own database name), or into the npm start
// install in .data (default database "motcua": on a fresh .data, `npm start` then runs on the restored data).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { InfraError } from './lib/infra.mjs';
import { openLocalDatabase } from './lib/local-db.mjs';
import { build, dataDir, ensureDependencies, root } from './lib/setup.mjs';

const log = (msg) => console.log(`» ${msg}`);
const { values, positionals } = parseArgs({ allowPositionals: true, options: { into: { type: 'string' }, files: { type: 'string', default: path.join(dataDir, 'files') } } });

async function main() {
  if (positionals.length !== 1) throw new InfraError('say which backup to restore: npm run restore -- backups/motcua-<time> [--into <database>]');
  await ensureDependencies(log);
  // postgres is a dependency: a fresh clone has it only from here on.
  const { restore } = await import('./lib/backup.mjs');
  // The database package's code (migrations journal, runner); built by npm start or npm test already.
  if (!existsSync(path.join(root, 'packages/db/dist/index.js'))) await build(log);
  const db = await openLocalDatabase(log, { create: true, createDatabase: false });
  try {
    const server = new URL(db.url);
    const into = values.into ?? (decodeURIComponent(server.pathname.slice(1)) || 'motcua');
    server.pathname = '/postgres';
    await restore({ dir: path.resolve(positionals[0]), serverUrl: server.toString(), into, filesDir: path.resolve(values.files), log });
    if (process.env.DATABASE_URL && into !== new URL(process.env.DATABASE_URL).pathname.slice(1)) log(`Point DATABASE_URL at the database "${into}" to run on it.`);
  } finally {
    await db.close();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(`\nnpm run restore failed: ${e instanceof InfraError ? e.message : (e?.stack ?? e)}`);
    process.exit(1);
  },
);
