import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/** Integration tests move time per request with this header; it is honoured only when NODE_ENV=test. */
export const TEST_NOW_HEADER = 'x-test-now';

export function testClock(req: Request & { now?: Date }, _res: Response, next: NextFunction): void {
  const value = req.headers[TEST_NOW_HEADER];
  const at = typeof value === 'string' ? new Date(value) : undefined;
  if (at && !Number.isNaN(at.getTime())) req.now = at;
  next();
}

/** The instant a command happens at: the real time, or the test clock's. Services take it as a parameter. */
export const Now = createParamDecorator((_: unknown, ctx: ExecutionContext): Date => ctx.switchToHttp().getRequest<{ now?: Date }>().now ?? new Date());
