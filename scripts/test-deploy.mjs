// `npm run test:deploy`: builds the images from docker/Dockerfile with podman, brings up
// docker/compose.yml (PostgreSQL, Redis, two API replicas, the worker, nginx), checks the
// running stack through nginx only, then tears it all down. Not part of `npm test`: minutes.
//
//   npm run test:deploy                 # build, run, check, tear down
//   npm run test:deploy -- --keep       # leave the stack running afterwards (podman-compose -p motcua-deploytest down -v)
//   npm run test:deploy -- --no-build   # reuse the images of the last run
//   npm run test:deploy -- --no-k8s     # skip the Kubernetes manifests (docker/k8s) under podman kube play
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { InfraError, freePort } from './lib/infra.mjs';
import { ensurePodman, podman, podmanEnv, resolveBaseImages } from './lib/podman.mjs';
import { ensureDependencies, root } from './lib/setup.mjs';
import { createHttp } from './lib/sim/http.mjs';

const args = process.argv.slice(2);
const keep = args.includes('--keep');
const noBuild = args.includes('--no-build');
const noK8s = args.includes('--no-k8s');
const project = 'motcua-deploytest';
const tag = 'deploytest';
const work = path.join(root, '.data/deploy');
const log = (msg) => console.log(`» ${msg}`);
const results = [];
const started = performance.now();

async function check(name, fn) {
  const t0 = performance.now();
  try {
    const detail = await fn();
    results.push({ name, ok: true, ms: performance.now() - t0, detail });
    console.log(`  ✓ ${name}${detail ? ` — ${detail}` : ''} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    return true;
  } catch (e) {
    results.push({ name, ok: false, ms: performance.now() - t0, detail: e.message });
    console.log(`  ✗ ${name} — ${e.message}`);
    return false;
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function until(what, fn, timeoutMs, everyMs = 1000) {
  const end = Date.now() + timeoutMs;
  let last;
  while (Date.now() < end) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    await sleep(everyMs);
  }
  throw new Error(`${what} within ${timeoutMs / 1000} s${last ? ` (last: ${last.message})` : ''}`);
}

async function buildImages(env, bases) {
  for (const target of ['api', 'worker', 'web']) {
    const t0 = performance.now();
    log(`Building the ${target} image (podman build --target ${target})…`);
    const r = await podman(
      ['build', '--network', 'host', '--format', 'docker', '--ignorefile', 'docker/Dockerfile.dockerignore', '-f', 'docker/Dockerfile', '--target', target,
        '--build-arg', `NODE_IMAGE=${bases.NODE_IMAGE}`, '--build-arg', `NGINX_IMAGE=${bases.NGINX_IMAGE}`, '-t', `localhost/motcua-${target}:${tag}`, '.'],
      { env },
    );
    if (r.code !== 0) throw new InfraError(`building the ${target} image failed:\n${r.out.split('\n').slice(-30).join('\n')}`);
    log(`  built in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
}

/** podman-compose (1.0) has no --env-file: the stack's variables come from its environment. */
function compose(env, vars, rest) {
  return podman(['-p', project, '-f', 'docker/compose.yml', ...rest], { env: { ...env, ...vars }, cmd: 'podman-compose' });
}

/** Runs a command inside one of the stack's containers (operator commands, SQL, a replica's own view). */
async function exec(env, container, command) {
  const r = await podman(['exec', container, ...command], { env });
  if (r.code !== 0) throw new Error(`${command.join(' ')} in ${container} failed: ${r.out.trim().split('\n').slice(-3).join(' ')}`);
  return r.out;
}

async function containers(env, service) {
  const r = await podman(['ps', '--filter', `label=io.podman.compose.project=${project}`, '--filter', `label=com.docker.compose.service=${service}`, '--format', '{{.Names}}'], { env });
  return r.out.split('\n').map((s) => s.trim()).filter(Boolean).sort();
}

/** A display in the hall: a /public socket subscribed to a center's room, counting the calls it sees. */
async function display(base, centerId) {
  // Packages (socket.io-client here, yaml in the kube checks) load after `ensureDependencies`.
  const { io } = await import('socket.io-client');
  return new Promise((resolve, reject) => {
    const socket = io(`${base}/public`, { transports: ['websocket'], reconnection: false, extraHeaders: { origin: base } });
    const calls = [];
    socket.on('ticket.called', (e) => calls.push(e.data.ticketCode));
    socket.once('connect_error', reject);
    socket.once('connect', () => socket.emit('subscribe', `center:${centerId}`, (ack) => (ack?.ok ? resolve({ socket, calls }) : reject(new Error(`subscribe refused: ${ack?.error}`)))));
  });
}

async function runChecks(env, base) {
  const http = createHttp(base);
  const get = (p) => fetch(base + p, { signal: AbortSignal.timeout(15_000) });
  const [api1] = await containers(env, 'api');
  const [pg] = await containers(env, 'postgres');
  const state = {};

  console.log('\nChecks (through nginx at ' + base + '):');
  await check('health: /api/health answers 200 with PostgreSQL and Redis up', async () => {
    const body = await until('the API to be healthy', async () => {
      const r = await get('/api/health');
      return r.ok ? r.json() : null;
    }, 240_000, 2000);
    return JSON.stringify(body.checks ?? body).slice(0, 120);
  });
  await check('two API replicas are running', async () => {
    const names = await containers(env, 'api');
    if (names.length !== 2) throw new Error(`found ${names.length}: ${names.join(', ')}`);
    return names.join(', ');
  });
  for (const [name, p] of [['citizen app', '/'], ['backoffice', '/backoffice/'], ['analytics', '/analytics/']]) {
    await check(`the ${name} page (${p}) is served`, async () => {
      const r = await get(p);
      const html = await r.text();
      if (!r.ok || !/<div id="app"/.test(html)) throw new Error(`status ${r.status}, ${html.length} bytes`);
      const asset = html.match(/src="([^"]+\.js)"/)?.[1];
      if (!asset) throw new Error('no script in the page');
      const a = await get(asset.startsWith('/') ? asset : p + asset);
      if (!a.ok) throw new Error(`its script ${asset} answered ${a.status}`);
      return `${html.length} bytes, script ${a.status}`;
    });
  }

  const seeded = await check('operator CLI: the demo province is seeded into the empty installation (cli.js seed-demo)', async () => {
    state.accounts = JSON.parse((await exec(env, api1, ['node', 'apps/api/dist/cli.js', 'seed-demo', '--json'])).trim().split('\n').at(-1));
    return `${state.accounts.length} accounts`;
  });
  if (!seeded) return;
  const account = (username) => state.accounts.find((a) => a.username === username);

  await check('sign-in as the admin through nginx (httpOnly session cookie)', async () => {
    state.admin = http.client();
    const me = await state.admin.post('/auth/sign-in', { username: 'admin', password: account('admin').password });
    return `${me.username}, roles ${me.roles.map((g) => g.role).join(',')}`;
  });
  if (!state.admin) return;

  await check('a paired kiosk issues a ticket', async () => {
    const centers = await state.admin.get('/centers');
    state.center = await state.admin.get(`/centers/${centers.find((c) => c.code !== 'TT-96').id}`);
    // Open all day, every day: the check must not depend on the hour it runs at.
    const allDay = Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [{ start: '00:00', end: '23:59' }]]));
    await state.admin.patch(`/centers/${state.center.id}`, { openingHours: allDay });
    const device = await state.admin.post(`/centers/${state.center.id}/devices`, { kind: 'kiosk', name: 'Kiosk kiểm thử triển khai' });
    state.kiosk = http.client();
    await state.kiosk.post('/devices/pair', { code: device.pairingCode });
    const kiosk = await state.kiosk.get(`/public/centers/${state.center.id}/kiosk`);
    state.service = kiosk.services.find((s) => state.center.counters.some((c) => c.services.some((x) => x.serviceId === s.id)));
    // A kiosk gives no number for a service no open counter serves: open one first, as a manager would.
    state.counter = state.center.counters.find((c) => c.services.some((x) => x.serviceId === state.service.id));
    await state.admin.post(`/counters/${state.counter.id}/state`, { state: 'open' });
    state.ticket = await state.kiosk.post(`/centers/${state.center.id}/tickets`, { serviceId: state.service.id });
    return `${state.ticket.code} at ${state.center.name}`;
  });

  await check('a call made on one replica reaches displays connected to both (Socket.IO through Redis)', async () => {
    if (!state.ticket) throw new Error('no ticket to call');
    // nginx spreads connections over the replicas; each replica's own count shows that both hold displays.
    state.displays = await Promise.all(Array.from({ length: 6 }, () => display(base, state.center.id)));
    const called = await state.admin.post(`/counters/${state.counter.id}/call-next`, {});
    const code = called.current?.code;
    if (code !== state.ticket.code) throw new Error(`call-next called ${code}, not ${state.ticket.code}`);
    await until('every display to show the call', () => state.displays.every((d) => d.calls.includes(code)), 10_000, 200);
    return `${code} seen by ${state.displays.length} displays`;
  });
  for (const d of state.displays ?? []) d.socket.close();

  await check('a deadline alert is processed by the worker (overdue dossier → notification)', async () => {
    const manager = http.client();
    await manager.post('/auth/sign-in', { username: 'quanly.anxuyen', password: account('quanly.anxuyen').password });
    const options = await manager.get('/dossiers/intake-options');
    // A commune procedure: the center's own People's Committee decides it.
    const procedure = options.procedures.find((p) => p.competentAgencyRule === 'applicant_residence');
    const d = await manager.post(`/centers/${state.center.id}/dossiers`, {
      procedureId: procedure.id, applicantUnitId: state.center.unitId, applicant: { name: 'Nguyễn Văn Triển Khai', phone: '0909000000' }, outcome: { kind: 'accept' },
    });
    // Due a minute ago: the worker's sweep finds the missing overdue alert and the job delivers it once.
    await exec(env, pg, ['psql', '-U', 'motcua', '-d', 'motcua', '-v', 'ON_ERROR_STOP=1', '-c', `update dossiers set due_at = now() - interval '1 minute', deadline_version = deadline_version + 1 where id = '${d.id}'`]);
    const n = await until('the overdue notification', async () => {
      const page = await manager.get('/me/notifications');
      return page.items.find((x) => x.dossierId === d.id && x.kind === 'overdue');
    }, 90_000, 2000);
    return `“${n.title}” for ${d.code}`;
  });
}

async function main() {
  await ensureDependencies(log);
  ensurePodman(log);
  mkdirSync(work, { recursive: true });
  const env = podmanEnv(work);
  const bases = await resolveBaseImages(env, work, log);
  log(`Base images: ${Object.entries(bases).map(([k, v]) => `${k}=${v}`).join(' ')}`);
  if (!noBuild) await buildImages(env, bases);

  const port = await freePort(18080);
  const base = `http://127.0.0.1:${port}`;
  const vars = Object.fromEntries(Object.entries({
    ...bases, MOTCUA_IMAGE: 'localhost/motcua', MOTCUA_VERSION: tag, POSTGRES_PASSWORD: randomBytes(18).toString('base64url'), HTTP_PORT: port,
    API_REPLICAS: 2, PUBLIC_URL: base, ALERT_SWEEP_EVERY_MS: 5000, LOG_LEVEL: 'info',
  }).map(([k, v]) => [k, String(v)]));
  // The containers' env_file (the apps' optional settings), and what stops the stack after --keep.
  const envFile = path.join(work, 'deploytest.env');
  writeFileSync(envFile, Object.entries(vars).map(([k, v]) => `${k}=${v}`).join('\n') + '\n', { mode: 0o600 });
  vars.MOTCUA_ENV_FILE = envFile;

  await compose(env, vars, ['down', '-v']);
  log('Starting the stack (podman-compose up -d)…');
  const up = await compose(env, vars, ['up', '-d']);
  if (up.code !== 0) throw new InfraError(`podman-compose up failed:\n${up.out.split('\n').slice(-30).join('\n')}`);
  try {
    await runChecks(env, base);
  } finally {
    if (results.some((r) => !r.ok)) {
      for (const service of ['api', 'worker', 'web']) {
        for (const name of await containers(env, service)) {
          const l = await podman(['logs', '--tail', '25', name], { env });
          console.log(`\n--- last lines of ${name} ---\n${l.out}`);
        }
      }
    }
    if (keep) log(`The stack is still running at ${base} (set -a; . ${path.relative(root, envFile)}; podman-compose -p ${project} -f docker/compose.yml down -v) stops it.`);
    else {
      log('Tearing the stack down (podman-compose down -v)…');
      await compose(env, vars, ['down', '-v']);
    }
  }
  if (keep || noK8s) return;
  console.log('\nKubernetes manifests (docker/k8s) under podman kube play:');
  const { runKubeChecks } = await import('./lib/kube-check.mjs');
  await runKubeChecks({ env, work, bases, tag, check, until, log });
}

main()
  .catch((e) => {
    console.error(`\ntest:deploy could not run: ${e instanceof InfraError ? e.message : (e?.stack ?? e)}`);
    results.push({ name: 'setup', ok: false });
  })
  .finally(() => {
    const failed = results.filter((r) => !r.ok).length;
    console.log(`\n${results.length - failed} checks passed, ${failed} failed in ${((performance.now() - started) / 60000).toFixed(1)} min.`);
    process.exit(failed || !results.length ? 1 : 0);
  });
