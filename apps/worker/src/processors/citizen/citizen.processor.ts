import { JobName, QueueName } from '@motcua/contracts';
import { Processor } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import type { Job } from 'bullmq';
import { CitizenNotifyService } from '../../citizen/citizen-notify.service.js';
import { PushNotifyService } from '../../citizen/push-notify.service.js';
import { JobHost, parsePayload } from '../job-handler.js';

/** The citizen queue: fan-out of an event to its channels, one send per delivery (retried with backoff), and Web Push. */
@Processor(QueueName.citizen)
export class CitizenProcessor extends JobHost {
  static readonly handles = [JobName.citizenNotify, JobName.citizenSend, JobName.pushNotify] as const;

  constructor(
    @Inject(CitizenNotifyService) private readonly citizen: CitizenNotifyService,
    @Inject(PushNotifyService) private readonly push: PushNotifyService,
  ) {
    super();
  }

  async handle(job: Job): Promise<unknown> {
    switch (job.name) {
      case JobName.citizenNotify:
        return this.citizen.fanOut(parsePayload(job, JobName.citizenNotify));
      case JobName.citizenSend:
        return this.citizen.send(parsePayload(job, JobName.citizenSend).deliveryId, job.attemptsMade + 1 >= (job.opts.attempts ?? 1));
      case JobName.pushNotify:
        return this.push.run(parsePayload(job, JobName.pushNotify));
      default:
        throw new Error(`No handler for citizen job "${job.name}"`);
    }
  }
}
