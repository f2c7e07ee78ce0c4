import { Module } from '@nestjs/common';
import { AnalyticsController } from './analytics.controller.js';
import { AnalyticsService } from './analytics.service.js';
import { BriefingService } from './briefing.service.js';

@Module({ controllers: [AnalyticsController], providers: [AnalyticsService, BriefingService] })
export class AnalyticsModule {}
