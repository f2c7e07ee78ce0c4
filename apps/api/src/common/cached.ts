type Entry<T> = { at: number; value: Promise<T>; refreshing: boolean };

/**
 * Values kept for `ttlMs` and never served older. Concurrent misses share one load, and a
 * value read in the second half of its life is reloaded in the background, so steady traffic
 * never waits for a reload: a burst after a pause waits for one query, not one per request.
 */
export class Cached<T> {
  readonly #entries = new Map<string, Entry<T>>();
  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 1000,
  ) {}

  get(key: string, load: () => Promise<T>, now = Date.now()): Promise<T> {
    const hit = this.#entries.get(key);
    const age = hit ? now - hit.at : Infinity;
    if (hit && age < this.ttlMs) {
      if (age >= this.ttlMs / 2 && !hit.refreshing) this.refresh(key, hit, load, now);
      return hit.value;
    }
    if (this.#entries.size >= this.maxEntries) this.evict(now);
    const entry: Entry<T> = { at: now, value: load(), refreshing: false };
    this.#entries.set(key, entry);
    entry.value.catch(() => this.#entries.get(key) === entry && this.#entries.delete(key));
    return entry.value;
  }

  delete(key: string): void {
    this.#entries.delete(key);
  }

  /** Drops every entry whose key starts with `prefix`, e.g. all minutes kept for one center. */
  deletePrefix(prefix: string): void {
    for (const key of this.#entries.keys()) if (key.startsWith(prefix)) this.#entries.delete(key);
  }

  clear(): void {
    this.#entries.clear();
  }

  /** Drops every entry whose loaded value matches, e.g. all cookies of a revoked device. */
  async deleteWhere(match: (value: T) => boolean): Promise<void> {
    const entries = [...this.#entries];
    const values = await Promise.all(entries.map(([, e]) => e.value.catch(() => undefined)));
    entries.forEach(([key, entry], i) => {
      if (values[i] !== undefined && match(values[i] as T) && this.#entries.get(key) === entry) this.#entries.delete(key);
    });
  }

  private refresh(key: string, hit: Entry<T>, load: () => Promise<T>, now: number): void {
    hit.refreshing = true;
    const value = load();
    // Swapped in only once loaded and only if nothing replaced or deleted the entry meanwhile.
    value.then(
      () => this.#entries.get(key) === hit && this.#entries.set(key, { at: now, value, refreshing: false }),
      () => (hit.refreshing = false),
    );
  }

  private evict(now: number): void {
    for (const [k, e] of this.#entries) if (now - e.at >= this.ttlMs) this.#entries.delete(k);
    // Still full of live entries: start over rather than grow without bound.
    if (this.#entries.size >= this.maxEntries) this.#entries.clear();
  }
}
