import { describe, expect, it } from 'vitest';
import { pdfDate, pdfString } from './pdf-syntax.js';

describe('pdfDate', () => {
  it('reads UTC and offset dates as the same instant', () => {
    expect(pdfDate('D:20260310030517Z')?.toISOString()).toBe('2026-03-10T03:05:17.000Z');
    expect(pdfDate("D:20260310100517+07'00'")?.toISOString()).toBe('2026-03-10T03:05:17.000Z');
    expect(pdfDate("D:20260309223017-04'30")?.toISOString()).toBe('2026-03-10T03:00:17.000Z');
  });

  it('fills missing parts and rejects what is not a date', () => {
    expect(pdfDate('D:2026')?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(pdfDate('2026-03-10')).toBeNull();
    expect(pdfDate(null)).toBeNull();
  });
});

describe('pdfString', () => {
  it('decodes literal strings with escapes, and UTF-16BE hex strings', () => {
    expect(pdfString('/Reason (Sign \\(final\\)\\n\\101)', 'Reason')).toBe('Sign (final)\nA');
    const hex = Buffer.from('\ufeffCà Mau', 'utf16le').swap16().toString('hex');
    expect(pdfString(`/Location <${hex}> /M (D:2026)`, 'Location')).toBe('Cà Mau');
    expect(pdfString('/Name (x)', 'Reason')).toBeNull();
  });

  it('decodes a UTF-16BE literal string', () => {
    const raw = Buffer.from('\ufeffTân Thành', 'utf16le').swap16().toString('latin1').replace(/[()\\]/g, (c) => `\\${c}`);
    expect(pdfString(`/Name (${raw})`, 'Name')).toBe('Tân Thành');
  });
});
