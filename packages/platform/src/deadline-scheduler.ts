import { JobName, QueueName, type AlertKind, type JobPayload } from '@motcua/contracts';
import { alertJobId, INTAKE_SLA_HOURS, planAlerts, systemClock, type AlertSubject, type Clock, type PlannedAlert, type WorkCalendar } from '@motcua/core';
import type { JobsOptions, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { traceCarrier } from './tracing.js';

/** What the scheduler needs per dossier; the API and the worker load it with `alertRepository.targets`. */
export interface SchedulableDossier {
  subject: AlertSubject;
  calendar: WorkCalendar;
}
export type DossierLoader = (ids: readonly string[]) => Promise<SchedulableDossier[]>;

/** Minimal options stored with each of possibly 100,000s of delayed jobs; completed ones vanish. */
const fireOptions: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: true,
  removeOnFail: { age: 7 * 24 * 3600, count: 5000 },
};

export const alertJob = (dossierId: string, a: PlannedAlert, now: Date) => ({
  name: JobName.alertFire,
  data: { dossierId, kind: a.kind, stage: a.stage, deadlineVersion: a.deadlineVersion } satisfies JobPayload<typeof JobName.alertFire>,
  opts: { ...fireOptions, jobId: a.jobId, delay: Math.max(0, a.at.getTime() - now.getTime()) },
});

/**
 * Keeps the delayed alert jobs of dossiers in line with their state. The API calls
 * `sync` after every dossier command, the worker's sweep calls it too. Adding is
 * idempotent (deterministic job ids); jobs the dossier no longer wants (paused,
 * resolved, an older deadline version) are removed — and a stale job that slips
 * through is ignored by the processor, which re-reads the dossier.
 */
export class DeadlineScheduler {
  constructor(
    private readonly queue: Queue,
    /** A plain connection to the queue's Redis, to check many job ids in one pipeline. */
    private readonly redis: Redis,
    private readonly load: DossierLoader,
    private readonly clock: Clock = systemClock,
  ) {
    if (queue.name !== QueueName.alerts) throw new Error(`DeadlineScheduler needs the "${QueueName.alerts}" queue, got "${queue.name}"`);
  }

  async sync(dossierIds: string | readonly string[]): Promise<{ added: number; removed: number }> {
    const ids = typeof dossierIds === 'string' ? [dossierIds] : dossierIds;
    return this.schedule(await this.load(ids), { pastToo: true });
  }

  /**
   * One wake-up per dossier in Redis: its next future alert (the processor chains the one
   * after), plus — with `pastToo` — those already due, which the processor fires if not done.
   * Keeps Redis memory to one job per active dossier.
   */
  async schedule(targets: readonly SchedulableDossier[], options: { pastToo: boolean }): Promise<{ added: number; removed: number }> {
    const now = this.clock.now();
    const jobs = [];
    const stale: string[] = [];
    for (const { subject, calendar } of targets) {
      const plan = planAlerts(calendar, subject, now);
      const next = plan.find((a) => a.at.getTime() > now.getTime());
      const wanted = [...(options.pastToo ? plan.filter((a) => a.at.getTime() <= now.getTime()) : []), ...(next ? [next] : [])];
      jobs.push(...wanted.map((a) => alertJob(subject.id, a, now)));
      const planned = new Set(plan.map((a) => a.jobId));
      stale.push(...candidateIds(subject).filter((id) => !planned.has(id)));
    }
    await this.add(jobs);
    const existing = await this.existing(stale);
    // A job running right now is locked and stays; the processor will find it stale.
    const removed = await Promise.all(existing.map((id) => this.queue.remove(id).catch(() => 0)));
    return { added: jobs.length, removed: removed.filter((r) => r === 1).length };
  }

  /** Adds planned alerts in bulk (one round trip per chunk); existing job ids are left as they are. */
  async add(jobs: ReturnType<typeof alertJob>[], chunk = 1000): Promise<void> {
    // The command that planned them (a dossier's intake) is the start of their trace.
    const trace = traceCarrier();
    const traced = trace.trace ? jobs.map((j) => ({ ...j, data: { ...j.data, ...trace } })) : jobs;
    for (let i = 0; i < traced.length; i += chunk) await this.queue.addBulk(traced.slice(i, i + chunk));
  }

  /** The ids that have a job in Redis, checked in one pipeline (most candidates never existed). */
  private async existing(ids: readonly string[]): Promise<string[]> {
    if (!ids.length) return [];
    const pipeline = this.redis.pipeline();
    for (const id of ids) pipeline.exists(this.queue.toKey(id));
    const results = (await pipeline.exec()) ?? [];
    return ids.filter((_, i) => results[i]?.[1] === 1);
  }

}

/** Job ids this dossier may have had: its current and previous deadline version, current and previous step. */
function candidateIds(d: AlertSubject): string[] {
  const kinds: [AlertKind, number][] = [['due_soon', 0], ['overdue', 0], ...INTAKE_SLA_HOURS.map((h): [AlertKind, number] => ['intake_sla', h])];
  for (const step of [d.currentStep, d.currentStep - 1]) if (step >= 0) kinds.push(['step_overdue', step]);
  const versions = d.deadlineVersion > 0 ? [d.deadlineVersion, d.deadlineVersion - 1] : [d.deadlineVersion];
  return versions.flatMap((v) => kinds.map(([k, s]) => alertJobId(d.id, k, s, v)));
}
