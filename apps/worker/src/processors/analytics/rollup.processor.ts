import { JobName, Namespace, QueueName, Room, ServerEvent } from '@motcua/contracts';
import { businessDate, DEFAULT_TIME_ZONE, nextDate } from '@motcua/core';
import { analyticsRepository, type DatabaseHandle } from '@motcua/db';
import { RealtimePublisher } from '@motcua/platform';
import { Processor } from '@nestjs/bullmq';
import { Inject, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { WorkerMetrics } from '../../infra/metrics.js';
import { DATABASE } from '../../infra/tokens.js';
import { JobHost, parsePayload } from '../job-handler.js';

/** Keeps the dashboards' read models current: each day is rewritten whole from the raw rows, in one transaction. */
@Processor(QueueName.analytics)
export class RollupProcessor extends JobHost {
  static readonly handles = [JobName.analyticsRollup] as const;
  private readonly logger = new Logger(RollupProcessor.name);

  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(RealtimePublisher) private readonly realtime: RealtimePublisher,
    @Inject(WorkerMetrics) private readonly metrics: WorkerMetrics,
  ) {
    super();
  }

  async handle(job: Job): Promise<{ days: number; changedUnits: number }> {
    const { days } = parsePayload(job, JobName.analyticsRollup);
    const today = businessDate(new Date(), DEFAULT_TIME_ZONE);
    const list = days ?? [nextDate(today, -1), today];
    const changed = new Set<string>();
    for (const day of list) {
      const end = this.metrics.rollupDuration.startTimer();
      await this.database.db.transaction(async (tx) => {
        const before = await analyticsRepository.unitDigests(tx, day);
        await analyticsRepository.rollupDossierDay(tx, day, DEFAULT_TIME_ZONE);
        await analyticsRepository.rollupQueueDay(tx, day);
        const after = await analyticsRepository.unitDigests(tx, day);
        for (const unit of new Set([...before.keys(), ...after.keys()])) if (before.get(unit) !== after.get(unit)) changed.add(unit);
      });
      end();
    }
    await this.announce(list, [...changed]);
    return { days: list.length, changedUnits: changed.size };
  }

  /**
   * Tells the dashboards of every unit whose figures changed, and every unit above, to refetch.
   * The rollup runs every minute; a quiet minute sends nothing to the conference screens.
   */
  private async announce(days: string[], units: string[]): Promise<void> {
    if (!units.length) return;
    try {
      const rooms = await analyticsRepository.unitsAbove(this.database.db, units);
      await Promise.all(rooms.map((unitId) => this.realtime.publish(Namespace.dashboard, Room.dashboardUnit(unitId), ServerEvent.analyticsUpdated, { days })));
    } catch (e) {
      // The rows are committed; the dashboards refetch on the next change or when they reconnect.
      this.logger.warn(`analytics.updated not published: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}
