import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { CopyObjectCommand, DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, NoSuchKey, NotFound, S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { Readable } from 'node:stream';
import { FileNotFoundError } from './errors.js';
import { assertAddress, HashingCounter, toReadable, verifying } from './hashing.js';
import type { FileSource, FileStore, PutFileOptions, PutOptions, StoredFile } from './types.js';

export interface S3StoreConfig {
  kind: 's3';
  bucket: string;
  /** Key prefix inside the bucket, e.g. `motcua/` (default none). */
  prefix?: string;
  region?: string;
  /** For S3-compatible stores (MinIO, Ceph, a cloud's object storage); omit for AWS. */
  endpoint?: string;
  forcePathStyle?: boolean;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Multipart part size in bytes (default 8 MiB; S3's minimum is 5 MiB). */
  partSize?: number;
}

const isNotFound = (err: unknown) => err instanceof NoSuchKey || err instanceof NotFound || (err as { name?: string })?.name === 'NotFound' || (err as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode === 404;

/**
 * Any S3-compatible object store through the AWS SDK v3. The hash is known only once the bytes have
 * passed, so put() streams a multipart upload to a temporary key, then copies it under its hash
 * (unless already there) and removes the temporary object.
 */
export class S3FileStore implements FileStore {
  readonly driver = 's3' as const;
  private readonly client: S3Client;
  private readonly prefix: string;

  constructor(private readonly config: S3StoreConfig) {
    const options: S3ClientConfig = {
      region: config.region ?? 'us-east-1',
      endpoint: config.endpoint,
      forcePathStyle: config.forcePathStyle ?? Boolean(config.endpoint),
      // Plain requests that every S3-compatible server understands (no aws-chunked trailers).
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    };
    if (config.accessKeyId && config.secretAccessKey) options.credentials = { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey };
    this.client = new S3Client(options);
    this.prefix = config.prefix ?? '';
  }

  private keyOf(sha256: string): string {
    return `${this.prefix}sha256/${sha256.slice(0, 2)}/${sha256}`;
  }

  async put(source: FileSource, opts: PutOptions = {}): Promise<StoredFile> {
    const counter = new HashingCounter(opts.maxBytes);
    const input = toReadable(source);
    input.on('error', (err) => counter.destroy(err));
    const tmpKey = `${this.prefix}tmp/${randomUUID()}`;
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.config.bucket, Key: tmpKey, Body: input.pipe(counter), ContentType: 'application/octet-stream' },
      partSize: this.config.partSize ?? 8 * 1024 * 1024,
      queueSize: 2,
      leavePartsOnError: true,
    });
    try {
      await upload.done();
      const sha256 = counter.hash.digest('hex');
      const key = this.keyOf(sha256);
      const exists = await this.stat(sha256);
      if (!exists) {
        await this.client.send(new CopyObjectCommand({ Bucket: this.config.bucket, Key: key, CopySource: `${this.config.bucket}/${encodeURI(tmpKey)}`, MetadataDirective: 'REPLACE', Metadata: { sha256 } }));
      }
      return { sha256, size: counter.bytes, created: !exists };
    } catch (err) {
      await upload.abort().catch(() => {});
      // The counter's error (too large) is the cause; the SDK may wrap or replace it.
      throw counter.errored ?? err;
    } finally {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: tmpKey })).catch(() => {});
    }
  }

  /** A local file streamed up (hashed on the way: an object store has nothing to link to). */
  async putFile(file: string, opts: PutFileOptions = {}): Promise<StoredFile> {
    return this.put(createReadStream(file), { maxBytes: opts.maxBytes });
  }

  async get(sha256: string): Promise<Readable> {
    assertAddress(sha256);
    try {
      const res = await this.client.send(new GetObjectCommand({ Bucket: this.config.bucket, Key: this.keyOf(sha256) }));
      return verifying(res.Body as Readable, sha256);
    } catch (err) {
      if (isNotFound(err)) throw new FileNotFoundError(sha256);
      throw err;
    }
  }

  async stat(sha256: string): Promise<{ size: number } | null> {
    assertAddress(sha256);
    try {
      const res = await this.client.send(new HeadObjectCommand({ Bucket: this.config.bucket, Key: this.keyOf(sha256) }));
      return { size: res.ContentLength ?? 0 };
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }

  async delete(sha256: string): Promise<void> {
    assertAddress(sha256);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: this.keyOf(sha256) }));
  }

  async close(): Promise<void> {
    this.client.destroy();
  }
}
