import type { NextFunction, Request, Response } from 'express';

const LEGACY = /^\/api\/public\/notifications\/opt-out\/([A-Za-z0-9_-]{20,64})$/;

/**
 * Messages sent before the confirmation page linked the API itself: a browser opening such a
 * link is sent to the page (which changes nothing until the citizen confirms); API calls pass.
 */
export function legacyOptOutLink(req: Request, res: Response, next: NextFunction): void {
  const m = req.method === 'GET' ? LEGACY.exec(req.path) : null;
  if (!m || req.accepts(['json', 'html']) !== 'html') return next();
  res.redirect(303, `/opt-out/${m[1]}`);
}
