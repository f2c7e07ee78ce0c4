// `npm run docs:indicators`: writes docs/indicators.md from core's indicator definitions (the ones the
// code computes with); a unit test fails when the committed file is stale.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build, ensureDependencies, root } from './lib/setup.mjs';

await ensureDependencies();
await build(console.log, ['build', '--filter=@motcua/core']);
const { indicatorsMarkdown } = await import('@motcua/core');
mkdirSync(path.join(root, 'docs'), { recursive: true });
writeFileSync(path.join(root, 'docs/indicators.md'), indicatorsMarkdown());
console.log('docs/indicators.md written.');
