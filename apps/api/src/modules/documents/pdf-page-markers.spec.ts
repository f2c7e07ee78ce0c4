import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PdfPageMarkers } from './pdf-page-markers.js';

const reference = (bytes: Buffer) => bytes.toString('latin1').match(/\/Type[\0\t\n\v\f\r ]{0,20}\/Page(?![a-zA-Z])/g)?.length ?? 0;

function counted(bytes: Buffer, cuts: number[]): number {
  const m = new PdfPageMarkers();
  let at = 0;
  for (const cut of [...cuts, bytes.length]) {
    // A reused buffer, as the file reader passes: the counter must not keep a view of it.
    const reused = Buffer.from(bytes.subarray(at, cut));
    m.update(reused);
    reused.fill(0);
    at = cut;
  }
  return m.end();
}

describe('PdfPageMarkers', () => {
  const pdf = Buffer.concat([
    Buffer.from('%PDF-1.7\n1 0 obj << /Type /Pages /Kids [2 0 R 3 0 R] >> endobj\n2 0 obj <</Type/Page>> endobj\n', 'latin1'),
    randomBytes(5000),
    Buffer.from('3 0 obj << /Type\n  /Page /Parent 1 0 R >> endobj\n4 0 obj << /Type /PageLabel >> endobj\n/Type /Page', 'latin1'),
  ]);

  it('counts page objects, not the page tree or other /Page… names, whatever the chunk boundaries', () => {
    const expected = reference(pdf);
    expect(expected).toBeGreaterThanOrEqual(3);
    expect(counted(pdf, [])).toBe(expected);
    // Every cut through the markers, and pieces smaller than a marker.
    for (let cut = 1; cut < pdf.length; cut += 7) expect(counted(pdf, [cut])).toBe(expected);
    const small: number[] = [];
    for (let c = 3; c < pdf.length; c += 3) small.push(c);
    expect(counted(pdf, small)).toBe(expected);
  });

  it('is 0 when no marker is visible', () => {
    expect(counted(randomBytes(100_000).fill(0x41, 0, 10), [4096, 50_000])).toBe(reference(Buffer.alloc(0)));
  });
});
