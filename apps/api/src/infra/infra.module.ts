import { createDatabase, type DatabaseHandle } from '@motcua/db';
import { QueueName } from '@motcua/contracts';
import { alertRepository } from '@motcua/db';
import { closeRedis, createRedis, DeadlineScheduler, JobProducer, RealtimePublisher } from '@motcua/platform';
import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { CONFIG, type ApiConfig } from '../config/config.js';
import { BULL_REDIS, DATABASE, REDIS } from './tokens.js';

/** Database, Redis, job producer and realtime publisher: wiring only, shared by every module. */
@Global()
@Module({
  providers: [
    { provide: DATABASE, inject: [CONFIG], useFactory: (c: ApiConfig) => createDatabase(c.DATABASE_URL, { max: 20, applicationName: 'motcua-api' }) },
    { provide: REDIS, inject: [CONFIG], useFactory: (c: ApiConfig) => createRedis(c.REDIS_URL, 'command') },
    { provide: BULL_REDIS, inject: [CONFIG], useFactory: (c: ApiConfig) => createRedis(c.REDIS_URL, 'bullmq') },
    { provide: JobProducer, inject: [BULL_REDIS, CONFIG], useFactory: (r: Redis, c: ApiConfig) => new JobProducer(r, c.REDIS_PREFIX) },
    // Dossier commands keep their alert jobs in line through it (the worker's sweep uses the same class).
    {
      provide: DeadlineScheduler,
      inject: [JobProducer, BULL_REDIS, DATABASE],
      useFactory: (jobs: JobProducer, r: Redis, d: DatabaseHandle) => new DeadlineScheduler(jobs.queue(QueueName.alerts), r, (ids) => alertRepository.targets(d.db, ids)),
    },
    { provide: RealtimePublisher, inject: [REDIS, CONFIG], useFactory: (r: Redis, c: ApiConfig) => new RealtimePublisher(r, c.REDIS_PREFIX) },
  ],
  exports: [DATABASE, REDIS, BULL_REDIS, JobProducer, RealtimePublisher, DeadlineScheduler],
})
export class InfraModule implements OnApplicationShutdown {
  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(BULL_REDIS) private readonly bullRedis: Redis,
    @Inject(JobProducer) private readonly jobs: JobProducer,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.jobs.close().catch(() => {});
    await Promise.allSettled([this.database.close(), closeRedis(this.redis), closeRedis(this.bullRedis)]);
  }
}
