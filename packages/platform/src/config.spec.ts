import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.js';

const schema = z.object({
  DATABASE_URL: z.string({ error: 'is required' }),
  PORT: z.coerce.number({ error: 'must be a number' }).int().min(1).max(65535, 'must be between 1 and 65535').default(3000),
  LOG_LEVEL: z.enum(['info', 'debug']).default('info'),
});

describe('parseConfig', () => {
  it('returns typed values with defaults applied', () => {
    expect(parseConfig(schema, { DATABASE_URL: 'postgres://x' })).toEqual({ DATABASE_URL: 'postgres://x', PORT: 3000, LOG_LEVEL: 'info' });
    expect(parseConfig(schema, { DATABASE_URL: 'postgres://x', PORT: '8080' }).PORT).toBe(8080);
  });

  it('names every bad variable and why, in one message', () => {
    let error: unknown;
    try {
      parseConfig(schema, { PORT: '70000', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/^Invalid configuration: /);
    expect(message).toContain('DATABASE_URL: is required');
    expect(message).toContain('PORT: must be between 1 and 65535');
    expect(message).toContain('LOG_LEVEL: ');
    expect(message.split('; ')).toHaveLength(3);
    expect(message).not.toContain('\n');
  });
});
