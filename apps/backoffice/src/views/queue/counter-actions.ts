import type { Workstation } from '@motcua/contracts';

export type CounterAction = 'callNext' | 'callSpecific' | 'recall' | 'start' | 'done' | 'noShow' | 'transfer' | 'pause' | 'close' | 'open';

/**
 * Which buttons make sense right now (docs/domain.md "Ticket states": waiting → called →
 * serving → done; called → no_show; serving → transferred). The API decides in
 * the end and answers 409 otherwise; this only keeps impossible buttons grey.
 */
export function counterActions(ws: Workstation): Record<CounterAction, boolean> {
  const { state } = ws.counter;
  const status = ws.current?.status;
  const idle = !ws.current;
  const working = state === 'open' || state === 'serving';
  // Recalled as often as the center allows: the next call marks it no-show.
  const givenUp = status === 'called' && ws.current!.recallCount >= ws.noShowAfterRecalls;
  return {
    callNext: working && (idle || givenUp) && ws.waitingTotal > 0,
    callSpecific: working && (idle || givenUp) && ws.allowCallSpecific,
    recall: status === 'called',
    start: status === 'called',
    noShow: status === 'called',
    done: status === 'serving',
    transfer: status === 'serving' && (ws.services.length > 1 || ws.otherCounters.length > 0),
    pause: working && idle,
    close: state !== 'closed' && idle,
    open: state === 'paused' || state === 'closed',
  };
}

/** Keyboard shortcuts, shown on the buttons. */
export const actionKeys: Partial<Record<CounterAction, readonly string[]>> = {
  callNext: ['N', 'Space'],
  recall: ['R'],
  start: ['S'],
  done: ['D'],
  noShow: ['X'],
  transfer: ['T'],
  pause: ['P'],
  open: ['O'],
};
