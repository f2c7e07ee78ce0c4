import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module.js';
import { DossiersModule } from '../dossiers/dossiers.module.js';
import { CitizenAuthService } from './citizen-auth.service.js';
import { CitizenController } from './citizen.controller.js';
import { CitizenPortalService } from './citizen-portal.service.js';
import { CitizenSessionService } from './citizen-session.service.js';
import { CITIZEN_SESSIONS } from '../../common/session-lookup.js';

/** Citizen sign-in (OpenID Connect) and the citizen portal (issue #17). */
@Module({ imports: [DocumentsModule, DossiersModule], controllers: [CitizenController], providers: [CitizenAuthService, CitizenSessionService, CitizenPortalService, { provide: CITIZEN_SESSIONS, useExisting: CitizenSessionService }], exports: [CitizenSessionService, CITIZEN_SESSIONS] })
export class CitizenModule {}
