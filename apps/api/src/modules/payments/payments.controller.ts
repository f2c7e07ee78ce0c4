import { routes, type CreatePayment } from '@motcua/contracts';
import { Controller, Inject, Req } from '@nestjs/common';
import type { Request } from 'express';
import { ApiRoute, Input, type ValidatedInput } from '../../common/api-route.decorator.js';
import { Now } from '../../common/now.decorator.js';
import { PaymentsService } from './payments.service.js';

type Lookup = { code: string; phoneLast4: string };
type GatewayParams = Record<string, string>;

@Controller()
export class PaymentsController {
  constructor(@Inject(PaymentsService) private readonly payments: PaymentsService) {}

  @ApiRoute(routes.paymentDue)
  due(@Input() input: ValidatedInput<unknown, Lookup>) {
    return this.payments.due(input.query.code, input.query.phoneLast4);
  }

  @ApiRoute(routes.createPayment)
  create(@Input() input: ValidatedInput<unknown, unknown, CreatePayment>, @Req() req: Request, @Now() now: Date) {
    return this.payments.create(input.body, req.ip ?? '', now);
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
