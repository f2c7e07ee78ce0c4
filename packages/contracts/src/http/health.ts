import { z } from 'zod';

export const ZDependencyHealth = z.object({
  status: z.enum(['up', 'down']),
  latencyMs: z.number().nonnegative().optional(),
  error: z.string().optional(),
});

export const ZHealth = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  uptimeSeconds: z.number().nonnegative(),
  checks: z.object({ postgres: ZDependencyHealth, redis: ZDependencyHealth }),
});
export type Health = z.infer<typeof ZHealth>;
