import { deviceRepository, type DatabaseHandle } from '@motcua/db';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { CONFIG, type ApiConfig } from '../../config/config.js';
import { DATABASE, REDIS } from '../../infra/tokens.js';

/**
 * Which paired devices have a socket open now. One sorted set for all instances: member
 * `<deviceId>|<socketId>`, score = the moment its instance stops vouching for it. Each instance
 * renews its own sockets every third of the TTL, so a crashed instance's devices fall offline
 * within DEVICE_PRESENCE_TTL_MS; `devices.last_seen_at` keeps the last renewal for people.
 */
@Injectable()
export class DevicePresence implements OnModuleDestroy {
  readonly #log = new Logger('DevicePresence');
  /** socket id → device id, for the sockets of this instance. */
  readonly #local = new Map<string, string>();
  readonly #timer: NodeJS.Timeout;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(CONFIG) private readonly config: ApiConfig,
  ) {
    this.#timer = setInterval(() => void this.renew().catch((err: Error) => this.#log.warn(`presence renewal failed: ${err.message}`)), Math.max(100, Math.floor(config.DEVICE_PRESENCE_TTL_MS / 3)));
    this.#timer.unref();
  }

  private get key(): string {
    return `${this.config.REDIS_PREFIX}:presence:devices`;
  }

  async connected(socketId: string, deviceId: string): Promise<void> {
    this.#local.set(socketId, deviceId);
    const now = new Date();
    await this.redis.zadd(this.key, now.getTime() + this.config.DEVICE_PRESENCE_TTL_MS, `${deviceId}|${socketId}`);
    await deviceRepository.touch(this.database.db, [deviceId], now);
  }

  async disconnected(socketId: string): Promise<void> {
    const deviceId = this.#local.get(socketId);
    if (!deviceId) return;
    this.#local.delete(socketId);
    await this.redis.zrem(this.key, `${deviceId}|${socketId}`);
    await deviceRepository.touch(this.database.db, [deviceId], new Date());
  }

  /** The ids among `deviceIds` with a live socket on any instance. */
  async online(deviceIds: string[], now = Date.now()): Promise<Set<string>> {
    if (!deviceIds.length) return new Set();
    const members = await this.redis.zrangebyscore(this.key, now, '+inf');
    const live = new Set(members.map((m) => m.split('|')[0]!));
    return new Set(deviceIds.filter((id) => live.has(id)));
  }

  private async renew(): Promise<void> {
    const now = new Date();
    // Members left by dead instances.
    await this.redis.zremrangebyscore(this.key, '-inf', now.getTime());
    if (!this.#local.size) return;
    const until = now.getTime() + this.config.DEVICE_PRESENCE_TTL_MS;
    await this.redis.zadd(this.key, ...[...this.#local].flatMap(([socketId, deviceId]) => [until, `${deviceId}|${socketId}`]));
    await deviceRepository.touch(this.database.db, [...new Set(this.#local.values())], now);
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.#timer);
    // A graceful stop hands its devices over at once (they reconnect to another instance).
    const members = [...this.#local].map(([socketId, deviceId]) => `${deviceId}|${socketId}`);
    this.#local.clear();
    if (members.length) await this.redis.zrem(this.key, ...members).catch(() => undefined);
  }
}
