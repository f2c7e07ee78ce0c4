// Public routes are limited per client address in fixed windows (each route's
// access.rateLimit in @motcua/contracts). The simulator keeps itself under a share of
// each limit, counted in the same windows, so it never runs into 429s.

export function createBudget({ limit, windowSeconds }, share = 0.8) {
  const allowed = Math.max(1, Math.floor(limit * share));
  let window = -1;
  let used = 0;
  const current = () => Math.floor(Date.now() / 1000 / windowSeconds);
  return {
    /** Takes one request from the budget now, or says no (the caller skips it). */
    tryTake() {
      if (current() !== window) {
        window = current();
        used = 0;
      }
      if (used >= allowed) return false;
      used += 1;
      return true;
    },
    /** Milliseconds until the next window opens. */
    msToNextWindow() {
      return (current() + 1) * windowSeconds * 1000 - Date.now() + 50;
    },
  };
}
