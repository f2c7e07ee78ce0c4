import { JobName, jobs, type JobName as TJobName } from '@motcua/contracts';
import type { Queue } from 'bullmq';
import type { WorkerConfig } from '../config/config.js';

/** A repeatable job: every N ms, or a cron pattern in a time zone. */
export interface ScheduleDef {
  id: string;
  job: TJobName;
  every?: number;
  pattern?: string;
  tz?: string;
}

/** Every repeatable job of the system. Add yours here (end-of-day ticket expiry, analytics rollups…). */
export function schedules(config: WorkerConfig): ScheduleDef[] {
  return [
    { id: 'alert-sweep', job: JobName.alertSweep, every: config.ALERT_SWEEP_EVERY_MS },
    { id: 'alert-digest', job: JobName.alertDigest, pattern: config.DIGEST_CRON, tz: config.DIGEST_TZ },
    // Check-in and the citizen's page already treat an overdue booking as missed; this makes it so in the table.
    { id: 'appointment-expiry', job: JobName.appointmentsExpire, every: 60_000 },
  ];
}

/**
 * Idempotent (BullMQ job schedulers are upserted by id), so it runs at every boot and
 * again every sweep period: a Redis that lost its data gets its schedules back.
 */
export async function registerSchedules(queue: Queue, defs: readonly ScheduleDef[]): Promise<void> {
  for (const d of defs) {
    if (jobs[d.job].queue !== queue.name) throw new Error(`schedule ${d.id}: job ${d.job} belongs to queue ${jobs[d.job].queue}, not ${queue.name}`);
    await queue.upsertJobScheduler(d.id, d.every ? { every: d.every } : { pattern: d.pattern!, tz: d.tz }, { name: d.job, data: {}, opts: { removeOnComplete: { count: 100 }, removeOnFail: { count: 500 } } });
  }
}

/**
 * Redis that lost its data (flushed, replaced) lost the schedulers too: register them
 * again and sweep at once, so missed alerts come back within one sweep period.
 */
export async function ensureSchedules(queue: Queue, defs: readonly ScheduleDef[]): Promise<boolean> {
  const present = await Promise.all(defs.map((d) => queue.getJobScheduler(d.id)));
  if (present.every(Boolean)) return false;
  await registerSchedules(queue, defs);
  await queue.add(JobName.alertSweep, {}, { removeOnComplete: true, removeOnFail: { count: 100 } });
  return true;
}
