import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { include: ['src/**/*.int-spec.ts'], testTimeout: 60_000, hookTimeout: 60_000, pool: 'forks' } });
