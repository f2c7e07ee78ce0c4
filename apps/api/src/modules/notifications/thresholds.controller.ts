import { routes, type ThresholdInput } from '@motcua/contracts';
import { Controller, Inject, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { Actor } from '../../common/actor.js';
import { ApiRoute, Input, type ValidatedInput } from '../../common/api-route.decorator.js';
import { CurrentActor } from '../../common/current-actor.decorator.js';
import { ThresholdsService } from './thresholds.service.js';

@Controller()
export class ThresholdsController {
  constructor(@Inject(ThresholdsService) private readonly thresholds: ThresholdsService) {}

  @ApiRoute(routes.listThresholds)
  list(@Input() input: ValidatedInput<{ id: string }>) {
    return this.thresholds.list(input.params.id);
  }

  @ApiRoute(routes.createThreshold)
  create(@Input() input: ValidatedInput<{ id: string }, unknown, ThresholdInput>, @CurrentActor() actor: Actor, @Req() req: Request) {
    return this.thresholds.create(input.params.id, input.body, actor, req.ip);
  }

  @ApiRoute(routes.updateThreshold)
  update(@Input() input: ValidatedInput<{ id: string; thresholdId: string }, unknown, ThresholdInput>, @CurrentActor() actor: Actor, @Req() req: Request) {
    return this.thresholds.update(input.params.id, input.params.thresholdId, input.body, actor, req.ip);
  }

  @ApiRoute(routes.deleteThreshold)
  remove(@Input() input: ValidatedInput<{ id: string; thresholdId: string }>, @CurrentActor() actor: Actor, @Req() req: Request) {
    return this.thresholds.remove(input.params.id, input.params.thresholdId, actor, req.ip);
  }
}
