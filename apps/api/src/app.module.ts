import { createLogger, logSerializers } from '@motcua/platform';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import { ErrorFilter } from './common/error.filter.js';
import { RateLimiter } from './common/rate-limiter.js';
import { ScopeService } from './common/scope.service.js';
import { RouteGuard } from './common/route.guard.js';
import { CONFIG, type ApiConfig } from './config/config.js';
import { InfraModule } from './infra/infra.module.js';
import { AnalyticsModule } from './modules/analytics/analytics.module.js';
import { CalendarModule } from './modules/calendar/calendar.module.js';
import { AssignmentsModule } from './modules/assignments/assignments.module.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { CitizenModule } from './modules/citizen/citizen.module.js';
import { CentersModule } from './modules/centers/centers.module.js';
import { DevicesModule } from './modules/devices/devices.module.js';
import { QueueModule } from './modules/queue/queue.module.js';
import { GuideModule } from './modules/guide/guide.module.js';
import { AppointmentsModule } from './modules/appointments/appointments.module.js';
import { DossiersModule } from './modules/dossiers/dossiers.module.js';
import { PaymentsModule } from './modules/payments/payments.module.js';
import { DocumentsModule } from './modules/documents/documents.module.js';
import { ProceduresModule } from './modules/procedures/procedures.module.js';
import { NotificationsModule } from './modules/notifications/notifications.module.js';
import { CitizenNotificationsModule } from './modules/citizen-notifications/citizen-notifications.module.js';
import { StaffModule } from './modules/staff/staff.module.js';
import { UnitsModule } from './modules/units/units.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { SystemModule } from './modules/system/system.module.js';
import { DashboardGateway, PublicGateway, StaffGateway } from './realtime/realtime.gateways.js';

@Module({})
export class AppModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            logger: createLogger('api', config.LOG_LEVEL),
            // Set by withRequestId (server.ts) before any route; a random one only where that did not run.
            genReqId: (req) => (req.headers['x-request-id'] as string | undefined) ?? randomUUID(),
            // Health probes every few seconds would drown the log.
            autoLogging: { ignore: (req) => req.url === '/api/health' },
            // Method, URL and status are enough; headers carry cookies and noise.
            serializers: {
              ...logSerializers,
              // Without the query string: tracking lookups carry a code and phone digits there.
              req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url.split('?')[0] }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
            // A 503 is the expected answer while a dependency is down: that outage is logged once, at error, by the watch.
            customLogLevel: (_req, res, err) => (res.statusCode === 503 ? 'info' : err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
          },
        }),
        InfraModule,
        AuthModule,
        CitizenModule,
        CentersModule,
        AssignmentsModule,
        AuditModule,
        DevicesModule,
        DossiersModule,
        PaymentsModule,
        DocumentsModule,
        StaffModule,
        QueueModule,
        GuideModule,
        AppointmentsModule,
        AnalyticsModule,
        CalendarModule,
        UnitsModule,
        ProceduresModule,
        NotificationsModule,
        CitizenNotificationsModule,
        HealthModule,
        SystemModule,
      ],
      providers: [
        { provide: CONFIG, useValue: config },
        RateLimiter,
        ScopeService,
        { provide: APP_GUARD, useClass: RouteGuard },
        { provide: APP_FILTER, useClass: ErrorFilter },
        PublicGateway,
        StaffGateway,
        DashboardGateway,
      ],
      exports: [CONFIG, ScopeService],
    };
  }
}
