import { Module } from '@nestjs/common';
import { FailureCounter } from '../../common/failure-counter.js';
import { DocumentsModule } from '../documents/documents.module.js';
import { ScopeService } from '../../common/scope.service.js';
import { DossiersController } from './dossiers.controller.js';
import { DossiersService } from './dossiers.service.js';

@Module({ imports: [DocumentsModule], controllers: [DossiersController], providers: [DossiersService, ScopeService, FailureCounter], exports: [DossiersService] })
export class DossiersModule {}
