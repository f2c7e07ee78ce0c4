/** Wrong sign-ins of one account from one address that answer at once; after them each try waits longer. */
export const SIGN_IN_FREE_FAILURES = 5;
/** The longest wait between tries, however many failures. */
export const SIGN_IN_MAX_DELAY_MS = 5 * 60_000;
/** Failures are forgotten this long after the last one. */
export const SIGN_IN_FAILURE_WINDOW_SECONDS = 15 * 60;

/**
 * Progressive delay instead of a lock (#15): nobody can lock another person out, and guessing
 * slows down exponentially — after the free failures, 1 s, 2 s, 4 s … up to 5 minutes between tries
 * of one account from one address. Returns the milliseconds to wait after the last failure.
 */
export function signInDelayMs(failures: number): number {
  if (failures < SIGN_IN_FREE_FAILURES) return 0;
  return Math.min(SIGN_IN_MAX_DELAY_MS, 1000 * 2 ** (failures - SIGN_IN_FREE_FAILURES));
}

/** Whether a try now must be refused (answered like a wrong password, without checking it). */
export function signInThrottled(failures: { count: number; lastAt: number }, now: number): boolean {
  return now < failures.lastAt + signInDelayMs(failures.count);
}
