import { DEFAULT_TIME_ZONE } from '@motcua/core';
import { fileStoreEnv, loadPaymentEnv, parseConfig, signerEnv, type PaymentEnv } from '@motcua/platform';
import { z } from 'zod';

const required = (hint: string) => z.string({ error: (iss) => (iss.input === undefined ? `is required (${hint})` : 'must be text') }).min(1, `is required (${hint})`);

const ZWorkerEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test'], { error: 'must be development, production or test' }).default('development'),
  DATABASE_URL: required('e.g. postgres://user:password@localhost:5432/motcua').regex(/^postgres(ql)?:\/\//, 'must start with postgres://'),
  /** `pgbouncer` when DATABASE_URL is a PgBouncer in transaction mode. */
  DATABASE_POOLER: z.enum(['none', 'pgbouncer'], { error: 'must be none or pgbouncer' }).default('none'),
  REDIS_URL: required('e.g. redis://localhost:6379').regex(/^(rediss?|redis\+sentinel|redis\+cluster):\/\//, 'must start with redis://, rediss://, redis+sentinel:// or redis+cluster://'),
  REDIS_PREFIX: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'must be 1–40 letters, digits, "-" or "_"').default('motcua'),
  WORKER_HEALTH_PORT: z.coerce.number({ error: 'must be a number' }).int().min(1, 'must be between 1 and 65535').max(65535, 'must be between 1 and 65535').default(3001),
  /** With it, /metrics answers only `Authorization: Bearer <token>`; without it, only internal peers. */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
  /** How often the alert sweep repairs missed alerts and lost jobs (5 minutes; tests use seconds). */
  ALERT_SWEEP_EVERY_MS: z.coerce.number({ error: 'must be a number of milliseconds' }).int().min(500, 'must be at least 500 ms').default(300_000),
  /** How often the leaders' alert thresholds are compared with the figures (5 minutes; tests use a second). */
  THRESHOLD_EVERY_MS: z.coerce.number({ error: 'must be a number of milliseconds' }).int().min(500, 'must be at least 500 ms').default(300_000),
  /** A paired device silent this long while its center is open is alerted to the center's managers (5 minutes; tests use seconds). Keep it above the API's DEVICE_PRESENCE_TTL_MS. */
  DEVICE_OFFLINE_AFTER_MS: z.coerce.number({ error: 'must be a number of milliseconds' }).int().min(1000, 'must be at least 1000 ms').default(300_000),
  /** How often silent devices are looked for. */
  DEVICE_OFFLINE_EVERY_MS: z.coerce.number({ error: 'must be a number of milliseconds' }).int().min(500, 'must be at least 500 ms').default(60_000),
  /** Email of notifications; unset means no email deliveries (in-app and webhooks only). */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  SMTP_FROM: z.string().min(3).default('Một Cửa <no-reply@motcua.local>'),
  /** Email/webhook retries: attempts in all, and the first backoff (doubling each time). */
  DELIVERY_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(8),
  DELIVERY_BACKOFF_MS: z.coerce.number().int().min(10).default(10_000),
  /** Public address of the citizen app: opt-out links in messages to citizens point there. */
  PUBLIC_URL: z.url({ error: 'must be a URL such as https://motcua.example.gov.vn' }).default('http://localhost:3000'),
  /** SMS and Zalo gateways (JSON POST with a bearer token); a channel without a URL is not used. */
  SMS_GATEWAY_URL: z.url({ error: 'must be a URL' }).optional(),
  SMS_GATEWAY_TOKEN: z.string().min(1).optional(),
  ZALO_GATEWAY_URL: z.url({ error: 'must be a URL' }).optional(),
  ZALO_GATEWAY_TOKEN: z.string().min(1).optional(),
  /** A signed webhook that receives every message to citizens (e.g. the provincial citizen app). */
  CITIZEN_WEBHOOK_URL: z.url({ error: 'must be a URL' }).optional(),
  CITIZEN_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  /** The leaders' daily digest (overdue and due today, by commune): cron in DIGEST_TZ, 07:30 local. */
  DIGEST_CRON: z.string().min(9).default('30 7 * * *'),
  DIGEST_TZ: z.string().min(1).default(DEFAULT_TIME_ZONE),
  /** Hosts (names, addresses or CIDRs, comma-separated) outbound deliveries may reach although private or on another port than 80/443. */
  OUTBOUND_ALLOW: z.string().default(''),
  /** Web Push (#17): the VAPID key pair (base64url) and the contact the push services may write to (mailto: or https:). */
  VAPID_PUBLIC_KEY: z.string().regex(/^[A-Za-z0-9_-]{80,100}$/, { error: 'must be a base64url VAPID public key (87 characters)' }).optional(),
  VAPID_PRIVATE_KEY: z.string().regex(/^[A-Za-z0-9_-]{40,50}$/, { error: 'must be a base64url VAPID private key (43 characters)' }).optional(),
  VAPID_SUBJECT: z.string().regex(/^(mailto:|https:\/\/)/, { error: 'must start with mailto: or https://' }).default('mailto:admin@motcua.local'),
  /** How often the payment reconciliation job runs. */
  PAYMENT_RECONCILE_EVERY_MS: z.coerce.number().int().min(1000).default(60_000),
  /** Documents of record are stored and signed here (the API's variables of the same names, issue #16). */
  ...fileStoreEnv,
  ...signerEnv,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { error: 'must be one of fatal, error, warn, info, debug, trace, silent' }).default('info'),
});
/** `payment`: the gateway's settings (PAYMENT_GATEWAY, VNPAY_*, reconciliation delays), parsed by the platform's schema. */
export type WorkerConfig = z.infer<typeof ZWorkerEnv> & { payment: PaymentEnv };
const ZWorkerConfig = ZWorkerEnv.refine((c) => !c.CITIZEN_WEBHOOK_URL || !!c.CITIZEN_WEBHOOK_SECRET, { path: ['CITIZEN_WEBHOOK_SECRET'], message: 'is required when CITIZEN_WEBHOOK_URL is set' });

/** The only place the worker reads process.env. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  return { ...parseConfig(ZWorkerConfig, env), payment: loadPaymentEnv(env) };
}

export const CONFIG = Symbol('CONFIG');
