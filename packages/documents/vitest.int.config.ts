import { defineConfig } from 'vitest/config';

// Rendering and RSA work are CPU-bound and the machine is shared: generous timeouts, one file at a time.
export default defineConfig({ test: { include: ['src/**/*.int-spec.ts'], testTimeout: 120_000, hookTimeout: 180_000, pool: 'forks', fileParallelism: false } });
