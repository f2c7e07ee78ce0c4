import type { AlertKind, Channel, DossierStatus } from '@motcua/contracts';
import { HOUR, addWorkingTime, instantOf, localDate, nextDate, windowsOn, workingDayLength, type WorkCalendar } from './calendar.js';

/** What the alert planner needs to know about a dossier (docs/domain.md "Alerts"). */
export interface AlertSubject {
  id: string;
  status: DossierStatus;
  channel: Channel;
  /** When the clock started; for an online dossier still `submitted`, when it arrived. */
  receivedAt: Date | null;
  submittedAt: Date;
  dueAt: Date | null;
  /** Set once by the apology letter; alerts follow it, KPIs keep dueAt. */
  extendedDueAt: Date | null;
  deadlineVersion: number;
  currentStep: number;
  stepDueAt: Date | null;
}

export interface PlannedAlert {
  kind: AlertKind;
  /** Distinguishes alerts of one kind: the step number (step_overdue), the SLA hours (intake_sla), else 0. */
  stage: number;
  deadlineVersion: number;
  at: Date;
  /** Deterministic: the same alert is planned under the same id however often it is planned. */
  jobId: string;
}

/** Working hours after an online submission at which reception officers are alerted. */
export const INTAKE_SLA_HOURS = [2, 8] as const;

/** The clock runs only in these states; paused and terminal dossiers get no deadline alerts. */
const CLOCK_RUNNING: ReadonlySet<DossierStatus> = new Set(['received', 'in_process']);

export const alertJobId = (dossierId: string, kind: AlertKind, stage: number, deadlineVersion: number) => `${kind}.${stage}.v${deadlineVersion}.${dossierId}`;

/**
 * Every alert a dossier should get in its current state, with the instant it is due:
 * due_soon one working day before the (extended) due time — the last moment for an
 * apology — overdue at it, step_overdue at the current step's due time, intake_sla
 * 2 and 8 working hours after an online submission nobody has acted on. Pure: the
 * same dossier, calendar and `now` always give the same plan.
 */
export function planAlerts(cal: WorkCalendar, d: AlertSubject, now: Date): PlannedAlert[] {
  const plan: PlannedAlert[] = [];
  const add = (kind: AlertKind, stage: number, at: Date) =>
    plan.push({ kind, stage, deadlineVersion: d.deadlineVersion, at, jobId: alertJobId(d.id, kind, stage, d.deadlineVersion) });

  if (d.status === 'submitted' && d.channel === 'online') {
    for (const hours of INTAKE_SLA_HOURS) add('intake_sla', hours, addWorkingTime(cal, d.submittedAt, hours * HOUR));
  }
  if (!CLOCK_RUNNING.has(d.status)) return plan;

  const due = d.extendedDueAt ?? d.dueAt;
  if (due) {
    // A due time already passed makes the warning pointless: overdue says more.
    if (now.getTime() < due.getTime()) {
      const soon = workingTimeBefore(cal, due, workingDayLength(cal));
      // A limit of one working day or less leaves no room for a warning.
      if (soon.getTime() > (d.receivedAt ?? d.submittedAt).getTime()) add('due_soon', 0, soon);
    }
    add('overdue', 0, due);
  }
  if (d.status === 'in_process' && d.stepDueAt) add('step_overdue', d.currentStep, d.stepDueAt);
  return plan.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** The planned alert a woken job stands for; undefined when the dossier no longer wants it (stale job). */
export function findPlanned(plan: readonly PlannedAlert[], kind: AlertKind, stage: number, deadlineVersion: number): PlannedAlert | undefined {
  return plan.find((a) => a.kind === kind && a.stage === stage && a.deadlineVersion === deadlineVersion);
}

// Ten years of closed days would be a broken calendar, not a long deadline.
const MAX_DAYS_WALKED = 3660;

/**
 * The instant `ms` of working time before `to`, walking office windows backwards — only
 * as far as needed, so planning stays cheap for 20-day procedures. Landing exactly on an
 * opening gives the previous close, as `addWorkingTime` does going forward; the result
 * equals `oneWorkingDayBefore` for ms = one working day.
 */
export function workingTimeBefore(cal: WorkCalendar, to: Date, ms: number): Date {
  let remaining = ms;
  let date = localDate(to, cal.timeZone);
  for (let i = 0; i < MAX_DAYS_WALKED; i++, date = nextDate(date, -1)) {
    const windows = windowsOn(cal, date);
    for (let j = windows.length - 1; j >= 0; j--) {
      const start = instantOf(date, windows[j]!.start, cal.timeZone).getTime();
      if (start >= to.getTime()) continue;
      const end = Math.min(instantOf(date, windows[j]!.end, cal.timeZone).getTime(), to.getTime());
      if (remaining < end - start) return new Date(end - remaining);
      remaining -= end - start;
    }
  }
  throw new Error(`The calendar has no office hours in the ${MAX_DAYS_WALKED} days before ${to.toISOString()}`);
}
