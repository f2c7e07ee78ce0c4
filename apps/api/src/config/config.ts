import { createRequire } from 'node:module';
import { fileStoreEnv, loadPaymentEnv, parseConfig, signerEnv, type PaymentEnv } from '@motcua/platform';
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
  /** `pgbouncer` when DATABASE_URL is a PgBouncer in transaction mode (README, Scaling). */
  DATABASE_POOLER: z.enum(['none', 'pgbouncer'], { error: 'must be none or pgbouncer' }).default('none'),
  /** PostgreSQL itself, behind a pooler: migrations at boot and LISTEN go there (session features a pooler breaks). */
  DATABASE_DIRECT_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres://').optional(),
  REDIS_URL: required('e.g. redis://localhost:6379').regex(/^(rediss?|redis\+sentinel|redis\+cluster):\/\//, 'must start with redis://, rediss://, redis+sentinel:// or redis+cluster://'),
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
  /** Web Push (#17): the VAPID public key phones subscribe with (base64url, from `web-push generate-vapid-keys`); the worker holds the private key. */
  VAPID_PUBLIC_KEY: z.string().regex(/^[A-Za-z0-9_-]{80,100}$/, { error: 'must be a base64url VAPID public key (87 characters)' }).optional(),
  /** One "minute" of a center's remote confirmation window, in ms; only tests shorten it. */
  REMOTE_CONFIRM_MINUTE_MS: z.coerce.number().int().min(1).default(60_000),
  /** With it, /metrics answers only `Authorization: Bearer <token>`; without it, only unproxied internal peers. */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Origins (besides PUBLIC_URL and the API's own host) whose pages may send state-changing requests: comma-separated. */
  ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((o) => o.trim()).filter(Boolean))
    .pipe(z.array(z.url({ error: 'must be comma-separated origins such as https://cong.example.gov.vn' }))),
  /** How long a device stays "online" after its API instance last vouched for its socket (an instance that dies stops vouching). */
  DEVICE_PRESENCE_TTL_MS: z.coerce.number({ error: 'must be a number of milliseconds' }).int().min(300).max(10 * 60_000).default(60_000),
  SESSION_TTL_SECONDS: z.coerce.number({ error: 'must be a number of seconds' }).int().min(1).max(30 * 24 * 3600).default(12 * 3600),
  ...fileStoreEnv,
  /** Key of the citizens' signed file links (HMAC-SHA256); the same on every API instance. Random per start when unset (links then die with the process). */
  FILE_LINK_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  FILE_LINK_TTL_HOURS: z.coerce.number({ error: 'must be a number of hours' }).positive().max(24 * 90).default(72),
  ...signerEnv,
  /** PEM bundle of the roots /verify trusts (default: the demo root in SIGNER_PKCS12_DIR). */
  SIGNER_TRUSTED_ROOTS: z.string().optional(),
  /** Staging folder of resumable (tus) uploads, default `<FILES_DIR>/.tus`; with several API instances a folder they all mount (NFS, a shared volume), so a PATCH may resume on any of them. */
  UPLOAD_STAGING_DIR: z.string().min(1).optional(),
  UPLOAD_MAX_FILE_MB: z.coerce.number({ error: 'must be a number of megabytes' }).positive().max(2048).default(20),
  /** Ranking: dossiers handled in the period below which a commune is listed apart as "ít hồ sơ" (issue #19). */
  ANALYTICS_MIN_SAMPLE: z.coerce.number({ error: 'must be a number of dossiers' }).int().min(1).max(100_000).default(20),
  // Citizen sign-in (issue #17): an OpenID Connect provider (VNeID, a provincial portal; README "Citizen sign-in"). Unset: the portal's sign-in answers 404.
  OIDC_ISSUER: z.url({ error: 'must be the provider issuer URL, e.g. https://sso.dichvucong.gov.vn' }).optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** The callback registered at the provider; default `<PUBLIC_URL>/api/citizen/auth/callback`. */
  OIDC_REDIRECT_URI: z.url({ error: 'must be a URL ending in /api/citizen/auth/callback' }).optional(),
  OIDC_SCOPES: z.string().default('openid profile phone'),
  /** The ID token claim holding the citizen's ID number (số định danh cá nhân). */
  OIDC_ID_NUMBER_CLAIM: z.string().min(1).default('citizen_id'),
  /** Shorter than staff sessions: a citizen signs in for one errand. */
  CITIZEN_SESSION_TTL_SECONDS: z.coerce.number({ error: 'must be a number of seconds' }).int().min(60).max(24 * 3600).default(3600),
  UPLOAD_MAX_DOSSIER_MB: z.coerce.number({ error: 'must be a number of megabytes' }).positive().max(10_240).default(100),
});
const ZApiEnvChecked = ZApiEnv.superRefine((env, ctx) => {
  if (env.OIDC_ISSUER) {
    for (const key of ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const) if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required when OIDC_ISSUER is set (the client registered at the provider)' });
    // Plain http only to a provider on this machine (the demo's): elsewhere tokens would cross the network in clear.
    const host = new URL(env.OIDC_ISSUER).hostname;
    if (env.OIDC_ISSUER.startsWith('http://') && !['localhost', '127.0.0.1', '[::1]'].includes(host)) ctx.addIssue({ code: 'custom', path: ['OIDC_ISSUER'], message: 'must use https:// (plain http only for a provider on localhost)' });
  }
});
/** `payment`: the gateway's settings (PAYMENT_GATEWAY, VNPAY_*), parsed by the platform's schema. */
export type ApiConfig = z.infer<typeof ZApiEnv> & { payment: PaymentEnv };

/** The only place the API reads process.env. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  return { ...parseConfig(ZApiEnvChecked, env), payment: loadPaymentEnv(env) };
}

/** The operator CLI needs the database only. */
export function loadCliConfig(env: NodeJS.ProcessEnv = process.env): Pick<ApiConfig, 'DATABASE_URL'> {
  return parseConfig(ZApiEnv.pick({ DATABASE_URL: true }), env);
}

export const CONFIG = Symbol('CONFIG');

/** The API's release, from its package.json (same relative path from src/ and dist/). */
export const APP_VERSION: string = createRequire(import.meta.url)('../../package.json').version;
