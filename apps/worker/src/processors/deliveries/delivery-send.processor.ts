import { JobName, QueueName } from '@motcua/contracts';
import { Processor } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DeliveryService } from '../../deliveries/delivery.service.js';
import { JobHost, parsePayload } from '../job-handler.js';

/** Sends one email or webhook; a thrown error is retried with exponential backoff until attempts run out. */
@Processor(QueueName.deliveries)
export class DeliverySendProcessor extends JobHost {
  static readonly handles = [JobName.deliverySend] as const;

  constructor(@Inject(DeliveryService) private readonly deliveries: DeliveryService) {
    super();
  }

  async handle(job: Job): Promise<string> {
    const { deliveryId } = parsePayload(job, JobName.deliverySend);
    return this.deliveries.send(deliveryId, job.attemptsMade + 1 >= (job.opts.attempts ?? 1));
  }
}
