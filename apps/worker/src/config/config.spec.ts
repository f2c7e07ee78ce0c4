import { ConfigError } from '@motcua/platform';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('worker configuration', () => {
  it('applies defaults', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://localhost/m', REDIS_URL: 'redis://localhost:6379' })).toMatchObject({ WORKER_HEALTH_PORT: 3001, WORKER_CONCURRENCY: 8, REDIS_PREFIX: 'motcua', LOG_LEVEL: 'info' });
  });

  it('names every bad variable', () => {
    expect(() => loadConfig({ WORKER_HEALTH_PORT: 'abc', LOG_LEVEL: 'loud' })).toThrow(ConfigError);
    expect(() => loadConfig({ WORKER_HEALTH_PORT: 'abc', LOG_LEVEL: 'loud' })).toThrow(
      /DATABASE_URL: is required.*REDIS_URL: is required.*WORKER_HEALTH_PORT: must be a number.*LOG_LEVEL: must be one of/,
    );
  });

  it('wants the signing secret with the citizen webhook, and URLs for the gateways', () => {
    const base = { DATABASE_URL: 'postgres://localhost/m', REDIS_URL: 'redis://localhost:6379' };
    expect(() => loadConfig({ ...base, CITIZEN_WEBHOOK_URL: 'https://app.example.vn/hook' })).toThrow(/CITIZEN_WEBHOOK_SECRET: is required when CITIZEN_WEBHOOK_URL is set/);
    expect(() => loadConfig({ ...base, SMS_GATEWAY_URL: 'not a url' })).toThrow(/SMS_GATEWAY_URL: must be a URL/);
    expect(loadConfig({ ...base, ZALO_GATEWAY_URL: 'https://zalo.example.vn/send' })).toMatchObject({ ZALO_GATEWAY_URL: 'https://zalo.example.vn/send' });
  });

  it('treats an empty variable as unset (compose passes ${VAR:-} for what .env leaves out)', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://localhost/m', REDIS_URL: 'redis://localhost:6379', SMTP_URL: '', WORKER_CONCURRENCY: '', SMS_GATEWAY_URL: '' });
    expect(c).toMatchObject({ WORKER_CONCURRENCY: 8 });
    expect(c.SMTP_URL).toBeUndefined();
    expect(c.SMS_GATEWAY_URL).toBeUndefined();
    expect(() => loadConfig({ DATABASE_URL: '', REDIS_URL: 'redis://localhost:6379' })).toThrow(/DATABASE_URL: is required/);
  });
});
