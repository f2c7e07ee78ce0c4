import { JobName, QueueName } from '@motcua/contracts';
import { appointmentRepository, type DatabaseHandle } from '@motcua/db';
import { Processor } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import type { Job } from 'bullmq';
import { AlertService } from '../../alerts/alert.service.js';
import { ThresholdService } from '../../alerts/threshold.service.js';
import { DeviceOutageService } from '../../devices/device-outage.service.js';
import { PaymentReconciler } from '../../payments/payment-reconciler.service.js';
import { DATABASE } from '../../infra/tokens.js';
import { JobHost, parsePayload } from '../job-handler.js';

/**
 * The repeatable jobs of `schedulers/` share one queue, hence one processor that
 * dispatches by job name (a second processor on the queue would steal its jobs).
 */
@Processor(QueueName.scheduled)
export class ScheduledProcessor extends JobHost {
  static readonly handles = [JobName.alertSweep, JobName.alertDigest, JobName.alertThresholds, JobName.appointmentsExpire, JobName.paymentsReconcile, JobName.devicesOffline] as const;

  constructor(
    @Inject(AlertService) private readonly alerts: AlertService,
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(ThresholdService) private readonly thresholds: ThresholdService,
    @Inject(PaymentReconciler) private readonly payments: PaymentReconciler,
    @Inject(DeviceOutageService) private readonly outages: DeviceOutageService,
  ) {
    super();
  }

  async handle(job: Job): Promise<unknown> {
    switch (job.name) {
      case JobName.alertSweep:
        parsePayload(job, JobName.alertSweep);
        return this.alerts.sweep(new Date());
      case JobName.alertDigest:
        parsePayload(job, JobName.alertDigest);
        return this.alerts.digest(new Date());
      case JobName.alertThresholds:
        parsePayload(job, JobName.alertThresholds);
        return this.thresholds.evaluate(new Date());
      case JobName.appointmentsExpire: {
        parsePayload(job, JobName.appointmentsExpire);
        const missed = await appointmentRepository.expireMissed(this.database.db, new Date());
        return { missed: missed.length };
      }
      case JobName.paymentsReconcile:
        parsePayload(job, JobName.paymentsReconcile);
        return this.payments.reconcile(new Date());
      case JobName.devicesOffline:
        parsePayload(job, JobName.devicesOffline);
        return this.outages.sweep(new Date());
      default:
        throw new Error(`No handler for scheduled job "${job.name}"`);
    }
  }
}
