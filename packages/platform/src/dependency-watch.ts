import type { Redis } from 'ioredis';
import type { Logger } from 'pino';

type Outage = { since: number; failures: number; sources: Set<string>; probe?: NodeJS.Timeout };

/**
 * Knows whether PostgreSQL and Redis answer, and says so in the log once when an outage
 * starts and once when it ends (with how long it lasted and how many failures it caused),
 * however many requests or connections fail in between.
 */
export class DependencyWatch {
  readonly #outages = new Map<string, Outage>();
  readonly #listeners = new Set<(name: string, up: boolean) => void>();

  constructor(private readonly logger: Logger) {}

  isUp(name: string): boolean {
    return !this.#outages.has(name);
  }

  /** Runs on every change: (dependency, up). */
  onChange(fn: (name: string, up: boolean) => void): () => void {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }

  /** A failure of `name` seen by `source` (a connection, a request). */
  down(name: string, error: unknown, source = 'request'): void {
    const outage = this.#outages.get(name);
    if (outage) {
      outage.failures++;
      outage.sources.add(source);
      return;
    }
    this.#outages.set(name, { since: Date.now(), failures: 1, sources: new Set([source]) });
    this.logger.error({ dependency: name, reason: reasonOf(error) }, `${name} is unavailable`);
    for (const fn of this.#listeners) fn(name, false);
  }

  /** `source` works again; the outage ends when every source that failed is back. */
  up(name: string, source = 'request'): void {
    const outage = this.#outages.get(name);
    if (!outage) return;
    outage.sources.delete(source);
    if (source !== 'request') outage.sources.delete('request');
    if (outage.sources.size) return;
    clearInterval(outage.probe);
    this.#outages.delete(name);
    this.logger.info({ dependency: name, downMs: Date.now() - outage.since, failures: outage.failures }, `${name} is available again`);
    for (const fn of this.#listeners) fn(name, true);
  }

  /** While `name` is down, runs `check` every `everyMs` and ends the outage when it passes. */
  probeWhileDown(name: string, check: () => Promise<unknown>, everyMs = 500): void {
    const outage = this.#outages.get(name);
    if (!outage || outage.probe) return;
    let running = false;
    outage.probe = setInterval(() => {
      if (running) return;
      running = true;
      check()
        .then(() => this.up(name, 'request'), () => {})
        .finally(() => (running = false));
    }, everyMs);
    outage.probe.unref();
  }

  /** Follows one Redis connection: an error or a lost connection starts an outage, 'ready' ends its part. */
  watchRedis(client: Redis, source: string, name = 'redis'): void {
    client.on('error', (e) => this.down(name, e, source));
    client.on('close', () => {
      if (client.status !== 'end') this.down(name, new Error('connection closed'), source);
    });
    client.on('ready', () => this.up(name, source));
  }

  close(): void {
    for (const o of this.#outages.values()) clearInterval(o.probe);
  }
}

/** The code and first line of a driver error: no stack, no query, no parameters. */
export function reasonOf(error: unknown): string {
  const e = error as { code?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = e?.cause?.code ?? e?.code;
  const message = String(e?.cause?.message ?? e?.message ?? error).split('\n')[0]!;
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}
