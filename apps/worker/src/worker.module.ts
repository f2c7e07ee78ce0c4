import { QueueName } from '@motcua/contracts';
import { alertRepository, createDatabase, type DatabaseHandle } from '@motcua/db';
import { closeRedis, createLogger, createRedis, DeadlineScheduler, RealtimePublisher } from '@motcua/platform';
import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { Inject, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { AlertService } from './alerts/alert.service.js';
import { DeliveryService } from './deliveries/delivery.service.js';
import { CitizenNotifyService } from './citizen/citizen-notify.service.js';
import { CONFIG, type WorkerConfig } from './config/config.js';
import { DATABASE, LOGGER, REDIS } from './infra/tokens.js';
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
  ) {}

  // @Processor() options are static; concurrency is a deployment setting, so it is applied once the workers exist.
  async onApplicationBootstrap(): Promise<void> {
    for (const processor of processors) this.moduleRef.get(processor).worker.concurrency = this.config.WORKER_CONCURRENCY;
    const queueOf: QueueOf = (name) => this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
    await registerSchedules(queueOf, schedules(this.config));
    this.#scheduleTimer = setInterval(() => {
      ensureSchedules(queueOf, schedules(this.config))
        .then((restored) => restored && this.logger.warn('Redis had lost the job schedulers: registered again, sweeping now'))
        .catch((e: Error) => this.logger.warn({ err: e }, 'could not check the job schedulers'));
    }, this.config.ALERT_SWEEP_EVERY_MS);
  }

  static forRoot(config: WorkerConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        BullModule.forRoot({ connection: createRedis(config.REDIS_URL, 'bullmq'), prefix: config.REDIS_PREFIX }),
        ...Object.values(QueueName).map((name) => BullModule.registerQueue({ name })),
      ],
      providers: [
        { provide: CONFIG, useValue: config },
        { provide: LOGGER, useValue: createLogger('worker', config.LOG_LEVEL) },
        { provide: DATABASE, useFactory: () => createDatabase(config.DATABASE_URL, { max: config.WORKER_CONCURRENCY + 2, applicationName: 'motcua-worker' }) },
        { provide: REDIS, useFactory: () => createRedis(config.REDIS_URL, 'command') },
        { provide: RealtimePublisher, inject: [REDIS], useFactory: (redis: Redis) => new RealtimePublisher(redis, config.REDIS_PREFIX) },
        {
          provide: DeadlineScheduler,
          inject: [getQueueToken(QueueName.alerts), REDIS, DATABASE],
          useFactory: (queue: Queue, redis: Redis, database: DatabaseHandle) => new DeadlineScheduler(queue, redis, (ids) => alertRepository.targets(database.db, ids)),
        },
        AlertService,
        DeliveryService,
        CitizenNotifyService,
        ...processors,
      ],
      exports: [DATABASE, REDIS],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.#scheduleTimer);
    await Promise.allSettled([this.database.close(), closeRedis(this.redis)]);
  }
}
