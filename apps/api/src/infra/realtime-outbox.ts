import { createDatabase, outboxRepository, type DatabaseHandle, type DbOrTx, type NewOutboxEvent } from '@motcua/db';
import { DependencyWatch, RealtimePublisher } from '@motcua/platform';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { CONFIG, type ApiConfig } from '../config/config.js';
import { ApiMetrics } from './metrics.js';
import { DATABASE, SOCKET_REDIS } from './tokens.js';

const BATCH = 200;
/** While Redis or PostgreSQL is down, how often to try again. */
const RETRY_MS = 500;
/** A wake-up that LISTEN missed (connection lost) is found by this poll. */
const POLL_MS = 2000;
/** A publish that hangs (Redis frozen) gives the events back instead of holding their rows. */
const PUBLISH_TIMEOUT_MS = 2000;

/**
 * Realtime events leave through PostgreSQL: a command writes them in its own transaction
 * (`add`), and the relay publishes them to Redis and deletes them in one transaction. A Redis
 * outage delays events instead of losing them; a command never fails because Redis did.
 * One relay at a time across instances (advisory lock), oldest first, so each room's events
 * go out in commit order. Wake-ups: NOTIFY at commit (trigger), `kick()`, and a slow poll.
 */
@Injectable()
export class RealtimeOutbox implements OnApplicationBootstrap, OnApplicationShutdown {
  #running: Promise<void> | null = null;
  #again = false;
  #retry?: NodeJS.Timeout;
  #poll?: NodeJS.Timeout;
  #unlisten?: () => Promise<void>;
  #listener?: DatabaseHandle;
  #closed = false;

  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(RealtimePublisher) private readonly publisher: RealtimePublisher,
    @Inject(SOCKET_REDIS) private readonly sockets: { pub: Redis; sub: Redis },
    @Inject(DependencyWatch) private readonly watch: DependencyWatch,
    @Inject(ApiMetrics) private readonly metrics: ApiMetrics,
    @Inject(CONFIG) private readonly config: ApiConfig,
  ) {}

  /** In the command's transaction. */
  add(tx: DbOrTx, events: readonly NewOutboxEvent[]): Promise<void> {
    return outboxRepository.add(tx, events);
  }

  /** Outside a transaction (a debounced count): written, then relayed. Never throws. */
  async send(events: readonly NewOutboxEvent[]): Promise<void> {
    try {
      await outboxRepository.add(this.database.db, events);
      this.kick();
    } catch (e) {
      this.watch.down('postgres', e);
    }
  }

  /** Relay now (after a commit that wrote events). */
  kick(): void {
    if (this.#closed) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.drain().finally(() => {
      this.#running = null;
      if (this.#again) {
        this.#again = false;
        this.kick();
      }
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    this.#poll = setInterval(() => this.kick(), POLL_MS);
    this.#poll.unref();
    // Redis back: publish what waited (the adapter's subscriber is ready again too).
    this.watch.onChange((name, up) => up && this.kick());
    // Not awaited: with PostgreSQL down at boot the poll finds the events, and postgres.js keeps trying to listen.
    this.listenSql()?.listen('realtime_outbox', () => this.kick(), () => this.kick()).then(
      (listening) => (this.#unlisten = listening.unlisten),
      () => {},
    );
    this.kick();
  }

  async onApplicationShutdown(): Promise<void> {
    this.#closed = true;
    clearInterval(this.#poll);
    clearTimeout(this.#retry);
    await this.#running;
    await this.#unlisten?.().catch(() => {});
    await this.#listener?.close();
  }

  /** LISTEN needs a session: behind PgBouncer it goes to PostgreSQL itself, or not at all (the poll wakes the relay). */
  private listenSql() {
    if (this.config.DATABASE_POOLER === 'none') return this.database.sql;
    if (!this.config.DATABASE_DIRECT_URL) return null;
    this.#listener = createDatabase(this.config.DATABASE_DIRECT_URL, { max: 1, applicationName: 'motcua-api-listen', connectTimeoutSeconds: 2 });
    return this.#listener.sql;
  }

  /** Is the local adapter subscribed? Publishing before it is would reach no socket of this instance. */
  private listening(): boolean {
    return this.sockets.sub.status === 'ready';
  }

  private async drain(): Promise<void> {
    while (!this.#closed) {
      if (!this.listening()) return this.later();
      let outcome: 'busy' | 'empty' | number;
      let publishing = false;
      try {
        outcome = await this.database.db.transaction(async (tx) => {
          if (!(await outboxRepository.lockRelay(tx))) return 'busy' as const;
          const rows = await outboxRepository.take(tx, BATCH);
          if (!rows.length) return 'empty' as const;
          publishing = true;
          // A failed publish rolls the transaction back: the rows stay for the next try.
          await withTimeout(this.publisher.publishMany(rows), PUBLISH_TIMEOUT_MS);
          publishing = false;
          return rows.length;
        });
        // Counted once committed: a rolled-back batch goes out again later.
        if (typeof outcome === 'number') this.metrics.eventsPublished.inc(outcome);
      } catch (e) {
        this.watch.down(publishing ? 'redis' : 'postgres', e);
        return this.later();
      }
      // Another instance holds the relay: it may have read before our commit, so look again soon.
      if (outcome === 'busy') return this.later(25);
      // A partial batch emptied the table; whatever commits meanwhile kicks again (NOTIFY sets #again).
      if (outcome === 'empty' || outcome < BATCH) return;
    }
  }

  private later(ms = RETRY_MS): void {
    clearTimeout(this.#retry);
    if (this.#closed) return;
    this.#retry = setTimeout(() => this.kick(), ms);
    this.#retry.unref();
  }
}

class PublishTimeout extends Error {
  override name = 'PublishTimeout';
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([work, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new PublishTimeout(`Redis did not answer within ${ms} ms`)), ms)))]).finally(() => clearTimeout(timer));
}
