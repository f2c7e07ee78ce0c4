import { localDate } from './calendar.js';

/**
 * A dossier's legal clock as the control slip records it, and how Decision 766 indicator 2.1
 * judges it on any day (docs/indicators.md). Past days are judged by what
 * had happened by then — the status, pauses, supplement requests and due time that applied —
 * never by today's state. The rollup SQL in packages/db mirrors these rules; a property test
 * holds the two to the same verdict for random histories on every day.
 */

export type PauseKind = 'supplement' | 'obligation' | 'suspension';
export type EndKind = 'resolved' | 'withdrawn' | 'stopped';

export interface DossierClock {
  receivedAt: Date;
  /** The appointment on the receipt (Mẫu 01), before any deduction. */
  originalDueAt: Date;
  /** Each time a pause ended, the due time from then on. Dues only move later. */
  dueChanges: ReadonlyArray<{ at: Date; dueAt: Date }>;
  /** Intervals the clock stood still; `to` null while it still does. */
  pauses: ReadonlyArray<{ kind: PauseKind; from: Date; to: Date | null }>;
  /** Supplement requests during processing (a second one makes the dossier late). */
  supplementRequests: readonly Date[];
  /** The 766 finish: result ready (approved, or refused after appraisal), withdrawn or stopped. */
  end: { at: Date; kind: EndKind } | null;
}

/** A control-slip row, as much of it as the clock needs. */
export interface SlipEvent {
  kind: string;
  at: Date;
  data?: Record<string, unknown> | null;
}

/** Control-slip kinds that move the clock; every other kind (handovers, payments of fees, apologies) leaves it alone. */
export const CLOCK_EVENT_KINDS = [
  'received', 'supplement_requested', 'supplement_received', 'obligation_notified', 'obligation_paid', 'suspended', 'resume', 'resolved', 'withdrawn', 'stopped',
] as const;
/** Events after which the due time is the one they carry in `data.dueAt`. */
export const DUE_EVENT_KINDS = ['received', 'supplement_received', 'resume', 'obligation_paid'] as const;
const PAUSE_END_KINDS = new Set(['supplement_received', 'resume', 'obligation_paid']);

const dateOf = (v: unknown): Date | null => (typeof v === 'string' || v instanceof Date ? new Date(v) : null);

/**
 * The clock of a dossier from its control slip, in slip order; null if it was never received.
 * A financial obligation stops the clock only where the procedure's law says so (`data.pausesClock`).
 */
export function clockOf(events: readonly SlipEvent[]): DossierClock | null {
  const sorted = [...events].sort((a, b) => a.at.getTime() - b.at.getTime());
  const received = sorted.find((e) => e.kind === 'received');
  const originalDueAt = received && dateOf(received.data?.dueAt);
  if (!received || !originalDueAt) return null;
  const clock = { receivedAt: received.at, originalDueAt, dueChanges: [] as Array<{ at: Date; dueAt: Date }>, pauses: [] as Array<{ kind: PauseKind; from: Date; to: Date | null }>, supplementRequests: [] as Date[], end: null as DossierClock['end'] };
  const close = (at: Date) => {
    const open = clock.pauses.at(-1);
    if (open && open.to === null) open.to = at;
  };
  for (const e of sorted) {
    if (e.at.getTime() < received.at.getTime() || clock.end) continue;
    if (e.kind === 'supplement_requested') {
      clock.supplementRequests.push(e.at);
      clock.pauses.push({ kind: 'supplement', from: e.at, to: null });
    } else if (e.kind === 'suspended') clock.pauses.push({ kind: 'suspension', from: e.at, to: null });
    else if (e.kind === 'obligation_notified' && e.data?.pausesClock === true) clock.pauses.push({ kind: 'obligation', from: e.at, to: null });
    else if (PAUSE_END_KINDS.has(e.kind)) close(e.at);
    else if (e.kind === 'resolved' || e.kind === 'withdrawn' || e.kind === 'stopped') clock.end = { at: e.at, kind: e.kind };
    const due = e.kind !== 'received' && (DUE_EVENT_KINDS as readonly string[]).includes(e.kind) ? dateOf(e.data?.dueAt) : null;
    if (due) clock.dueChanges.push({ at: e.at, dueAt: due });
  }
  return clock;
}

export type Verdict766 = 'early' | 'on_time' | 'late' | 'in_time' | 'overdue';

export interface Judgement {
  verdict: Verdict766;
  /** The same dossier against the original appointment, with no time deducted (shown beside the 766 rate). */
  original: 'on_time' | 'late' | 'in_time' | 'overdue';
  /** The due time that applied: the original one moved by the pauses that had ended. */
  dueAt: Date;
  /** The instant compared with it: the finish (or the judged instant), or the start of a pause still running then. */
  comparedAt: Date;
  supplements: number;
  ended: EndKind | null;
}

/**
 * The result stamped on a finished dossier: late after a second supplement request or past the
 * due time that applied; early when finished on an earlier local day than that due time.
 */
export function finishVerdict(input: { supplements: number; finishedAt: Date; dueAt: Date }, timeZone: string): 'early' | 'on_time' | 'late' {
  if (input.supplements > 1 || input.finishedAt.getTime() > input.dueAt.getTime()) return 'late';
  return localDate(input.finishedAt, timeZone) < localDate(input.dueAt, timeZone) ? 'early' : 'on_time';
}

/**
 * The dossier as of `instant` (a day is judged at its end: the next local midnight), counting only
 * what happened strictly before it. Null when not yet received then. A finished dossier keeps the
 * verdict of its finish; one still open is in time while the time it used is within the due time —
 * a pause still running stops the comparison at its start (766: "still waiting for a supplement:
 * end = time of the request"); more than one supplement request makes it late whatever the dates.
 */
export function judgeAt(c: DossierClock, instant: Date, timeZone: string): Judgement | null {
  const t = instant.getTime();
  if (c.receivedAt.getTime() >= t) return null;
  const ended = c.end && c.end.at.getTime() < t ? c.end : null;
  const cut = ended ? ended.at.getTime() : t;
  // At the finish the finishing event counts; for an open dossier only events before the instant.
  const happened = (at: Date) => (ended ? at.getTime() <= cut : at.getTime() < t);
  const supplements = c.supplementRequests.filter(happened).length;
  const dueAt = new Date(Math.max(c.originalDueAt.getTime(), ...c.dueChanges.filter((d) => happened(d.at)).map((d) => d.dueAt.getTime())));
  const running = c.pauses.find((p) => (ended ? p.from.getTime() < cut : p.from.getTime() < t) && (p.to === null || !happened(p.to)));
  const comparedAt = running ? running.from : new Date(cut);
  const lateByRule = supplements > 1;
  if (ended) {
    const verdict = finishVerdict({ supplements, finishedAt: comparedAt, dueAt }, timeZone);
    const original = lateByRule || ended.at.getTime() > c.originalDueAt.getTime() ? 'late' : 'on_time';
    return { verdict, original, dueAt, comparedAt, supplements, ended: ended.kind };
  }
  const verdict = lateByRule || comparedAt.getTime() > dueAt.getTime() ? 'overdue' : 'in_time';
  const original = lateByRule || t > c.originalDueAt.getTime() ? 'overdue' : 'in_time';
  return { verdict, original, dueAt, comparedAt, supplements, ended: null };
}
