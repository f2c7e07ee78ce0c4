import { CounterAction as CounterActionNames, type CounterAction, type Workstation } from '@motcua/contracts';

export type { CounterAction };

/**
 * Which buttons work right now. The API decides with the ticket lifecycle in packages/core
 * and sends `allowedActions`; the workstation only draws them (it never re-decides).
 */
export function counterActions(ws: Workstation): Record<CounterAction, boolean> {
  const allowed = new Set(ws.allowedActions);
  return Object.fromEntries(CounterActionNames.map((a) => [a, allowed.has(a)])) as Record<CounterAction, boolean>;
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
