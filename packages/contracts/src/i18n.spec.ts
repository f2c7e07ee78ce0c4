import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { msg, negotiateLocale, safeParseIn } from './i18n.js';

const schema = z.object({
  prefix: z.string().regex(/^[A-Z]$/, { error: msg('Tiền tố phải là một chữ in hoa', 'Prefix must be one capital letter') }),
  minutes: z.number().int(),
});

describe('safeParseIn', () => {
  it('answers custom and built-in messages in Vietnamese by default', () => {
    const r = safeParseIn(schema, { prefix: 'a', minutes: 1.5 });
    expect(r.success).toBe(false);
    const messages = r.error!.issues.map((i) => i.message);
    expect(messages[0]).toBe('Tiền tố phải là một chữ in hoa');
    expect(messages[1]).toMatch(/không hợp lệ/);
  });

  it('answers in English when asked, and restores the default afterwards', () => {
    const en = safeParseIn(schema, { prefix: 'a', minutes: 1 }, 'en');
    expect(en.error!.issues[0]!.message).toBe('Prefix must be one capital letter');
    const vi = safeParseIn(schema, { prefix: 'a', minutes: 1 });
    expect(vi.error!.issues[0]!.message).toBe('Tiền tố phải là một chữ in hoa');
  });
});

describe('negotiateLocale', () => {
  it.each([
    [undefined, 'vi'],
    ['en-US,en;q=0.9', 'en'],
    ['fr-FR,en;q=0.5,vi;q=0.8', 'vi'],
    ['de-DE', 'vi'],
  ])('%s → %s', (header, locale) => {
    expect(negotiateLocale(header)).toBe(locale);
  });
});
