// `npm run analytics:rebuild [-- --from YYYY-MM-DD] [--to YYYY-MM-DD]`: rewrites the dashboards'
// read models from the raw dossiers and tickets (default: the whole history up to today).
import { parseArgs } from 'node:util';
import { InfraError } from './lib/infra.mjs';
import { openLocalDatabase } from './lib/local-db.mjs';
import { build, ensureDependencies } from './lib/setup.mjs';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

async function main() {
  const { values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' } } });
  for (const key of ['from', 'to']) if (values[key] && !DATE.test(values[key])) throw new InfraError(`--${key} must be a date like 2026-01-31 (got "${values[key]}").`);
  await ensureDependencies();
  await build(console.log, ['build', '--filter=@motcua/db']);
  const { createDatabase, rebuildReadModels } = await import('@motcua/db');
  const local = await openLocalDatabase();
  const handle = createDatabase(local.url, { max: 1 });
  const started = performance.now();
  try {
    const done = await rebuildReadModels(handle.db, {
      from: values.from,
      to: values.to,
      onProgress: (p) => process.stdout.write(`\r  ${String(Math.round((100 * p.done) / p.total)).padStart(3)}%  ${p.from} … ${p.to}  ${p.rows} rows`),
    });
    console.log(`\nRead models rebuilt for ${done.from} … ${done.to}: ${done.rows} rows in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await handle.close();
    await local.close();
  }
}

main().catch((e) => {
  console.error(`\nanalytics:rebuild failed: ${e instanceof InfraError ? e.message : (e?.stack ?? e)}`);
  process.exit(1);
});
