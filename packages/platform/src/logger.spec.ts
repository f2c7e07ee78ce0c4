import { describe, expect, it } from 'vitest';
import { redact, serializeError } from './logger.js';

describe('log redaction', () => {
  it('replaces secret and personal fields at any depth, and leaves the rest', () => {
    const out = redact({
      msg: 'ok',
      user: { username: 'canbo.anxuyen1', password: 'hunter2', passwordHash: '$argon2id$v=19$abc', phone: '0901234567', idNumber: '079200001234' },
      applicant: { name: 'Nguyễn Văn A' },
      webhooks: [{ url: 'https://x', secret: 's3cr3t' }],
      headers: { authorization: 'Bearer t', cookie: 'motcua_session=abc' },
      count: 3,
    }) as Record<string, any>;
    expect(out.user).toEqual({ username: 'canbo.anxuyen1', password: '[redacted]', passwordHash: '[redacted]', phone: '[redacted]', idNumber: '[redacted]' });
    expect(out.applicant).toBe('[redacted]');
    expect(out.webhooks).toEqual([{ url: 'https://x', secret: '[redacted]' }]);
    expect(out.headers).toEqual({ authorization: '[redacted]', cookie: '[redacted]' });
    expect(out.count).toBe(3);
    expect(JSON.stringify(out)).not.toMatch(/hunter2|argon2id|0901234567|079200001234|Nguyễn|s3cr3t|Bearer|abc/);
  });

  it('logs a failed query by the driver error: code and message, never the parameters or the row values in `detail`', () => {
    const driver = Object.assign(new Error('duplicate key value violates unique constraint "staff_phone_key"'), {
      name: 'PostgresError',
      code: '23505',
      constraint_name: 'staff_phone_key',
      detail: 'Key (phone)=(0901234567) already exists.',
    });
    const failed = new Error('Failed query: update "staff" set "password_hash" = $1, "phone" = $2\nparams: $argon2id$v=19$m=19456,0901234567', { cause: driver });
    const out = serializeError(failed) as Record<string, string>;
    expect(out).toMatchObject({ type: 'PostgresError', code: '23505', constraint: 'staff_phone_key', message: 'duplicate key value violates unique constraint "staff_phone_key"' });
    expect(JSON.stringify(out)).not.toMatch(/argon2id|0901234567|params/);
    expect(out.stack).toMatch(/^PostgresError: duplicate key/);
  });

  it('strips drizzle parameters from a plain error and from stack text', () => {
    const e = new Error('Failed query: select 1\nparams: secret-token-123');
    expect(JSON.stringify(serializeError(e))).not.toContain('secret-token-123');
    expect(serializeError('at x\nparams: hunter2')).toBe('at x');
  });
});
