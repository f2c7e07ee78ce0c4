import { QueueName } from '@motcua/contracts';
import { createDatabase, type DatabaseHandle } from '@motcua/db';
import { closeRedis, createRedis, RealtimePublisher } from '@motcua/platform';
import { BullModule } from '@nestjs/bullmq';
import { Inject, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Redis } from 'ioredis';
import { CONFIG, type WorkerConfig } from './config/config.js';
import { DATABASE, REDIS } from './infra/tokens.js';
import { processors } from './processors/index.js';
import { AnalyticsRollupScheduler } from './schedulers/analytics-rollup.scheduler.js';
import { QueueExpiryScheduler } from './schedulers/queue-expiry.scheduler.js';

@Module({})
export class WorkerModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(CONFIG) private readonly config: WorkerConfig,
    @Inject(ModuleRef) private readonly moduleRef: ModuleRef,
  ) {}

  // @Processor() options are static; concurrency is a deployment setting, so it is applied once the workers exist.
  onApplicationBootstrap(): void {
    for (const processor of processors) this.moduleRef.get(processor).worker.concurrency = this.config.WORKER_CONCURRENCY;
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
        { provide: DATABASE, useFactory: () => createDatabase(config.DATABASE_URL, { max: config.WORKER_CONCURRENCY + 2, applicationName: 'motcua-worker' }) },
        { provide: REDIS, useFactory: () => createRedis(config.REDIS_URL, 'command') },
        { provide: RealtimePublisher, inject: [REDIS], useFactory: (redis: Redis) => new RealtimePublisher(redis, config.REDIS_PREFIX) },
        ...processors,
        QueueExpiryScheduler,
        AnalyticsRollupScheduler,
      ],
      exports: [DATABASE, REDIS],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([this.database.close(), closeRedis(this.redis)]);
  }
}
