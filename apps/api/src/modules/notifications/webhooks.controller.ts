import { routes } from '@motcua/contracts';
import { Controller, Inject, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { Actor } from '../../common/actor.js';
import { ApiRoute, Input, type ValidatedInput } from '../../common/api-route.decorator.js';
import { CurrentActor } from '../../common/current-actor.decorator.js';
import { WebhooksService } from './webhooks.service.js';

@Controller()
export class WebhooksController {
  constructor(@Inject(WebhooksService) private readonly webhooks: WebhooksService) {}

  @ApiRoute(routes.listWebhooks)
  list(@Input() input: ValidatedInput<{ id: string }>) {
    return this.webhooks.list(input.params.id);
  }

  @ApiRoute(routes.createWebhook)
  create(@Input() input: ValidatedInput<{ id: string }, unknown, { url: string }>, @CurrentActor() actor: Actor, @Req() req: Request) {
    return this.webhooks.create(input.params.id, input.body.url, actor, req.ip);
  }

  @ApiRoute(routes.disableWebhook)
  disable(@Input() input: ValidatedInput<{ id: string; webhookId: string }>, @CurrentActor() actor: Actor, @Req() req: Request) {
    return this.webhooks.disable(input.params.id, input.params.webhookId, actor, req.ip);
  }
}
