import { Namespace, Room, ServerEvent, type Call, type QueueUpdated } from '@motcua/contracts';
import { RealtimePublisher } from '@motcua/platform';
import { Inject, Injectable } from '@nestjs/common';

/**
 * Queue events go to the center's room in both namespaces: /public for displays,
 * kiosks and phones (codes and counter labels only), /staff for workstations and live boards.
 * Called after commit, never inside a transaction.
 */
@Injectable()
export class QueueRealtime {
  constructor(@Inject(RealtimePublisher) private readonly realtime: RealtimePublisher) {}

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
