import { defineConfig } from 'vitest/config';

/**
 * Most suites wait on their own API process, database and Redis prefix, so several run at once.
 * Suites that stop servers, kill processes, compare timings or put hundreds of parallel requests
 * through the API run afterwards, one at a time: under the others' load the API's 2 s database
 * connect timeout answers 503, as it should, and their assertions would fail for the wrong reason.
 */
const alone = [
  'test/queue.int-spec.ts',
  'test/dossiers.int-spec.ts',
  'test/appointments.int-spec.ts',
  'test/security/fuzz.int-spec.ts',
  'test/npm-start.int-spec.ts',
  'test/alerts-crash.int-spec.ts',
  'test/redis-outage.int-spec.ts',
  'test/redis-sentinel.int-spec.ts',
  'test/redis-cluster.int-spec.ts',
  'test/pgbouncer.int-spec.ts',
  'test/postgres-outage.int-spec.ts',
  'test/lifecycle.int-spec.ts',
  'test/backup-restore.int-spec.ts',
  'test/realtime-sessions.int-spec.ts',
  'test/security/sign-in-throttle.int-spec.ts',
  'test/security/client-ip.int-spec.ts',
];
const shared = { testTimeout: 60_000, hookTimeout: 60_000, pool: 'forks' as const };

export default defineConfig({
  test: {
    projects: [
      { test: { ...shared, name: 'together', include: ['test/**/*.int-spec.ts'], exclude: alone, maxWorkers: Number(process.env.MOTCUA_TEST_WORKERS ?? 3), sequence: { groupOrder: 0 } } },
      { test: { ...shared, name: 'alone', include: alone, maxWorkers: 1, sequence: { groupOrder: 1 } } },
    ],
  },
});
