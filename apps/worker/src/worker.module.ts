import { QueueName } from '@motcua/contracts';
import { createFileStore, fileStoreConfigFromEnv, type FileStore } from '@motcua/files';
import { alertRepository, createDatabase, pingDatabase, type DatabaseHandle } from '@motcua/db';
import { bullPrefix, closeRedis, createLogger, createRedis, DeadlineScheduler, DependencyWatch, pingRedis, RealtimePublisher } from '@motcua/platform';
import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { Inject, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { AlertService } from './alerts/alert.service.js';
import { ThresholdService } from './alerts/threshold.service.js';
import { DeviceOutageService } from './devices/device-outage.service.js';
import { PaymentReconciler } from './payments/payment-reconciler.service.js';
import { DeliveryService } from './deliveries/delivery.service.js';
import { CitizenNotifyService } from './citizen/citizen-notify.service.js';
import { PushNotifyService } from './citizen/push-notify.service.js';
import { CONFIG, type WorkerConfig } from './config/config.js';
import { WorkerMetrics } from './infra/metrics.js';
import { DATABASE, FILE_STORE, LOGGER, REDIS } from './infra/tokens.js';
import { DocumentIssuer } from './documents/document-issuer.service.js';
import { processors } from './processors/index.js';
import { ensureSchedules, registerSchedules, schedules, type QueueOf } from './schedulers/index.js';

@Module({})
export class WorkerModule implements OnApplicationBootstrap, OnApplicationShutdown {
  #scheduleTimer?: NodeJS.Timeout;

  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(CONFIG) private readonly config: WorkerConfig,
    @Inject(ModuleRef) private readonly moduleRef: ModuleRef,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(DependencyWatch) private readonly watch: DependencyWatch,
    @Inject(WorkerMetrics) private readonly metrics: WorkerMetrics,
    @Inject(FILE_STORE) private readonly files: FileStore,
  ) {}

  // @Processor() options are static; concurrency is a deployment setting, so it is applied once the workers exist.
  async onApplicationBootstrap(): Promise<void> {
    const queueOf: QueueOf = (name) => this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
    // Unheard 'error' events make BullMQ print raw stack traces; an outage is logged once by the watch instead.
    const onError = (e: Error) => this.watch.down('redis', e);
    for (const processor of processors) {
      const { worker } = this.moduleRef.get(processor);
      worker.concurrency = this.config.WORKER_CONCURRENCY;
      worker.on('error', onError);
      this.metrics.watchWorker(worker);
    }
    for (const name of Object.values(QueueName)) {
      queueOf(name).on('error', onError);
      this.metrics.watchQueue(queueOf(name));
    }
    this.watch.onChange((name, up) => {
      if (up) return;
      if (name === 'redis') this.watch.probeWhileDown('redis', () => pingRedis(this.redis));
      if (name === 'postgres') this.watch.probeWhileDown('postgres', () => pingDatabase(this.database.sql));
    });
    await registerSchedules(queueOf, schedules(this.config));
    this.#scheduleTimer = setInterval(() => {
      ensureSchedules(queueOf, schedules(this.config))
        .then((restored) => restored && this.logger.warn('Redis had lost the job schedulers: registered again, sweeping now'))
        .catch((e: Error) => this.watch.down('redis', e));
    }, this.config.ALERT_SWEEP_EVERY_MS);
  }

  static forRoot(config: WorkerConfig): DynamicModule {
    const logger = createLogger('worker', config.LOG_LEVEL);
    const watch = new DependencyWatch(logger);
    const bullConnection = createRedis(config.REDIS_URL, 'bullmq');
    watch.watchRedis(bullConnection, 'bullmq');
    return {
      module: WorkerModule,
      imports: [
        BullModule.forRoot({ connection: bullConnection, prefix: bullPrefix(config.REDIS_URL, config.REDIS_PREFIX) }),
        ...Object.values(QueueName).map((name) => BullModule.registerQueue({ name })),
      ],
      providers: [
        { provide: CONFIG, useValue: config },
        { provide: LOGGER, useValue: logger },
        { provide: DependencyWatch, useValue: watch },
        { provide: DATABASE, useFactory: () => createDatabase(config.DATABASE_URL, { max: config.WORKER_CONCURRENCY + 2, applicationName: 'motcua-worker', connectTimeoutSeconds: 5, pooled: config.DATABASE_POOLER === 'pgbouncer' }) },
        {
          provide: REDIS,
          useFactory: () => {
            const redis = createRedis(config.REDIS_URL, 'command');
            watch.watchRedis(redis, 'command');
            return redis;
          },
        },
        { provide: RealtimePublisher, inject: [REDIS], useFactory: (redis: Redis) => new RealtimePublisher(redis, config.REDIS_PREFIX) },
        {
          provide: DeadlineScheduler,
          inject: [getQueueToken(QueueName.alerts), REDIS, DATABASE],
          useFactory: (queue: Queue, redis: Redis, database: DatabaseHandle) => new DeadlineScheduler(queue, redis, (ids) => alertRepository.targets(database.db, ids)),
        },
        // The same store as the API's (FILES_DRIVER, FILES_DIR or S3_*): documents of record are written here.
        { provide: FILE_STORE, useFactory: () => createFileStore(fileStoreConfigFromEnv(config as unknown as Record<string, string | undefined>, config.FILES_DIR)) },
        WorkerMetrics,
        DocumentIssuer,
        AlertService,
        ThresholdService,
        DeviceOutageService,
        DeliveryService,
        CitizenNotifyService,
        PushNotifyService,
        PaymentReconciler,
        ...processors,
      ],
      exports: [DATABASE, REDIS, DependencyWatch, WorkerMetrics],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.#scheduleTimer);
    this.watch.close();
    await Promise.allSettled([this.database.close(), closeRedis(this.redis), this.files.close()]);
  }
}
