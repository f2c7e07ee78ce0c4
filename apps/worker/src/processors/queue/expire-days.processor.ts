import { JobName, Namespace, QueueName, Room, ServerEvent } from '@motcua/contracts';
import { ticketRepository, type DatabaseHandle } from '@motcua/db';
import { RealtimePublisher } from '@motcua/platform';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DATABASE } from '../../infra/tokens.js';
import { parsePayload } from '../job-handler.js';

/** End of day: tickets of a past business day still waiting or called close as expired. */
@Processor(QueueName.queue)
export class ExpireDaysProcessor extends WorkerHost {
  static readonly handles = [JobName.queueExpireDays] as const;

  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(RealtimePublisher) private readonly realtime: RealtimePublisher,
  ) {
    super();
  }

  async process(job: Job): Promise<{ expired: number }> {
    parsePayload(job, JobName.queueExpireDays);
    const rows = await this.database.db.transaction((tx) => ticketRepository.expirePastDays(tx, new Date()));
    for (const row of rows) {
      const data = { centerId: row.center_id, reason: 'expired' as const, services: [] };
      await Promise.all([Namespace.public, Namespace.staff].map((ns) => this.realtime.publish(ns, Room.center(row.center_id), ServerEvent.queueUpdated, data)));
    }
    return { expired: rows.reduce((n, r) => n + r.n, 0) };
  }
}
