import { Module } from '@nestjs/common';
import { AgenciesService } from './agencies.service.js';
import { UnitsController } from './units.controller.js';
import { UnitsService } from './units.service.js';

/** Administrative units (with CSV import) and agencies. */
@Module({ controllers: [UnitsController], providers: [UnitsService, AgenciesService] })
export class UnitsModule {}
