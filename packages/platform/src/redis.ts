import { Redis, type RedisOptions } from 'ioredis';

/**
 * One Redis connection. BullMQ workers need `maxRetriesPerRequest: null` (they block);
 * plain commands fail fast instead, so a health check answers while Redis is down.
 */
export function createRedis(url: string, role: 'bullmq' | 'command' = 'command', extra: RedisOptions = {}): Redis {
  const options: RedisOptions = {
    maxRetriesPerRequest: role === 'bullmq' ? null : 1,
    enableOfflineQueue: role === 'bullmq',
    retryStrategy: (times) => Math.min(times * 200, 2000),
    lazyConnect: false,
    ...extra,
  };
  const sentinel = parseSentinelUrl(url);
  const redis = sentinel ? new Redis({ ...sentinel, ...options }) : new Redis(url, options);
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

/**
 * `redis+sentinel://[:password@]host:26379[,host:26379…]/<master name>[/<db>]`: ioredis asks the
 * sentinels for the current master and follows a failover. The password is the master's (and
 * the sentinels' when they have one). Null for any other URL.
 */
export function parseSentinelUrl(url: string): RedisOptions | null {
  const m = /^redis\+sentinel:\/\/(?:([^@/]*)@)?([^/]+)\/([^/]+)(?:\/(\d+))?\/?$/.exec(url);
  if (!m) {
    if (url.startsWith('redis+sentinel:')) throw new Error('REDIS_URL: a Sentinel URL is redis+sentinel://[:password@]host:26379[,host:26379…]/<master name>[/<db>]');
    return null;
  }
  const [, auth, hosts, name, db] = m;
  const password = auth?.includes(':') ? decodeURIComponent(auth.slice(auth.indexOf(':') + 1)) : undefined;
  const sentinels = hosts!.split(',').map((h) => {
    const [host, port] = h.split(':');
    return { host: host!, port: port ? Number(port) : 26379 };
  });
  return {
    sentinels,
    name: decodeURIComponent(name!),
    ...(password ? { password, sentinelPassword: password } : {}),
    ...(db ? { db: Number(db) } : {}),
  };
}
