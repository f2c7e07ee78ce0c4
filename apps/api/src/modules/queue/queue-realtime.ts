import { Namespace, Room, ServerEvent, type Call, type QueueUpdated } from '@motcua/contracts';
import { ticketRepository, type DatabaseHandle, type DbOrTx, type NewOutboxEvent } from '@motcua/db';
import { DependencyWatch, RealtimePublisher, type SeqPosition } from '@motcua/platform';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { RealtimeOutbox } from '../../infra/realtime-outbox.js';
import { DATABASE } from '../../infra/tokens.js';

/** A busy kiosk issues many tickets a second; displays need the counts, not every step. */
const COALESCE_MS = 300;
/** The display snapshot waits this long for the sequence before answering without it. */
const SEQ_TIMEOUT_MS = 300;

/** The same event to the center's room in /public (displays, kiosks, phones: codes and labels only) and /staff. */
const toCenter = (centerId: string, event: string, data: unknown): NewOutboxEvent[] =>
  [Namespace.public, Namespace.staff].map((namespace) => ({ namespace, room: Room.center(centerId), event, data }));

/**
 * Queue events of a center, written to the realtime outbox in the command's transaction
 * (`updated`, `called`) and published by its relay after commit (`kick`).
 */
@Injectable()
export class QueueRealtime implements OnModuleDestroy {
  readonly #pending = new Map<string, NodeJS.Timeout>();

  constructor(
    @Inject(RealtimeOutbox) private readonly outbox: RealtimeOutbox,
    @Inject(RealtimePublisher) private readonly publisher: RealtimePublisher,
    @Inject(DependencyWatch) private readonly watch: DependencyWatch,
    @Inject(DATABASE) private readonly database: DatabaseHandle,
  ) {}

  /**
   * New tickets: one `queue.updated` per center per COALESCE_MS, with counts read when it is
   * sent, instead of one per ticket to every display in the hall.
   */
  issuedSoon(centerId: string, businessDate: string): void {
    if (this.#pending.has(centerId)) return;
    this.#pending.set(
      centerId,
      setTimeout(() => {
        this.#pending.delete(centerId);
        void this.countsNow(centerId, businessDate)
          .then((services) => this.outbox.send(toCenter(centerId, ServerEvent.queueUpdated, { centerId, reason: 'issued', services } satisfies QueueUpdated)))
          .catch(() => {});
      }, COALESCE_MS),
    );
  }

  async countsNow(centerId: string, businessDate: string) {
    const waiting = await ticketRepository.waitingCounts(this.database.db, centerId, businessDate);
    return [...waiting].map(([serviceId, n]) => ({ serviceId, waiting: n }));
  }

  onModuleDestroy(): void {
    for (const timer of this.#pending.values()) clearTimeout(timer);
  }

  /** In the command's transaction. */
  updated(tx: DbOrTx, data: QueueUpdated): Promise<void> {
    return this.outbox.add(tx, toCenter(data.centerId, ServerEvent.queueUpdated, data));
  }

  /** In the command's transaction. */
  called(tx: DbOrTx, centerId: string, call: Call): Promise<void> {
    return this.outbox.add(tx, toCenter(centerId, ServerEvent.ticketCalled, call));
  }

  /** After commit: the relay publishes what the command wrote. */
  kick(): void {
    this.outbox.kick();
  }

  /** Where the public room's numbering stands; without Redis the display still gets its snapshot (and resyncs on the next event). */
  async lastPublicSeq(centerId: string): Promise<SeqPosition | { epoch: null; seq: 0 }> {
    const none = { epoch: null, seq: 0 } as const;
    if (!this.watch.isUp('redis')) return none;
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([this.publisher.lastSeq(Namespace.public, Room.center(centerId)), new Promise<typeof none>((resolve) => (timer = setTimeout(() => resolve(none), SEQ_TIMEOUT_MS)))]);
    } catch {
      return none;
    } finally {
      clearTimeout(timer);
    }
  }
}
