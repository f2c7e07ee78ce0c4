import { Redis, type RedisOptions } from 'ioredis';

/**
 * One Redis connection. BullMQ workers need `maxRetriesPerRequest: null` (they block);
 * plain commands fail fast instead, so a health check answers while Redis is down.
 */
export function createRedis(url: string, role: 'bullmq' | 'command' = 'command', extra: RedisOptions = {}): Redis {
  const redis = new Redis(url, {
    maxRetriesPerRequest: role === 'bullmq' ? null : 1,
    enableOfflineQueue: role === 'bullmq',
    retryStrategy: (times) => Math.min(times * 200, 2000),
    lazyConnect: false,
    ...extra,
  });
  // Outages show in the health check and in failing commands; an unheard 'error' event would crash the process.
  redis.on('error', () => {});
  return redis;
}

/** Closes politely when connected, or drops the socket when Redis is already gone (e.g. during shutdown). */
export async function closeRedis(redis: Redis): Promise<void> {
  if (redis.status === 'ready') {
    await redis.quit().catch(() => redis.disconnect());
  } else {
    redis.disconnect();
  }
}

/** Round-trip time in ms; throws when Redis does not answer within `timeoutMs`. */
export async function pingRedis(redis: Redis, timeoutMs = 1000): Promise<number> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      redis.ping(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
  return performance.now() - started;
}
