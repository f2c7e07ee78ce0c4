// `npm run bench`: throughput figures as ratios against a baseline taken in the same run,
// because shared machines are noisy. Real PostgreSQL and Redis, started on free ports.
import os from 'node:os';
import path from 'node:path';
import { httpClient } from './lib/http-client.mjs';
import { freePort, startPostgres, startRedis } from './lib/infra.mjs';
import { load } from './lib/load.mjs';
import { startApp, waitForHttp } from './lib/proc.mjs';
import { build, ensureDependencies, root } from './lib/setup.mjs';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 3000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);

const fmt = (r) => `${r.rate.toFixed(0).padStart(6)} ops/s   p50 ${r.p50.toFixed(1).padStart(6)} ms   p99 ${r.p99.toFixed(1).padStart(6)} ms`;

async function main() {
  await ensureDependencies();
  await build();
  const tmp = path.join(os.tmpdir(), `motcua-bench-${process.pid}`);
  const pg = await startPostgres({ dir: path.join(tmp, 'pg'), port: await freePort(), persistent: false });
  const redis = await startRedis({ dir: path.join(tmp, 'redis'), port: await freePort() });
  const { prepareTemplate, createTestDatabase } = await import('@motcua/db/testing');
  const { seedDemo } = await import('@motcua/db');
  process.env.MOTCUA_TEST_PG_URL = pg.url;
  process.env.MOTCUA_TEST_TEMPLATE = 'bench_template';
  await prepareTemplate(pg.url, 'bench_template');
  const database = await createTestDatabase();
  const seeded = await seedDemo(database.db);
  const admin = seeded.accounts.find((a) => a.role === 'admin');

  const port = await freePort();
  const env = { ...process.env, NODE_ENV: 'production', DATABASE_URL: database.url, REDIS_URL: redis.url, PORT: String(port), WORKER_HEALTH_PORT: String(await freePort()), LOG_LEVEL: 'warn', RUN_MIGRATIONS: 'false' };
  const api = startApp('api', path.join(root, 'apps/api/dist/main.js'), env, { quiet: true });
  const worker = startApp('worker', path.join(root, 'apps/worker/dist/main.js'), env, { quiet: true });
  const base = `http://127.0.0.1:${port}`;
  try {
    if (!(await waitForHttp(`${base}/api/health`, api))) throw new Error(`API did not start:\n${api.tail()}`);
    const http = httpClient(base, { sockets: CONCURRENCY + 8 });
    const signIn = await http('POST', '/api/auth/sign-in', { body: { username: admin.username, password: admin.password } });
    const cookie = signIn.headers['set-cookie'][0].split(';')[0];
    const failures = [];
    const ping = async () => {
      const res = await http('POST', '/api/system/pings', { cookie, body: { message: 'bench' } });
      if (res.status !== 201) failures.push(`${res.status} ${res.body}`);
    };

    console.log(`\nWrite path at ${CONCURRENCY} concurrent clients, ${REQUESTS} operations each (2 cores, same run):\n`);
    const direct = await load(() => database.sql`insert into system_pings (message) values ('bench')`, { requests: REQUESTS, concurrency: CONCURRENCY });
    const viaApi = await load(ping, { requests: REQUESTS, concurrency: CONCURRENCY });
    if (failures.length) throw new Error(`${failures.length} API requests failed, e.g. ${failures[0]}`);
    console.log(`  direct INSERT (baseline)                     ${fmt(direct)}`);
    console.log(`  POST /api/system/pings (auth, validate,      ${fmt(viaApi)}`);
    console.log(`    insert, enqueue BullMQ job)`);
    console.log(`\n  ratio API / direct SQL: ${(viaApi.rate / direct.rate).toFixed(2)}\n`);
  } finally {
    await Promise.all([api.stop(), worker.stop()]);
    await database.drop();
    await redis.stop();
    await pg.stop();
    process.exit(0);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
