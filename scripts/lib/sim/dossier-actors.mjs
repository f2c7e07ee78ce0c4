// Dossiers: received at the counter from the ticket being served, or submitted online,
// then carried through the workflow by whoever's actions the API offers on the dossier.
import { ApiCallError } from './http.mjs';

const MINUTE = 60_000;
const TERMINAL = new Set(['returned', 'refused_at_intake', 'withdrawn', 'stopped']);

/** What a citizen hands in for a procedure received at (or submitted to) a center. */
function intakeBody(ctx, center, field) {
  const { rnd, options } = ctx;
  const byField = options.procedures.filter((p) => p.field === field && !ctx.badProcedures.has(`${center.id}:${p.id}`));
  const usable = byField.length ? byField : options.procedures.filter((p) => !ctx.badProcedures.has(`${center.id}:${p.id}`));
  if (!usable.length) return null;
  const procedure = rnd.pick(usable);
  const communes = options.units.filter((u) => u.level === 'commune');
  const here = communes.find((u) => u.id === center.unitId);
  // Residents of the center's own commune mostly; boundary-free procedures bring people from elsewhere.
  const unit = here && !(procedure.boundaryFree && rnd.chance(0.2)) ? here : rnd.pick(communes.length ? communes : options.units);
  const person = rnd.person();
  return {
    procedure,
    body: {
      procedureId: procedure.id,
      applicant: rnd.chance(0.7) ? person : { name: person.name, phone: person.phone },
      applicantUnitId: unit?.id,
      parcelUnitId: unit?.id,
      documents: (procedure.requiredDocuments.length ? procedure.requiredDocuments : ['Tờ khai']).map((name) => ({ name })),
    },
  };
}

/**
 * The API answers which procedures a center may not receive (not boundary-free, no deciding
 * agency for that unit): the simulated citizen learns it, as a real one would at the counter.
 */
function learned(ctx, center, procedure, e) {
  const refused = e instanceof ApiCallError && e.status === 400 && Array.isArray(e.details) && e.details.some((d) => d.path === 'body.procedureId');
  if (refused) ctx.badProcedures.add(`${center.id}:${procedure.id}`);
  return refused;
}

/** The officer serving a ticket receives the applicant's dossier (“Tiếp nhận hồ sơ cho vé này”). */
export async function receiveAtCounter(ctx, { center, ticket, service }, session) {
  const { rnd, stats } = ctx;
  if (!rnd.chance(0.55)) return;
  const made = intakeBody(ctx, center, service?.field);
  if (!made) return;
  const r = rnd.next();
  const outcome = r < 0.9 ? { kind: 'accept' } : r < 0.97 ? { kind: 'request_supplement', missingItems: ['Bản sao giấy tờ tùy thân'] } : { kind: 'refuse', reasons: ['Không thuộc thẩm quyền giải quyết'] };
  try {
    const d = await session.post(`/centers/${center.id}/dossiers`, { ...made.body, channel: 'counter', ticketId: ticket.id, outcome });
    if (d.status === 'received') stats.add('dossiersReceived');
    track(ctx, d);
  } catch (e) {
    if (!learned(ctx, center, made.procedure, e)) stats.error(`intake at ${center.code}`, e);
  }
}

/**
 * Submissions from the national public service portal, around the clock, under the route's
 * rate limit: about a third of all dossiers, spread over the centers as their halls are busy.
 */
export async function runOnlinePortal(ctx, centers) {
  const { control, rnd, stats } = ctx;
  const portal = ctx.http.client();
  const total = centers.reduce((sum, c) => sum + c.perMinute, 0);
  // Counter dossiers come from about half of the tickets; online ones add ~35% to all dossiers.
  const perMinute = 0.3 * total;
  const pickCenter = () => {
    let r = rnd.next() * total;
    return centers.find((c) => (r -= c.perMinute) < 0)?.center ?? centers[0].center;
  };
  let n = 0;
  while (await control.sleep(rnd.exp(MINUTE / perMinute))) {
    if (!ctx.budgets.intakeOnline.tryTake()) continue;
    const center = pickCenter();
    const made = intakeBody(ctx, center, rnd.pick(center.services)?.field);
    if (!made) continue;
    try {
      const receipt = await portal.post('/intake/online', { ...made.body, receivingCenterId: center.id, idempotencyKey: `demo-live-${ctx.runId}-${++n}` });
      stats.add('dossiersOnline');
      // The portal gets a receipt only (#15): the center's staff find the dossier by its code, as they would.
      const staff = ctx.staff.find((s) => s.me.roles.some((g) => g.scopeCenterId === center.id)) ?? ctx.staff[0];
      const [found] = staff ? await staff.get(`/dossiers?scope=all&limit=1&q=${encodeURIComponent(receipt.code)}`).catch(() => []) : [];
      if (found) track(ctx, { id: found.id, status: receipt.status, receivingCenter: { id: center.id }, returnCenter: { id: made.body.returnCenterId ?? center.id } });
    } catch (e) {
      if (!learned(ctx, center, made.procedure, e)) stats.error('online intake', e);
    }
  }
}

function track(ctx, d) {
  if (TERMINAL.has(d.status)) return;
  // A few are handled slowly: they sit until overdue (or get an apology and a new date first).
  const centers = [d.receivingCenter.id, d.returnCenter.id];
  ctx.dossiers.set(d.id, { id: d.id, centers, nextAt: Date.now() + stepDelay(ctx), slow: ctx.rnd.chance(0.06), owner: null, busy: false });
}

const stepDelay = (ctx, minutes = 3) => (ctx.rnd.around(minutes) * MINUTE) / ctx.pace;

/** Moves due dossiers one action each, a few at a time, until stopped. */
export async function runWorkflow(ctx) {
  const { control } = ctx;
  while (await control.sleep(1000)) {
    const due = [...ctx.dossiers.values()].filter((d) => !d.busy && d.nextAt <= Date.now()).slice(0, 8);
    await Promise.all(due.map((d) => advance(ctx, d)));
  }
}

/**
 * One step of one dossier: ask the API, as each staff member in turn (the last one who could
 * act first), which actions they may take now, and take the one a real office would.
 */
async function advance(ctx, d) {
  const { stats } = ctx;
  d.busy = true;
  try {
    // The last person who acted, then the staff of its centers, then anyone: fewer refused reads.
    const near = (s) => s.me.roles.some((g) => d.centers.includes(g.scopeCenterId));
    const sessions = [...new Set([d.owner, ...ctx.staff.filter(near), ...ctx.staff].filter(Boolean))];
    for (const session of sessions) {
      const detail = await session.get(`/dossiers/${d.id}`).catch(() => null);
      if (!detail) continue;
      if (TERMINAL.has(detail.status)) return void ctx.dossiers.delete(d.id);
      const step = choose(ctx, d, detail);
      if (step === 'wait') {
        d.nextAt = Date.now() + stepDelay(ctx, 5);
        return;
      }
      if (!step) continue;
      d.owner = session;
      if (step.body.action === 'extend') d.extendTried = true;
      const after = await session.post(`/dossiers/${d.id}${step.path}`, step.body).catch((e) => {
        // An apology comes too late less than a working day before the due time: the dossier just runs late.
        if (step.body.action === 'extend' && e instanceof ApiCallError && e.status === 409) return null;
        throw e;
      });
      if (!after) {
        d.nextAt = Date.now() + stepDelay(ctx, 5);
        return;
      }
      count(stats, detail, after);
      if (TERMINAL.has(after.status)) return void ctx.dossiers.delete(d.id);
      const paused = ['awaiting_supplement', 'awaiting_obligation', 'suspended', 'intake_supplement'].includes(after.status);
      d.nextAt = Date.now() + stepDelay(ctx, paused ? 10 : 3);
      return;
    }
    // Nobody signed in may act on it (another unit's staff): it stays with them.
    ctx.dossiers.delete(d.id);
  } catch (e) {
    stats.error('dossier workflow', e);
    // The API refused this step for good (e.g. nobody of the step's role in that agency): leave the dossier to its office.
    if (e instanceof ApiCallError && e.status === 409) ctx.dossiers.delete(d.id);
    else d.nextAt = Date.now() + stepDelay(ctx, 5);
  } finally {
    d.busy = false;
  }
}

function count(stats, before, after) {
  if (before.status !== 'received' && after.status === 'received') stats.add('dossiersReceived');
  if (after.status === 'resolved' && before.status !== 'resolved') stats.add('dossiersResolved');
  if (after.status === 'returned') stats.add('dossiersReturned');
}

/** The next action a real office would take on this dossier, among those the API allows this person. */
function choose(ctx, d, detail) {
  const { rnd } = ctx;
  const can = new Set(detail.actions);
  const act = (body) => ({ path: '/actions', body });
  if (can.has('accept')) {
    if (detail.status === 'submitted' && rnd.chance(0.08)) return { path: '/intake-decision', body: { kind: 'request_supplement', missingItems: ['Bản chính giấy tờ để đối chiếu'] } };
    if (rnd.chance(0.03)) return { path: '/intake-decision', body: { kind: 'refuse', reasons: ['Hồ sơ không đúng thủ tục đã chọn'] } };
    return { path: '/intake-decision', body: { kind: 'accept' } };
  }
  if (can.has('return')) return { path: '/return', body: { method: detail.channel === 'online' && rnd.chance(0.5) ? 'online' : 'counter', receivedBy: detail.applicantName } };
  if (can.has('supplement_received')) return act({ action: 'supplement_received' });
  if (can.has('resume')) return act({ action: 'resume' });
  if (detail.status === 'awaiting_obligation' && can.has('record_payment')) return act({ action: 'record_payment', amountVnd: detail.feeVnd || 100_000, method: rnd.chance(0.45) ? 'portal' : 'cash' });
  if (d.slow && !detail.overdue && ['received', 'in_process'].includes(detail.status)) {
    if (!d.extendTried && can.has('extend') && rnd.chance(0.3)) {
      const newDueAt = new Date(new Date(detail.dueAt).getTime() + 3 * 24 * 3_600_000).toISOString();
      return act({ action: 'extend', newDueAt, reason: 'Cần xác minh thêm thông tin với cơ quan liên quan' });
    }
    return 'wait';
  }
  if (can.has('assign') && detail.status === 'received') {
    const role = detail.steps[detail.currentStep]?.role;
    const person = detail.assignable.find((p) => p.roles.includes(role)) ?? detail.assignable[0];
    return act({ action: 'assign', staffId: person?.id });
  }
  if (detail.status !== 'in_process') return null;
  if (can.has('request_supplement') && detail.supplementCount < 2 && rnd.chance(detail.supplementCount === 0 ? 0.06 : 0.1)) {
    return act({ action: 'request_supplement', missingItems: ['Bản sao có chứng thực giấy tờ tùy thân', 'Tờ khai bổ sung thông tin còn thiếu'] });
  }
  if (can.has('notify_obligation') && detail.feeVnd > 0 && detail.payments.length === 0 && rnd.chance(0.3)) {
    return act({ action: 'notify_obligation', amountVnd: detail.feeVnd, note: 'Nộp phí, lệ phí theo quy định' });
  }
  if (can.has('record_payment') && detail.feeVnd > 0 && detail.payments.length === 0) return act({ action: 'record_payment', amountVnd: detail.feeVnd, method: rnd.chance(0.4) ? 'portal' : 'cash' });
  if (can.has('withdraw') && rnd.chance(0.01)) return { path: '/close', body: { kind: 'withdraw', reason: 'Người nộp xin rút hồ sơ' } };
  if (can.has('forward') && detail.currentStep < detail.steps.length - 1) return act({ action: 'forward' });
  if (can.has('resolve')) return act({ action: 'resolve', outcome: rnd.chance(0.97) ? 'approved' : 'refused', documents: [{ name: `Kết quả: ${detail.title}` }] });
  return null;
}
