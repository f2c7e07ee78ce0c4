// The run's stop switch: loops sleep through it, so a stop wakes them at once.

export function createControl() {
  const sleepers = new Set();
  let stopping = false;
  return {
    get stopping() {
      return stopping;
    },
    /** Waits `ms`, or less when the run is stopped meanwhile; resolves to whether the run goes on. */
    sleep(ms) {
      if (stopping) return Promise.resolve(false);
      return new Promise((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          sleepers.delete(wake);
          resolve(!stopping);
        };
        const timer = setTimeout(wake, Math.max(0, ms));
        sleepers.add(wake);
      });
    },
    stop() {
      stopping = true;
      for (const wake of sleepers) wake();
    },
  };
}
