import { createHash, type Hash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { FileNotFoundError, FileTooLargeError, IntegrityError } from './errors.js';
import { SHA256_HEX, type FileSource } from './types.js';

export function toReadable(source: FileSource): Readable {
  if (source instanceof Readable) return source;
  if (source instanceof Uint8Array) return Readable.from([source], { objectMode: false });
  return Readable.from(source, { objectMode: false });
}

export function assertAddress(sha256: string): void {
  // Also keeps a caller's string out of paths and object keys.
  if (!SHA256_HEX.test(sha256)) throw new FileNotFoundError(sha256);
}

/** Passes bytes through while hashing and counting them; errors past `maxBytes`. */
export class HashingCounter extends Transform {
  readonly hash: Hash = createHash('sha256');
  bytes = 0;
  constructor(private readonly maxBytes = Number.POSITIVE_INFINITY) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) return cb(new FileTooLargeError(this.maxBytes));
    this.hash.update(chunk);
    cb(null, chunk);
  }
}

/** Passes bytes through and, at the end, errors with IntegrityError if they do not hash to `expected`. */
export class VerifyingStream extends Transform {
  private readonly hash = createHash('sha256');
  constructor(private readonly expected: string) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.hash.update(chunk);
    cb(null, chunk);
  }
  override _flush(cb: TransformCallback): void {
    const actual = this.hash.digest('hex');
    cb(actual === this.expected ? null : new IntegrityError(this.expected, actual));
  }
}

/** `source` piped through a VerifyingStream; errors of the source reach the reader. */
export function verifying(source: Readable, sha256: string): Readable {
  const out = new VerifyingStream(sha256);
  source.on('error', (err) => out.destroy(err));
  return source.pipe(out);
}

/** One buffer reused for every read: hashing a large file leaves no garbage behind (the API's memory stays flat). */
const READ_CHUNK = 1024 * 1024;

/**
 * SHA-256 and size of a file, read through one reused buffer; `onChunk` sees each piece (valid
 * only during the call: the buffer is refilled after it).
 */
export async function hashFile(file: string, onChunk?: (chunk: Buffer) => void): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  const fh = await open(file, 'r');
  const buf = Buffer.allocUnsafe(READ_CHUNK);
  let size = 0;
  try {
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, buf.length, size);
      if (!bytesRead) break;
      const chunk = buf.subarray(0, bytesRead);
      hash.update(chunk);
      onChunk?.(chunk);
      size += bytesRead;
    }
  } finally {
    await fh.close();
  }
  return { sha256: hash.digest('hex'), size };
}
