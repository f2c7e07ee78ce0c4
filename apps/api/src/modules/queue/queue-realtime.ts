import { Namespace, Room, ServerEvent, type Call, type QueueUpdated } from '@motcua/contracts';
import { businessDate } from '@motcua/core';
import { ticketRepository, type DatabaseHandle } from '@motcua/db';
import { RealtimePublisher } from '@motcua/platform';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { DATABASE } from '../../infra/tokens.js';

/** A busy kiosk issues many tickets a second; displays need the counts, not every step. */
const COALESCE_MS = 300;

/**
 * Queue events go to the center's room in both namespaces: /public for displays,
 * kiosks and phones (codes and counter labels only), /staff for workstations and live boards.
 * Called after commit, never inside a transaction.
 */
@Injectable()
export class QueueRealtime implements OnModuleDestroy {
  readonly #pending = new Map<string, NodeJS.Timeout>();

  constructor(
    @Inject(RealtimePublisher) private readonly realtime: RealtimePublisher,
    @Inject(DATABASE) private readonly database: DatabaseHandle,
  ) {}

  /**
   * New tickets: one `queue.updated` per center per COALESCE_MS, with counts read when it is
   * sent, instead of one per ticket to every display in the hall.
   */
  issuedSoon(centerId: string, timeZone: string): void {
    if (this.#pending.has(centerId)) return;
    this.#pending.set(
      centerId,
      setTimeout(() => {
        this.#pending.delete(centerId);
        void this.countsNow(centerId, timeZone)
          .then((services) => this.updated({ centerId, reason: 'issued', services }))
          .catch(() => {});
      }, COALESCE_MS),
    );
  }

  async countsNow(centerId: string, timeZone: string) {
    const waiting = await ticketRepository.waitingCounts(this.database.db, centerId, businessDate(new Date(), timeZone));
    return [...waiting].map(([serviceId, n]) => ({ serviceId, waiting: n }));
  }

  onModuleDestroy(): void {
    for (const timer of this.#pending.values()) clearTimeout(timer);
  }

  async updated(data: QueueUpdated): Promise<void> {
    await Promise.all([Namespace.public, Namespace.staff].map((ns) => this.realtime.publish(ns, Room.center(data.centerId), ServerEvent.queueUpdated, data)));
  }

  async called(centerId: string, call: Call): Promise<void> {
    await Promise.all([Namespace.public, Namespace.staff].map((ns) => this.realtime.publish(ns, Room.center(centerId), ServerEvent.ticketCalled, call)));
  }

  lastPublicSeq(centerId: string): Promise<number> {
    return this.realtime.lastSeq(Namespace.public, Room.center(centerId));
  }
}
