// The processes of a running `npm start`, found through /proc and its .data folder, and the faults done to them.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const readProc = (pid, file) => {
  try {
    return readFileSync(`/proc/${pid}/${file}`);
  } catch {
    return null;
  }
};

/** argv, environment, uid/gid and parent of a live process. */
export function describe(pid) {
  const cmd = readProc(pid, 'cmdline');
  if (!cmd) return null;
  const argv = cmd.toString().split('\0').filter(Boolean);
  const env = Object.fromEntries((readProc(pid, 'environ')?.toString() ?? '').split('\0').filter(Boolean).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
  const status = readProc(pid, 'status')?.toString() ?? '';
  const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1]);
  return { pid, argv, env, uid: field('Uid'), gid: field('Gid'), ppid: field('PPid') };
}

/** Node processes running `script` (…/apps/api/dist/main.js) with PORT or another variable equal to `value`. */
export function findNode(script, match) {
  const found = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const p = describe(Number(entry));
    if (!p || !p.argv[1]?.endsWith(script)) continue;
    if (Object.entries(match).every(([k, v]) => p.env[k] === v)) found.push(p);
  }
  return found;
}

export function redisOf(dataDir) {
  const dir = path.join(dataDir, 'redis');
  const file = path.join(dir, 'redis.pid');
  if (!existsSync(file)) throw new Error(`no ${file}: is npm start running with its own Redis?`);
  const p = describe(Number(readFileSync(file, 'utf8').trim()));
  if (!p) throw new Error('redis-server of .data/redis is not running');
  // redis-server rewrites its title to "redis-server 127.0.0.1:<port>": start it again as scripts/lib/infra.mjs does.
  const port = Number(/:(\d+)/.exec(p.argv.join(' '))?.[1]);
  const argv = [p.argv[0].split(' ')[0], '--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--protected-mode', 'yes', '--pidfile', file, '--appendonly', 'yes'];
  return { ...p, argv, port };
}

export function postgresOf(dataDir) {
  const file = path.join(dataDir, 'pg/postmaster.pid');
  if (!existsSync(file)) throw new Error(`no ${file}: is npm start running with its embedded PostgreSQL?`);
  const lines = readFileSync(file, 'utf8').split('\n');
  const p = describe(Number(lines[0]));
  if (!p) throw new Error('PostgreSQL of .data/pg is not running');
  return { ...p, port: Number(lines[3]) };
}

/** Stops a server process and waits until it is gone; returns how to start it again as it was. */
export async function stopServer(p, signal) {
  process.kill(p.pid, signal);
  for (let i = 0; i < 300 && alive(p.pid); i++) await sleep(50);
  if (alive(p.pid)) throw new Error(`${p.argv[0]} (pid ${p.pid}) did not stop`);
  return () => {
    const child = spawn(p.argv[0], p.argv.slice(1), { env: p.env, uid: p.uid, gid: p.gid, detached: true, stdio: 'ignore', cwd: '/' });
    child.unref();
    return child.pid;
  };
}

/** One Redis command over RESP (FLUSHALL, PING) without a client library. */
export function redisCommand(port, ...args) {
  return new Promise((resolve, reject) => {
    const sock = net.connect(port, '127.0.0.1');
    sock.setTimeout(2000);
    sock.once('connect', () => sock.write(`*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`));
    sock.once('data', (d) => {
      sock.destroy();
      resolve(d.toString().trim());
    });
    sock.once('error', reject);
    sock.once('timeout', () => {
      sock.destroy();
      reject(new Error('Redis did not answer'));
    });
  });
}

export async function waitUntil(check, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return true;
    await sleep(100);
  }
  return false;
}
