import { JobName, Namespace, QueueName, Room, ServerEvent } from '@motcua/contracts';
import { citizenNotificationRepository, remoteTicketRepository, ticketRepository, type DatabaseHandle } from '@motcua/db';
import { RealtimePublisher } from '@motcua/platform';
import { Processor } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import type { Job } from 'bullmq';
import { CONFIG, type WorkerConfig } from '../../config/config.js';
import { DATABASE } from '../../infra/tokens.js';
import { JobHost, parsePayload } from '../job-handler.js';

/** The queue's own jobs (one BullMQ worker per queue): end-of-day expiry and the remote no-show. */
@Processor(QueueName.queue)
export class QueueProcessor extends JobHost {
  static readonly handles = [JobName.queueExpireDays, JobName.queueRemoteNoShow] as const;

  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(RealtimePublisher) private readonly realtime: RealtimePublisher,
    @Inject(CONFIG) private readonly config: WorkerConfig,
  ) {
    super();
  }

  async handle(job: Job): Promise<unknown> {
    switch (job.name) {
      case JobName.queueExpireDays:
        return this.expireDays(job);
      case JobName.queueRemoteNoShow:
        return this.remoteNoShow(parsePayload(job, JobName.queueRemoteNoShow).ticketId);
      default:
        throw new Error(`No handler for queue job "${job.name}"`);
    }
  }

  /** End of day: tickets of a past business day still waiting or called close as expired, and the phones left for them are deleted. */
  private async expireDays(job: Job): Promise<{ expired: number; contactsDeleted: number }> {
    const { asOf } = parsePayload(job, JobName.queueExpireDays);
    const now = asOf && this.config.NODE_ENV === 'test' ? new Date(asOf) : new Date();
    const [rows, contactsDeleted] = await this.database.db.transaction(async (tx) => [await ticketRepository.expirePastDays(tx, now), await citizenNotificationRepository.purgeTicketContacts(tx, now)] as const);
    for (const row of rows) {
      const data = { centerId: row.center_id, reason: 'expired' as const, services: [] };
      await Promise.all([Namespace.public, Namespace.staff].map((ns) => this.realtime.publish(ns, Room.center(row.center_id), ServerEvent.queueUpdated, data)));
    }
    return { expired: rows.reduce((n, r) => n + r.n, 0), contactsDeleted };
  }

  /**
   * A remote ticket's confirmation window ran out (#17): if it is still called and unconfirmed it
   * becomes a no-show and its counter may call the next; otherwise nothing happens.
   */
  private async remoteNoShow(ticketId: string): Promise<'no_show' | 'untouched'> {
    const gone = await this.database.db.transaction((tx) => remoteTicketRepository.noShowIfUnconfirmed(tx, ticketId, new Date()));
    if (!gone) return 'untouched';
    const waiting = await ticketRepository.waitingCounts(this.database.db, gone.centerId, gone.businessDate);
    const data = { centerId: gone.centerId, reason: 'no_show' as const, services: [...waiting].map(([serviceId, n]) => ({ serviceId, waiting: n })) };
    await Promise.all([Namespace.public, Namespace.staff].map((ns) => this.realtime.publish(ns, Room.center(gone.centerId), ServerEvent.queueUpdated, data)));
    return 'no_show';
  }
}
