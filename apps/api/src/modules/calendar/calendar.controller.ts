import { routes, type OfficeWindowsInput } from '@motcua/contracts';
import { Controller, Inject, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { Actor } from '../../common/actor.js';
import { ApiRoute, Input, type ValidatedInput } from '../../common/api-route.decorator.js';
import { CurrentActor } from '../../common/current-actor.decorator.js';
import { Now } from '../../common/now.decorator.js';
import { CalendarService } from './calendar.service.js';

@Controller()
export class CalendarController {
  constructor(@Inject(CalendarService) private readonly calendar: CalendarService) {}

  @ApiRoute(routes.calendarDays)
  days(@Input() input: ValidatedInput<unknown, { year: number }>) {
    return this.calendar.days(input.query.year);
  }

  @ApiRoute(routes.setCalendarDay)
  set(@Input() input: ValidatedInput<{ date: string }, unknown, { kind: 'holiday' | 'day_off' | 'working_day'; name: string }>, @CurrentActor() actor: Actor, @Req() req: Request) {
    return this.calendar.set(input.params.date, input.body, actor, req.ip);
  }

  @ApiRoute(routes.officeWindows)
  officeWindows(@Input() input: ValidatedInput<{ id: string }>, @Now() now: Date) {
    return this.calendar.officeWindows(input.params.id, now);
  }

  @ApiRoute(routes.setOfficeWindows)
  setOfficeWindows(@Input() input: ValidatedInput<{ id: string }, unknown, OfficeWindowsInput>, @CurrentActor() actor: Actor, @Req() req: Request, @Now() now: Date) {
    return this.calendar.setOfficeWindows(input.params.id, input.body, actor, req.ip, now);
  }

  @ApiRoute(routes.clearCalendarDay)
  clear(@Input() input: ValidatedInput<{ date: string }>, @CurrentActor() actor: Actor, @Req() req: Request) {
    return this.calendar.clear(input.params.date, actor, req.ip);
  }
}
