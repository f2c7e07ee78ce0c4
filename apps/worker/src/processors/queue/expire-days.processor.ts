import { JobName, Namespace, QueueName, Room, ServerEvent } from '@motcua/contracts';
import { citizenNotificationRepository, ticketRepository, type DatabaseHandle } from '@motcua/db';
import { RealtimePublisher } from '@motcua/platform';
import { Processor } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import type { Job } from 'bullmq';
import { CONFIG, type WorkerConfig } from '../../config/config.js';
import { DATABASE } from '../../infra/tokens.js';
import { JobHost, parsePayload } from '../job-handler.js';

/** End of day: tickets of a past business day still waiting or called close as expired, and the phones left for them are deleted. */
@Processor(QueueName.queue)
export class ExpireDaysProcessor extends JobHost {
  static readonly handles = [JobName.queueExpireDays] as const;

  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(RealtimePublisher) private readonly realtime: RealtimePublisher,
    @Inject(CONFIG) private readonly config: WorkerConfig,
  ) {
    super();
  }

  async handle(job: Job): Promise<{ expired: number; contactsDeleted: number }> {
    const { asOf } = parsePayload(job, JobName.queueExpireDays);
    const now = asOf && this.config.NODE_ENV === 'test' ? new Date(asOf) : new Date();
    const [rows, contactsDeleted] = await this.database.db.transaction(async (tx) => [await ticketRepository.expirePastDays(tx, now), await citizenNotificationRepository.purgeTicketContacts(tx, now)] as const);
    for (const row of rows) {
      const data = { centerId: row.center_id, reason: 'expired' as const, services: [] };
      await Promise.all([Namespace.public, Namespace.staff].map((ns) => this.realtime.publish(ns, Room.center(row.center_id), ServerEvent.queueUpdated, data)));
    }
    return { expired: rows.reduce((n, r) => n + r.n, 0), contactsDeleted };
  }
}
