import { routes, type CitizenChannel, type CitizenDeliveryQuery, type CitizenEvent, type CitizenTemplateInput, type Language } from '@motcua/contracts';
import { Controller, Inject } from '@nestjs/common';
import type { Actor } from '../../common/actor.js';
import { ApiRoute, Input, type ValidatedInput } from '../../common/api-route.decorator.js';
import { CurrentActor } from '../../common/current-actor.decorator.js';
import { Now } from '../../common/now.decorator.js';
import { CitizenNotificationsService } from './citizen-notifications.service.js';

type Params = { event: CitizenEvent; channel: CitizenChannel; language: Language };

@Controller()
export class CitizenNotificationsController {
  constructor(@Inject(CitizenNotificationsService) private readonly citizen: CitizenNotificationsService) {}

  @ApiRoute(routes.listCitizenTemplates)
  templates() {
    return this.citizen.templates();
  }

  @ApiRoute(routes.saveCitizenTemplate)
  save(@Input() input: ValidatedInput<Params, unknown, CitizenTemplateInput>, @CurrentActor() actor: Actor) {
    return this.citizen.save(input.params, input.body, actor);
  }

  @ApiRoute(routes.resetCitizenTemplate)
  reset(@Input() input: ValidatedInput<Params>) {
    return this.citizen.reset(input.params);
  }

  @ApiRoute(routes.listCitizenDeliveries)
  deliveries(@CurrentActor() actor: Actor, @Input() input: ValidatedInput<unknown, CitizenDeliveryQuery>) {
    return this.citizen.deliveries(actor, input.query);
  }

  @ApiRoute(routes.citizenOptOutLink)
  optOutLink(@Input() input: ValidatedInput<{ token: string }>) {
    return this.citizen.optOutLink(input.params.token);
  }

  @ApiRoute(routes.citizenOptOut)
  optOut(@Input() input: ValidatedInput<{ token: string }>, @Now() now: Date) {
    return this.citizen.optOut(input.params.token, now);
  }
}
