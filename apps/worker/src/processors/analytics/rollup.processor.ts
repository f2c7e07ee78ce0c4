import { JobName, QueueName } from '@motcua/contracts';
import { businessDate, DEFAULT_TIME_ZONE, nextDate } from '@motcua/core';
import { analyticsRepository, type DatabaseHandle } from '@motcua/db';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DATABASE } from '../../infra/tokens.js';
import { parsePayload } from '../job-handler.js';

/** Keeps the dashboards' read models current: each day is rewritten whole from the raw rows, in one transaction. */
@Processor(QueueName.analytics)
export class RollupProcessor extends WorkerHost {
  static readonly handles = [JobName.analyticsRollup] as const;

  constructor(@Inject(DATABASE) private readonly database: DatabaseHandle) {
    super();
  }

  async process(job: Job): Promise<{ days: number }> {
    const { days } = parsePayload(job, JobName.analyticsRollup);
    const today = businessDate(new Date(), DEFAULT_TIME_ZONE);
    const list = days ?? [nextDate(today, -1), today];
    for (const day of list) {
      await this.database.db.transaction(async (tx) => {
        await analyticsRepository.rollupDossierDay(tx, day, DEFAULT_TIME_ZONE);
        await analyticsRepository.rollupQueueDay(tx, day);
      });
    }
    return { days: list.length };
  }
}
