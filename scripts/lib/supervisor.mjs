// `npm start` keeps the API and the worker running: one that exits unexpectedly is started again.
import { startApp } from './proc.mjs';

/** A run shorter than this counts as a crash loop: each further restart waits twice as long, up to MAX_DELAY_MS. */
const STABLE_MS = 60_000;
const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 30_000;

/**
 * Starts `script` and starts it again whenever it exits on its own, saying so on the console, after
 * 0.5 s, then 1, 2, 4… s while it keeps crashing within a minute of starting. `stop()` ends it for good.
 */
export function supervise(name, script, env, { log = (m) => console.error(`» ${m}`), ...options } = {}) {
  let app;
  let stopped = false;
  let crashes = 0;
  let timer;
  const start = () => {
    const startedAt = Date.now();
    app = startApp(name, script, env, options);
    // `exit` only resolves (startApp turns every ending into an exit code).
    void app.exit.then((code) => {
      if (stopped) return;
      crashes = Date.now() - startedAt > STABLE_MS ? 1 : crashes + 1;
      const delay = Math.min(FIRST_DELAY_MS * 2 ** (crashes - 1), MAX_DELAY_MS);
      const how = app.child.signalCode ? `killed by ${app.child.signalCode}` : `exit code ${code}`;
      log(`The ${name} stopped unexpectedly (${how}); starting it again in ${delay / 1000} s${crashes > 1 ? ` (crash ${crashes} in a row)` : ''}.`);
      timer = setTimeout(() => {
        if (!stopped) {
          start();
          log(`The ${name} is starting again (pid ${app.child.pid}).`);
        }
      }, delay);
    });
  };
  start();
  return {
    name,
    /** The running process (changes after a restart). */
    get current() {
      return app;
    },
    /** Exits in a row, each within a minute of its start (0 while the first run lasts). */
    get crashes() {
      return crashes;
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await app.stop();
    },
  };
}
