import type { DossierStatus, ProcessAction } from '@motcua/contracts';
import { addWorkingTime, workingDayLength, type WorkCalendar } from './calendar.js';
import { timeliness, type Timeliness } from './deadline.js';
import { finishVerdict } from './dossier-clock.js';
import { checkExtension, shiftByPause, stepDueTimes, supplementRequest, type StepPlan } from './dossier-rules.js';
import { transition, type DossierAction } from './dossier-state.js';
import { FEE_PAYABLE_STATES } from './payment-rules.js';

/**
 * The agency's processing actions (docs/domain.md "Dossiers"): which transition each asks for and
 * what it changes on the dossier and writes on its control slip. The API loads, looks people up and
 * writes; these decide.
 */

type Bilingual = { vi: string; en: string };
export type ProcessingAction = ProcessAction['action'];

/** A refusal (the API answers 409); a state-machine refusal also names the status and the transition asked for. */
export type ActionRefusal = { ok: false; reason: Bilingual; details?: { status: DossierStatus; action: DossierAction } };
export type ActionResult<T> = ({ ok: true } & T) | ActionRefusal;

/** The dossier as processing reads it. */
export interface ProcessedDossier {
  status: DossierStatus;
  /** Index into the procedure's steps (the slip numbers steps from 1). */
  currentStep: number;
  receivedAt: Date | null;
  dueAt: Date | null;
  stepDueAt: Date | null;
  extendedDueAt: Date | null;
  pausedSince: Date | null;
  supplementCount: number;
  flaggedLate: boolean;
  deadlineVersion: number;
}

/** The dossier's fields an action changes. */
export interface DossierPatch {
  status?: DossierStatus;
  assigneeId?: string | null;
  currentStep?: number;
  currentAgencyId?: string;
  stepDueAt?: Date | null;
  pausedSince?: Date | null;
  supplementCount?: number;
  flaggedLate?: boolean;
  dueAt?: Date | null;
  extendedDueAt?: Date | null;
  deadlineVersion?: number;
  resolvedAt?: Date;
}

/** The control-slip entry; the API adds the dossier, the time, the actor and their unit (also the default receiving unit). */
export interface ProcessingSlip {
  kind: string;
  toStatus: DossierStatus;
  toUnitId?: string;
  toStaffId?: string | null;
  step?: number;
  stepDueAt?: Date | null;
  stepResult?: Timeliness | null;
  note?: string | null;
  data?: Record<string, unknown>;
}

export interface ProcessingOutcome {
  patch: DossierPatch;
  slip: ProcessingSlip;
}

const iso = (at: Date | null | undefined): string | null => (at ? at.toISOString() : null);

function asked(status: DossierStatus, action: DossierAction): ActionResult<{ to: DossierStatus }> {
  const r = transition(status, action);
  return r.ok ? r : { ok: false, reason: r.reason, details: { status, action } };
}

/**
 * Where an action takes the dossier, by the transition it asks for. Assigning starts processing a
 * received dossier and is a handover after; a payment settles the awaited obligation, else pays the fee
 * where the fee is payable and leaves the status; an extension is possible while in process (elsewhere
 * it answers as a handover would).
 */
export function processingTransition(status: DossierStatus, action: ProcessingAction): ActionResult<{ to: DossierStatus }> {
  switch (action) {
    case 'assign':
      return asked(status, status === 'received' ? 'start_processing' : 'handover');
    case 'forward':
    case 'send_back':
      return asked(status, 'handover');
    case 'record_payment':
      if (FEE_PAYABLE_STATES.includes(status)) return { ok: true, to: status };
      return asked(status, 'obligation_paid');
    case 'extend':
      return status === 'in_process' ? { ok: true, to: status } : asked(status, 'handover');
    default:
      return asked(status, action);
  }
}

/** The role assigned for the current step; a dossier without steps goes to a specialist. */
export function assigneeRole(steps: readonly StepPlan[], currentStep: number): string {
  return steps[currentStep]?.role ?? 'specialist';
}

/** The step ending now, as the slip of a handover or a result records it. */
function stepEnd(cal: WorkCalendar, d: ProcessedDossier, now: Date) {
  return { step: d.currentStep + 1, stepDueAt: d.stepDueAt, stepResult: d.stepDueAt ? timeliness(cal, now, d.stepDueAt) : null };
}

export function assigned(d: ProcessedDossier, to: DossierStatus, input: { assigneeId: string | null; note?: string }): ProcessingOutcome {
  return {
    patch: { status: to, assigneeId: input.assigneeId },
    slip: { kind: 'assign', toStatus: to, toStaffId: input.assigneeId, step: d.currentStep + 1, stepDueAt: d.stepDueAt, note: input.note ?? null },
  };
}

/** A forward goes to the next step, or to another agency at the same step; there is none after the last. */
export function forwardStep<S extends StepPlan>(steps: readonly S[], currentStep: number, toOtherAgency: boolean): ActionResult<{ next: number; step: S }> {
  const next = toOtherAgency ? currentStep : currentStep + 1;
  if (next >= steps.length) return { ok: false, reason: { vi: 'Đây là bước cuối của quy trình: hãy ra kết quả', en: 'This is the last step of the process: resolve the dossier' } };
  return { ok: true, next, step: steps[next]! };
}

/**
 * The next step's due follows the plan: the previous step's due plus its duration, never past the
 * dossier's due. Another agency taking the same step keeps its due.
 */
export function forwarded(
  cal: WorkCalendar,
  d: ProcessedDossier,
  now: Date,
  input: { to: DossierStatus; next: number; step: StepPlan; toOtherAgency: boolean; agency: { id: string; unitId: string }; assigneeId: string | null; note?: string },
): ProcessingOutcome {
  const stepDueAt = input.toOtherAgency ? d.stepDueAt : stepDueTimes(cal, d.stepDueAt ?? d.receivedAt!, [input.step], d.dueAt!)[0]!;
  return {
    patch: { status: input.to, currentStep: input.next, currentAgencyId: input.agency.id, assigneeId: input.assigneeId, stepDueAt },
    slip: {
      kind: 'forward', toStatus: input.to, ...stepEnd(cal, d, now), toUnitId: input.agency.unitId, toStaffId: input.assigneeId, note: input.note ?? null,
      data: { toStep: input.step.code, nextStepDueAt: iso(stepDueAt) },
    },
  };
}

/** Back to the previous step; the first has none. */
export function sendBackStep<S extends StepPlan>(steps: readonly S[], currentStep: number): ActionResult<{ back: number; step: S }> {
  if (currentStep === 0) return { ok: false, reason: { vi: 'Hồ sơ đang ở bước đầu tiên, không thể trả lại bước trước', en: 'The dossier is at the first step; there is no step to send it back to' } };
  return { ok: true, back: currentStep - 1, step: steps[currentStep - 1]! };
}

/** The step sent back to gets its duration again from now, never past the dossier's due. */
export function sentBack(
  cal: WorkCalendar,
  d: ProcessedDossier,
  now: Date,
  input: { to: DossierStatus; back: number; step: StepPlan; previousId: string | null; note: string },
): ProcessingOutcome {
  const stepDueAt = stepDueTimes(cal, now, [input.step], d.dueAt ?? addWorkingTime(cal, now, input.step.durationDays * workingDayLength(cal)))[0]!;
  return {
    patch: { status: input.to, currentStep: input.back, assigneeId: input.previousId, stepDueAt },
    slip: { kind: 'send_back', toStatus: input.to, ...stepEnd(cal, d, now), toStaffId: input.previousId, note: input.note, data: { toStep: input.step.code } },
  };
}

/** The clock stops; a second request flags the dossier late for good. */
export function supplementRequested(d: ProcessedDossier, to: DossierStatus, now: Date, missingItems: readonly string[]): ProcessingOutcome {
  const s = supplementRequest(d.supplementCount);
  return {
    patch: { status: to, pausedSince: now, supplementCount: s.count, flaggedLate: d.flaggedLate || s.flaggedLate },
    slip: { kind: 'supplement_requested', toStatus: to, data: { missingItems, request: s.count, flaggedLate: s.flaggedLate } },
  };
}

/** The clock did not run while paused: due, step due and extended due move by the paused working time. */
export function resumeAfterPause(cal: WorkCalendar, d: ProcessedDossier, now: Date): DossierPatch {
  if (!d.pausedSince) return { pausedSince: null };
  const shift = (at: Date | null) => (at ? shiftByPause(cal, at, d.pausedSince!, now) : null);
  return { pausedSince: null, dueAt: shift(d.dueAt), stepDueAt: shift(d.stepDueAt), extendedDueAt: shift(d.extendedDueAt), deadlineVersion: d.deadlineVersion + 1 };
}

/** Supplement received or resumed after a suspension: the slip carries the due time from now on, as every event that ends a pause does. */
export function resumed(cal: WorkCalendar, d: ProcessedDossier, now: Date, input: { to: DossierStatus; kind: 'supplement_received' | 'resume'; note?: string }): ProcessingOutcome {
  const patch: DossierPatch = { status: input.to, ...resumeAfterPause(cal, d, now) };
  return { patch, slip: { kind: input.kind, toStatus: input.to, note: input.note ?? null, data: { dueAt: iso(patch.dueAt ?? d.dueAt) } } };
}

/** The procedure version says whether waiting for the obligation stops the clock. */
export function obligationNotified(to: DossierStatus, now: Date, input: { amountVnd: number; note: string; pausesClock: boolean }): ProcessingOutcome {
  return {
    patch: { status: to, pausedSince: input.pausesClock ? now : null },
    slip: { kind: 'obligation_notified', toStatus: to, note: input.note, data: { amountVnd: input.amountVnd, pausesClock: input.pausesClock } },
  };
}

/**
 * A payment while the dossier awaits its obligation settles the obligation and ends the pause; any
 * other pays the procedure's fee and leaves the status (766 group 3b counts only these).
 */
export function paymentRecorded(
  cal: WorkCalendar,
  d: ProcessedDossier,
  now: Date,
  input: { to: DossierStatus; amountVnd: number; method: string },
): ProcessingOutcome & { purpose: 'fee' | 'obligation' } {
  const purpose = d.status === 'awaiting_obligation' ? 'obligation' : 'fee';
  const payment = { amountVnd: input.amountVnd, method: input.method, online: input.method !== 'cash', purpose };
  if (purpose === 'fee') return { purpose, patch: {}, slip: { kind: 'payment', toStatus: d.status, data: payment } };
  const patch: DossierPatch = { status: input.to, ...resumeAfterPause(cal, d, now) };
  return { purpose, patch, slip: { kind: 'obligation_paid', toStatus: input.to, data: { ...payment, dueAt: iso(patch.dueAt ?? d.dueAt) } } };
}

export function suspended(to: DossierStatus, now: Date, legalReason: string): ProcessingOutcome {
  return { patch: { status: to, pausedSince: now }, slip: { kind: 'suspended', toStatus: to, note: legalReason } };
}

/** A later date with an apology letter (checkExtension); the original due stays as it is. */
export function extended(cal: WorkCalendar, d: ProcessedDossier, now: Date, input: { newDueAt: Date; reason: string }): ActionResult<ProcessingOutcome> {
  const check = checkExtension(cal, { dueAt: d.dueAt!, alreadyExtended: d.extendedDueAt !== null, now, newDueAt: input.newDueAt });
  if (!check.ok) return check;
  return {
    ok: true,
    patch: { extendedDueAt: input.newDueAt, deadlineVersion: d.deadlineVersion + 1 },
    slip: { kind: 'extended', toStatus: d.status, note: input.reason, data: { originalDueAt: iso(d.dueAt), newDueAt: input.newDueAt.toISOString() } },
  };
}

/**
 * The result goes to the return point. Decision 766 measures against the original appointment, never
 * the extended one, and a second supplement request makes it late whatever the dates (§2.1).
 */
export function resolved(
  cal: WorkCalendar,
  d: ProcessedDossier,
  now: Date,
  input: { to: DossierStatus; returnUnitId: string; outcome: 'approved' | 'refused'; note?: string },
): ProcessingOutcome {
  const result = d.dueAt ? finishVerdict({ supplements: d.supplementCount, finishedAt: now, dueAt: d.dueAt }, cal.timeZone) : null;
  return {
    patch: { status: input.to, resolvedAt: now, assigneeId: null },
    slip: { kind: 'resolved', toStatus: input.to, ...stepEnd(cal, d, now), toUnitId: input.returnUnitId, note: input.note ?? null, data: { outcome: input.outcome, result } },
  };
}
