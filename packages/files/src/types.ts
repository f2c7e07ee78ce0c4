import type { Readable } from 'node:stream';

/** What put() stored: the content address, the size, and whether these bytes were new to the store. */
export interface StoredFile {
  sha256: string;
  size: number;
  /** false when the same bytes were already stored (stored once). */
  created: boolean;
}

export interface PutFileOptions extends PutOptions {
  /** The SHA-256 (hex) of the file's bytes, when already known. */
  sha256?: string;
}

export type FileSource = Readable | AsyncIterable<Uint8Array> | Uint8Array;

export interface PutOptions {
  /** Refuse (FileTooLargeError) and keep nothing once more than this many bytes arrive. */
  maxBytes?: number;
}

/**
 * Content-addressed storage: a file's name is the SHA-256 of its bytes, so the same bytes are
 * stored once, and a read is checked against the name. Streams both ways: a large file never sits
 * in memory.
 */
export interface FileStore {
  readonly driver: 'disk' | 's3';
  /** Streams `source` in while hashing it; the bytes become readable under their hash only once complete. */
  put(source: FileSource, opts?: PutOptions): Promise<StoredFile>;
  /**
   * A finished local file taken into the store without a second copy where the driver can (disk: a
   * hard link on the same filesystem, else a streamed copy; S3: a streamed upload). `sha256`, when the
   * caller hashed the bytes as they arrived, spares a reading pass (a wrong one only makes every read
   * fail with IntegrityError). The file itself stays the caller's to remove.
   */
  putFile(file: string, opts?: PutFileOptions): Promise<StoredFile>;
  /**
   * A stream of the stored bytes that errors with IntegrityError (after the last chunk, before 'end')
   * when they no longer hash to `sha256`. Rejects with FileNotFoundError when there is no such file.
   */
  get(sha256: string): Promise<Readable>;
  /** Size in bytes, or null when not stored. */
  stat(sha256: string): Promise<{ size: number } | null>;
  /** Removes the file (no error when absent). */
  delete(sha256: string): Promise<void>;
  close(): Promise<void>;
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;
