import { JobName, QueueName } from '@motcua/contracts';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';

/** Today's and yesterday's read models are rewritten every minute; dossier commands also ask for a rollup at once. */
@Injectable()
export class AnalyticsRollupScheduler implements OnApplicationBootstrap {
  constructor(@InjectQueue(QueueName.analytics) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(JobName.analyticsRollup, { every: 60_000 }, { name: JobName.analyticsRollup, data: {} });
  }
}
