// Reading the few PDF values a signature dictionary carries: text strings and dates.

/** A PDF literal "(…)" or hex "<…>" string, PDFDocEncoding or UTF-16BE with a BOM. */
export function pdfString(dict: string, key: string): string | null {
  const lit = new RegExp(`/${key}\\s*\\(((?:\\\\.|[^\\\\)])*)\\)`, 's').exec(dict);
  const hex = lit ? null : new RegExp(`/${key}\\s*<([0-9a-fA-F\\s]*)>`).exec(dict);
  let bytes: Buffer;
  if (lit) {
    const s = lit[1]!.replace(/\\([nrtbf()\\]|[0-7]{1,3}|\r?\n)/g, (_, e: string) => {
      const map: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' };
      if (map[e] !== undefined) return map[e]!;
      if (/^[0-7]+$/.test(e)) return String.fromCharCode(parseInt(e, 8));
      return '';
    });
    bytes = Buffer.from(s, 'latin1');
  } else if (hex) {
    bytes = Buffer.from(hex[1]!.replace(/\s+/g, ''), 'hex');
  } else {
    return null;
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
  return bytes.toString('latin1');
}

/** "D:20260310100000Z" or "D:20260310170000+07'00'" → Date. */
export function pdfDate(value: string | null): Date | null {
  const m = value && /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([Z+-])(\d{2})?'?(\d{2})?'?)?/.exec(value);
  if (!m) return null;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', sign, oh = '00', om = '00'] = m;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const offset = sign === '+' || sign === '-' ? (sign === '+' ? 1 : -1) * (Number(oh) * 60 + Number(om)) * 60_000 : 0;
  return new Date(utc - offset);
}
