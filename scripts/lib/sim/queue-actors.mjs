// Citizens at the kiosk and officers at their counters.
import { ApiCallError } from './http.mjs';

const MINUTE = 60_000;
/** A queue this long makes newcomers give up and come back another day. */
const MAX_WAITING = 40;

/**
 * Issues tickets at a center like citizens arriving: a Poisson process whose mean gap
 * keeps the worked counters about 85% busy (or `ticketsPerMinute` when given).
 */
export async function runKiosk(ctx, { center, kiosk, counters }) {
  const { control, stats, rnd } = ctx;
  const perMinute = arrivalsPerMinute(ctx, center, counters);
  const served = new Set(counters.flatMap((c) => c.services.map((s) => s.serviceId)));
  const services = center.services.filter((s) => s.isOpen && served.has(s.id));
  if (!services.length || perMinute <= 0) return;

  while (await control.sleep(rnd.exp(MINUTE / perMinute))) {
    if (stats.closedCenters.has(center.name) && !(await stillClosed(ctx, center))) stats.reopened(center.name);
    if (stats.closedCenters.has(center.name)) continue;
    if ((ctx.waiting.get(center.id) ?? 0) >= MAX_WAITING) continue;
    const service = rnd.pick(services);
    const priority = center.priorityCategories.length && rnd.chance(0.1) ? rnd.pick(center.priorityCategories).id : null;
    try {
      await kiosk.post(`/centers/${center.id}/tickets`, { serviceId: service.id, priorityCategoryId: priority });
      stats.add('issued');
      ctx.waiting.set(center.id, (ctx.waiting.get(center.id) ?? 0) + 1);
    } catch (e) {
      // Outside opening hours the center refuses tickets; that is the server's rule to respect, not an error.
      if (e instanceof ApiCallError && e.details?.openingHoursToday) {
        if (!stats.closedCenters.has(center.name)) ctx.log(`${center.name}: ${e.message} Kiosk paused until it opens (opening hours can be changed in the backoffice).`);
        stats.closed(center.name, e.message);
        // No open counter serves the service yet (an officer still opening theirs): the kiosk says so and the citizen comes back.
      } else if (e instanceof ApiCallError && e.details?.expected) stats.add('turnedAway');
      else stats.error(`ticket at ${center.code}`, e);
    }
  }
}

/** Citizens per minute (after the pace) at a center whose `counters` are worked. */
export function arrivalsPerMinute(ctx, center, counters) {
  if (ctx.ticketsPerMinute) return ctx.ticketsPerMinute / ctx.centerCount;
  const serviceMinutes = (id) => center.services.find((s) => s.id === id)?.typicalServiceMinutes ?? 8;
  const capacityPerMinute = counters.reduce((sum, c) => sum + 1 / avg(c.services.map((s) => serviceMinutes(s.serviceId))), 0);
  return 0.85 * capacityPerMinute * ctx.pace;
}

/** Rechecks a closed center through the kiosk snapshot, at most once a minute. */
async function stillClosed(ctx, center) {
  const now = Date.now();
  if (now - (ctx.closedCheckedAt.get(center.id) ?? 0) < MINUTE || !ctx.budgets.kiosk.tryTake()) return true;
  ctx.closedCheckedAt.set(center.id, now);
  const snap = await ctx.http.client().get(`/public/centers/${center.id}/kiosk`).catch(() => null);
  return !snap?.isOpenNow;
}

/**
 * An officer at a counter: opens it, calls the next ticket when the workstation shows someone
 * waiting, waits for the citizen to walk up, serves for a realistic time (receiving a dossier
 * for many of them), then finishes, transfers now and then, or marks a no-show; the citizen
 * may rate at the tablet.
 */
export async function runCounter(ctx, { center, counter, session }, onServing) {
  const { control, stats, rnd, pace } = ctx;
  const at = (action, body) => session.post(`/counters/${counter.id}/${action}`, body);
  const minutes = (m) => (m * MINUTE) / pace;
  // A ticket left in hand by an earlier run that was killed is finished first.
  let ws = await settle(at, await at('state', { state: 'open' }));

  while (!control.stopping) {
    ctx.waiting.set(center.id, ws.waitingTotal);
    if (ws.waitingTotal === 0) {
      await control.sleep(Math.max(1000, minutes(rnd.exp(0.5))));
      ws = await session.get(`/counters/${counter.id}/workstation`).catch((e) => {
        stats.error(`workstation ${center.code} ${counter.label}`, e);
        return { waitingTotal: 0 };
      });
      continue;
    }
    try {
      ws = await at('call-next');
    } catch (e) {
      // Another counter took the last one meanwhile.
      if (!(e instanceof ApiCallError && e.code === 'INVALID_TRANSITION')) stats.error(`call at ${center.code} ${counter.label}`, e);
      ws = { waitingTotal: 0 };
      continue;
    }
    stats.add('called');
    try {
      ws = await serve(ctx, { center, counter, at, minutes, ticket: ws.current }, onServing);
    } catch (e) {
      stats.error(`counter ${center.code} ${counter.label}`, e);
      ws = { waitingTotal: 0 };
    }
  }
  // Stopping cut the waits short, so the ticket in hand was just finished: close like an officer leaving.
  await at('state', { state: 'closed' }).catch((e) => stats.error(`closing ${center.code} ${counter.label}`, e));
}

async function settle(at, ws) {
  if (ws.current?.status === 'serving') return at('done');
  if (ws.current?.status === 'called') return at('no-show');
  return ws;
}

/** One citizen at the counter; resolves to the workstation after them. */
async function serve(ctx, { center, counter, at, minutes, ticket }, onServing) {
  const { control, stats, rnd } = ctx;
  // Walking to the counter; some never come.
  await control.sleep(minutes(rnd.around(0.5)));
  if (rnd.chance(0.06)) {
    await at('recall');
    await control.sleep(minutes(rnd.around(0.5)));
    stats.add('noShow');
    return at('no-show');
  }
  await at('start');
  const service = center.services.find((s) => s.id === ticket.serviceId);
  const total = minutes(rnd.around(service?.typicalServiceMinutes ?? 8));
  await control.sleep(total * 0.6);
  if (!control.stopping) await onServing({ center, counter, ticket, service });
  await control.sleep(total * 0.4);
  const others = center.services.filter((s) => s.id !== ticket.serviceId && s.isOpen);
  if (!control.stopping && others.length && rnd.chance(0.05)) {
    stats.add('transferred');
    return at('transfer', { serviceId: rnd.pick(others).id });
  }
  const after = await at('done');
  stats.add('served');
  if (!control.stopping && rnd.chance(0.6) && ctx.budgets.rate.tryTake()) {
    const level = rnd.chance(0.75) ? 'very_satisfied' : rnd.chance(0.85) ? 'satisfied' : 'not_satisfied';
    const tablet = await ctx.ratingTablet?.(counter);
    if (tablet) {
      await tablet.post(`/public/counters/${counter.id}/ratings`, { ticketId: ticket.id, level, reason: level === 'not_satisfied' ? 'Chờ lâu' : null });
      stats.add('rated');
    }
  }
  return after;
}

const avg = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 8);
