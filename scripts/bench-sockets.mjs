// `npm run bench:sockets`: what hall displays cost one API process — memory per connected
// socket (RSS and JS heap of the API process, from /proc and its /metrics) and how long one
// queue event takes to reach every socket of a center room, at growing socket counts.
// Real PostgreSQL and Redis, started on free ports; the sockets live in this process.
//   BENCH_SOCKETS=3000 BENCH_STEP=1000 BENCH_EVENTS=10 npm run bench:sockets
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { httpClient } from './lib/http-client.mjs';
import { pairKiosk, startBenchStack } from './lib/bench-stack.mjs';
import { freePort } from './lib/infra.mjs';
import { percentiles } from './lib/load.mjs';
import { startApp, waitForHttp } from './lib/proc.mjs';
import { build, ensureDependencies, root } from './lib/setup.mjs';

const SOCKETS = Number(process.env.BENCH_SOCKETS ?? 3000);
const STEP = Number(process.env.BENCH_STEP ?? 1000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 10);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1).padStart(7);

/** Resident memory of a process (Linux). */
const rssOf = (pid) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) * 1024;

async function heapOf(http) {
  const text = (await http('GET', '/metrics')).body;
  return Number(/^nodejs_heap_size_used_bytes(?:\{[^}]*\})? (\S+)$/m.exec(text)?.[1] ?? NaN);
}

async function main() {
  await ensureDependencies();
  await build();
  const stack = await startBenchStack('sockets');
  const { redis, database, admin, center } = stack;
  const [svc] = await database.sql`select id from services where center_id = ${center.id} order by sort_order limit 1`;
  // A kiosk ticket needs a counter open for its service (the queue rules in core).
  await database.sql`update counters set state = 'open' where center_id = ${center.id} and state = 'closed'`;

  const port = await freePort();
  const env = { ...process.env, NODE_ENV: 'production', DATABASE_URL: database.url, REDIS_URL: redis.url, PORT: String(port), LOG_LEVEL: 'warn', RUN_MIGRATIONS: 'false' };
  const api = startApp('api', path.join(root, 'apps/api/dist/main.js'), env, { quiet: true });
  const base = `http://127.0.0.1:${port}`;
  const http = httpClient(base, { sockets: 8 });
  const { io } = await import('socket.io-client');
  const sockets = [];
  try {
    if (!(await waitForHttp(`${base}/api/health`, api))) throw new Error(`API did not start:\n${api.tail()}`);
    // A paired kiosk issues the tickets whose events the sockets hear.
    const { kioskCookie } = await pairKiosk(http, admin, center.id);

    // One kiosk ticket = one queue.updated to the center room: timed from the request to each socket.
    let sentAt = 0;
    const latencies = [];
    let received = 0;
    const broadcast = async () => {
      latencies.length = 0;
      for (let i = 0; i < EVENTS; i++) {
        received = 0;
        sentAt = performance.now();
        const res = await http('POST', `/api/centers/${center.id}/tickets`, { cookie: kioskCookie, body: { serviceId: svc.id } });
        if (res.status !== 201) throw new Error(`ticket failed: ${res.status} ${res.body}`);
        const deadline = performance.now() + 10_000;
        while (received < sockets.length && performance.now() < deadline) await sleep(2);
        if (received < sockets.length) throw new Error(`only ${received} of ${sockets.length} sockets got the event within 10 s`);
        await sleep(50);
      }
      return percentiles(latencies);
    };

    // Warm the process (JIT, pools) before the baseline figure.
    for (let i = 0; i < 20; i++) {
      const res = await http('POST', `/api/centers/${center.id}/tickets`, { cookie: kioskCookie, body: { serviceId: svc.id } });
      if (res.status !== 201) throw new Error(`ticket failed: ${res.status} ${res.body}`);
    }
    await sleep(2000);
    const rss0 = rssOf(api.child.pid);
    const heap0 = await heapOf(http);
    console.log(`\nDisplay sockets on one API process (${os.cpus().length} cores shared with the sockets' client in this process):\n`);
    console.log(`  sockets    API RSS MB   heap MB   per socket (RSS / heap)   event to every socket p50 / p99`);
    console.log(`  ${'0'.padStart(7)}   ${mb(rss0)}   ${mb(heap0)}`);
    for (let target = STEP; target <= SOCKETS; target += STEP) {
      while (sockets.length < target) {
        await Promise.all(
          Array.from({ length: Math.min(50, target - sockets.length) }, async () => {
            const s = io(`${base}/public`, { transports: ['websocket'], forceNew: true });
            await new Promise((resolve, reject) => { s.once('connect', resolve); s.once('connect_error', reject); });
            await new Promise((resolve) => s.emit('subscribe', `center:${center.id}`, resolve));
            s.on('queue.updated', () => { latencies.push(performance.now() - sentAt); received++; });
            sockets.push(s);
          }),
        );
      }
      await sleep(3000);
      const rss = rssOf(api.child.pid);
      const heap = await heapOf(http);
      const fan = await broadcast();
      const per = `${((rss - rss0) / target / 1024).toFixed(1)} KB / ${((heap - heap0) / target / 1024).toFixed(1)} KB`;
      console.log(`  ${String(target).padStart(7)}   ${mb(rss)}   ${mb(heap)}   ${per.padEnd(24)}  ${fan.p50.toFixed(1).padStart(7)} / ${fan.p99.toFixed(1)} ms`);
    }
    console.log('');
  } catch (e) {
    console.error(e);
    process.exitCode = 1;
  } finally {
    for (const s of sockets) s.close();
    await api.stop();
    await stack.stop();
    process.exit();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
