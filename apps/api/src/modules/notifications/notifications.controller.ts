import { routes } from '@motcua/contracts';
import { Controller, Inject } from '@nestjs/common';
import type { Actor } from '../../common/actor.js';
import { ApiRoute, Input, type ValidatedInput } from '../../common/api-route.decorator.js';
import { CurrentActor } from '../../common/current-actor.decorator.js';
import { Now } from '../../common/now.decorator.js';
import { NotificationsService } from './notifications.service.js';

type PageQuery = { page: number; pageSize: number };

@Controller()
export class NotificationsController {
  constructor(@Inject(NotificationsService) private readonly notifications: NotificationsService) {}

  @ApiRoute(routes.myNotifications)
  mine(@CurrentActor() actor: Actor, @Input() input: ValidatedInput<unknown, PageQuery & { unread?: 'true' | 'false' }>) {
    return this.notifications.mine(actor.staffId, input.query);
  }

  @ApiRoute(routes.myUnreadCount)
  unread(@CurrentActor() actor: Actor) {
    return this.notifications.unread(actor.staffId);
  }

  @ApiRoute(routes.markNotificationsRead)
  markRead(@CurrentActor() actor: Actor, @Input() input: ValidatedInput<unknown, unknown, { ids?: string[]; all?: boolean }>, @Now() now: Date) {
    return this.notifications.markRead(actor.staffId, input.body, now);
  }

  @ApiRoute(routes.listDeliveries)
  deliveries(@Input() input: ValidatedInput<unknown, PageQuery & { status?: 'pending' | 'sent' | 'failed' }>) {
    return this.notifications.deliveries(input.query);
  }
}
