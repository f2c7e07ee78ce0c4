import { routes, type IndicatorsQuery } from '@motcua/contracts';
import { Controller, Inject } from '@nestjs/common';
import type { Actor } from '../../common/actor.js';
import { ApiRoute, Input, type ValidatedInput } from '../../common/api-route.decorator.js';
import { CurrentActor } from '../../common/current-actor.decorator.js';
import { AnalyticsService } from './analytics.service.js';

@Controller()
export class AnalyticsController {
  constructor(@Inject(AnalyticsService) private readonly analytics: AnalyticsService) {}

  @ApiRoute(routes.indicators)
  indicators(@Input() input: ValidatedInput<unknown, IndicatorsQuery>, @CurrentActor() actor: Actor) {
    return this.analytics.indicators(input.query, actor);
  }
}
