import { randomUUID } from 'node:crypto';
import { REQUEST_ID, requestContext } from '@motcua/platform';
import { tagRequest } from '@motcua/platform/tracing';
import type { NextFunction, Request, Response } from 'express';

/**
 * Gives each request an id (the caller's X-Request-Id when it looks like one), answers it in
 * X-Request-Id so a person can quote it, and runs the request in its context: every log line
 * and every job it queues carries it, and so does the request's trace span.
 */
export function withRequestId(req: Request, res: Response, next: NextFunction): void {
  const given = req.headers['x-request-id'];
  const requestId = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  req.headers['x-request-id'] = requestId;
  res.setHeader('x-request-id', requestId);
  tagRequest(requestId);
  requestContext.run({ requestId }, next);
}
