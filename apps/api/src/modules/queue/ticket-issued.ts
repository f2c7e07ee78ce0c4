import type { IssuedTicket } from '@motcua/contracts';
import { businessDate } from '@motcua/core';
import type { NewTicket, ticketRepository } from '@motcua/db';
import { Inject, Injectable } from '@nestjs/common';
import { ApiMetrics } from '../../infra/metrics.js';
import { CenterContext } from './center-context.js';
import { QueueRealtime } from './queue-realtime.js';

type Config = NonNullable<Awaited<ReturnType<typeof ticketRepository.centerConfig>>>;
type Extra = Pick<IssuedTicket, 'priority' | 'counterLabels' | 'printAtKiosk'> & { ahead?: number };

/**
 * What follows every new ticket, however it was taken (kiosk, phone, appointment check-in):
 * the hall's counts soon, the metric, and the answer the citizen's slip or phone shows.
 */
@Injectable()
export class TicketIssued {
  constructor(
    @Inject(QueueRealtime) private readonly realtime: QueueRealtime,
    @Inject(ApiMetrics) private readonly metrics: ApiMetrics,
    @Inject(CenterContext) private readonly context: CenterContext,
  ) {}

  async announce(center: Config['center'], service: Config['services'][number], ticket: NewTicket, now: Date, extra: Extra): Promise<IssuedTicket> {
    this.realtime.issuedSoon(center.id, businessDate(now, center.timeZone));
    this.metrics.ticketsIssued.inc({ center: center.id });
    const { ahead = ticket.ahead, ...shown } = extra;
    return {
      id: ticket.id,
      code: ticket.code,
      number: ticket.number,
      centerName: center.name,
      serviceNameVi: service.nameVi,
      serviceNameEn: service.nameEn,
      arrivedAt: ticket.arrivedAt.toISOString(),
      estimate: await this.context.estimate(center, service, ahead),
      trackingCode: ticket.trackingCode,
      ...shown,
    };
  }
}
