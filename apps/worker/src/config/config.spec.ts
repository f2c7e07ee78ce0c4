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
});
