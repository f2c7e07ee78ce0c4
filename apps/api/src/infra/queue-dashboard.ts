import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { ErrorCode, QueueName, SESSION_COOKIE } from '@motcua/contracts';
import { JobProducer } from '@motcua/platform';
import type { INestApplication } from '@nestjs/common';
import type { Express, NextFunction, Request, Response } from 'express';
import { STAFF_SESSIONS, type StaffSessions } from '../common/session-lookup.js';

export const QUEUE_DASHBOARD_PATH = '/api/admin/queues';

/**
 * Bull Board for admins: every queue, its failed jobs, retries and payloads. Outside the
 * route table (it is a whole UI), so it checks the session and the admin role itself.
 */
export function mountQueueDashboard(server: Express, app: INestApplication): void {
  const producer = app.get(JobProducer, { strict: false });
  const auth = app.get<typeof STAFF_SESSIONS, StaffSessions>(STAFF_SESSIONS, { strict: false });
  const adapter = new ExpressAdapter();
  adapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({ queues: Object.values(QueueName).map((name) => new BullMQAdapter(producer.queue(name))), serverAdapter: adapter });
  const adminOnly = (req: Request, res: Response, next: NextFunction) => {
    auth
      .resolve((req as Request & { cookies?: Record<string, string> }).cookies?.[SESSION_COOKIE])
      .catch(() => undefined)
      .then((actor) => {
        if (!actor) return void res.status(401).json({ error: { code: ErrorCode.unauthenticated, message: 'Hãy đăng nhập / Please sign in' } });
        if (!actor.roles.some((r) => r.role === 'admin')) return void res.status(403).json({ error: { code: ErrorCode.forbidden, message: 'Chỉ quản trị hệ thống / Administrators only' } });
        next();
      }, next);
  };
  server.use(QUEUE_DASHBOARD_PATH, adminOnly, adapter.getRouter());
}
