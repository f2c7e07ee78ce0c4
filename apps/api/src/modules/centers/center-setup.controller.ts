import { routes, type RouteBody } from '@motcua/contracts';
import { Controller, Inject } from '@nestjs/common';
import { ApiRoute, Input, type ValidatedInput } from '../../common/api-route.decorator.js';
import { Ctx, type CommandContext } from '../../common/command-context.js';
import { CenterSetupService } from './center-setup.service.js';

type Id = { id: string };
type CenterId = { centerId: string };

@Controller()
export class CenterSetupController {
  constructor(@Inject(CenterSetupService) private readonly setup: CenterSetupService) {}

  @ApiRoute(routes.createCenter)
  createCenter(@Input() input: ValidatedInput<unknown, unknown, RouteBody<'createCenter'>>, @Ctx() ctx: CommandContext) {
    return this.setup.createCenter(input.body, ctx);
  }

  @ApiRoute(routes.updateCenter)
  updateCenter(@Input() input: ValidatedInput<CenterId, unknown, RouteBody<'updateCenter'>>, @Ctx() ctx: CommandContext) {
    return this.setup.updateCenter(input.params.centerId, input.body, ctx);
  }

  @ApiRoute(routes.createService)
  createService(@Input() input: ValidatedInput<CenterId, unknown, RouteBody<'createService'>>, @Ctx() ctx: CommandContext) {
    return this.setup.createService(input.params.centerId, input.body, ctx);
  }

  @ApiRoute(routes.updateService)
  updateService(@Input() input: ValidatedInput<Id, unknown, RouteBody<'updateService'>>, @Ctx() ctx: CommandContext) {
    return this.setup.updateService(input.params.id, input.body, ctx);
  }

  @ApiRoute(routes.createCounter)
  createCounter(@Input() input: ValidatedInput<CenterId, unknown, RouteBody<'createCounter'>>, @Ctx() ctx: CommandContext) {
    return this.setup.createCounter(input.params.centerId, input.body, ctx);
  }

  @ApiRoute(routes.updateCounter)
  updateCounter(@Input() input: ValidatedInput<Id, unknown, RouteBody<'updateCounter'>>, @Ctx() ctx: CommandContext) {
    return this.setup.updateCounter(input.params.id, input.body, ctx);
  }

  @ApiRoute(routes.createPriorityCategory)
  createPriority(@Input() input: ValidatedInput<CenterId, unknown, RouteBody<'createPriorityCategory'>>, @Ctx() ctx: CommandContext) {
    return this.setup.createPriority(input.params.centerId, input.body, ctx);
  }

  @ApiRoute(routes.updatePriorityCategory)
  updatePriority(@Input() input: ValidatedInput<Id, unknown, RouteBody<'updatePriorityCategory'>>, @Ctx() ctx: CommandContext) {
    return this.setup.updatePriority(input.params.id, input.body, ctx);
  }
}
