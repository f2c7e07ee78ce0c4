import type { NextFunction, Request, Response } from 'express';

/**
 * The Content-Security-Policy the three apps (display/kiosk/tracking, backoffice, analytics) and
 * the API docs run under: code only from this origin, no plugins, no framing by other sites.
 * Styles may be inline (Vue and Chart.js set style attributes); images and sounds may be data:
 * or blob: URLs (QR codes, generated audio, exports). docker/nginx-security-headers.conf repeats it.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "media-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

/**
 * The printable form sheets (`GET /api/public/guide/forms/:code`) have one inline handler,
 * `onclick="window.print()"`: allowed by its hash on that page only, nothing else inline.
 */
export const FORM_SHEET_CSP = CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-hashes' 'sha256-MguIPR6qNR8D3B+eAlK+bIRTZe8t3wkOY4B/56Me9FU='");

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Frame-Options': 'SAMEORIGIN',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

/** Every answer of the API process (JSON, the built apps under `npm start`, the docs) carries them. */
export function securityHeaders(options: { except?: string[] } = {}) {
  return (req: Request, res: Response, next: NextFunction) => {
    const skipCsp = options.except?.some((p) => req.path === p || req.path.startsWith(`${p}/`));
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) if (!(skipCsp && name === 'Content-Security-Policy')) res.setHeader(name, value);
    next();
  };
}
