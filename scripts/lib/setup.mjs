// Steps shared by `npm start` and `npm test`: dependencies, build.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { InfraError } from './infra.mjs';
import { run } from './proc.mjs';

export const root = path.resolve(import.meta.dirname, '../..');
/** Where `npm start` keeps its PostgreSQL, Redis and files (MOTCUA_DATA_DIR moves it, e.g. for tests). */
export const dataDir = process.env.MOTCUA_DATA_DIR ? path.resolve(process.env.MOTCUA_DATA_DIR) : path.join(root, '.data');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Installs dependencies when node_modules is missing or older than the lockfile. */
export async function ensureDependencies(log = console.log) {
  const marker = path.join(root, 'node_modules/.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  log(existsSync(marker) ? 'Lockfile changed: updating dependencies…' : 'Installing dependencies (first run, about a minute)…');
  // Not `npm ci`: the registry here lacks oxlint's bindings for other platforms, which npm ci insists on seeing in the lockfile.
  const code = await run(npm, ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: root });
  if (code !== 0) throw new InfraError('npm install failed (see above); check your network access to the npm registry.');
}

/** Builds what changed since the last build (turbo restores the rest from its cache). */
export async function build(log = console.log, tasks = ['build']) {
  log(`Building (${tasks.join(', ')}; cached parts are skipped)…`);
  const code = await run(path.join(root, 'node_modules/.bin/turbo'), ['run', ...tasks, '--output-logs=errors-only'], {
    cwd: root,
    // No network for telemetry here, and no banner about it in every run.
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
  });
  if (code !== 0) throw new InfraError(`${tasks.join('/')} failed (see above).`);
}
