import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module.js';
import { ScopeService } from '../../common/scope.service.js';
import { DossiersController } from './dossiers.controller.js';
import { DossiersService } from './dossiers.service.js';

@Module({ imports: [DocumentsModule], controllers: [DossiersController], providers: [DossiersService, ScopeService], exports: [DossiersService] })
export class DossiersModule {}
