import { Module } from '@nestjs/common';
import { AuthController } from './auth.controller.js';
import { FailureCounter } from '../../common/failure-counter.js';
import { AuthService } from './auth.service.js';

@Module({ controllers: [AuthController], providers: [AuthService, FailureCounter], exports: [AuthService] })
export class AuthModule {}
