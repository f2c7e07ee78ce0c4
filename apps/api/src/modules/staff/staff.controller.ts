import { routes, type RouteBody } from '@motcua/contracts';
import { Controller, Inject, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { Actor } from '../../common/actor.js';
import { ApiRoute, Input, type ValidatedInput } from '../../common/api-route.decorator.js';
import { Ctx, type CommandContext } from '../../common/command-context.js';
import { CurrentActor } from '../../common/current-actor.decorator.js';
import { StaffService } from './staff.service.js';

@Controller()
export class StaffController {
  constructor(@Inject(StaffService) private readonly staff: StaffService) {}

  @ApiRoute(routes.listStaff)
  list(@Ctx() ctx: CommandContext) {
    return this.staff.list(ctx);
  }

  @ApiRoute(routes.createStaff)
  create(@Input() input: ValidatedInput<unknown, unknown, RouteBody<'createStaff'>>, @Ctx() ctx: CommandContext) {
    return this.staff.create(input.body, ctx);
  }

  @ApiRoute(routes.updateStaff)
  update(@Input() input: ValidatedInput<{ id: string }, unknown, RouteBody<'updateStaff'>>, @Ctx() ctx: CommandContext) {
    return this.staff.update(input.params.id, input.body, ctx);
  }

  @ApiRoute(routes.resetPassword)
  reset(@Input() input: ValidatedInput<{ id: string }>, @CurrentActor() actor: Actor, @Req() req: Request) {
    return this.staff.resetPassword(input.params.id, actor, req.ip);
  }
}
