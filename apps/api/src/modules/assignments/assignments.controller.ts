import { negotiateLocale, routes, type CopyMode, type Shift, type WeekSlot } from '@motcua/contracts';
import { Controller, Inject, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { Actor } from '../../common/actor.js';
import { ApiRoute, Input, type ValidatedInput } from '../../common/api-route.decorator.js';
import { CurrentActor } from '../../common/current-actor.decorator.js';
import { Now } from '../../common/now.decorator.js';
import { AssignmentsService } from './assignments.service.js';

type CenterParams = { centerId: string };

@Controller()
export class AssignmentsController {
  constructor(@Inject(AssignmentsService) private readonly assignments: AssignmentsService) {}

  @ApiRoute(routes.getBoard)
  board(@Input() input: ValidatedInput<CenterParams, { date?: string }>, @Req() req: Request, @Now() now: Date) {
    return this.assignments.board(input.params.centerId, input.query.date, negotiateLocale(req.headers['accept-language']), now);
  }

  @ApiRoute(routes.assign)
  assign(@Input() input: ValidatedInput<CenterParams, unknown, { date: string; counterId: string; staffId: string; shift: Shift; replace: boolean }>, @CurrentActor() actor: Actor, @Req() req: Request, @Now() now: Date) {
    return this.assignments.assign(input.params.centerId, input.body, ctx(actor, req, now));
  }

  @ApiRoute(routes.unassign)
  unassign(@Input() input: ValidatedInput<CenterParams, unknown, { date: string; counterId: string; shift?: Shift }>, @CurrentActor() actor: Actor, @Req() req: Request, @Now() now: Date) {
    return this.assignments.unassign(input.params.centerId, input.body, ctx(actor, req, now));
  }

  @ApiRoute(routes.copyBoard)
  copy(@Input() input: ValidatedInput<CenterParams, unknown, { toDate: string; mode: CopyMode }>, @CurrentActor() actor: Actor, @Req() req: Request, @Now() now: Date) {
    return this.assignments.copy(input.params.centerId, input.body, ctx(actor, req, now));
  }

  @ApiRoute(routes.getWeek)
  week(@Input() input: ValidatedInput<CenterParams, { start?: string }>, @Req() req: Request, @Now() now: Date) {
    return this.assignments.week(input.params.centerId, input.query.start, negotiateLocale(req.headers['accept-language']), now);
  }

  @ApiRoute(routes.putWeek)
  saveWeek(@Input() input: ValidatedInput<CenterParams, unknown, { start: string; assignments: WeekSlot[] }>, @CurrentActor() actor: Actor, @Req() req: Request, @Now() now: Date) {
    return this.assignments.saveWeek(input.params.centerId, input.body, ctx(actor, req, now));
  }

  @ApiRoute(routes.myAssignments)
  mine(@CurrentActor() actor: Actor, @Now() now: Date) {
    return this.assignments.mine(actor, now);
  }
}

const ctx = (actor: Actor, req: Request, now: Date) => ({ actor, locale: negotiateLocale(req.headers['accept-language']), ip: req.ip, now });
