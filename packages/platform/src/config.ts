import { z } from 'zod';

/** A configuration problem: printed as one line naming every bad variable, never a stack trace. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Validates environment variables; the message names each bad variable and why. */
export function parseConfig<T extends z.ZodType>(schema: T, env: NodeJS.ProcessEnv): z.infer<T> {
  // An empty value means unset: compose passes `${VAR:-}` for variables left out of .env.
  const result = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`);
  throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
}

/** The file store's variables (@motcua/files README), read alike by the API and the worker. */
export const fileStoreEnv = {
  FILES_DRIVER: z.enum(['disk', 's3'], { error: 'must be disk or s3' }).default('disk'),
  FILES_DIR: z.string().min(1).default('.data/files'),
  S3_BUCKET: z.string().optional(),
  S3_ENDPOINT: z.url({ error: 'must be a URL such as https://minio.example.vn:9000' }).optional(),
  S3_REGION: z.string().optional(),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: z.enum(['true', 'false'], { error: 'must be true or false' }).optional(),
  S3_PREFIX: z.string().optional(),
};

/** The signer's variables (@motcua/documents README): PKCS#12 files (demo PKI under .data/pki) or a PKCS#11 token. */
export const signerEnv = {
  SIGNER_KIND: z.enum(['pkcs12', 'pkcs11'], { error: 'must be pkcs12 or pkcs11' }).default('pkcs12'),
  SIGNER_PKCS12_DIR: z.string().min(1).default('.data/pki'),
  SIGNER_PKCS11_MODULE: z.string().optional(),
  SIGNER_PKCS11_PIN: z.string().optional(),
  SIGNER_PKCS11_KEYS: z.string().optional(),
  SIGNER_PKCS11_TOKEN_LABEL: z.string().optional(),
  SIGNER_PKCS11_SLOT: z.string().optional(),
};
