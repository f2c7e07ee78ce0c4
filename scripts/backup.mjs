// `npm run backup [-- --out <folder>]`: a consistent snapshot of the database and the stored files
// (DATABASE_URL, or the npm start database in .data, started for the backup when npm start is not running).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { InfraError } from './lib/infra.mjs';
import { openLocalDatabase } from './lib/local-db.mjs';
import { build, dataDir, ensureDependencies, root } from './lib/setup.mjs';

const log = (msg) => console.log(`» ${msg}`);
const { values } = parseArgs({ options: { out: { type: 'string', default: path.join(root, 'backups') }, files: { type: 'string', default: path.join(dataDir, 'files') } } });

async function main() {
  await ensureDependencies(log);
  // postgres is a dependency: a fresh clone has it only from here on.
  const { backup } = await import('./lib/backup.mjs');
  // The database package's code (migrations journal, runner); built by npm start or npm test already.
  if (!existsSync(path.join(root, 'packages/db/dist/index.js'))) await build(log);
  const db = await openLocalDatabase(log);
  try {
    await backup({ url: db.url, out: path.resolve(values.out), filesDir: path.resolve(values.files), log });
  } finally {
    await db.close();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(`\nnpm run backup failed: ${e instanceof InfraError ? e.message : (e?.stack ?? e)}`);
    process.exit(1);
  },
);
