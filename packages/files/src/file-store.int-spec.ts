import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFileStore, fileStoreConfigFromEnv, FileNotFoundError, FileTooLargeError, IntegrityError, type FileStore } from './index.js';
import { startS3Server } from './test-support/s3-server.js';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function readAll(s: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** Chunks of pseudo-random bytes, `total` in all, made as they are read (never one big buffer). */
function* generated(total: number, seed: number): Generator<Buffer> {
  let left = total;
  let n = seed;
  while (left > 0) {
    const size = Math.min(left, 256 * 1024);
    const chunk = createHash('sha512').update(String(n++)).digest();
    yield Buffer.alloc(size, chunk);
    left -= size;
  }
}

interface Driver {
  store: FileStore;
  /** Every object/file the store holds, finished or temporary. */
  everything(): Promise<string[]>;
  /** Replaces the stored bytes of `sha256` behind the store's back. */
  corrupt(sha256: string, bytes: Buffer): Promise<void>;
  stop(): Promise<void>;
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const out: string[] = [];
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else out.push(p);
  }
  return out;
}

const drivers: Record<string, () => Promise<Driver>> = {
  async disk() {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'files-disk-'));
    const store = createFileStore(fileStoreConfigFromEnv({}, dir));
    return {
      store,
      everything: () => walk(dir),
      async corrupt(sha256, bytes) {
        await writeFile(path.join(dir, 'sha256', sha256.slice(0, 2), sha256.slice(2, 4), sha256), bytes);
      },
      async stop() {
        await store.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  },
  async s3() {
    const server = await startS3Server();
    const env = { FILES_DRIVER: 's3', S3_BUCKET: server.bucket, S3_ENDPOINT: server.endpoint, S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER', S3_PREFIX: 'mc/' };
    // 5 MiB parts so the larger files below go up as multipart uploads.
    const store = createFileStore({ ...fileStoreConfigFromEnv(env, 'unused'), partSize: 5 * 1024 * 1024 } as never);
    const client = new S3Client({ region: 'us-east-1', endpoint: server.endpoint, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
    return {
      store,
      // Read from the server's folder (its listing call disagrees with the SDK's signature of a bucket path).
      everything: async () => (await walk(server.dir)).filter((f) => f.endsWith('._S3rver_object')),
      async corrupt(sha256, bytes) {
        await client.send(new PutObjectCommand({ Bucket: server.bucket, Key: `mc/sha256/${sha256.slice(0, 2)}/${sha256}`, Body: bytes }));
      },
      async stop() {
        client.destroy();
        await store.close();
        await server.stop();
      },
    };
  },
};

describe.each(Object.keys(drivers))('FileStore (%s driver)', (name) => {
  let d: Driver;
  beforeAll(async () => {
    d = await drivers[name]!();
  });
  afterAll(async () => d?.stop());

  it('stores bytes under their SHA-256 and streams the same bytes back', async () => {
    const bytes = randomBytes(70_000);
    const stored = await d.store.put(bytes);
    expect(stored).toEqual({ sha256: sha(bytes), size: bytes.length, created: true });
    expect((await readAll(await d.store.get(stored.sha256))).equals(bytes)).toBe(true);
    expect(await d.store.stat(stored.sha256)).toEqual({ size: bytes.length });
  });

  it('stores the same bytes once, whichever way they arrive', async () => {
    const bytes = Buffer.from('Tờ khai đăng ký khai sinh — bản quét');
    const before = (await d.store.put(bytes)).sha256;
    const count = (await d.everything()).length;
    const again = await d.store.put(Readable.from([bytes.subarray(0, 5), bytes.subarray(5)]));
    expect(again).toEqual({ sha256: before, size: bytes.length, created: false });
    expect((await d.everything()).length).toBe(count);
  });

  it('streams a 24 MB file in and out (multipart for S3) with the right hash', async () => {
    const total = 24 * 1024 * 1024;
    const hash = createHash('sha256');
    for (const c of generated(total, 1)) hash.update(c);
    const stored = await d.store.put(Readable.from(generated(total, 1)));
    expect(stored).toMatchObject({ sha256: hash.digest('hex'), size: total });
    const back = createHash('sha256');
    let size = 0;
    for await (const c of await d.store.get(stored.sha256)) {
      back.update(c as Buffer);
      size += (c as Buffer).length;
    }
    expect({ size, sha256: back.digest('hex') }).toEqual({ size: total, sha256: stored.sha256 });
  });

  it('refuses a file over the limit and keeps nothing of it', async () => {
    const before = (await d.everything()).sort();
    const err = await d.store.put(Readable.from(generated(12 * 1024 * 1024, 7)), { maxBytes: 6 * 1024 * 1024 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FileTooLargeError);
    expect((await d.everything()).sort()).toEqual(before);
  });

  it('keeps nothing when the source stream fails half-way', async () => {
    const before = (await d.everything()).sort();
    async function* broken() {
      yield randomBytes(1024 * 1024);
      throw new Error('connection dropped');
    }
    await expect(d.store.put(Readable.from(broken()))).rejects.toThrow('connection dropped');
    expect((await d.everything()).sort()).toEqual(before);
  });

  it('takes in a finished local file (putFile): same address as put, stored once, the file left to its owner, over the limit refused', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'files-local-'));
    try {
      const bytes = randomBytes(3 * 1024 * 1024 + 17);
      const file = path.join(dir, 'upload.bin');
      await writeFile(file, bytes);
      const stored = await d.store.putFile(file, { maxBytes: 4 * 1024 * 1024 });
      expect(stored).toEqual({ sha256: sha(bytes), size: bytes.length, created: true });
      expect((await readAll(await d.store.get(stored.sha256))).equals(bytes)).toBe(true);
      // The caller removes its file; the stored copy stays readable.
      await rm(file);
      expect((await readAll(await d.store.get(stored.sha256))).equals(bytes)).toBe(true);
      // The same bytes again, with the hash the caller computed as they arrived: stored once.
      await writeFile(file, bytes);
      const count = (await d.everything()).length;
      expect(await d.store.putFile(file, { sha256: sha(bytes) })).toEqual({ sha256: sha(bytes), size: bytes.length, created: false });
      expect((await d.everything()).length).toBe(count);
      const before = (await d.everything()).sort();
      await expect(d.store.putFile(file, { maxBytes: 1024 * 1024 })).rejects.toBeInstanceOf(FileTooLargeError);
      expect((await d.everything()).sort()).toEqual(before);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('re-checks integrity on read: changed bytes make the stream fail', async () => {
    const bytes = randomBytes(50_000);
    const { sha256 } = await d.store.put(bytes);
    const changed = Buffer.from(bytes);
    changed[100] = changed[100]! ^ 0xff;
    await d.corrupt(sha256, changed);
    const err = await readAll(await d.store.get(sha256)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IntegrityError);
    expect((err as IntegrityError).actual).toBe(sha(changed));
  });

  it('answers a missing or malformed address with FileNotFoundError, and deletes', async () => {
    await expect(d.store.get('0'.repeat(64))).rejects.toBeInstanceOf(FileNotFoundError);
    await expect(d.store.get('../../etc/passwd')).rejects.toBeInstanceOf(FileNotFoundError);
    expect(await d.store.stat('f'.repeat(64))).toBeNull();
    const { sha256 } = await d.store.put(Buffer.from('to be removed'));
    await d.store.delete(sha256);
    expect(await d.store.stat(sha256)).toBeNull();
    await expect(text(await d.store.get(sha256).catch(() => Readable.from(['gone'])))).resolves.toBe('gone');
  });
});

describe('fileStoreConfigFromEnv', () => {
  it('defaults to the disk under the given folder and explains a bad S3 setup', () => {
    expect(fileStoreConfigFromEnv({}, '.data/files')).toEqual({ kind: 'disk', dir: '.data/files' });
    expect(() => fileStoreConfigFromEnv({ FILES_DRIVER: 's3' }, 'x')).toThrow(/S3_BUCKET/);
    expect(() => fileStoreConfigFromEnv({ FILES_DRIVER: 'ftp' }, 'x')).toThrow(/disk.*s3/);
    expect(() => fileStoreConfigFromEnv({ FILES_DRIVER: 's3', S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'k' }, 'x')).toThrow(/both/);
  });
});
