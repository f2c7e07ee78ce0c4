// `npm run chaos`: faults an operator meets, done to a running `npm start` under hall traffic, and
// what the system answered meanwhile. Not part of `npm test` (it stops servers for real).
//   npm run chaos [-- --url http://127.0.0.1:3000] [--data .data] [--only redis-stop,pg-stop,…]
// Scenarios: redis-stop (20 s), redis-flush, pg-stop (15 s), worker-kill, api-kill. The table: requests
// sent, answered 2xx, 500 (and other 5xx but 503), 503, no answer
// (refused, reset, or none within 10 s), committed although not answered 2xx, calls a display never
// announced, displays showing a wrong call at the end, duplicate ticket numbers, and the seconds from
// the end of the fault to the last failed request.
import path from 'node:path';
import { httpClient } from './lib/http-client.mjs';
import { readAccounts } from './lib/sim/accounts.mjs';
import { root } from './lib/setup.mjs';
import { findNode, postgresOf, redisCommand, redisOf, stopServer, waitUntil } from './lib/chaos/processes.mjs';
import { openDisplays, Recorder, startTraffic } from './lib/chaos/traffic.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const url = arg('url', `http://127.0.0.1:${process.env.PORT ?? 3000}`);
const dataDir = path.resolve(arg('data', path.join(root, '.data')));
const only = arg('only', 'redis-stop,redis-flush,pg-stop,worker-kill,api-kill').split(',');
const ALL_DAY = Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [{ start: '00:00', end: '23:59' }]]));
const DISPLAYS = 10;
const SETTLE_MS = 15_000;
const log = (m) => console.log(`» ${m}`);

async function setup() {
  const accounts = readAccounts(path.join(dataDir, 'demo-accounts.txt'));
  const admin = accounts?.find((a) => a.role === 'admin');
  if (!admin) throw new Error(`no admin in ${dataDir}/demo-accounts.txt`);
  const pg = postgresOf(dataDir);
  // Loaded here, like every package in these scripts: a clone without `npm start` run has none installed.
  const { default: postgres } = await import('postgres');
  const sql = postgres(`postgres://postgres:postgres@127.0.0.1:${pg.port}/motcua`, { max: 2, onnotice: () => {}, connect_timeout: 2 });
  const [center] = await sql`select c.id, c.opening_hours from centers c join counters k on k.center_id = c.id group by c.id order by count(*) desc, c.code limit 1`;
  const counters = await sql`select id from counters where center_id = ${center.id} order by number limit 4`;
  const services = await sql`select distinct cs.service_id as id from counter_services cs where cs.counter_id = any(${counters.map((c) => c.id)}::uuid[])`;
  await sql`update centers set opening_hours = ${sql.json(ALL_DAY)} where id = ${center.id}`;
  // A new connection per request: a kept-alive socket closed by an idle server would read as a failure.
  const http = httpClient(url, { sockets: 64, keepAlive: false });
  const signIn = await http('POST', '/api/auth/sign-in', { body: { username: admin.username, password: admin.password } });
  if (signIn.status !== 200) throw new Error(`admin sign-in answered ${signIn.status}: ${signIn.body}`);
  const staffCookie = signIn.headers['set-cookie'][0].split(';')[0];
  const device = JSON.parse((await http('POST', `/api/centers/${center.id}/devices`, { cookie: staffCookie, body: { kind: 'kiosk', name: 'Chaos kiosk' } })).body);
  const paired = await http('POST', '/api/devices/pair', { body: { code: device.pairingCode } });
  const kioskCookie = paired.headers['set-cookie'][0].split(';')[0];
  for (const c of counters) await http('POST', `/api/counters/${c.id}/state`, { cookie: staffCookie, body: { state: 'open' } });
  // Center settings are cached a few seconds by the API.
  await sleep(6000);
  return { sql, http, center, counterIds: counters.map((c) => c.id), serviceIds: services.map((s) => s.id), staffCookie, kioskCookie, restore: () => sql`update centers set opening_hours = ${sql.json(center.opening_hours)} where id = ${center.id}` };
}

const apiOf = () => findNode('apps/api/dist/main.js', { PORT: String(new URL(url).port || 80) })[0];
const healthy = async (http) => (await http('GET', '/api/health').catch(() => ({ status: 0 }))).status === 200;

/** Each fault: `start` breaks something and resolves when the fault is over (lifted, or restarted by the supervisor). */
const faults = {
  'redis-stop': async () => {
    const restart = await stopServer(redisOf(dataDir), 'SIGTERM');
    await sleep(20_000);
    restart();
  },
  'redis-flush': async () => {
    await redisCommand(redisOf(dataDir).port, 'FLUSHALL');
  },
  'pg-stop': async () => {
    const restart = await stopServer(postgresOf(dataDir), 'SIGINT');
    await sleep(15_000);
    restart();
  },
  'worker-kill': async () => {
    const api = apiOf();
    const worker = api && findNode('apps/worker/dist/main.js', {}).find((p) => p.ppid === api.ppid);
    if (!worker) throw new Error('no worker found');
    process.kill(worker.pid, 'SIGKILL');
  },
  // Over when the API is gone: what follows (refused until a supervisor starts it again) counts as recovery.
  'api-kill': async () => {
    const api = apiOf();
    if (!api) throw new Error('no API found');
    process.kill(api.pid, 'SIGKILL');
  },
};

async function scenario(name, ctx) {
  const started = new Date();
  const rec = new Recorder(ctx.http);
  const displays = await openDisplays(url, ctx.center.id, DISPLAYS);
  const stop = startTraffic({ rec, centerId: ctx.center.id, serviceIds: ctx.serviceIds, counterIds: ctx.counterIds, kioskCookie: ctx.kioskCookie, staffCookie: ctx.staffCookie });
  await sleep(5000);
  log(`${name}: fault`);
  await faults[name](ctx);
  const lifted = Date.now();
  log(`${name}: fault over, watching ${SETTLE_MS / 1000} s`);
  await sleep(SETTLE_MS);
  await stop();
  await waitUntil(async () => rec.requests.every((r) => r.t1), 15_000);
  await sleep(5000);
  const stackUp = await healthy(ctx.http);
  const row = await measure(name, ctx, rec, displays, started, lifted, stackUp);
  for (const d of displays) d.close();
  return row;
}

async function measure(name, ctx, rec, displays, started, lifted, stackUp) {
  const { sql, center } = ctx;
  const by = (kind) => rec.requests.filter((r) => r.kind === kind);
  const ok = (r) => r.status >= 200 && r.status < 300;
  const failed = (r) => r.status >= 500 || r.status <= 0;
  // Recovery: from the end of the fault to the last request that failed after it.
  const lastFailure = Math.max(0, ...rec.requests.filter(failed).map((r) => r.t1));
  const row = {
    scenario: name,
    sent: rec.requests.length,
    ok: rec.requests.filter(ok).length,
    500: rec.requests.filter((r) => r.status >= 500 && r.status !== 503).length,
    503: rec.requests.filter((r) => r.status === 503).length,
    'no answer': rec.requests.filter((r) => r.status <= 0).length,
    'p99 ms': p99(rec.requests.map((r) => r.t1 - r.t0)),
  };
  const db = await waitUntil(() => sql`select 1`.then(() => true), 30_000);
  if (db) {
    const [issued] = await sql`select count(*)::int as n from tickets where center_id = ${center.id} and arrived_at >= ${started} and transferred_from_ticket_id is null`;
    const calls = await sql`select distinct t.code from ticket_events e join tickets t on t.id = e.ticket_id where t.center_id = ${center.id} and e.kind = 'called' and e.at >= ${started}`;
    const [{ n: callEvents }] = await sql`select count(*)::int as n from ticket_events e join tickets t on t.id = e.ticket_id where t.center_id = ${center.id} and e.kind = 'called' and e.at >= ${started}`;
    row['saved, not 2xx'] = Math.max(0, issued.n - by('issue').filter(ok).length) + Math.max(0, callEvents - by('call').filter(ok).length);
    row['calls unseen'] = calls.filter((c) => displays.some((d) => !d.announced.has(c.code))).length + `/${calls.length}`;
    const latest = await sql`select distinct on (counter_id) counter_id, code from tickets where center_id = ${center.id} and called_at is not null and business_date = (select max(business_date) from tickets where center_id = ${center.id}) order by counter_id, called_at desc`;
    row['displays wrong'] = displays.filter((d) => latest.some((l) => d.latest.get(l.counter_id) !== l.code)).length + `/${displays.length}`;
    const [dup] = await sql`select count(*)::int as n from (select 1 from tickets where center_id = ${center.id} and transferred_from_ticket_id is null group by service_id, business_date, number having count(*) > 1) x`;
    row.duplicated = dup.n;
  }
  row['recover s'] = stackUp ? (lastFailure > lifted ? ((lastFailure - lifted) / 1000).toFixed(1) : '0') : 'down';
  return row;
}

function p99(values) {
  const s = values.sort((a, b) => a - b);
  return s.length ? Math.round(s[Math.min(s.length - 1, Math.floor(0.99 * s.length))]) : 0;
}

function print(rows) {
  const cols = Object.keys(rows.reduce((a, r) => ({ ...a, ...r }), {}));
  const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c] ?? '').length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c ?? '').padEnd(width[i])).join(' | ')} |`;
  console.log(`\n${line(cols)}\n|${width.map((w) => '-'.repeat(w + 2)).join('|')}|\n${rows.map((r) => line(cols.map((c) => r[c]))).join('\n')}\n`);
}

async function main() {
  log(`target ${url}, data ${dataDir}`);
  const ctx = await setup();
  const rows = [];
  try {
    for (const name of only) {
      if (!faults[name]) throw new Error(`unknown scenario "${name}"`);
      if (!(await healthy(ctx.http))) {
        rows.push({ scenario: name, sent: 'not run: the system is down' });
        continue;
      }
      rows.push(await scenario(name, ctx).catch((e) => ({ scenario: name, sent: `failed: ${e.message}` })));
    }
  } finally {
    print(rows);
    await ctx.restore().catch(() => {});
    await ctx.sql.end({ timeout: 2 });
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(`chaos failed: ${e.message}`);
    process.exit(1);
  },
);
