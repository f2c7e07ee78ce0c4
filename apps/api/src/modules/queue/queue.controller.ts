import { routes, type IssueTicketRequest, type PushSubscriptionRequest, type RemoteTicketRequest } from '@motcua/contracts';
import { Controller, Inject, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { Actor, CitizenActor, RequestWithActor } from '../../common/actor.js';
import { ApiRoute, Input, type ValidatedInput } from '../../common/api-route.decorator.js';
import { CurrentActor, OptionalCitizen } from '../../common/current-actor.decorator.js';
import { Now } from '../../common/now.decorator.js';
import { LiveBoardService } from './live-board.service.js';
import { QueueService } from './queue.service.js';
import { RemoteTicketService } from './remote-ticket.service.js';
import { TicketPushService } from './ticket-push.service.js';

type CenterParams = { centerId: string };
type CounterParams = { counterId: string };

/** Kiosk, hall display, tracking and rating (public or device), plus the manager's live board. */
@Controller()
export class QueueController {
  constructor(
    @Inject(QueueService) private readonly queue: QueueService,
    @Inject(LiveBoardService) private readonly live: LiveBoardService,
    @Inject(RemoteTicketService) private readonly remote: RemoteTicketService,
    @Inject(TicketPushService) private readonly push: TicketPushService,
  ) {}

  @ApiRoute(routes.kiosk)
  kiosk(@Input() input: ValidatedInput<CenterParams>, @Now() now: Date) {
    return this.queue.kiosk(input.params.centerId, now);
  }

  @ApiRoute(routes.issueTicket)
  issue(@Input() input: ValidatedInput<CenterParams, unknown, IssueTicketRequest>, @Req() req: Request & RequestWithActor & { device?: { kind: string } }, @Now() now: Date) {
    return this.queue.issue(input.params.centerId, input.body, req.actor, now, req.device?.kind === 'kiosk');
  }

  @ApiRoute(routes.issueRemoteTicket)
  issueRemote(@Input() input: ValidatedInput<CenterParams, unknown, RemoteTicketRequest>, @OptionalCitizen() citizen: CitizenActor | undefined, @Now() now: Date) {
    return this.remote.issue(input.params.centerId, input.body, citizen, now);
  }

  @ApiRoute(routes.confirmRemoteArrival)
  arrived(@Input() input: ValidatedInput<{ code: string }>, @Now() now: Date) {
    return this.remote.arrived(input.params.code, now);
  }

  @ApiRoute(routes.pushKey)
  pushKey() {
    return this.push.key();
  }

  @ApiRoute(routes.subscribeTicketPush)
  subscribePush(@Input() input: ValidatedInput<{ code: string }, unknown, PushSubscriptionRequest>) {
    return this.push.subscribe(input.params.code, input.body);
  }

  @ApiRoute(routes.publicCenters)
  publicCenters() {
    return this.queue.publicCenters();
  }

  @ApiRoute(routes.ticketContact)
  contact(@Input() input: ValidatedInput<{ centerId: string; ticketId: string }, unknown, { phone: string; language: 'vi' | 'en' }>, @Now() now: Date) {
    return this.queue.saveContact(input.params.centerId, input.params.ticketId, input.body, now);
  }

  @ApiRoute(routes.display)
  display(@Input() input: ValidatedInput<CenterParams>, @Now() now: Date) {
    return this.queue.display(input.params.centerId, now);
  }

  @ApiRoute(routes.trackTicket)
  track(@Input() input: ValidatedInput<{ code: string }>) {
    return this.queue.track(input.params.code);
  }

  @ApiRoute(routes.ratingPrompt)
  ratingPrompt(@Input() input: ValidatedInput<CounterParams>, @Now() now: Date) {
    return this.queue.ratingPrompt(input.params.counterId, now);
  }

  @ApiRoute(routes.rate)
  rate(@Input() input: ValidatedInput<CounterParams, unknown, { ticketId: string; level: 'very_satisfied' | 'satisfied' | 'not_satisfied'; reason: string | null }>, @Now() now: Date) {
    return this.queue.rate(input.params.counterId, input.body, now);
  }

  @ApiRoute(routes.liveBoard)
  liveBoard(@Input() input: ValidatedInput<CenterParams>, @Now() now: Date) {
    return this.live.board(input.params.centerId, now);
  }

  @ApiRoute(routes.setServiceAvailability)
  setServiceAvailability(@Input() input: ValidatedInput<{ serviceId: string }, unknown, { isOpen: boolean }>, @CurrentActor() actor: Actor, @Req() req: Request) {
    return this.queue.setServiceAvailability(input.params.serviceId, input.body.isOpen, actor, req.ip);
  }
}
