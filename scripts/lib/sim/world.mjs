// Finds everything through the API at run time — centers, services, counters, procedures,
// who works where today — so the simulator fits whatever the database holds.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { ApiCallError } from './http.mjs';

const WORKING_ROLES = new Set(['officer', 'specialist', 'center_manager']);

/** Signs a demo account in (staying under the sign-in limit); null when its password no longer works. */
async function signIn(ctx, account) {
  await takeOrWait(ctx, ctx.budgets.signIn);
  const session = ctx.http.client();
  try {
    const me = await session.post('/auth/sign-in', { username: account.username, password: account.password });
    return { ...session, me, username: account.username, roles: new Set(me.roles.map((g) => g.role)) };
  } catch (e) {
    if (e instanceof ApiCallError && (e.status === 401 || e.status === 400 || e.code === 'ACCOUNT_LOCKED')) {
      ctx.log(`Cannot sign in as ${account.username} (${e.message}); skipping this account.`);
      return null;
    }
    throw e;
  }
}

async function takeOrWait(ctx, budget) {
  while (!budget.tryTake()) {
    if (!(await ctx.control.sleep(budget.msToNextWindow()))) throw new StoppedError();
  }
}

export class StoppedError extends Error {}

/** Picks the centers to animate: the ones named, or those where demo accounts work, most staffed first. */
function chooseCenters(all, accounts, wanted) {
  if (Array.isArray(wanted)) {
    const picked = wanted.map((code) => all.find((c) => c.code === code || c.id === code));
    const missing = wanted.filter((_, i) => !picked[i]);
    if (missing.length) throw new Error(`unknown center code(s): ${missing.join(', ')} (known: ${all.map((c) => c.code).join(', ')})`);
    return picked;
  }
  const staffed = all
    .map((c) => ({ c, staff: accounts.filter((a) => WORKING_ROLES.has(a.role) && a.scope === c.name).length }))
    .filter((x) => x.staff > 0)
    .sort((a, b) => b.staff - a.staff)
    .map((x) => x.c);
  return staffed.slice(0, wanted ?? 5);
}

/**
 * Signs in the admin and the staff of the chosen centers, reads each center's setup and
 * today's assignments, and decides who works which counter: the officer assigned today,
 * else the center manager steps in at one free counter (as managers do).
 */
export async function discover(ctx, accounts, wantedCenters) {
  const adminAccount = accounts.find((a) => a.role === 'admin');
  if (!adminAccount) throw new Error('the accounts file has no admin account (it is needed to register the simulated kiosks)');
  const admin = await signIn(ctx, adminAccount);
  if (!admin) throw new Error(`the admin account "${adminAccount.username}" cannot sign in; is the accounts file from this database?`);

  const [allCenters, options] = await Promise.all([admin.get('/centers'), admin.get('/dossiers/intake-options')]);
  const chosen = chooseCenters(allCenters, accounts, wantedCenters);
  if (!chosen.length) throw new Error('no center has demo staff accounts in the accounts file; name centers with --centers CODE,CODE');
  const centers = await Promise.all(chosen.map((c) => admin.get(`/centers/${c.id}`)));
  const names = new Set(centers.map((c) => c.name));

  const staff = [];
  for (const account of accounts.filter((a) => WORKING_ROLES.has(a.role) && names.has(a.scope))) {
    const session = await signIn(ctx, account);
    if (session) staff.push(session);
  }

  const workers = new Map();
  for (const s of staff.filter((x) => x.roles.has('officer'))) {
    const mine = await s.get('/me/assignments');
    for (const a of mine.assignments) if (centers.some((c) => c.id === a.centerId) && !workers.has(a.counterId)) workers.set(a.counterId, s);
  }
  for (const center of centers) {
    const manager = staff.find((s) => s.roles.has('center_manager') && s.me.roles.some((g) => g.scopeCenterId === center.id));
    const free = center.counters.find((c) => !workers.has(c.id));
    if (manager && free) workers.set(free.id, manager);
  }
  const counters = centers.flatMap((center) => center.counters.filter((c) => workers.has(c.id)).map((counter) => ({ center, counter, session: workers.get(counter.id) })));
  return { admin, centers, counters, staff, options };
}

/**
 * A kiosk per center, obtained the real way: the admin registers a kiosk and gets a pairing
 * code, the kiosk exchanges it for its device cookie. Cookies are kept in the state file, so
 * the next run reuses its kiosks instead of registering new ones.
 */
export async function pairKiosks(ctx, admin, centers, statePath) {
  const state = statePath && existsSync(statePath) ? JSON.parse(readFileSync(statePath, 'utf8')) : {};
  state.kiosks ??= {};
  const kiosks = new Map();
  for (const center of centers) {
    const saved = state.kiosks[center.id];
    if (saved) {
      const kiosk = ctx.http.client(saved);
      const ok = await kiosk.get('/devices/me').then(() => true, (e) => (e instanceof ApiCallError && e.status === 401 ? false : Promise.reject(e)));
      if (ok) {
        kiosks.set(center.id, kiosk);
        continue;
      }
    }
    const { pairingCode } = await admin.post(`/centers/${center.id}/devices`, { kind: 'kiosk', name: 'Ki-ốt mô phỏng (demo:live)' });
    await takeOrWait(ctx, ctx.budgets.pairDevice);
    const kiosk = ctx.http.client();
    await kiosk.post('/devices/pair', { code: pairingCode });
    kiosks.set(center.id, kiosk);
    state.kiosks[center.id] = Object.fromEntries(kiosk.jar);
    if (statePath) writeFileSync(statePath, JSON.stringify(state, null, 2), { mode: 0o600 });
  }
  return kiosks;
}
