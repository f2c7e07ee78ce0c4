import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Redis } from 'ioredis';

export { Counter, Gauge, Histogram, Registry };

/** One registry per process, with Node's own figures (heap, event loop lag, GC) and the service as a label. */
export function createMetricsRegistry(service: 'api' | 'worker'): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return registry;
}

/** Seconds buckets for request and job durations: a counter answer is tens of ms, a rollup seconds. */
export const durationBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** Redis round trip and PostgreSQL connections, read at scrape time (a scrape every 15 s costs one PING and one query). */
export function dependencyGauges(registry: Registry, deps: { redis: Redis; connections: () => Promise<Array<{ state: string; count: number }>>; poolMax: number }): Gauge[] {
  const rtt = new Gauge({
    name: 'motcua_redis_rtt_seconds',
    help: 'Round trip of a Redis PING at scrape time (-1 when Redis does not answer)',
    registers: [registry],
    async collect() {
      const t = performance.now();
      const ok = await Promise.race([deps.redis.ping().then(() => true, () => false), new Promise<boolean>((r) => setTimeout(() => r(false), 1000).unref())]);
      this.set(ok ? (performance.now() - t) / 1000 : -1);
    },
  });
  const poolMax = new Gauge({ name: 'motcua_pg_pool_max', help: 'Connections this process may open to PostgreSQL', registers: [registry] });
  poolMax.set(deps.poolMax);
  const connections = new Gauge({
    name: 'motcua_pg_connections',
    help: "This process's PostgreSQL connections by state (pg_stat_activity)",
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      this.reset();
      const rows = await deps.connections().catch(() => []);
      for (const r of rows) this.set({ state: r.state }, r.count);
    },
  });
  return [rtt, poolMax, connections];
}

const privateV4 = [/^127\./, /^10\./, /^192\.168\./, /^172\.(1[6-9]|2\d|3[01])\./, /^169\.254\./];

/** The internal network: loopback, private and ULA peers. */
export function isInternalAddress(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.startsWith('::ffff:') ? address.slice(7) : address;
  if (isIP(a) === 4) return privateV4.some((r) => r.test(a));
  return a === '::1' || /^f[cd]/i.test(a);
}

/**
 * Whether a scrape may read the figures. With METRICS_TOKEN set, only with `Authorization: Bearer <token>`.
 * Without it, only a peer on the internal network that did not come through a proxy: a proxy adds
 * X-Forwarded-For, and a public request through nginx must not read them.
 */
export function mayScrape(req: IncomingMessage, token: string | undefined): boolean {
  if (token) {
    const given = Buffer.from(req.headers.authorization ?? '');
    const wanted = Buffer.from(`Bearer ${token}`);
    return given.length === wanted.length && timingSafeEqual(given, wanted);
  }
  if (req.headers['x-forwarded-for'] || req.headers.forwarded) return false;
  return isInternalAddress(req.socket.remoteAddress);
}

/** GET /metrics in the Prometheus text format, or 403 in the one error shape. */
export async function answerMetrics(registry: Registry, req: IncomingMessage, res: ServerResponse, token: string | undefined): Promise<void> {
  if (!mayScrape(req, token)) {
    res.writeHead(403, { 'content-type': 'application/json' }).end(
      JSON.stringify({ error: { code: 'FORBIDDEN', message: 'Metrics are for the internal network or a bearer METRICS_TOKEN' } }),
    );
    return;
  }
  const body = await registry.metrics();
  res.writeHead(200, { 'content-type': registry.contentType }).end(body);
}
