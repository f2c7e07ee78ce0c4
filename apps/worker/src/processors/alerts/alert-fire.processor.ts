import { JobName, QueueName } from '@motcua/contracts';
import { Processor } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import { DelayedError, type Job } from 'bullmq';
import { AlertService, type FireResult } from '../../alerts/alert.service.js';
import { JobHost, parsePayload } from '../job-handler.js';

/** A deadline alert's wake-up call: the service re-reads the dossier and decides. */
@Processor(QueueName.alerts)
export class AlertFireProcessor extends JobHost {
  static readonly handles = [JobName.alertFire] as const;

  constructor(@Inject(AlertService) private readonly alerts: AlertService) {
    super();
  }

  async handle(job: Job, token?: string): Promise<FireResult> {
    const payload = parsePayload(job, JobName.alertFire);
    const result = await this.alerts.fire(payload, new Date());
    if (result.outcome === 'not_yet') {
      // Woken early (the due moved later under the same version, or clocks differ): sleep until the planned instant.
      await job.moveToDelayed(result.at.getTime(), token);
      throw new DelayedError();
    }
    return result;
  }
}
