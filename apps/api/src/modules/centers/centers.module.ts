import { Module } from '@nestjs/common';
import { CenterSetupController } from './center-setup.controller.js';
import { CenterSetupService } from './center-setup.service.js';
import { CentersController } from './centers.controller.js';
import { CentersService } from './centers.service.js';

@Module({ controllers: [CentersController, CenterSetupController], providers: [CentersService, CenterSetupService] })
export class CentersModule {}
