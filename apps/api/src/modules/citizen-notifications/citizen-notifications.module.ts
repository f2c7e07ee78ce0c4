import { Module } from '@nestjs/common';
import { CitizenNotificationsController } from './citizen-notifications.controller.js';
import { CitizenNotificationsService } from './citizen-notifications.service.js';

@Module({ controllers: [CitizenNotificationsController], providers: [CitizenNotificationsService] })
export class CitizenNotificationsModule {}
