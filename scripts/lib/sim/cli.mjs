// Runs the simulator in this process until stopped; shared by `npm run demo:live` and `npm start -- --live`.
import { readAccounts } from './accounts.mjs';
import { createConsole } from './console.mjs';

export class SimulatorSetupError extends Error {}

/** Checks that the system answers and the accounts are there, then starts; returns { stop, done }. */
export async function launch(options) {
  const out = createConsole();
  const accounts = readAccounts(options.accountsFile);
  if (!accounts) {
    throw new SimulatorSetupError(`no demo accounts file at ${options.accountsFile}. The first \`npm start\` on an empty .data/ writes it; or pass --accounts FILE.`);
  }
  const health = await fetch(`${options.url.replace(/\/+$/, '')}/api/health`, { signal: AbortSignal.timeout(5000) }).catch(() => null);
  if (!health) throw new SimulatorSetupError(`nothing answers at ${options.url}: start the system with \`npm start\` (or \`npm start -- --live\`), or pass --url.`);
  // Route table and rate limits come from the built contracts package.
  const { startSimulator } = await import('./run.mjs').catch((e) => {
    throw new SimulatorSetupError(e?.code === 'ERR_MODULE_NOT_FOUND' ? 'the packages are not built yet: run `npm run build` (npm start does it).' : e.message);
  });
  const sim = startSimulator({ ...options, accounts, log: out.log, status: out.status });
  return {
    stop: sim.stop,
    done: sim.done.then((stats) => {
      out.end(`Simulator stopped. ${stats.line()}${stats.lastError ? `\n  last error: ${stats.lastError}` : ''}`);
      return stats;
    }),
  };
}
