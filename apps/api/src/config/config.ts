import { createRequire } from 'node:module';
import { parseConfig } from '@motcua/platform';
import { z } from 'zod';

const required = (hint: string) => z.string({ error: (iss) => (iss.input === undefined ? `is required (${hint})` : 'must be text') }).min(1, `is required (${hint})`);
const flag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1');

const ZApiEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test'], { error: 'must be development, production or test' }).default('development'),
  PORT: z.coerce.number({ error: 'must be a number' }).int().min(1, 'must be between 1 and 65535').max(65535, 'must be between 1 and 65535').default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: required('e.g. postgres://user:password@localhost:5432/motcua').regex(/^postgres(ql)?:\/\//, 'must start with postgres://'),
  DATABASE_READ_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres://').optional(),
  REDIS_URL: required('e.g. redis://localhost:6379').regex(/^rediss?:\/\//, 'must start with redis:// or rediss://'),
  REDIS_PREFIX: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'must be 1–40 letters, digits, "-" or "_"').default('motcua'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { error: 'must be one of fatal, error, warn, info, debug, trace, silent' }).default('info'),
  RUN_MIGRATIONS: flag(true),
  WEB_ROOT: z.string().optional(),
  PUBLIC_URL: z.url({ error: 'must be a URL such as https://motcua.example.gov.vn' }).default('http://localhost:3000'),
  /**
   * Which proxies may tell the client's address in X-Forwarded-For: `false` (none, the default), the
   * number of proxy hops in front of the API (`1` behind the shipped nginx), or a comma list of proxy
   * addresses/CIDRs. `true` (trust every hop) would let a client choose its own address: refused.
   */
  TRUST_PROXY: z
    .string()
    .trim()
    .default('false')
    .refine((v) => v !== 'true', { error: 'must be the number of proxy hops (e.g. 1 behind the shipped nginx) or a list of proxy addresses; "true" would let any client choose its own address' })
    .refine((v) => /^(false|\d{1,2}|[0-9a-fA-F:./, ]+|loopback|linklocal|uniquelocal)$/.test(v), { error: 'must be false, a number of proxy hops, or a comma list of proxy addresses' })
    .transform((v): false | number | string => (v === 'false' || v === '0' ? false : /^\d+$/.test(v) ? Number(v) : v)),
  /** Hosts (names, addresses or CIDRs, comma-separated) webhooks may point at although private or on another port than 80/443. */
  OUTBOUND_ALLOW: z.string().default(''),
  SESSION_TTL_SECONDS: z.coerce.number({ error: 'must be a number of seconds' }).int().min(1).max(30 * 24 * 3600).default(12 * 3600),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOCKOUT_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
});
export type ApiConfig = z.infer<typeof ZApiEnv>;

/** The only place the API reads process.env. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  return parseConfig(ZApiEnv, env);
}

/** The operator CLI needs the database only. */
export function loadCliConfig(env: NodeJS.ProcessEnv = process.env): Pick<ApiConfig, 'DATABASE_URL'> {
  return parseConfig(ZApiEnv.pick({ DATABASE_URL: true }), env);
}

export const CONFIG = Symbol('CONFIG');

/** The API's release, from its package.json (same relative path from src/ and dist/). */
export const APP_VERSION: string = createRequire(import.meta.url)('../../package.json').version;
