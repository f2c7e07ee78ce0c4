import { routes, type BookAppointmentRequest } from '@motcua/contracts';
import { Controller, Inject, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { RequestWithActor } from '../../common/actor.js';
import { ApiRoute, Input, type ValidatedInput } from '../../common/api-route.decorator.js';
import { Now } from '../../common/now.decorator.js';
import { AppointmentsService } from './appointments.service.js';

type CenterParams = { centerId: string };
type TokenParams = { token: string };

/** Online appointments: public booking by link, check-in at the kiosk. */
@Controller()
export class AppointmentsController {
  constructor(@Inject(AppointmentsService) private readonly appointments: AppointmentsService) {}

  @ApiRoute(routes.appointmentSlots)
  slots(@Input() input: ValidatedInput<CenterParams, { serviceId: string; date: string }>, @Now() now: Date) {
    return this.appointments.slots(input.params.centerId, input.query, now);
  }

  @ApiRoute(routes.bookAppointment)
  book(@Input() input: ValidatedInput<CenterParams, unknown, BookAppointmentRequest>, @Now() now: Date) {
    return this.appointments.book(input.params.centerId, input.body, now);
  }

  @ApiRoute(routes.appointment)
  get(@Input() input: ValidatedInput<TokenParams>, @Now() now: Date) {
    return this.appointments.get(input.params.token, now);
  }

  @ApiRoute(routes.cancelAppointment)
  cancel(@Input() input: ValidatedInput<TokenParams>, @Now() now: Date) {
    return this.appointments.cancel(input.params.token, now);
  }

  @ApiRoute(routes.rescheduleAppointment)
  reschedule(@Input() input: ValidatedInput<TokenParams, unknown, { slotStart: string }>, @Now() now: Date) {
    return this.appointments.reschedule(input.params.token, input.body, now);
  }

  @ApiRoute(routes.checkInAppointment)
  checkIn(@Input() input: ValidatedInput<CenterParams, unknown, { code: string }>, @Req() req: Request & RequestWithActor, @Now() now: Date) {
    return this.appointments.checkIn(input.params.centerId, input.body.code, req.actor, now);
  }
}
