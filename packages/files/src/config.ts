import { DiskFileStore, type DiskStoreConfig } from './disk-store.js';
import { S3FileStore, type S3StoreConfig } from './s3-store.js';
import type { FileStore } from './types.js';

export type FileStoreConfig = DiskStoreConfig | S3StoreConfig;

/**
 * The store from variables (the API's config module passes its env):
 * - `FILES_DRIVER`: `disk` (default) or `s3`;
 * - disk: `FILES_DIR` (default `defaultDir`, `.data/files` for `npm start`);
 * - s3: `S3_BUCKET` (required), `S3_ENDPOINT` (S3-compatible servers), `S3_REGION` (default us-east-1),
 *   `S3_ACCESS_KEY_ID` + `S3_SECRET_ACCESS_KEY` (else the SDK's usual chain: AWS_* variables, profile, role),
 *   `S3_FORCE_PATH_STYLE` (`true`/`false`; default true when an endpoint is given), `S3_PREFIX` (key prefix).
 */
export function fileStoreConfigFromEnv(env: Record<string, string | undefined>, defaultDir: string): FileStoreConfig {
  const driver = (env.FILES_DRIVER ?? 'disk').trim() || 'disk';
  if (driver === 'disk') return { kind: 'disk', dir: env.FILES_DIR?.trim() || defaultDir };
  if (driver !== 's3') throw new Error(`FILES_DRIVER must be "disk" or "s3", not "${driver}"`);
  const bucket = env.S3_BUCKET?.trim();
  if (!bucket) throw new Error('FILES_DRIVER=s3 needs S3_BUCKET (and S3_ENDPOINT for a server other than AWS)');
  const flag = env.S3_FORCE_PATH_STYLE?.trim();
  if (flag && flag !== 'true' && flag !== 'false') throw new Error('S3_FORCE_PATH_STYLE must be "true" or "false"');
  if (Boolean(env.S3_ACCESS_KEY_ID) !== Boolean(env.S3_SECRET_ACCESS_KEY)) throw new Error('Give both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither');
  return {
    kind: 's3',
    bucket,
    endpoint: env.S3_ENDPOINT?.trim() || undefined,
    region: env.S3_REGION?.trim() || undefined,
    accessKeyId: env.S3_ACCESS_KEY_ID || undefined,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY || undefined,
    forcePathStyle: flag ? flag === 'true' : undefined,
    prefix: env.S3_PREFIX?.trim() || undefined,
  };
}

export function createFileStore(config: FileStoreConfig): FileStore {
  return config.kind === 's3' ? new S3FileStore(config) : new DiskFileStore(config);
}
