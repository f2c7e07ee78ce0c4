export { createFileStore, fileStoreConfigFromEnv, type FileStoreConfig } from './config.js';
export { DiskFileStore, type DiskStoreConfig } from './disk-store.js';
export { FileNotFoundError, FileTooLargeError, IntegrityError } from './errors.js';
export { S3FileStore, type S3StoreConfig } from './s3-store.js';
export { hashFile } from './hashing.js';
export { SHA256_HEX, type FileSource, type FileStore, type PutFileOptions, type PutOptions, type StoredFile } from './types.js';
