import { Module } from '@nestjs/common';
import { QueueModule } from '../queue/queue.module.js';
import { CenterSetupController } from './center-setup.controller.js';
import { CenterSetupService } from './center-setup.service.js';
import { CentersController } from './centers.controller.js';
import { CentersService } from './centers.service.js';

// The queue's center cache is dropped when a center's settings change, so its new rules hold at once here.
@Module({ imports: [QueueModule], controllers: [CentersController, CenterSetupController], providers: [CentersService, CenterSetupService] })
export class CentersModule {}
