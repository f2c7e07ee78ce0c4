import { JobName, QueueName } from '@motcua/contracts';
import { Processor } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import type { Job } from 'bullmq';
import { CitizenNotifyService } from '../../citizen/citizen-notify.service.js';
import { JobHost, parsePayload } from '../job-handler.js';

/** The citizen queue: fan-out of an event to its channels, and one send per delivery (retried with backoff). */
@Processor(QueueName.citizen)
export class CitizenProcessor extends JobHost {
  static readonly handles = [JobName.citizenNotify, JobName.citizenSend] as const;

  constructor(@Inject(CitizenNotifyService) private readonly citizen: CitizenNotifyService) {
    super();
  }

  async handle(job: Job): Promise<unknown> {
    switch (job.name) {
      case JobName.citizenNotify:
        return this.citizen.fanOut(parsePayload(job, JobName.citizenNotify));
      case JobName.citizenSend:
        return this.citizen.send(parsePayload(job, JobName.citizenSend).deliveryId, job.attemptsMade + 1 >= (job.opts.attempts ?? 1));
      default:
        throw new Error(`No handler for citizen job "${job.name}"`);
    }
  }
}
