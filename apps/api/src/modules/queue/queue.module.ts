import { Module } from '@nestjs/common';
import { CenterContext } from './center-context.js';
import { CounterController } from './counter.controller.js';
import { CounterService } from './counter.service.js';
import { LiveBoardService } from './live-board.service.js';
import { QueueRealtime } from './queue-realtime.js';
import { TicketIssued } from './ticket-issued.js';
import { QueueController } from './queue.controller.js';
import { QueueService } from './queue.service.js';
import { RemoteTicketService } from './remote-ticket.service.js';
import { TicketPushService } from './ticket-push.service.js';

@Module({ controllers: [QueueController, CounterController], providers: [QueueService, RemoteTicketService, TicketPushService, CounterService, LiveBoardService, CenterContext, QueueRealtime, TicketIssued], exports: [CenterContext, QueueRealtime, TicketIssued] })
export class QueueModule {}
