import { routes } from '@motcua/contracts';
import { Controller, Inject } from '@nestjs/common';
import type { Actor } from '../../common/actor.js';
import { ApiRoute, Input, type ValidatedInput } from '../../common/api-route.decorator.js';
import { CurrentActor } from '../../common/current-actor.decorator.js';
import { Now } from '../../common/now.decorator.js';
import { CounterService } from './counter.service.js';

type P = ValidatedInput<{ counterId: string }>;

/** The counter workstation: one route per button. */
@Controller()
export class CounterController {
  constructor(@Inject(CounterService) private readonly counters: CounterService) {}

  @ApiRoute(routes.workstation)
  workstation(@Input() input: P, @CurrentActor() actor: Actor, @Now() now: Date) {
    return this.counters.workstation(input.params.counterId, actor, now);
  }

  @ApiRoute(routes.callNext)
  callNext(@Input() input: P, @CurrentActor() actor: Actor, @Now() now: Date) {
    return this.counters.run(input.params.counterId, actor, { kind: 'call_next' }, now);
  }

  @ApiRoute(routes.callSpecific)
  call(@Input() input: ValidatedInput<{ counterId: string }, unknown, { ticketId: string }>, @CurrentActor() actor: Actor, @Now() now: Date) {
    return this.counters.run(input.params.counterId, actor, { kind: 'call', ticketId: input.body.ticketId }, now);
  }

  @ApiRoute(routes.recall)
  recall(@Input() input: P, @CurrentActor() actor: Actor, @Now() now: Date) {
    return this.counters.run(input.params.counterId, actor, { kind: 'recall' }, now);
  }

  @ApiRoute(routes.startServing)
  start(@Input() input: P, @CurrentActor() actor: Actor, @Now() now: Date) {
    return this.counters.run(input.params.counterId, actor, { kind: 'start' }, now);
  }

  @ApiRoute(routes.finish)
  done(@Input() input: P, @CurrentActor() actor: Actor, @Now() now: Date) {
    return this.counters.run(input.params.counterId, actor, { kind: 'done' }, now);
  }

  @ApiRoute(routes.noShow)
  noShow(@Input() input: P, @CurrentActor() actor: Actor, @Now() now: Date) {
    return this.counters.run(input.params.counterId, actor, { kind: 'no_show' }, now);
  }

  @ApiRoute(routes.transfer)
  transfer(@Input() input: ValidatedInput<{ counterId: string }, unknown, { serviceId: string | null; counterId: string | null }>, @CurrentActor() actor: Actor, @Now() now: Date) {
    return this.counters.run(input.params.counterId, actor, { kind: 'transfer', ...input.body }, now);
  }

  @ApiRoute(routes.setCounterState)
  setState(@Input() input: ValidatedInput<{ counterId: string }, unknown, { state: 'open' | 'paused' | 'closed'; reason?: string }>, @CurrentActor() actor: Actor, @Now() now: Date) {
    return this.counters.run(input.params.counterId, actor, { kind: 'state', state: input.body.state, reason: input.body.reason }, now);
  }
}
