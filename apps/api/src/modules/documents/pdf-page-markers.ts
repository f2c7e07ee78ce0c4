/**
 * Counts PDF page objects (`/Type /Page`, not `/Pages`) in bytes fed in order, in constant memory and
 * without copying them: a large PDF's pages are seen as it is hashed, never by parsing it whole.
 * Object streams hide the markers (then the count is 0: "not visible").
 */
export class PdfPageMarkers {
  /** Bytes a marker can span with its look-ahead: `/Type`, up to 20 whitespace bytes, `/Page`, one more byte. */
  private static readonly SPAN = 32;
  private static readonly TYPE = Buffer.from('/Type', 'latin1');
  count = 0;
  /** The last SPAN bytes seen, whose starts are not examined yet (a copy: the caller's buffer is reused). */
  private carry = Buffer.alloc(0);

  update(chunk: Buffer): void {
    const span = PdfPageMarkers.SPAN;
    if (chunk.length < span) {
      const joined = Buffer.concat([this.carry, chunk]);
      this.scan(joined, 0, joined.length - span, false);
      this.carry = Buffer.from(joined.subarray(Math.max(0, joined.length - span)));
      return;
    }
    // Starts in the carried bytes, then starts in the chunk with a whole span after them.
    const head = Buffer.concat([this.carry, chunk.subarray(0, span)]);
    this.scan(head, 0, this.carry.length, false);
    this.scan(chunk, 0, chunk.length - span, false);
    this.carry = Buffer.from(chunk.subarray(chunk.length - span));
  }

  /** The count once every byte is in (the end of the data ends a marker). */
  end(): number {
    this.scan(this.carry, 0, this.carry.length, true);
    this.carry = Buffer.alloc(0);
    return this.count;
  }

  /** Counts markers starting at [from, to) of `buf`. */
  private scan(buf: Buffer, from: number, to: number, final: boolean): void {
    let i = from;
    while (i < to) {
      const at = buf.indexOf(PdfPageMarkers.TYPE, i);
      if (at < 0 || at >= to) return;
      if (isPageMarker(buf, at, final)) this.count++;
      i = at + 1;
    }
  }
}

const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20]);
const isLetter = (b: number) => (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);

function isPageMarker(buf: Buffer, at: number, final: boolean): boolean {
  let j = at + 5;
  let spaces = 0;
  while (j < buf.length && WHITESPACE.has(buf[j]!) && spaces <= 20) {
    j++;
    spaces++;
  }
  if (spaces > 20 || j + 5 > buf.length) return false;
  for (let k = 0; k < 5; k++) if (buf[j + k] !== '/Page'.charCodeAt(k)) return false;
  const next = j + 5;
  // `/Pages` (the page tree) is not a page; the end of the data is.
  if (next >= buf.length) return final;
  return !isLetter(buf[next]!);
}
