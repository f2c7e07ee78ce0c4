import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { freePort, postmasterOf, startPostgres } from '../../../scripts/lib/infra.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
/** Every process below `pid` (children, grandchildren…), from /proc. */
function descendants(pid: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      parentOf.set(Number(entry), Number(/^PPid:\s+(\d+)/m.exec(readFileSync(`/proc/${entry}/status`, 'utf8'))![1]));
    } catch {
      /* gone */
    }
  }
  const found: number[] = [];
  const walk = (p: number) => {
    for (const [child, parent] of parentOf) {
      if (parent !== p) continue;
      found.push(child);
      walk(child);
    }
  };
  walk(pid);
  return found;
}
const cmdline = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return '';
  }
};
/**
 * One request on a connection of its own: its status, or how it failed. "refused": never taken.
 * "reset": the connection was still in the kernel's accept queue when the listener closed (Linux
 * resets those; no server can answer a connection it never accepted). "cut": an answer that had
 * started and did not finish, or a request that hung.
 */
function get(url: string): Promise<number | string> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent: false, timeout: 20_000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode!));
      res.on('aborted', () => resolve('cut (answer aborted)'));
      res.on('error', () => resolve('cut (answer failed)'));
    });
    req.on('error', (e: NodeJS.ErrnoException) => resolve(e.code === 'ECONNREFUSED' ? 'refused' : e.code === 'ECONNRESET' ? 'reset' : `cut (${e.code ?? e.message})`));
    req.on('timeout', () => req.destroy(new Error('timeout')));
  });
}

describe('npm start supervises and stops in order', () => {
  const data = path.join(os.tmpdir(), `motcua-npm-start-${process.pid}`);
  afterAll(() => rmSync(data, { recursive: true, force: true }));

  it('a killed API is started again and serves within seconds; SIGTERM to `npm start` ends every child and cuts no request', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), MOTCUA_DATA_DIR: data, MOTCUA_DEMO_DOSSIERS: '0', NODE_ENV: 'production', LOG_LEVEL: 'warn' };
    for (const k of ['DATABASE_URL', 'REDIS_URL', 'WORKER_HEALTH_PORT']) delete env[k];
    const npm = spawn('npm', ['start'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    npm.stdout.on('data', (d) => (output += d));
    npm.stderr.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => npm.once('exit', resolve));
    try {
      await vi.waitFor(async () => expect(await get(`${base}/api/health`)).toBe(200), { timeout: 240_000, interval: 500 });
      const children = descendants(npm.pid!);
      const apiPid = children.find((p) => cmdline(p).includes('apps/api/dist/main.js'))!;
      expect(apiPid).toBeTruthy();
      expect(children.some((p) => cmdline(p).includes('apps/worker/dist/main.js'))).toBe(true);
      expect(children.some((p) => /redis-server/.test(cmdline(p)))).toBe(true);
      expect(children.some((p) => /postgres -D/.test(cmdline(p)))).toBe(true);

      process.kill(apiPid, 'SIGKILL');
      const killedAt = Date.now();
      // Back within seconds on a quiet machine (about 3 s here); the bound leaves room for a cold Node + Nest boot
      // while the rest of the suite loads both cores (twice it missed 20 s there, the cause not seen: the log below says).
      await vi.waitFor(async () => expect(await get(`${base}/api/health`)).toBe(200), { timeout: 60_000, interval: 200 }).catch((e: Error) => {
        throw new Error(`the API did not answer within 60 s of being killed; npm start printed:\n${output.slice(-4000)}`, { cause: e });
      });
      const restartMs = Date.now() - killedAt;
      console.log(`killed API answering again after ${restartMs} ms`);
      expect(restartMs, output.slice(-4000)).toBeLessThan(40_000);
      expect(output).toMatch(/The api stopped unexpectedly \(killed by SIGKILL\); starting it again/);

      // Traffic while npm start is told to stop: requests are answered, refused or reset unread, never cut.
      const all = descendants(npm.pid!);
      const results: Array<number | string> = [];
      const traffic = { on: true };
      const load = Array.from({ length: 16 }, async () => {
        while (traffic.on) results.push(await get(`${base}/api/health`));
      });
      // Stop once every client has had answers, so the stop lands in the middle of traffic.
      await vi.waitFor(() => expect(results.filter((r) => r === 200).length).toBeGreaterThanOrEqual(16), { timeout: 10_000, interval: 20 });
      npm.kill('SIGTERM');
      await exited;
      await vi.waitFor(() => expect(all.filter(alive).map(cmdline)).toEqual([]), { timeout: 30_000, interval: 200 });
      traffic.on = false;
      await Promise.all(load);
      expect(results.filter((r) => typeof r === 'string' && r.startsWith('cut'))).toEqual([]);
      // Resets happen only at the instant the listener closes: at most one per client, whose next try is refused.
      expect(results.filter((r) => r === 'reset').length).toBeLessThanOrEqual(16);
      expect(results.filter((r) => r === 200).length).toBeGreaterThan(0);
      expect(postmasterOf(path.join(data, 'pg'))).toBeNull();
      expect(output).toMatch(/Stopped\./);
    } finally {
      if (npm.exitCode === null) npm.kill('SIGKILL');
      for (const p of descendants(npm.pid!)) process.kill(p, 'SIGKILL');
    }
  }, 360_000);

  it('a PostgreSQL left running on the data folder, or a stale pid file, is handled with a clear message', async () => {
    const dir = path.join(data, 'stale-pg');
    const first = await startPostgres({ dir, port: await freePort(), persistent: true });
    const left = postmasterOf(dir)!;
    expect(alive(left.pid)).toBe(true);
    // The run that started it is gone without stopping it: the next start stops it first, and says so.
    const said: string[] = [];
    const second = await startPostgres({ dir, port: await freePort(), persistent: true, log: (m: string) => said.push(m) });
    expect(said.join('\n')).toMatch(new RegExp(`PostgreSQL left running on .* \\(pid ${left.pid}, port ${left.port}\\) is stopped first`));
    expect(alive(left.pid)).toBe(false);
    await second.stop();
    void first;

    // A pid file whose process is gone (a crash): removed, with a message, and the server starts.
    writeFileSync(path.join(dir, 'postmaster.pid'), `999999\n${dir}\n0\n5432\n`);
    said.length = 0;
    const third = await startPostgres({ dir, port: await freePort(), persistent: true, log: (m: string) => said.push(m) });
    expect(said.join('\n')).toMatch(/Removing a stale .*postmaster\.pid \(PostgreSQL pid 999999 is not running\)/);
    await third.stop();
    expect(postmasterOf(dir)).toBeNull();
  }, 120_000);
});
