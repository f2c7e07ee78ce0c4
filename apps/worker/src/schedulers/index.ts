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

/** The queue a job belongs to, by the contracts' job table. */
export type QueueOf = (name: string) => Queue;

/** Every repeatable job of the system, whatever its queue. Add yours here. */
export function schedules(config: WorkerConfig): ScheduleDef[] {
  return [
    { id: 'alert-sweep', job: JobName.alertSweep, every: config.ALERT_SWEEP_EVERY_MS },
    // Leaders' alert lines (issue #19 item 11): a crossing notifies once, whatever the period.
    { id: 'alert-thresholds', job: JobName.alertThresholds, every: config.THRESHOLD_EVERY_MS },
    { id: 'alert-digest', job: JobName.alertDigest, pattern: config.DIGEST_CRON, tz: config.DIGEST_TZ },
    // A center's kiosk, display or rating tablet gone silent in working hours (#18 item 12).
    { id: JobName.devicesOffline, job: JobName.devicesOffline, every: config.DEVICE_OFFLINE_EVERY_MS },
    // Check-in and the citizen's page already treat an overdue booking as missed; this makes it so in the table.
    { id: 'appointment-expiry', job: JobName.appointmentsExpire, every: 60_000 },
    // Online payments whose IPN never came: asked about with querydr (a no-op without a gateway).
    { id: JobName.paymentsReconcile, job: JobName.paymentsReconcile, every: config.PAYMENT_RECONCILE_EVERY_MS },
    // Hourly, so that each center's local midnight is covered whatever its time zone.
    { id: JobName.queueExpireDays, job: JobName.queueExpireDays, pattern: '5 * * * *' },
    // Today's and yesterday's read models; dossier commands also ask for a rollup at once.
    { id: JobName.analyticsRollup, job: JobName.analyticsRollup, every: 60_000 },
  ];
}

/**
 * Idempotent (BullMQ job schedulers are upserted by id, per queue), so it runs at every boot and
 * again every sweep period: a Redis that lost its data gets its schedules back.
 */
export async function registerSchedules(queueOf: QueueOf, defs: readonly ScheduleDef[]): Promise<void> {
  for (const d of defs) {
    await queueOf(jobs[d.job].queue).upsertJobScheduler(d.id, d.every ? { every: d.every } : { pattern: d.pattern!, tz: d.tz }, {
      name: d.job,
      data: {},
      opts: { removeOnComplete: { count: 100 }, removeOnFail: { count: 500 } },
    });
  }
}

/**
 * Redis that lost its data (flushed, replaced) lost the schedulers too: register them
 * again and sweep at once, so missed alerts come back within one sweep period.
 */
export async function ensureSchedules(queueOf: QueueOf, defs: readonly ScheduleDef[]): Promise<boolean> {
  const present = await Promise.all(defs.map((d) => queueOf(jobs[d.job].queue).getJobScheduler(d.id)));
  if (present.every(Boolean)) return false;
  await registerSchedules(queueOf, defs);
  await queueOf(jobs[JobName.alertSweep].queue).add(JobName.alertSweep, {}, { removeOnComplete: true, removeOnFail: { count: 100 } });
  return true;
}
