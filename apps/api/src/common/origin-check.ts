import type { NextFunction, Request, Response } from 'express';
import { ErrorCode, negotiateLocale } from '@motcua/contracts';

const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The origin ("scheme://host:port") of a header value, or undefined when it is not a URL ("null" included). */
function originOf(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

export interface OriginPolicy {
  /** Origins allowed besides the request's own host: PUBLIC_URL, ALLOWED_ORIGINS, the web apps' dev servers. */
  allowed: ReadonlySet<string>;
}

/**
 * Cross-site request forgery: whether a request that changes state, or a socket handshake, may
 * proceed. Browsers send `Origin` with every cross-origin POST/PUT/PATCH/DELETE and WebSocket
 * handshake (Referer is the fallback for old ones): it must name this host or an allowed origin.
 * A request with neither header comes from a non-browser client (scripts, the CLI, server-to-server),
 * which cannot carry a victim's cookie, and passes. `Origin: null` (sandboxed frames, some redirects)
 * is refused.
 */
export function sameSiteVerdict(policy: OriginPolicy, headers: { origin?: string; referer?: string; host?: string }): { ok: true } | { ok: false; seen: string } {
  const raw = headers.origin ?? headers.referer;
  if (raw === undefined || raw === '') return { ok: true };
  const origin = originOf(raw);
  if (!origin) return { ok: false, seen: raw.slice(0, 100) };
  if (headers.host && new URL(origin).host === headers.host.toLowerCase()) return { ok: true };
  if (policy.allowed.has(origin)) return { ok: true };
  return { ok: false, seen: origin };
}

/** Express middleware: refuses state-changing requests from another site (403 in the one error shape). */
export function originCheck(policy: OriginPolicy) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!unsafe.has(req.method)) return next();
    const verdict = sameSiteVerdict(policy, { origin: req.headers.origin, referer: req.headers.referer, host: req.headers.host });
    if (verdict.ok) return next();
    const vi = negotiateLocale(req.headers['accept-language']) === 'vi';
    res.status(403).json({
      error: {
        code: ErrorCode.forbidden,
        message: vi
          ? `Yêu cầu đến từ trang khác (${verdict.seen}) nên bị từ chối; hãy thao tác trực tiếp trên trang Một Cửa`
          : `The request came from another site (${verdict.seen}) and was refused; use the Một Cửa pages directly`,
      },
    });
  };
}

/** The allowed origins from configuration: PUBLIC_URL, ALLOWED_ORIGINS (comma-separated) and, outside production, the Vite dev servers. */
export function originPolicy(config: { PUBLIC_URL: string; ALLOWED_ORIGINS: string[]; NODE_ENV: string }): OriginPolicy {
  const allowed = new Set<string>([new URL(config.PUBLIC_URL).origin, ...config.ALLOWED_ORIGINS.map((o) => new URL(o).origin)]);
  // The Vite dev servers of the three apps (they proxy /api and keep the browser's Origin): outside production, or when the API itself runs on this machine (npm start).
  const local = ['localhost', '127.0.0.1'].includes(new URL(config.PUBLIC_URL).hostname);
  if (config.NODE_ENV !== 'production' || local) for (const host of ['localhost', '127.0.0.1']) for (const port of [5173, 5174, 5175]) allowed.add(`http://${host}:${port}`);
  return { allowed };
}
