import { routes } from '@motcua/contracts';
import { Controller, Inject, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { Actor } from '../../common/actor.js';
import { ApiRoute, Input, type ValidatedInput } from '../../common/api-route.decorator.js';
import { CurrentActor } from '../../common/current-actor.decorator.js';
import { StaffService } from './staff.service.js';

@Controller()
export class StaffController {
  constructor(@Inject(StaffService) private readonly staff: StaffService) {}

  @ApiRoute(routes.resetPassword)
  reset(@Input() input: ValidatedInput<{ id: string }>, @CurrentActor() actor: Actor, @Req() req: Request) {
    return this.staff.resetPassword(input.params.id, actor, req.ip);
  }
}
