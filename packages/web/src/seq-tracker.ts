/** Where a room's numbering stood at the last event (or snapshot) seen. */
type Position = { epoch: string; seq: number };

/**
 * Remembers the last sequence number seen per room. A jump (an event missed while
 * the connection hiccuped) means the page must refetch its snapshot; so does a new
 * epoch: the server's numbering restarted (Redis lost it) and the old numbers mean nothing.
 */
export class SeqTracker {
  readonly #last = new Map<string, Position>();

  /** 'ok'; 'gap' when events were missed; 'reset' for a new epoch (both: resync); 'stale' for a duplicate or an old event. */
  accept(room: string, epoch: string, seq: number): 'ok' | 'gap' | 'stale' | 'reset' {
    const last = this.#last.get(room);
    if (last && last.epoch === epoch && seq <= last.seq) return 'stale';
    this.#last.set(room, { epoch, seq });
    if (!last) return 'ok';
    if (last.epoch !== epoch) return 'reset';
    return seq === last.seq + 1 ? 'ok' : 'gap';
  }

  /** After a snapshot, continue from the position it carries (or, without one, from the next event). */
  reset(room: string, position?: Position | null): void {
    if (!position) this.#last.delete(room);
    else this.#last.set(room, position);
  }
}
