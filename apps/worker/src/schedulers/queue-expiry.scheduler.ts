import { JobName, QueueName } from '@motcua/contracts';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';

/** Hourly, so that each center's local midnight is covered whatever its time zone; upserting is idempotent across workers and restarts. */
@Injectable()
export class QueueExpiryScheduler implements OnApplicationBootstrap {
  constructor(@InjectQueue(QueueName.queue) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(JobName.queueExpireDays, { pattern: '5 * * * *' }, { name: JobName.queueExpireDays, data: {} });
  }
}
