// Child processes of `npm start`/`npm test`: run a command, or keep a long-lived app with readable logs.
import { spawn } from 'node:child_process';
import readline from 'node:readline';

const BOOT_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'WebSocketsController', 'NestFactory', 'NestApplication']);
const LEVELS = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };

/**
 * Runs a command to completion, inheriting the terminal, or with each line starting with
 * `prefix` when another command prints at the same time; resolves to its exit code.
 */
export function run(cmd, args, { prefix, ...opts } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: prefix ? ['ignore', 'pipe', 'pipe'] : 'inherit', ...opts });
    if (prefix) {
      readline.createInterface({ input: child.stdout }).on('line', (line) => console.log(prefix + line));
      readline.createInterface({ input: child.stderr }).on('line', (line) => console.error(prefix + line));
    }
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.once('error', () => resolve(127));
  });
}

/**
 * Starts a long-lived Node app. Its JSON log lines (pino) are shortened to
 * "[name] level message" so a terminal stays readable; other lines pass through.
 */
export function startApp(name, script, env, { quiet = false } = {}) {
  const child = spawn(process.execPath, [script], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const tail = [];
  const onLine = (line) => {
    tail.push(line);
    if (tail.length > 30) tail.shift();
    if (quiet) return;
    let text = line;
    try {
      const j = JSON.parse(line);
      const level = LEVELS[j.level] ?? j.level;
      if (level === 'debug' || level === 'trace') return;
      // Nest's boot chatter (modules loaded, routes mapped) is noise in a terminal.
      if (level === 'info' && BOOT_CONTEXTS.has(j.context)) return;
      text = `${level === 'info' ? '' : level.toUpperCase() + ' '}${j.msg ?? ''}${j.err?.message ? ': ' + j.err.message : ''}`;
    } catch {
      /* not JSON: print as is */
    }
    console.log(`[${name}] ${text}`);
  };
  readline.createInterface({ input: child.stdout }).on('line', onLine);
  readline.createInterface({ input: child.stderr }).on('line', onLine);
  let exited = false;
  const exit = new Promise((resolve) => child.once('exit', (code) => { exited = true; resolve(code); }));
  return {
    child,
    name,
    exit,
    tail: () => tail.join('\n'),
    get exited() { return exited; },
    async stop() {
      if (exited) return;
      child.kill('SIGTERM');
      // Time to finish the requests and jobs in hand; a job cut short is picked up again from the queue.
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exit;
      clearTimeout(timer);
    },
  };
}

/** Polls a URL until it answers 200, or the app dies, or time runs out. */
export async function waitForHttp(url, app, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (app?.exited) return false;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return true;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}
