import { Cluster, Redis, type RedisOptions } from 'ioredis';

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
  const cluster = parseClusterUrl(url);
  const sentinel = cluster ? null : parseSentinelUrl(url);
  const redis = cluster
    ? clusterClient(cluster, options)
    : sentinel
      ? new Redis({ ...sentinel, ...options })
      : new Redis(url, options);
  // Outages show in the health check and in failing commands; an unheard 'error' event would crash the process.
  redis.on('error', () => {});
  return redis;
}

/**
 * ioredis types a Cluster apart from a Redis, but it takes the same commands. Every key the
 * product writes is single-key or one hash slot (BullMQ through `bullPrefix`), so the rest of
 * the code keeps one type.
 */
function clusterClient({ nodes, password }: ClusterUrl, options: RedisOptions): Redis {
  const { enableOfflineQueue, retryStrategy, ...redisOptions } = options;
  const cluster = new Cluster(nodes, {
    redisOptions: { ...redisOptions, ...(password ? { password } : {}) },
    enableOfflineQueue,
    clusterRetryStrategy: retryStrategy,
  });
  return cluster as unknown as Redis;
}

type ClusterUrl = { nodes: Array<{ host: string; port: number }>; password?: string };

/** `redis+cluster://[:password@]host:port[,host:port…]`: any reachable nodes; ioredis finds the rest. Null for any other URL. */
export function parseClusterUrl(url: string): ClusterUrl | null {
  const m = /^redis\+cluster:\/\/(?:([^@/]*)@)?([^/]+)\/?$/.exec(url);
  if (!m) {
    if (url.startsWith('redis+cluster:')) throw new Error('REDIS_URL: a Cluster URL is redis+cluster://[:password@]host:port[,host:port…]');
    return null;
  }
  const [, auth, hosts] = m;
  const password = auth?.includes(':') ? decodeURIComponent(auth.slice(auth.indexOf(':') + 1)) : undefined;
  const nodes = hosts!.split(',').map((h) => {
    const [host, port] = h.split(':');
    return { host: host!, port: port ? Number(port) : 6379 };
  });
  return { nodes, ...(password ? { password } : {}) };
}

/** BullMQ's key prefix. On a cluster a queue's keys must share one hash slot, which a `{hash tag}` prefix gives them. */
export function bullPrefix(url: string, prefix: string): string {
  return parseClusterUrl(url) ? `{${prefix}}` : prefix;
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
