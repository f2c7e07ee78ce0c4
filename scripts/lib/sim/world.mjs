// Finds everything through the API at run time — centers, services, counters, procedures,
// who works where today — so the simulator fits whatever the database holds.
import { randomBytes } from 'node:crypto';
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
    ctx.log(`Waiting ${Math.ceil(budget.msToNextWindow() / 1000)} s: the API allows only so many sign-ins and pairings a minute from one address.`);
    if (!(await ctx.control.sleep(budget.msToNextWindow()))) throw new StoppedError();
  }
}

export class StoppedError extends Error {}

/** Today's date in a center's time zone (assignments are per local day). */
const localDate = (timeZone) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

const centerOf = (session) => session.me.homeCenterId ?? session.me.roles.find((g) => g.scopeCenterId)?.scopeCenterId ?? null;

/** The centers to animate: the ones named, else those where demo accounts work (most first), then any. */
function chooseCenters(all, sessions, wanted) {
  if (Array.isArray(wanted)) {
    const picked = wanted.map((code) => all.find((c) => c.code === code || c.id === code));
    const missing = wanted.filter((_, i) => !picked[i]);
    if (missing.length) throw new Error(`unknown center code(s): ${missing.join(', ')} (known: ${all.map((c) => c.code).join(', ')})`);
    return picked;
  }
  const staffed = (c) => sessions.filter((x) => centerOf(x) === c.id).length;
  return [...all].sort((a, b) => staffed(b) - staffed(a)).slice(0, wanted ?? 5);
}

/**
 * Signs in the admin and the demo staff, reads the chosen centers' setup and today's
 * assignment boards, and decides who works which counter: the person assigned today (a demo
 * account, or — unless demoAccountsOnly — a seeded officer the admin resets a password for,
 * kept in the state file), else the center manager steps in at one free counter.
 */
export async function discover(ctx, accounts, { centers: wantedCenters, demoAccountsOnly, state }) {
  const adminAccount = accounts.find((a) => a.role === 'admin');
  if (!adminAccount) throw new Error('the accounts file has no admin account (it is needed to register the simulated kiosks)');
  const admin = await signIn(ctx, adminAccount);
  if (!admin) throw new Error(`the admin account "${adminAccount.username}" cannot sign in; is the accounts file from this database?`);

  const [allCenters, options] = await Promise.all([admin.get('/centers'), admin.get('/dossiers/intake-options')]);
  // The printed demo passwords are never reset.
  const known = new Set(accounts.map((a) => a.username));
  const staff = [];
  const working = accounts.filter((a) => WORKING_ROLES.has(a.role));
  // Named centers: their own accounts (the file's scope column names the center), if any match.
  const named = Array.isArray(wantedCenters) ? allCenters.filter((c) => wantedCenters.includes(c.code) || wantedCenters.includes(c.id)).map((c) => c.name) : [];
  const theirs = working.filter((a) => named.includes(a.scope));
  // One sign-in window's worth: a big province's file would otherwise take minutes.
  for (const account of (theirs.length ? theirs : working).slice(0, 20)) {
    const session = await signIn(ctx, account);
    if (session) staff.push(session);
  }
  const centers = await Promise.all(chooseCenters(allCenters, staff, wantedCenters).map((c) => admin.get(`/centers/${c.id}`)));
  const ids = new Set(centers.map((c) => c.id));
  const chosenStaff = staff.filter((s) => ids.has(centerOf(s)));

  const workers = new Map();
  for (const center of centers) {
    const board = await admin.get(`/centers/${center.id}/assignments?date=${localDate(center.timeZone)}`);
    for (const a of board.assignments) {
      if (workers.has(a.counterId)) continue;
      const session = chosenStaff.find((s) => s.me.id === a.staffId) ?? (demoAccountsOnly ? null : await borrow(ctx, admin, a.staffId, { state, known }));
      if (!session) continue;
      workers.set(a.counterId, session);
      if (!chosenStaff.includes(session)) chosenStaff.push(session);
    }
    const manager = chosenStaff.find((s) => s.roles.has('center_manager') && s.me.roles.some((g) => g.scopeCenterId === center.id));
    const free = center.counters.find((c) => !workers.has(c.id));
    if (manager && free) workers.set(free.id, manager);
    if (!demoAccountsOnly && !chosenStaff.some((s) => s.roles.has('specialist') && centerOf(s) === center.id)) {
      const people = await staffOf(admin, ctx);
      const specialist = people.find((p) => p.homeCenterId === center.id && p.active && p.roles.some((g) => g.role === 'specialist'));
      const session = specialist && (await borrow(ctx, admin, specialist.id, { state, known }));
      if (session) chosenStaff.push(session);
    }
  }
  const counters = centers.flatMap((center) => center.counters.filter((c) => workers.has(c.id)).map((counter) => ({ center, counter, session: workers.get(counter.id) })));
  const staffed = centers.filter((c) => counters.some((x) => x.center === c));
  if (!staffed.length) throw new Error('nobody can work a counter in the chosen centers today: assign officers on the backoffice\'s assignment board, or name other centers with --centers');
  return { admin, centers: staffed, counters, staff: chosenStaff, options };
}

async function staffOf(admin, ctx) {
  ctx.people ??= await admin.get('/staff');
  return ctx.people;
}

/**
 * Seeded staff whose passwords nobody was shown: the admin resets one (as the backoffice's
 * "reset password" does) and the simulator signs in with it; the password is kept in the
 * state file, so later runs sign in without resetting again.
 */
async function borrow(ctx, admin, staffId, { state, known }) {
  const person = (await staffOf(admin, ctx)).find((p) => p.id === staffId);
  if (!person?.active || known.has(person.username)) return null;
  state.borrowed ??= {};
  const saved = state.borrowed[person.username];
  if (saved) {
    const session = await signIn(ctx, { username: person.username, password: saved });
    if (session) return session;
  }
  const { temporaryPassword } = await admin.post(`/staff/${person.id}/reset-password`);
  const session = await signIn(ctx, { username: person.username, password: temporaryPassword });
  if (!session) return null;
  // A temporary password opens only the password page (the API refuses everything else): change it first, as a person would.
  const password = `sim-${randomBytes(12).toString('base64url')}`;
  await session.post('/auth/change-password', { currentPassword: temporaryPassword, newPassword: password });
  state.borrowed[person.username] = password;
  state.save();
  return { ...session, me: { ...session.me, mustChangePassword: false } };
}

/** Kiosk cookies and borrowed passwords, kept between runs (readable only by you). */
export function loadState(file) {
  const state = file && existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  Object.defineProperty(state, 'save', { value: () => file && writeFileSync(file, JSON.stringify(state, null, 2), { mode: 0o600 }) });
  return state;
}

/**
 * A kiosk per center, obtained the real way: the admin registers a kiosk and gets a pairing
 * code, the kiosk exchanges it for its device cookie. Cookies are kept in the state file, so
 * the next run reuses its kiosks instead of registering new ones.
 */
export async function pairKiosks(ctx, admin, centers, state) {
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
    state.save();
  }
  return kiosks;
}

/** A counter's rating tablet, paired like the kiosks (a device bound to that counter); its cookie is kept in the state file. */
export async function pairRatingTablet(ctx, admin, counter, state) {
  state.tablets ??= {};
  const saved = state.tablets[counter.id];
  if (saved) {
    const tablet = ctx.http.client(saved);
    const ok = await tablet.get('/devices/me').then(() => true, (e) => (e instanceof ApiCallError && e.status === 401 ? false : Promise.reject(e)));
    if (ok) return tablet;
  }
  const centerId = counter.centerId;
  const { pairingCode } = await admin.post(`/centers/${centerId}/devices`, { kind: 'rating', name: `Máy đánh giá mô phỏng ${counter.label ?? ''}`.trim(), counterId: counter.id });
  await takeOrWait(ctx, ctx.budgets.pairDevice);
  const tablet = ctx.http.client();
  await tablet.post('/devices/pair', { code: pairingCode });
  state.tablets[counter.id] = Object.fromEntries(tablet.jar);
  state.save();
  return tablet;
}
