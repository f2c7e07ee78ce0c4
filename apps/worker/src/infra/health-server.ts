import http from 'node:http';
import { pingDatabase, type DatabaseHandle } from '@motcua/db';
import { answerMetrics, pingRedis, probe, type Registry } from '@motcua/platform';
import type { Redis } from 'ioredis';

/**
 * The worker's only HTTP, on an internal port: GET /health for orchestrators (200 when Postgres
 * and Redis answer, else 503) and GET /metrics for Prometheus.
 */
export function startHealthServer(port: number, database: DatabaseHandle, redis: Redis, metrics: { registry: Registry; token?: string }): Promise<http.Server> {
  const answer = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    if (req.method === 'GET' && req.url === '/metrics') return answerMetrics(metrics.registry, req, res, metrics.token);
    if (req.method !== 'GET' || req.url !== '/health') {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'NOT_FOUND', message: 'Only GET /health and GET /metrics are served here' } }));
      return;
    }
    const [postgres, cache] = await Promise.all([probe(() => pingDatabase(database.sql), 2000), probe(() => pingRedis(redis, 1000), 1500)]);
    const ok = postgres.status === 'up' && cache.status === 'up';
    res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify({ status: ok ? 'ok' : 'degraded', checks: { postgres, redis: cache } }));
  };
  // A failed answer must not become an unhandled rejection (which ends the worker).
  const server = http.createServer((req, res) => {
    answer(req, res).catch(() => (res.headersSent ? res.destroy() : res.writeHead(500).end()));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve(server));
  });
}
