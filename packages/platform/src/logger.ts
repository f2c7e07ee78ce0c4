import { pino, type Logger } from 'pino';

/** Structured JSON logs; secrets in these paths never reach the output. */
export function createLogger(name: string, level = 'info'): Logger {
  return pino({
    name,
    level,
    base: { service: name },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'password', '*.password', 'res.headers["set-cookie"]'], censor: '[redacted]' },
  });
}
export type { Logger };
