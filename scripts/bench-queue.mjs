// `npm run bench:queue`: the ticket write path through the API against the same
// statement run directly in SQL, in the same run (ratio), with display sockets connected;
// then how long a call takes to reach 1,000 hall displays.
import os from 'node:os';
import path from 'node:path';
import { httpClient } from './lib/http-client.mjs';
import { pairKiosk, startBenchStack } from './lib/bench-stack.mjs';
import { freePort } from './lib/infra.mjs';
import { load, percentiles } from './lib/load.mjs';
import { startDisplaySwarm } from './lib/display-swarm.mjs';
import { startApp, waitForHttp } from './lib/proc.mjs';
import { build, ensureDependencies, root } from './lib/setup.mjs';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 3000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 500);
const DISPLAYS_DURING_WRITES = 200;
const DISPLAYS = Number(process.env.BENCH_DISPLAYS ?? 1000);
const CALLS = Number(process.env.BENCH_CALLS ?? 30);

const fmt = (r) => `${r.rate.toFixed(0).padStart(6)} tickets/s   p50 ${r.p50.toFixed(1).padStart(6)} ms   p99 ${r.p99.toFixed(1).padStart(6)} ms`;

async function connectDisplays(base, centerId, count) {
  const { io } = await import('socket.io-client');
  const sockets = [];
  for (let i = 0; i < count; i += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, count - i) }, async () => {
        const s = io(`${base}/public`, { transports: ['websocket'], forceNew: true });
        await new Promise((resolve) => s.once('connect', resolve));
        await new Promise((resolve) => s.emit('subscribe', `center:${centerId}`, resolve));
        sockets.push(s);
      }),
    );
  }
  return sockets;
}

async function main() {
  await ensureDependencies();
  await build();
  const stack = await startBenchStack('queue');
  const { redis, database, admin, center } = stack;
  const { ticketRepository } = await import('@motcua/db');
  const { businessDate } = await import('@motcua/core');
  const svc = await database.sql`select id, ticket_prefix from services where center_id = ${center.id} order by sort_order limit 2`;
  const [counter] = await database.sql`select id from counters where center_id = ${center.id} order by number limit 1`;
  // A closed counter cannot call (the ticket lifecycle in core): the bench's counter is open.
  await database.sql`update counters set state = 'open' where id = ${counter.id} and state = 'closed'`;

  const port = await freePort();
  const env = { ...process.env, NODE_ENV: 'production', DATABASE_URL: database.url, REDIS_URL: redis.url, PORT: String(port), WORKER_HEALTH_PORT: String(await freePort()), LOG_LEVEL: 'warn', RUN_MIGRATIONS: 'false' };
  const api = startApp('api', path.join(root, 'apps/api/dist/main.js'), env, { quiet: true });
  const worker = startApp('worker', path.join(root, 'apps/worker/dist/main.js'), env, { quiet: true });
  const base = `http://127.0.0.1:${port}`;
  const http = httpClient(base, { sockets: CONCURRENCY + 8 });
  const sockets = [];
  try {
    if (!(await waitForHttp(`${base}/api/health`, api))) throw new Error(`API did not start:\n${api.tail()}`);
    // A paired kiosk issues the tickets, as in a hall.
    const { staffCookie, kioskCookie } = await pairKiosk(http, admin, center.id);

    const swarm = await startDisplaySwarm(base, center.id, DISPLAYS_DURING_WRITES);
    console.log(`\nTicket issue at ${CONCURRENCY} concurrent clients, ${REQUESTS} tickets each after ${WARMUP} untimed, ${swarm.count} display sockets connected from another process (${os.cpus().length} cores, same run):\n`);
    const today = businessDate(new Date());
    let n = 0;
    const viaSql = () =>
      ticketRepository.issue(database.db, { centerId: center.id, serviceId: svc[0].id, businessDate: today, prefix: svc[0].ticket_prefix }, [{ priorityCategoryId: null, arrivedAt: new Date(), trackingCode: `BENCH${String(n++).padStart(6, '0')}`, actorId: null }]);
    const failures = [];
    const viaHttp = async () => {
      const res = await http('POST', `/api/centers/${center.id}/tickets`, { cookie: kioskCookie, body: { serviceId: svc[1].id } });
      if (res.status !== 201) failures.push(`${res.status} ${res.body}`);
    };
    // Both paths warm up first (connection pools, JIT, caches), untimed: the figure is the steady state.
    await load(viaSql, { requests: WARMUP, concurrency: CONCURRENCY });
    await load(viaHttp, { requests: WARMUP, concurrency: CONCURRENCY });
    const direct = await load(viaSql, { requests: REQUESTS, concurrency: CONCURRENCY });
    const viaApi = await load(viaHttp, { requests: REQUESTS, concurrency: CONCURRENCY });
    const updates = await swarm.stop();
    if (failures.length) throw new Error(`${failures.length} API requests failed, e.g. ${failures[0]}`);
    // Proves the displays were live during the writes, not idle sockets.
    if (updates === 0) throw new Error('the display sockets received no queue.updated during the writes');
    console.log(`  same statement in SQL (baseline)        ${fmt(direct)}`);
    console.log(`  POST /api/centers/:id/tickets           ${fmt(viaApi)}`);
    console.log(`    (kiosk cookie, validate, open hours, number, wait estimate, push to displays: ${updates} updates received)`);
    console.log(`\n  ratio API / direct SQL: ${(viaApi.rate / direct.rate).toFixed(2)}   (target ≥ 0.50; API p99 target ≤ 50 ms)\n`);

    sockets.push(...(await connectDisplays(base, center.id, DISPLAYS)));
    const latencies = [];
    let sentAt = 0;
    let received = 0;
    for (const s of sockets) s.on('ticket.called', () => { latencies.push(performance.now() - sentAt); received++; });
    for (let i = 0; i < CALLS; i++) {
      received = 0;
      sentAt = performance.now();
      const res = await http('POST', `/api/counters/${counter.id}/call-next`, { cookie: staffCookie });
      if (res.status !== 200) throw new Error(`call-next failed: ${res.status} ${res.body}`);
      const deadline = performance.now() + 5000;
      while (received < sockets.length && performance.now() < deadline) await new Promise((r) => setTimeout(r, 2));
      await http('POST', `/api/counters/${counter.id}/start`, { cookie: staffCookie });
      await http('POST', `/api/counters/${counter.id}/done`, { cookie: staffCookie });
    }
    const call = percentiles(latencies);
    console.log(`Call to display: ${CALLS} calls × ${sockets.length} display sockets (${call.n} deliveries, from the officer's click to each socket):\n`);
    console.log(`  p50 ${call.p50.toFixed(1)} ms   p99 ${call.p99.toFixed(1)} ms   (target p99 ≤ 100 ms)\n`);
  } finally {
    for (const s of sockets) s.close();
    await Promise.all([api.stop(), worker.stop()]);
    await stack.stop();
    process.exit(0);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
