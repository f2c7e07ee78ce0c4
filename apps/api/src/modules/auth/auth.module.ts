import { Module } from '@nestjs/common';
import { AuthController } from './auth.controller.js';
import { FailureCounter } from '../../common/failure-counter.js';
import { AuthService } from './auth.service.js';
import { STAFF_SESSIONS } from '../../common/session-lookup.js';

@Module({ controllers: [AuthController], providers: [AuthService, FailureCounter, { provide: STAFF_SESSIONS, useExisting: AuthService }], exports: [AuthService, STAFF_SESSIONS] })
export class AuthModule {}
