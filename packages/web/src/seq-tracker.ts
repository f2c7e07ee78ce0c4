/**
 * Remembers the last sequence number seen per room. A jump (an event missed while
 * the connection hiccuped) means the page must refetch its snapshot.
 */
export class SeqTracker {
  readonly #last = new Map<string, number>();

  /** Returns 'ok', or 'gap' when events were missed; duplicates and stale events are 'stale'. */
  accept(room: string, seq: number): 'ok' | 'gap' | 'stale' {
    const last = this.#last.get(room);
    if (last !== undefined && seq <= last) return 'stale';
    this.#last.set(room, seq);
    return last === undefined || seq === last + 1 ? 'ok' : 'gap';
  }

  /** After a snapshot, continue from the sequence number it carries (or from the next event). */
  reset(room: string, seq?: number): void {
    if (seq === undefined) this.#last.delete(room);
    else this.#last.set(room, seq);
  }
}
