import type { DatabaseHandle } from '@motcua/db';
import { Counter, createMetricsRegistry, dependencyGauges, durationBuckets, Gauge, Histogram } from '@motcua/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Queue, Worker } from 'bullmq';
import { sql } from 'drizzle-orm';
import type { Redis } from 'ioredis';
import { DATABASE, REDIS } from './tokens.js';

const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

/** The worker's figures for Prometheus (served on /metrics by the health server). */
@Injectable()
export class WorkerMetrics {
  /** Read at scrape time: kept here so they live as long as the registry. */
  readonly #scraped: Gauge[] = [];
  readonly registry = createMetricsRegistry('worker');
  readonly #queues: Queue[] = [];

  readonly jobs = new Counter({ name: 'motcua_jobs_total', help: 'Jobs finished, by queue, job name and outcome (completed or failed)', labelNames: ['queue', 'name', 'outcome'], registers: [this.registry] });
  readonly jobDuration = new Histogram({ name: 'motcua_job_duration_seconds', help: 'Time from a job starting to finishing, by queue', labelNames: ['queue'], buckets: durationBuckets, registers: [this.registry] });
  readonly alertLateness = new Histogram({
    name: 'motcua_alert_lateness_seconds',
    help: 'How long after its planned instant a deadline alert was recorded',
    buckets: [0.1, 0.5, 1, 2, 5, 10, 30, 60, 300, 900],
    registers: [this.registry],
  });
  readonly rollupDuration = new Histogram({ name: 'motcua_rollup_duration_seconds', help: 'Analytics rollup of one day (dossiers and queue), in one transaction', buckets: durationBuckets, registers: [this.registry] });

  constructor(@Inject(DATABASE) database: DatabaseHandle, @Inject(REDIS) redis: Redis) {
    const queues = this.#queues;
    this.#scraped.push(new Gauge({
      name: 'motcua_queue_jobs',
      help: 'BullMQ jobs by queue and state',
      labelNames: ['queue', 'state'],
      registers: [this.registry],
      async collect() {
        await Promise.all(
          queues.map(async (q) => {
            const counts = await q.getJobCounts(...QUEUE_STATES).catch(() => null);
            if (counts) for (const state of QUEUE_STATES) this.set({ queue: q.name, state }, counts[state] ?? 0);
          }),
        );
      },
    }));
    this.#scraped.push(new Gauge({
      name: 'motcua_queue_lag_seconds',
      help: 'Age of the oldest job ready to run but not started, by queue (0 when none waits)',
      labelNames: ['queue'],
      registers: [this.registry],
      async collect() {
        const now = Date.now();
        await Promise.all(
          queues.map(async (q) => {
            const [oldest] = await q.getJobs(['wait'], 0, 0, true).catch(() => []);
            this.set({ queue: q.name }, oldest ? Math.max(0, now - oldest.timestamp - (oldest.opts.delay ?? 0)) / 1000 : 0);
          }),
        );
      },
    }));
    this.#scraped.push(...dependencyGauges(this.registry, {
      redis,
      poolMax: database.sql.options.max,
      connections: async () => {
        const rows = await database.db.execute<{ state: string | null; n: number }>(
          sql`select state, count(*)::int as n from pg_stat_activity where application_name = 'motcua-worker' and pid <> pg_backend_pid() group by state`,
        );
        return rows.map((r) => ({ state: r.state ?? 'unknown', count: r.n }));
      },
    }));
  }

  watchQueue(queue: Queue): void {
    this.#queues.push(queue);
  }

  watchWorker(worker: Worker): void {
    const finished = (outcome: 'completed' | 'failed') => (job: { name: string; processedOn?: number; finishedOn?: number } | undefined) => {
      this.jobs.inc({ queue: worker.name, name: job?.name ?? 'unknown', outcome });
      if (job?.processedOn && job.finishedOn) this.jobDuration.observe({ queue: worker.name }, (job.finishedOn - job.processedOn) / 1000);
    };
    worker.on('completed', finished('completed'));
    worker.on('failed', finished('failed'));
  }
}
