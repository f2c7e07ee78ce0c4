import { Module } from '@nestjs/common';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsService } from './notifications.service.js';
import { ThresholdsController } from './thresholds.controller.js';
import { ThresholdsService } from './thresholds.service.js';
import { WebhooksController } from './webhooks.controller.js';
import { WebhooksService } from './webhooks.service.js';

@Module({ controllers: [NotificationsController, WebhooksController, ThresholdsController], providers: [NotificationsService, WebhooksService, ThresholdsService] })
export class NotificationsModule {}
