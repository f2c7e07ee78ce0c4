import { Module } from '@nestjs/common';
import { QueueModule } from '../queue/queue.module.js';
import { GuideContentController } from './guide-content.controller.js';
import { GuideContentService } from './guide-content.service.js';
import { GuideController } from './guide.controller.js';
import { GuideService } from './guide.service.js';

@Module({ imports: [QueueModule], controllers: [GuideController, GuideContentController], providers: [GuideService, GuideContentService] })
export class GuideModule {}
