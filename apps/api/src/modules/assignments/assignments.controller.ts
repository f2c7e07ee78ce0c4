import { negotiateLocale, routes } from '@motcua/contracts';
import { Controller, Inject, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { Actor } from '../../common/actor.js';
import { ApiRoute, Input, type ValidatedInput } from '../../common/api-route.decorator.js';
import { CurrentActor } from '../../common/current-actor.decorator.js';
import { AssignmentsService } from './assignments.service.js';

type CenterParams = { centerId: string };

@Controller()
export class AssignmentsController {
  constructor(@Inject(AssignmentsService) private readonly assignments: AssignmentsService) {}

  @ApiRoute(routes.getBoard)
  board(@Input() input: ValidatedInput<CenterParams, { date: string }>, @Req() req: Request) {
    return this.assignments.board(input.params.centerId, input.query.date, negotiateLocale(req.headers['accept-language']));
  }

  @ApiRoute(routes.assign)
  assign(@Input() input: ValidatedInput<CenterParams, unknown, { date: string; counterId: string; staffId: string }>, @CurrentActor() actor: Actor, @Req() req: Request) {
    return this.assignments.assign(input.params.centerId, input.body, { actor, locale: negotiateLocale(req.headers['accept-language']), ip: req.ip });
  }

  @ApiRoute(routes.unassign)
  unassign(@Input() input: ValidatedInput<CenterParams, unknown, { date: string; counterId: string }>, @CurrentActor() actor: Actor, @Req() req: Request) {
    return this.assignments.unassign(input.params.centerId, input.body, { actor, locale: negotiateLocale(req.headers['accept-language']), ip: req.ip });
  }

  @ApiRoute(routes.copyBoard)
  copy(@Input() input: ValidatedInput<CenterParams, unknown, { fromDate: string; toDate: string }>, @CurrentActor() actor: Actor, @Req() req: Request) {
    return this.assignments.copy(input.params.centerId, input.body, { actor, locale: negotiateLocale(req.headers['accept-language']), ip: req.ip });
  }

  @ApiRoute(routes.myAssignments)
  mine(@CurrentActor() actor: Actor) {
    return this.assignments.mine(actor);
  }
}
