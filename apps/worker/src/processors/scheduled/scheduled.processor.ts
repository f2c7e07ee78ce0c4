import { JobName, QueueName } from '@motcua/contracts';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import type { Job } from 'bullmq';
import { AlertService } from '../../alerts/alert.service.js';
import { parsePayload } from '../job-handler.js';

/**
 * The repeatable jobs of `schedulers/` share one queue, hence one processor that
 * dispatches by job name (a second processor on the queue would steal its jobs).
 */
@Processor(QueueName.scheduled)
export class ScheduledProcessor extends WorkerHost {
  static readonly handles = [JobName.alertSweep, JobName.alertDigest] as const;

  constructor(@Inject(AlertService) private readonly alerts: AlertService) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case JobName.alertSweep:
        parsePayload(job, JobName.alertSweep);
        return this.alerts.sweep(new Date());
      case JobName.alertDigest:
        parsePayload(job, JobName.alertDigest);
        return this.alerts.digest(new Date());
      default:
        throw new Error(`No handler for scheduled job "${job.name}"`);
    }
  }
}
