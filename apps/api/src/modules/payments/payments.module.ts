import { paymentGatewayFrom } from '@motcua/platform';
import { Module } from '@nestjs/common';
import { CONFIG, type ApiConfig } from '../../config/config.js';
import { DossiersModule } from '../dossiers/dossiers.module.js';
import { PaymentsController } from './payments.controller.js';
import { PAYMENT_GATEWAY, PaymentsService } from './payments.service.js';

@Module({
  imports: [DossiersModule],
  controllers: [PaymentsController],
  // The gateway from the environment (README "Online payment"); null when none is configured.
  providers: [PaymentsService, { provide: PAYMENT_GATEWAY, inject: [CONFIG], useFactory: (config: ApiConfig) => paymentGatewayFrom(config.payment) }],
})
export class PaymentsModule {}
