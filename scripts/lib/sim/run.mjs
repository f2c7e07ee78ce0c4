// The live simulator: discovers the running system through its API and drives it like its users.
import { routes } from '@motcua/contracts';
import { createControl } from './control.mjs';
import { receiveAtCounter, runOnlinePortal, runWorkflow } from './dossier-actors.mjs';
import { ApiCallError, createHttp } from './http.mjs';
import { createBudget } from './limiter.mjs';
import { arrivalsPerMinute, runCounter, runKiosk } from './queue-actors.mjs';
import { createRandom } from './random.mjs';
import { createStats } from './stats.mjs';
import { discover, loadState, pairKiosks, pairRatingTablet, StoppedError } from './world.mjs';

/**
 * Starts the simulation; returns at once with `stop()` (finishes what is in flight, closes
 * the counters) and `done` (resolves when everything has stopped).
 * options: { url, accounts, pace, ticketsPerMinute, centers, demoAccountsOnly, seed, statePath, verbose, log, status }
 */
export function startSimulator(options) {
  const control = createControl();
  const stats = createStats({
    onError: options.verbose ? (m) => options.log(`error: ${m}`) : undefined,
    // Under `npm start -- --live`, Ctrl-C reaches the API too: once stopping, a vanished server is expected.
    ignore: (e) => control.stopping && (!(e instanceof ApiCallError) || e.status >= 500),
  });
  const http = createHttp(options.url);
  const budget = (route) => createBudget(routes[route].access.rateLimit);
  const ctx = {
    control, stats, http, log: options.log,
    rnd: createRandom(options.seed ?? Date.now()),
    runId: Date.now().toString(36),
    pace: options.pace,
    ticketsPerMinute: options.ticketsPerMinute,
    budgets: { signIn: budget('signIn'), pairDevice: budget('pairDevice'), intakeOnline: budget('intakeOnline'), rate: createBudget({ limit: 30, windowSeconds: 60 }), kiosk: budget('kiosk') },
    waiting: new Map(),
    closedCheckedAt: new Map(),
    badProcedures: new Set(),
    dossiers: new Map(),
    staff: [],
  };

  const done = (async () => {
    const state = loadState(options.statePath);
    let world;
    try {
      world = await discover(ctx, options.accounts, { centers: options.centers, demoAccountsOnly: options.demoAccountsOnly, state });
    } catch (e) {
      if (e instanceof StoppedError) return stats;
      throw e;
    }
    Object.assign(ctx, { options: world.options, staff: world.staff, centerCount: world.centers.length });
    // Each counter's rating tablet is paired the first time a citizen there rates (#15: ratings come from paired tablets only).
    const tablets = new Map();
    ctx.ratingTablet = (counter) => {
      if (!tablets.has(counter.id)) tablets.set(counter.id, pairRatingTablet(ctx, world.admin, counter, state).catch(() => null));
      return tablets.get(counter.id);
    };
    const kiosks = await pairKiosks(ctx, world.admin, world.centers, state).catch((e) => (e instanceof StoppedError ? null : Promise.reject(e)));
    if (!kiosks) return stats;
    options.log(`Simulating ${world.centers.length} center(s): ${world.centers.map((c) => `${c.name} (${world.counters.filter((x) => x.center === c).length} counter(s) staffed)`).join('; ')}.`);
    options.log(`Pace ×${ctx.pace}${ctx.ticketsPerMinute ? `, ${ctx.ticketsPerMinute} tickets/min` : ''}; ${world.staff.length} staff signed in. Ctrl-C stops.`);

    const countersOf = (center) => world.counters.filter((c) => c.center === center).map((c) => c.counter);
    const ticker = setInterval(() => options.status(stats.line()), 1000);
    // One actor failing for good (e.g. its account lost its grant) must not stop the others.
    const actor = (where, run) => run().catch((e) => stats.error(where, e));
    try {
      await Promise.all([
        ...world.centers.map((center) =>
          actor(`kiosk ${center.code}`, () => runKiosk(ctx, { center, kiosk: kiosks.get(center.id), counters: countersOf(center) })),
        ),
        ...world.counters.map((c) => actor(`counter ${c.center.code} ${c.counter.label}`, () => runCounter(ctx, c, (serving) => receiveAtCounter(ctx, serving, c.session)))),
        actor('online portal', () => runOnlinePortal(ctx, world.centers.map((center) => ({ center, perMinute: arrivalsPerMinute(ctx, center, countersOf(center)) })))),
        actor('dossier workflow', () => runWorkflow(ctx)),
      ]);
      await http.drain();
    } finally {
      clearInterval(ticker);
    }
    return stats;
  })();

  return { stop: () => control.stop(), done, stats };
}
