import { JobName, QueueName } from '@motcua/contracts';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DeliveryService } from '../../deliveries/delivery.service.js';
import { parsePayload } from '../job-handler.js';

/** Sends one email or webhook; a thrown error is retried with exponential backoff until attempts run out. */
@Processor(QueueName.deliveries)
export class DeliverySendProcessor extends WorkerHost {
  static readonly handles = [JobName.deliverySend] as const;

  constructor(@Inject(DeliveryService) private readonly deliveries: DeliveryService) {
    super();
  }

  async process(job: Job): Promise<string> {
    const { deliveryId } = parsePayload(job, JobName.deliverySend);
    return this.deliveries.send(deliveryId, job.attemptsMade + 1 >= (job.opts.attempts ?? 1));
  }
}
