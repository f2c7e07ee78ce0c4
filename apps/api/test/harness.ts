import path from 'node:path';
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
  stop(): Promise<void>;
}

/** The compiled API (and optionally the worker) as real processes on a cloned database. */
export async function startStack(options: { worker?: boolean; redisUrl?: string; env?: Record<string, string> } = {}): Promise<Stack> {
  const database = await createTestDatabase();
  const port = await freePort();
  const prefix = `t${port}`;
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    REDIS_URL: options.redisUrl ?? process.env.MOTCUA_TEST_REDIS_URL!,
    REDIS_PREFIX: prefix,
    PORT: String(port),
    WORKER_HEALTH_PORT: String(await freePort()),
    LOG_LEVEL: 'warn',
    RUN_MIGRATIONS: 'false',
    ...options.env,
  };
  const api = startApp('api', apiMain, env, { quiet: true });
  const worker = options.worker ? startApp('worker', workerMain, env, { quiet: true }) : undefined;
  const baseUrl = `http://127.0.0.1:${port}`;
  if (!(await waitForHttp(`${baseUrl}/api/health`, api, 30_000))) {
    await Promise.all([api.stop(), worker?.stop()]);
    throw new Error(`API did not start:\n${api.tail()}`);
  }
  return {
    baseUrl,
    database,
    api,
    worker,
    prefix,
    async stop() {
      await Promise.all([api.stop(), worker?.stop()]);
      await database.drop();
    },
  };
}

export async function json(res: Response): Promise<any> {
  return res.json();
}
