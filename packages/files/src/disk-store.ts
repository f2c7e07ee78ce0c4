import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { chmod, link, mkdir, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { FileNotFoundError, FileTooLargeError } from './errors.js';
import { assertAddress, hashFile, HashingCounter, toReadable, verifying } from './hashing.js';
import type { FileSource, FileStore, PutFileOptions, PutOptions, StoredFile } from './types.js';

export interface DiskStoreConfig {
  kind: 'disk';
  /** Root folder; files live at `<dir>/sha256/ab/cd/<hash>`, partial writes under `<dir>/tmp`. */
  dir: string;
}

/** Local disk: written to a temporary file while hashing, then linked under its hash (atomic, once). */
export class DiskFileStore implements FileStore {
  readonly driver = 'disk' as const;
  constructor(private readonly config: DiskStoreConfig) {}

  private pathOf(sha256: string): string {
    return path.join(this.config.dir, 'sha256', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(source: FileSource, opts: PutOptions = {}): Promise<StoredFile> {
    const tmpDir = path.join(this.config.dir, 'tmp');
    await mkdir(tmpDir, { recursive: true });
    const tmp = path.join(tmpDir, `${randomUUID()}.part`);
    const counter = new HashingCounter(opts.maxBytes);
    try {
      await pipeline(toReadable(source), counter, createWriteStream(tmp, { flags: 'wx', mode: 0o640 }));
      const sha256 = counter.hash.digest('hex');
      const target = this.pathOf(sha256);
      await mkdir(path.dirname(target), { recursive: true });
      let created = true;
      // link() fails when the target exists: the same bytes are already there, keep the first copy.
      await link(tmp, target).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'EEXIST') throw err;
        created = false;
      });
      return { sha256, size: counter.bytes, created };
    } finally {
      await rm(tmp, { force: true });
    }
  }

  /**
   * A finished file linked under its hash: no bytes written again (a 100 MB upload is not copied a
   * second time). Across filesystems (EXDEV) it falls back to put()'s streamed copy.
   */
  async putFile(file: string, opts: PutFileOptions = {}): Promise<StoredFile> {
    const { size } = await stat(file);
    if (size > (opts.maxBytes ?? Number.POSITIVE_INFINITY)) throw new FileTooLargeError(opts.maxBytes!);
    if (opts.sha256 !== undefined) assertAddress(opts.sha256);
    const sha256 = opts.sha256 ?? (await hashFile(file)).sha256;
    const target = this.pathOf(sha256);
    await mkdir(path.dirname(target), { recursive: true });
    try {
      await link(file, target);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // The same bytes are already there: keep the first copy.
      if (code === 'EEXIST') return { sha256, size, created: false };
      // Another filesystem (or one without hard links): copy, hashing as it goes.
      if (code === 'EXDEV' || code === 'EPERM' || code === 'ENOTSUP') return this.put(createReadStream(file), opts);
      throw err;
    }
    // The link shares the source's inode: stored files are read-only to others, as put() makes them.
    await chmod(target, 0o640);
    return { sha256, size, created: true };
  }

  async get(sha256: string): Promise<Readable> {
    assertAddress(sha256);
    const file = this.pathOf(sha256);
    // Open before answering so a missing file is a rejection, not a stream error.
    const stream = createReadStream(file);
    await new Promise<void>((resolve, reject) => {
      stream.once('open', () => resolve());
      stream.once('error', (err: NodeJS.ErrnoException) => reject(err.code === 'ENOENT' ? new FileNotFoundError(sha256) : err));
    });
    return verifying(stream, sha256);
  }

  async stat(sha256: string): Promise<{ size: number } | null> {
    assertAddress(sha256);
    const s = await stat(this.pathOf(sha256)).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return null;
      throw err;
    });
    return s ? { size: s.size } : null;
  }

  async delete(sha256: string): Promise<void> {
    assertAddress(sha256);
    await unlink(this.pathOf(sha256)).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
    });
  }

  async close(): Promise<void> {}
}
