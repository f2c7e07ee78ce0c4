// Command line of `npm run demo:live`.
import path from 'node:path';
import { parseArgs } from 'node:util';

export const usage = `Usage: npm run demo:live -- [options]

Drives a running Một Cửa (npm start) through its HTTP API like its users: kiosks issue
tickets, officers call and serve them and receive dossiers, dossiers also arrive online
and are processed, paused, resolved and returned. Ctrl-C stops cleanly.

  --url URL               the running system (default http://localhost:$PORT or :3000)
  --accounts FILE         demo accounts written by the first npm start (default .data/demo-accounts.txt)
  --pace N                speed-up of every duration: 1 = real time, 10 = ten times faster (default 5)
  --tickets-per-minute N  tickets issued per minute over all centers (default: what keeps the staffed counters ~85% busy)
  --centers N|CODE,CODE   how many centers (default 5, those with demo staff first) or which ones by code
  --demo-accounts-only    work only with the accounts of the file; otherwise the admin resets the
                          password of seeded officers assigned today (and a specialist) to sign them in
  --seed N                random seed, to replay a run
  --state FILE            kiosk cookies and reset passwords kept between runs (default .data/demo-live.json)
  --verbose               print every error as it happens (the status line counts them)
  -h, --help              this text

Kiosks refuse tickets outside a center's opening hours (the server's rule): run the demo
during opening hours, or change the center's hours in the backoffice (Trung tâm → giờ làm việc).`;

export function parseOptions(argv, root) {
  const { values } = parseArgs({
    args: argv,
    options: {
      url: { type: 'string' },
      accounts: { type: 'string' },
      pace: { type: 'string', default: '5' },
      'tickets-per-minute': { type: 'string' },
      centers: { type: 'string' },
      'demo-accounts-only': { type: 'boolean', default: false },
      seed: { type: 'string' },
      state: { type: 'string' },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) return { help: true };
  const positive = (name, v) => {
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number (got "${v}")`);
    return n;
  };
  const centers = values.centers === undefined ? undefined : /^\d+$/.test(values.centers) ? positive('centers', values.centers) : values.centers.split(',').map((c) => c.trim()).filter(Boolean);
  return {
    url: values.url ?? `http://localhost:${process.env.PORT ?? 3000}`,
    accountsFile: path.resolve(values.accounts ?? path.join(root, '.data/demo-accounts.txt')),
    pace: positive('pace', values.pace),
    ticketsPerMinute: values['tickets-per-minute'] === undefined ? undefined : positive('tickets-per-minute', values['tickets-per-minute']),
    centers,
    demoAccountsOnly: values['demo-accounts-only'],
    seed: values.seed === undefined ? undefined : Math.floor(positive('seed', values.seed)),
    verbose: values.verbose,
    statePath: path.resolve(values.state ?? path.join(root, '.data/demo-live.json')),
  };
}
