import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * `npm start`, `npm test` and the other `npm run` scripts install the dependencies themselves
 * (ensureDependencies). A package imported statically by a script, or by a file it imports, is
 * resolved before that runs: on a fresh clone the script dies with ERR_MODULE_NOT_FOUND
 * (`npm start` did, through oidc-provider). Packages are loaded with `await import()` after it.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const staticImport = /^import\s+(?:[^;'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

function packagesImported(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const found: string[] = [];
  for (const [, spec] of readFileSync(file, 'utf8').matchAll(staticImport)) {
    if (spec!.startsWith('.')) found.push(...packagesImported(path.resolve(path.dirname(file), spec!), seen));
    else if (!spec!.startsWith('node:')) found.push(`${path.relative(root, file)} imports ${spec}`);
  }
  return found;
}

describe('the npm scripts run from a fresh clone', () => {
  const scripts = Object.values(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).scripts as Record<string, string>)
    .map((command) => /node (scripts\/[\w-]+\.mjs)/.exec(command)?.[1])
    .filter((s): s is string => !!s);

  it('finds the scripts', () => {
    expect(scripts).toEqual(expect.arrayContaining(['scripts/start.mjs', 'scripts/test.mjs', 'scripts/test-deploy.mjs', 'scripts/backup.mjs']));
    expect(readdirSync(path.join(root, 'scripts')).filter((f) => f.endsWith('.mjs')).length).toBeGreaterThanOrEqual(scripts.length);
  });

  it('no script imports a package before it has installed the dependencies', () => {
    expect(scripts.flatMap((s) => packagesImported(path.join(root, s)))).toEqual([]);
  });
});
