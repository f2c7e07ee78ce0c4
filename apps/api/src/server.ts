import 'reflect-metadata';
import { runMigrations } from '@motcua/db';
import { answerMetrics, ConfigError, createLogger, guardProcess } from '@motcua/platform';
import { stopTracing } from '@motcua/platform/tracing';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { originCheck, originPolicy } from './common/origin-check.js';
import cookieParser from 'cookie-parser';
import type { Request, Response } from 'express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { APP_VERSION, loadConfig, type ApiConfig } from './config/config.js';
import { RedisIoAdapter } from './infra/redis-io.adapter.js';
import { SOCKET_REDIS } from './infra/tokens.js';
import { drainHttp } from './infra/graceful-close.js';
import { ApiMetrics } from './infra/metrics.js';
import { withRequestId } from './infra/request-id.js';
import { mountQueueDashboard, QUEUE_DASHBOARD_PATH } from './infra/queue-dashboard.js';
import { securityHeaders } from './infra/security-headers.js';
import { mountWeb } from './infra/static-web.js';
import { mountDocs } from './modules/docs/docs.js';
import { legacyOptOutLink } from './modules/citizen-notifications/legacy-opt-out-link.js';
import { testClock } from './common/now.decorator.js';

/** Expected start-up failures end with one line and exit code 1, never a stack trace. */
function fail(message: string): never {
  process.stderr.write(`motcua-api: cannot start: ${message}\n`);
  process.exit(1);
}

function explain(e: unknown, config?: ApiConfig): string {
  const err = e as NodeJS.ErrnoException & { cause?: NodeJS.ErrnoException };
  const code = err?.code ?? err?.cause?.code;
  if (e instanceof ConfigError) return e.message;
  if (code === 'EADDRINUSE') return `port ${config?.PORT} is already in use (set PORT to another port)`;
  // drizzle wraps driver errors ("Failed query: …"); the cause says what actually went wrong.
  const reason = (err?.cause?.message ?? err?.message ?? String(e)).replace(/\s+/g, ' ');
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'CONNECT_TIMEOUT') return `PostgreSQL is unreachable (${reason}); check DATABASE_URL`;
  if (code === '28P01' || code === '3D000') return `PostgreSQL refused the connection (${reason}); check DATABASE_URL`;
  return reason;
}

/** Migrations hold a session lock: behind a pooler they need PostgreSQL itself. */
function migrationUrl(config: ApiConfig): string {
  if (config.DATABASE_POOLER === 'none') return config.DATABASE_URL;
  if (config.DATABASE_DIRECT_URL) return config.DATABASE_DIRECT_URL;
  throw new ConfigError('RUN_MIGRATIONS: behind PgBouncer, migrations need DATABASE_DIRECT_URL (PostgreSQL itself), or set RUN_MIGRATIONS=false and run them as a separate step');
}

async function main() {
  let config: ApiConfig | undefined;
  try {
    config = loadConfig();
    guardProcess(createLogger('api', config.LOG_LEVEL));
    if (config.RUN_MIGRATIONS) await runMigrations(migrationUrl(config));

    const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bufferLogs: true, bodyParser: false });
    app.useLogger(app.get(Logger));
    app.useBodyParser('json', { limit: '6mb' });
    // Exactly the proxy hops deployed (1 behind the shipped nginx): a client cannot choose req.ip.
    app.set('trust proxy', config.TRUST_PROXY);
    // API answers are never cached by validators; hashing every JSON body for an ETag is wasted work.
    app.set('etag', false);
    app.disable('x-powered-by');
    const metrics = app.get(ApiMetrics);
    app.use(withRequestId);
    app.use(metrics.timeRequests);
    // CSP, framing, nosniff, referrer: on every answer (the queue dashboard ships its own inline code).
    app.use(securityHeaders({ except: [QUEUE_DASHBOARD_PATH] }));
    app.use(cookieParser());
    // CSRF (#15): a state-changing request from another site's page is refused before anything else reads it.
    app.use(originCheck(originPolicy(config)));
    if (config.NODE_ENV === 'test') app.use(testClock);
    app.use(legacyOptOutLink);
    app.setGlobalPrefix('api');

    const adapter = new RedisIoAdapter(app);
    adapter.connect(app.get(SOCKET_REDIS), config.REDIS_PREFIX);
    app.useWebSocketAdapter(adapter);

    const server = app.getHttpAdapter().getInstance();
    mountDocs(server, { version: APP_VERSION, serverUrl: config.PUBLIC_URL });
    // Outside /api: nginx proxies only /api and /socket.io, so a scrape comes from the internal network.
    server.get('/metrics', (req: Request, res: Response) => void answerMetrics(metrics.registry, req, res, config!.METRICS_TOKEN));
    mountQueueDashboard(server, app);
    const web = config.WEB_ROOT ? mountWeb(server, config.WEB_ROOT) : [];

    await app.listen(config.PORT, config.HOST);
    // Our own stop sequence instead of Nest's shutdown hooks: drain HTTP first, then close the app.
    let stopping = false;
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.on(signal, () => {
        if (stopping) return;
        stopping = true;
        void drainHttp(app.getHttpServer())
          .then(() => app.close())
          .then(stopTracing)
          .finally(() => process.exit(0));
      });
    }
    app.get(Logger).log(`API listening on ${config.HOST}:${config.PORT}; serving ${web.length ? web.join(', ') : 'no web apps'}`);
  } catch (e) {
    fail(explain(e, config));
  }
}

void main();
