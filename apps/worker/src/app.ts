import 'reflect-metadata';
import type { DatabaseHandle } from '@motcua/db';
import { ConfigError, createLogger, guardProcess, serializeError } from '@motcua/platform';
import { stopTracing } from '@motcua/platform/tracing';
import { NestFactory } from '@nestjs/core';
import type { Redis } from 'ioredis';
import { loadConfig, type WorkerConfig } from './config/config.js';
import { startHealthServer } from './infra/health-server.js';
import { WorkerMetrics } from './infra/metrics.js';
import { DATABASE, REDIS } from './infra/tokens.js';
import { processors } from './processors/index.js';
import { checkHandlers } from './processors/job-handler.js';
import { WorkerModule } from './worker.module.js';

function fail(message: string): never {
  process.stderr.write(`motcua-worker: cannot start: ${message}\n`);
  process.exit(1);
}

async function main() {
  let config: WorkerConfig | undefined;
  try {
    config = loadConfig();
    checkHandlers(processors);
    const logger = createLogger('worker', config.LOG_LEVEL);
    guardProcess(logger);
    const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
      // Nest's own messages as JSON lines too: an error object (or its stack) goes through the safe serializer.
      logger: {
        log: (m, context) => logger.info({ context }, String(m)),
        error: (m, ...rest) => logger.error({ context: rest.at(-1), err: serializeError(m instanceof Error ? m : rest[0]) }, m instanceof Error ? m.message : String(m)),
        warn: (m, context) => logger.warn({ context }, String(m)),
        debug: (m, context) => logger.debug({ context }, String(m)),
        verbose: (m, context) => logger.trace({ context }, String(m)),
      },
    });
    app.enableShutdownHooks();
    const health = await startHealthServer(config.WORKER_HEALTH_PORT, app.get<DatabaseHandle>(DATABASE), app.get<Redis>(REDIS), { registry: app.get(WorkerMetrics).registry, token: config.METRICS_TOKEN });
    // Nest's shutdown hooks close the workers; the spans already buffered leave meanwhile.
    for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void Promise.all([new Promise((closed) => health.close(closed)), stopTracing()]));
    logger.info({ healthPort: config.WORKER_HEALTH_PORT, processors: processors.map((p) => p.name) }, 'worker ready');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (e instanceof ConfigError) fail(e.message);
    if (err.code === 'EADDRINUSE') fail(`health port ${config?.WORKER_HEALTH_PORT} is already in use (set WORKER_HEALTH_PORT)`);
    fail(err.message ?? String(e));
  }
}

void main();
