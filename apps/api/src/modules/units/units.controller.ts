import { routes, type RouteBody } from '@motcua/contracts';
import { Controller, Inject } from '@nestjs/common';
import { ApiRoute, Input, type ValidatedInput } from '../../common/api-route.decorator.js';
import { Ctx, type CommandContext } from '../../common/command-context.js';
import { AgenciesService } from './agencies.service.js';
import { UnitsService } from './units.service.js';

type Id = { id: string };

@Controller()
export class UnitsController {
  constructor(
    @Inject(UnitsService) private readonly units: UnitsService,
    @Inject(AgenciesService) private readonly agencies: AgenciesService,
  ) {}

  @ApiRoute(routes.listUnits)
  list(@Ctx() ctx: CommandContext) {
    return this.units.list(ctx);
  }

  @ApiRoute(routes.createUnit)
  create(@Input() input: ValidatedInput<unknown, unknown, RouteBody<'createUnit'>>, @Ctx() ctx: CommandContext) {
    return this.units.create(input.body, ctx);
  }

  @ApiRoute(routes.updateUnit)
  update(@Input() input: ValidatedInput<Id, unknown, RouteBody<'updateUnit'>>, @Ctx() ctx: CommandContext) {
    return this.units.update(input.params.id, input.body, ctx);
  }

  @ApiRoute(routes.importUnits)
  import(@Input() input: ValidatedInput<unknown, unknown, RouteBody<'importUnits'>>, @Ctx() ctx: CommandContext) {
    return this.units.import(input.body.csv, ctx);
  }

  @ApiRoute(routes.listAgencies)
  listAgencies(@Ctx() ctx: CommandContext) {
    return this.agencies.list(ctx);
  }

  @ApiRoute(routes.createAgency)
  createAgency(@Input() input: ValidatedInput<unknown, unknown, RouteBody<'createAgency'>>, @Ctx() ctx: CommandContext) {
    return this.agencies.create(input.body, ctx);
  }

  @ApiRoute(routes.updateAgency)
  updateAgency(@Input() input: ValidatedInput<Id, unknown, RouteBody<'updateAgency'>>, @Ctx() ctx: CommandContext) {
    return this.agencies.update(input.params.id, input.body, ctx);
  }
}
