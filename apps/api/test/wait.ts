import { vi } from 'vitest';

/**
 * Waits for `check` to give a truthy value and returns it; fails naming `what` when it has not
 * within `timeoutMs`. The one polling helper of the integration tests: wait for the event, never
 * for a fixed time. Limits are generous because the test machine is shared and loaded.
 */
export function waitFor<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  return vi.waitFor(
    async () => {
      const value = await check();
      if (!value) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
      return value;
    },
    { timeout: timeoutMs, interval: 100 },
  );
}
