import path from 'node:path';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDatabase } from '@motcua/db/testing';
import { freePort } from '../../../scripts/lib/infra.mjs';
import { startApp, waitForHttp } from '../../../scripts/lib/proc.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const apiMain = path.join(root, 'apps/api/dist/main.js');
export const workerMain = path.join(root, 'apps/worker/dist/main.js');

export type App = ReturnType<typeof startApp>;

export interface Stack {
  baseUrl: string;
  database: TestDatabase;
  api: App;
  worker?: App;
  prefix: string;
  /** The demo accounts with their passwords (absent for an `empty` stack). */
  accounts?: Account[];
  /** The environment the processes got: to start another API or worker like them. */
  env: Record<string, string | undefined>;
  stop(): Promise<void>;
}

/**
 * The compiled API (and optionally the worker) as real processes on a cloned database with the demo
 * province in it, or with no data at all (`empty`).
 */
export async function startStack(
  options: { worker?: boolean; redisUrl?: string; env?: Record<string, string>; empty?: boolean; viaPooler?: (databaseUrl: string) => string; port?: number } = {},
): Promise<Stack> {
  const database = await createTestDatabase({ seeded: !options.empty });
  // A test may choose the port first (e.g. to register the API's callback URL at an identity provider).
  const port = options.port ?? (await freePort());
  const prefix = `t${port}`;
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    REDIS_URL: options.redisUrl ?? process.env.MOTCUA_TEST_REDIS_URL!,
    REDIS_PREFIX: prefix,
    PORT: String(port),
    WORKER_HEALTH_PORT: String(await freePort()),
    LOG_LEVEL: process.env.MOTCUA_TEST_LOG_LEVEL ?? 'warn',
    RUN_MIGRATIONS: 'false',
    // No signing keys unless a test makes them: a demo PKI left in .data by `npm start` must not add signed documents to other tests' dossiers.
    SIGNER_PKCS12_DIR: path.join(os.tmpdir(), `motcua-no-pki-${port}`),
    ...(options.viaPooler ? { DATABASE_URL: options.viaPooler(database.url), DATABASE_DIRECT_URL: database.url, DATABASE_POOLER: 'pgbouncer' } : {}),
    ...options.env,
  };
  const api = startApp('api', apiMain, env, { quiet: true });
  const worker = options.worker ? startApp('worker', workerMain, env, { quiet: true }) : undefined;
  const baseUrl = `http://127.0.0.1:${port}`;
  if (!(await waitForHttp(`${baseUrl}/api/health`, api, 60_000))) {
    await Promise.all([api.stop(), worker?.stop()]);
    throw new Error(`API did not start:\n${api.tail()}`);
  }
  return {
    baseUrl,
    database,
    api,
    worker,
    prefix,
    accounts: database.accounts,
    env,
    async stop() {
      await Promise.all([api.stop(), worker?.stop()]);
      await database.drop();
    },
  };
}

export async function json(res: Response): Promise<any> {
  return res.json();
}

export interface Account {
  username: string;
  password: string;
  role: string;
}

/** The demo accounts of a stack (seeded when it was made); returns them with their passwords. */
export async function seed(stack: Stack): Promise<Account[]> {
  if (!stack.accounts) throw new Error('this stack was started empty: it has no demo accounts');
  return stack.accounts;
}

/** Signs in and returns the Cookie header value to send with later requests. */
export async function signIn(stack: Stack, username: string, password: string): Promise<string> {
  const res = await fetch(`${stack.baseUrl}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status} ${await res.text()}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

/** Another API process on the stack's database and Redis (a second instance behind the load balancer). */
export async function startSecondApi(stack: Stack): Promise<{ baseUrl: string; stop(): Promise<void> }> {
  const port = await freePort();
  const api = startApp('api2', apiMain, { ...stack.env, PORT: String(port) }, { quiet: true });
  const baseUrl = `http://127.0.0.1:${port}`;
  if (!(await waitForHttp(`${baseUrl}/api/health`, api, 60_000))) {
    await api.stop();
    throw new Error(`second API did not start:\n${api.tail()}`);
  }
  return { baseUrl, stop: () => api.stop() };
}

/**
 * Opens every counter of the demo province (or of one center): the kiosk issues a ticket only
 * for a service an open counter serves (#18 item 1), and the demo seed leaves counters closed.
 */
export async function openCounters(stack: Stack, centerCode?: string): Promise<void> {
  const sql = stack.database.sql;
  if (centerCode) await sql`update counters set state = 'open' where state = 'closed' and center_id in (select id from centers where code = ${centerCode})`;
  else await sql`update counters set state = 'open' where state = 'closed'`;
}

/**
 * How many `name` jobs the stack's worker has completed since it started (its /metrics): lets a test wait
 * for "two more sweeps" as events rather than sleep for two sweep periods.
 */
export async function jobsCompleted(stack: Pick<Stack, 'env'>, name: string): Promise<number> {
  // A worker still starting (the stack waits for the API only) has completed nothing yet.
  const res = await fetch(`http://127.0.0.1:${stack.env.WORKER_HEALTH_PORT}/metrics`).catch(() => undefined);
  if (!res) return 0;
  const text = await res.text();
  const line = text.split('\n').find((l) => l.startsWith('motcua_jobs_total{') && l.includes(`name="${name}"`) && l.includes('outcome="completed"'));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}
