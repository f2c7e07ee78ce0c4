import { Module } from '@nestjs/common';
import { QueueModule } from '../queue/queue.module.js';
import { AppointmentsController } from './appointments.controller.js';
import { AppointmentsService } from './appointments.service.js';

@Module({ imports: [QueueModule], controllers: [AppointmentsController], providers: [AppointmentsService] })
export class AppointmentsModule {}
