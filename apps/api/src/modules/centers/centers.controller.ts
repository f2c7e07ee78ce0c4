import { routes } from '@motcua/contracts';
import { Controller, Inject } from '@nestjs/common';
import type { Actor } from '../../common/actor.js';
import { ApiRoute, Input, type ValidatedInput } from '../../common/api-route.decorator.js';
import { CurrentActor } from '../../common/current-actor.decorator.js';
import { CentersService } from './centers.service.js';

@Controller()
export class CentersController {
  constructor(@Inject(CentersService) private readonly centers: CentersService) {}

  @ApiRoute(routes.listCenters)
  list(@CurrentActor() actor: Actor) {
    return this.centers.list(actor);
  }

  @ApiRoute(routes.getCenter)
  get(@Input() input: ValidatedInput<{ centerId: string }>) {
    return this.centers.detail(input.params.centerId);
  }
}
