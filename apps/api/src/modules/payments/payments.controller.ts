import { routes, type CreatePayment, type PaymentLookup } from '@motcua/contracts';
import { Controller, Inject, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { CitizenActor } from '../../common/actor.js';
import { ApiRoute, Input, type ValidatedInput } from '../../common/api-route.decorator.js';
import { OptionalCitizen } from '../../common/current-actor.decorator.js';
import { Now } from '../../common/now.decorator.js';
import { PaymentsService } from './payments.service.js';

type GatewayParams = Record<string, string>;

@Controller()
export class PaymentsController {
  constructor(@Inject(PaymentsService) private readonly payments: PaymentsService) {}

  @ApiRoute(routes.paymentDue)
  due(@Input() input: ValidatedInput<unknown, PaymentLookup>, @OptionalCitizen() citizen: CitizenActor | undefined) {
    return this.payments.due(input.query, citizen);
  }

  @ApiRoute(routes.createPayment)
  create(@Input() input: ValidatedInput<unknown, unknown, CreatePayment>, @OptionalCitizen() citizen: CitizenActor | undefined, @Req() req: Request, @Now() now: Date) {
    return this.payments.create(input.body, citizen, req.ip ?? '', now);
  }

  @ApiRoute(routes.paymentIpn)
  ipn(@Input() input: ValidatedInput<unknown, GatewayParams>, @Now() now: Date) {
    return this.payments.ipn(input.query, now);
  }

  @ApiRoute(routes.paymentReturn)
  returned(@Input() input: ValidatedInput<unknown, GatewayParams>) {
    return this.payments.returned(input.query);
  }
}
