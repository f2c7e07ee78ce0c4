import { createDatabase, pingDatabase, type DatabaseHandle } from '@motcua/db';
import { QueueName } from '@motcua/contracts';
import { alertRepository } from '@motcua/db';
import { bullPrefix, closeRedis, createLogger, createRedis, DeadlineScheduler, DependencyWatch, JobProducer, pingRedis, RealtimePublisher } from '@motcua/platform';
import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { CONFIG, type ApiConfig } from '../config/config.js';
import { AfterCommit } from './after-commit.js';
import { CacheBroadcast } from './cache-broadcast.js';
import { ApiMetrics } from './metrics.js';
import { RealtimeOutbox } from './realtime-outbox.js';
import { BULL_REDIS, DATABASE, READ_DATABASE, REDIS, SOCKET_REDIS } from './tokens.js';

/** Database, Redis, job producer, realtime outbox, cache broadcast and dependency watch: wiring only, shared by every module. */
@Global()
@Module({
  providers: [
    { provide: DependencyWatch, inject: [CONFIG], useFactory: (c: ApiConfig) => new DependencyWatch(createLogger('api', c.LOG_LEVEL)) },
    {
      provide: DATABASE,
      inject: [CONFIG, DependencyWatch],
      useFactory: (c: ApiConfig, watch: DependencyWatch) => {
        const database = createDatabase(c.DATABASE_URL, { max: 20, applicationName: 'motcua-api', connectTimeoutSeconds: 2, statementTimeoutMs: 20_000, pooled: c.DATABASE_POOLER === 'pgbouncer' });
        // An outage seen by a request ends when PostgreSQL answers again.
        watch.onChange((name, up) => name === 'postgres' && !up && watch.probeWhileDown('postgres', () => pingDatabase(database.sql)));
        return database;
      },
    },
    {
      provide: READ_DATABASE,
      inject: [CONFIG, DATABASE],
      // Reports may run longer than a command; a replica lagging a second behind is fine for them.
      useFactory: (c: ApiConfig, primary: DatabaseHandle) =>
        c.DATABASE_READ_URL ? createDatabase(c.DATABASE_READ_URL, { max: 10, applicationName: 'motcua-api-read', connectTimeoutSeconds: 2, statementTimeoutMs: 60_000 }) : primary,
    },
    {
      provide: REDIS,
      inject: [CONFIG, DependencyWatch],
      useFactory: (c: ApiConfig, watch: DependencyWatch) => {
        const redis = watched(watch, 'command', createRedis(c.REDIS_URL, 'command'));
        // A failure seen by a request (not by a connection) ends when Redis answers again.
        watch.onChange((name, up) => name === 'redis' && !up && watch.probeWhileDown('redis', () => pingRedis(redis)));
        return redis;
      },
    },
    { provide: BULL_REDIS, inject: [CONFIG, DependencyWatch], useFactory: (c: ApiConfig, w: DependencyWatch) => watched(w, 'bullmq', createRedis(c.REDIS_URL, 'bullmq')) },
    {
      provide: SOCKET_REDIS,
      inject: [CONFIG, DependencyWatch],
      useFactory: (c: ApiConfig, w: DependencyWatch) => {
        const pub = watched(w, 'socket-pub', createRedis(c.REDIS_URL, 'bullmq'));
        return { pub, sub: watched(w, 'socket-sub', pub.duplicate()) };
      },
    },
    {
      provide: JobProducer,
      inject: [BULL_REDIS, CONFIG, DependencyWatch],
      // Queues report Redis errors as 'error' events: unheard, BullMQ prints raw stack traces.
      useFactory: (r: Redis, c: ApiConfig, w: DependencyWatch) => new JobProducer(r, bullPrefix(c.REDIS_URL, c.REDIS_PREFIX), (e) => w.down('redis', e, 'bullmq')),
    },
    // Dossier commands keep their alert jobs in line through it (the worker's sweep uses the same class).
    {
      provide: DeadlineScheduler,
      inject: [JobProducer, BULL_REDIS, DATABASE],
      useFactory: (jobs: JobProducer, r: Redis, d: DatabaseHandle) => new DeadlineScheduler(jobs.queue(QueueName.alerts), r, (ids) => alertRepository.targets(d.db, ids)),
    },
    { provide: RealtimePublisher, inject: [REDIS, CONFIG], useFactory: (r: Redis, c: ApiConfig) => new RealtimePublisher(r, c.REDIS_PREFIX) },
    {
      provide: CacheBroadcast,
      inject: [REDIS, CONFIG, DependencyWatch],
      // Its own connection: a subscribed client takes no other commands. Queued while Redis is away, then resubscribed.
      useFactory: (r: Redis, c: ApiConfig, w: DependencyWatch) => new CacheBroadcast(r, watched(w, 'cache-sub', createRedis(c.REDIS_URL, 'bullmq')), c.REDIS_PREFIX),
    },
    RealtimeOutbox,
    AfterCommit,
    ApiMetrics,
  ],
  exports: [DATABASE, READ_DATABASE, REDIS, BULL_REDIS, SOCKET_REDIS, JobProducer, RealtimePublisher, CacheBroadcast, DeadlineScheduler, DependencyWatch, RealtimeOutbox, AfterCommit, ApiMetrics],
})
export class InfraModule implements OnApplicationShutdown {
  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(READ_DATABASE) private readonly readDatabase: DatabaseHandle,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(BULL_REDIS) private readonly bullRedis: Redis,
    @Inject(JobProducer) private readonly jobs: JobProducer,
    @Inject(DependencyWatch) private readonly watch: DependencyWatch,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    this.watch.close();
    await this.jobs.close().catch(() => {});
    const replica = this.readDatabase !== this.database ? [this.readDatabase.close()] : [];
    await Promise.allSettled([this.database.close(), ...replica, closeRedis(this.redis), closeRedis(this.bullRedis)]);
  }
}

function watched(watch: DependencyWatch, source: string, client: Redis): Redis {
  watch.watchRedis(client, source);
  return client;
}
