import { ConfigError } from '@motcua/platform';
import { describe, expect, it } from 'vitest';
import { APP_VERSION, loadConfig } from './config.js';

const minimal = { DATABASE_URL: 'postgres://u:p@localhost:5432/motcua', REDIS_URL: 'redis://localhost:6379' };

describe('API configuration', () => {
  it('applies the documented defaults', () => {
    expect(loadConfig(minimal)).toMatchObject({ PORT: 3000, HOST: '0.0.0.0', REDIS_PREFIX: 'motcua', LOG_LEVEL: 'info', RUN_MIGRATIONS: true, PUBLIC_URL: 'http://localhost:3000', NODE_ENV: 'development' });
    expect(loadConfig(minimal).WEB_ROOT).toBeUndefined();
  });

  it('reads flags and numbers from their text form', () => {
    const c = loadConfig({ ...minimal, PORT: '8080', RUN_MIGRATIONS: 'false', TRUST_PROXY: '1' });
    expect([c.PORT, c.RUN_MIGRATIONS, c.TRUST_PROXY]).toEqual([8080, false, 1]);
  });

  it('trusts the proxy hops or addresses it is told, never every hop', () => {
    expect(loadConfig(minimal).TRUST_PROXY).toBe(false);
    expect(loadConfig({ ...minimal, TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).TRUST_PROXY).toBe('10.0.0.0/8, 127.0.0.1');
    expect(() => loadConfig({ ...minimal, TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY: must be the number of proxy hops/);
  });

  it('names every bad variable and says how to fix it', () => {
    const attempt = () => loadConfig({ PORT: '99999', REDIS_URL: 'localhost:6379', RUN_MIGRATIONS: 'yes', REDIS_PREFIX: 'has space' });
    expect(attempt).toThrow(ConfigError);
    const message = (() => {
      try {
        attempt();
      } catch (e) {
        return (e as Error).message;
      }
      return undefined;
    })()!;
    expect(message).toMatch(/^Invalid configuration: /);
    expect(message).toContain('DATABASE_URL: is required (e.g. postgres://');
    expect(message).toContain('PORT: must be between 1 and 65535');
    expect(message).toContain('REDIS_URL: must start with redis://, rediss://, redis+sentinel:// or redis+cluster://');
    expect(message).toContain('RUN_MIGRATIONS: must be true or false');
    expect(message).toContain('REDIS_PREFIX: must be 1–40 letters');
  });

  it('knows its own version', () => {
    expect(APP_VERSION).toMatch(/^\d+\.\d+\.\d+/);
  });
});
