import { JobName, Namespace, QueueName, Room, ServerEvent } from '@motcua/contracts';
import { businessDate, DEFAULT_TIME_ZONE, nextDate } from '@motcua/core';
import { analyticsRepository, type DatabaseHandle } from '@motcua/db';
import { RealtimePublisher } from '@motcua/platform';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DATABASE } from '../../infra/tokens.js';
import { parsePayload } from '../job-handler.js';

/** Keeps the dashboards' read models current: each day is rewritten whole from the raw rows, in one transaction. */
@Processor(QueueName.analytics)
export class RollupProcessor extends WorkerHost {
  static readonly handles = [JobName.analyticsRollup] as const;
  private readonly logger = new Logger(RollupProcessor.name);

  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(RealtimePublisher) private readonly realtime: RealtimePublisher,
  ) {
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
    await this.announce(list);
    return { days: list.length };
  }

  /** Tells the dashboards of every unit with rows on the rewritten days, and every unit above, to refetch. */
  private async announce(days: string[]): Promise<void> {
    try {
      const touched = new Set<string>();
      for (const day of days) for (const unit of await analyticsRepository.unitsWithStats(this.database.db, day)) touched.add(unit);
      const rooms = await analyticsRepository.unitsAbove(this.database.db, [...touched]);
      await Promise.all(rooms.map((unitId) => this.realtime.publish(Namespace.dashboard, Room.dashboardUnit(unitId), ServerEvent.analyticsUpdated, { days })));
    } catch (e) {
      // The rows are committed; the next scheduled rollup (every minute) announces them again.
      this.logger.warn(`analytics.updated not published: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}
