import type { z } from 'zod';

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
