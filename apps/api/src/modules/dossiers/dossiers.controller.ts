import { negotiateLocale, routes, type CounterIntake, type DossierStatus, type IntakeOutcome, type OnlineIntake, type ProcessAction } from '@motcua/contracts';
import { Controller, Inject, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { Actor } from '../../common/actor.js';
import { ApiRoute, Input, type ValidatedInput } from '../../common/api-route.decorator.js';
import { CurrentActor } from '../../common/current-actor.decorator.js';
import { Now } from '../../common/now.decorator.js';
import { DossiersService } from './dossiers.service.js';

type IdParams = { id: string };
type ListQuery = { scope: 'mine' | 'all'; status?: DossierStatus; due?: 'overdue' | 'due_soon'; q?: string; limit: number };

@Controller()
export class DossiersController {
  constructor(@Inject(DossiersService) private readonly dossiers: DossiersService) {}

  @ApiRoute(routes.intakeOptions)
  options(@CurrentActor() actor: Actor) {
    return this.dossiers.intakeOptions(actor);
  }

  @ApiRoute(routes.intakeAtCenter)
  intakeAtCenter(@Input() input: ValidatedInput<{ centerId: string }, unknown, CounterIntake>, @CurrentActor() actor: Actor, @Now() now: Date) {
    return this.dossiers.intakeAtCenter(input.params.centerId, input.body, actor, now);
  }

  @ApiRoute(routes.intakeOnline)
  intakeOnline(@Input() input: ValidatedInput<unknown, unknown, OnlineIntake>, @Now() now: Date, @Req() req: Request) {
    return this.dossiers.intakeOnline(input.body, now, negotiateLocale(req.headers['accept-language']));
  }

  @ApiRoute(routes.listDossiers)
  list(@Input() input: ValidatedInput<unknown, ListQuery>, @CurrentActor() actor: Actor, @Now() now: Date) {
    return this.dossiers.list(actor, input.query, now);
  }

  @ApiRoute(routes.getDossier)
  get(@Input() input: ValidatedInput<IdParams>, @CurrentActor() actor: Actor, @Now() now: Date) {
    return this.dossiers.detail(input.params.id, actor, now);
  }

  @ApiRoute(routes.decideIntake)
  decide(@Input() input: ValidatedInput<IdParams, unknown, IntakeOutcome>, @CurrentActor() actor: Actor, @Now() now: Date) {
    return this.dossiers.decideIntake(input.params.id, input.body, actor, now);
  }

  @ApiRoute(routes.processDossier)
  process(@Input() input: ValidatedInput<IdParams, unknown, ProcessAction>, @CurrentActor() actor: Actor, @Now() now: Date) {
    return this.dossiers.process(input.params.id, input.body, actor, now);
  }

  @ApiRoute(routes.returnDossier)
  returnResult(@Input() input: ValidatedInput<IdParams, unknown, { method: 'counter' | 'post' | 'online'; receivedBy: string; note?: string }>, @CurrentActor() actor: Actor, @Now() now: Date) {
    return this.dossiers.returnResult(input.params.id, input.body, actor, now);
  }

  @ApiRoute(routes.closeDossier)
  close(@Input() input: ValidatedInput<IdParams, unknown, { kind: 'withdraw' | 'stop'; reason: string }>, @CurrentActor() actor: Actor, @Now() now: Date) {
    return this.dossiers.close(input.params.id, input.body, actor, now);
  }

  @ApiRoute(routes.trackDossier)
  track(@Input() input: ValidatedInput<unknown, { code: string; phoneLast4: string }>) {
    return this.dossiers.track(input.query.code, input.query.phoneLast4);
  }
}
