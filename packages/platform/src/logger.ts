import { currentRequestId } from './request-context.js';
import { pino, type Logger } from 'pino';

/** Keys whose values never reach a log: secrets and the personal data of staff and citizens. */
const SECRET_KEY = /pass(word|phrase)?|hash|secret|token|cookie|authori[sz]ation|signature|api[-_]?key|phone|id_?number|email|applicant|full_?name|citizen_?name|birth/i;
const REDACTED = '[redacted]';
const MAX_DEPTH = 8;

/** A copy of `value` with every secret or personal field replaced, however deep (plain objects and arrays). */
export function redact(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return value;
  if (value instanceof Error) return serializeError(value);
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET_KEY.test(k) ? REDACTED : redact(v, depth + 1)]));
}

/** Drops the parameter list drizzle appends to a failed query's message ("…\nparams: a,b"). */
const withoutParams = (text: string) => text.replace(/\n?params: [^\n]*/g, '');

/**
 * An error as one JSON object: type, code, message and stack, never the query's parameters or the
 * driver's `detail` (which quotes the values of the row). A failed query logs the driver's error.
 */
export function serializeError(e: unknown): unknown {
  if (!(e instanceof Error)) return typeof e === 'string' ? withoutParams(e) : e;
  const src = (e.message.startsWith('Failed query') && e.cause instanceof Error ? e.cause : e) as Error & { code?: unknown; constraint_name?: unknown; table_name?: unknown };
  const message = withoutParams(src.message).split('\n')[0]!.replace(/^Failed query: .*/, 'Failed query');
  const stack = src.stack ? [`${src.name}: ${message}`, ...withoutParams(src.stack).split('\n').filter((l) => /^\s+at /.test(l))].join('\n') : undefined;
  return {
    type: src.name,
    message,
    ...(typeof src.code === 'string' || typeof src.code === 'number' ? { code: src.code } : {}),
    ...(typeof src.constraint_name === 'string' ? { constraint: src.constraint_name } : {}),
    ...(typeof src.table_name === 'string' ? { table: src.table_name } : {}),
    ...(stack ? { stack } : {}),
  };
}

/** Serializers every logger shares (pino-http takes them too, so its `err` is the safe one). */
export const logSerializers = { err: serializeError, error: serializeError };

/** Structured JSON logs, one object per line; secrets and personal fields never reach the output. */
export function createLogger(name: string, level = 'info'): Logger {
  return pino({
    name,
    level,
    base: { service: name },
    timestamp: pino.stdTimeFunctions.isoTime,
    serializers: logSerializers,
    // Within a request (API) or a job it queued (worker), every line says which.
    mixin: () => {
      const requestId = currentRequestId();
      return requestId ? { requestId } : {};
    },
    formatters: { log: (obj) => redact(obj) as Record<string, unknown> },
    redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'], censor: REDACTED },
  });
}
export type { Logger };
