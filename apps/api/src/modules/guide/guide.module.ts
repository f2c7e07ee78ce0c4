import { Module } from '@nestjs/common';
import { QueueModule } from '../queue/queue.module.js';
import { GuideController } from './guide.controller.js';
import { GuideService } from './guide.service.js';

@Module({ imports: [QueueModule], controllers: [GuideController], providers: [GuideService] })
export class GuideModule {}
