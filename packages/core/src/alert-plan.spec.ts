import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { alertJobId, findPlanned, planAlerts, workingTimeBefore, type AlertSubject } from './alert-plan.js';
import { oneWorkingDayBefore } from './deadline.js';
import { workingDayLength } from './calendar.js';
import { createCalendar, instantOf } from './calendar.js';
import { defaultHolidays } from './holidays.js';

const TZ = 'Asia/Ho_Chi_Minh';
const cal = createCalendar({ timeZone: TZ, days: defaultHolidays(2026) });
const vn = (s: string) => instantOf(s.slice(0, 10), s.slice(11, 16), TZ);
const ID = '0196b0a4-1c2d-7e3f-8a9b-0c1d2e3f4a5b';

const dossier = (over: Partial<AlertSubject> = {}): AlertSubject => ({
  id: ID, status: 'in_process', channel: 'counter', receivedAt: vn('2026-02-02 08:00'), submittedAt: vn('2026-02-02 08:00'),
  dueAt: null, extendedDueAt: null, deadlineVersion: 1, currentStep: 0, stepDueAt: null, ...over,
});
const at = (d: AlertSubject, now = vn('2026-02-02 09:00')) => planAlerts(cal, d, now).map((a) => [a.kind, a.stage, a.at]);

describe('planAlerts — Vietnamese working days', () => {
  it('warns one working day before a due time after Tết: on the Friday before the holidays', () => {
    expect(at(dossier({ dueAt: vn('2026-02-23 10:00') }))).toEqual([
      ['due_soon', 0, vn('2026-02-13 10:00')],
      ['overdue', 0, vn('2026-02-23 10:00')],
    ]);
  });

  it('skips 30/4, 1/5 and the weekend after them', () => {
    const d = dossier({ receivedAt: vn('2026-04-20 08:00'), dueAt: vn('2026-05-04 09:00') });
    expect(at(d, vn('2026-04-20 09:00'))[0]).toEqual(['due_soon', 0, vn('2026-04-29 09:00')]);
  });

  it('a Monday due is warned on the Friday before', () => {
    const d = dossier({ receivedAt: vn('2026-03-02 08:00'), dueAt: vn('2026-03-09 10:00') });
    expect(at(d, vn('2026-03-02 09:00'))[0]).toEqual(['due_soon', 0, vn('2026-03-06 10:00')]);
  });

  it('a due in the afternoon is warned across the lunch break, one full working day earlier', () => {
    const d = dossier({ receivedAt: vn('2026-03-02 08:00'), dueAt: vn('2026-03-05 14:00') });
    expect(at(d, vn('2026-03-02 09:00'))[0]).toEqual(['due_soon', 0, vn('2026-03-04 14:00')]);
  });

  it('follows the extended due time of an apology, under the new deadline version', () => {
    const d = dossier({ dueAt: vn('2026-03-09 10:00'), extendedDueAt: vn('2026-03-16 10:00'), deadlineVersion: 2 });
    const plan = planAlerts(cal, d, vn('2026-03-09 09:00'));
    expect(plan.map((a) => [a.kind, a.at, a.jobId])).toEqual([
      ['due_soon', vn('2026-03-13 10:00'), `due_soon.0.v2.${ID}`],
      ['overdue', vn('2026-03-16 10:00'), `overdue.0.v2.${ID}`],
    ]);
  });

  it('has no due-soon warning for a limit of one working day or less, nor once the due time has passed', () => {
    expect(at(dossier({ dueAt: vn('2026-02-03 08:00') }))).toEqual([['overdue', 0, vn('2026-02-03 08:00')]]);
    const late = dossier({ dueAt: vn('2026-02-10 10:00') });
    expect(at(late, vn('2026-02-11 08:00'))).toEqual([['overdue', 0, vn('2026-02-10 10:00')]]);
  });

  it('plans nothing while the clock is paused or after resolution', () => {
    for (const status of ['awaiting_supplement', 'awaiting_obligation', 'suspended', 'resolved', 'returned', 'withdrawn', 'stopped'] as const) {
      expect(planAlerts(cal, dossier({ status, dueAt: vn('2026-03-09 10:00'), stepDueAt: vn('2026-03-03 10:00') }), vn('2026-03-02 09:00'))).toEqual([]);
    }
  });

  it('alerts the step owner at the current step due time, keyed by step', () => {
    const plan = planAlerts(cal, dossier({ currentStep: 3, stepDueAt: vn('2026-02-03 10:00') }), vn('2026-02-02 09:00'));
    expect(plan.map((a) => [a.kind, a.stage, a.at, a.jobId])).toEqual([['step_overdue', 3, vn('2026-02-03 10:00'), `step_overdue.3.v1.${ID}`]]);
  });

  it('alerts reception 2 and 8 working hours after an online submission, across Tết', () => {
    const d = dossier({ status: 'submitted', channel: 'online', receivedAt: null, submittedAt: vn('2026-02-13 16:00'), deadlineVersion: 0 });
    expect(at(d, vn('2026-02-13 16:00'))).toEqual([
      ['intake_sla', 2, vn('2026-02-23 08:30')],
      ['intake_sla', 8, vn('2026-02-23 16:00')],
    ]);
    expect(at({ ...d, channel: 'counter' })).toEqual([]);
    expect(at({ ...d, status: 'received', dueAt: null })).toEqual([]);
  });

  it('gives the same job ids however often it is planned, and finds a woken job’s alert only in its own version', () => {
    const d = dossier({ dueAt: vn('2026-03-09 10:00') });
    const now = vn('2026-03-02 09:00');
    expect(planAlerts(cal, d, now)).toEqual(planAlerts(cal, d, now));
    const plan = planAlerts(cal, d, now);
    expect(findPlanned(plan, 'overdue', 0, 1)?.jobId).toBe(alertJobId(ID, 'overdue', 0, 1));
    expect(findPlanned(plan, 'overdue', 0, 0)).toBeUndefined();
    expect(findPlanned(planAlerts(cal, { ...d, status: 'awaiting_supplement' }, now), 'overdue', 0, 1)).toBeUndefined();
  });
});

describe('workingTimeBefore', () => {
  it('agrees with oneWorkingDayBefore (walking forward from receipt) for any due time over Tết 2026', () => {
    const from = vn('2026-02-02 08:00');
    fc.assert(
      fc.property(fc.integer({ min: 3 * 24 * 60, max: 45 * 24 * 60 }), (minutes) => {
        const due = new Date(Math.ceil((from.getTime() + minutes * 60_000) / 900_000) * 900_000);
        const soon = workingTimeBefore(cal, due, workingDayLength(cal));
        expect(soon > from ? soon : null).toEqual(oneWorkingDayBefore(cal, due, from));
      }),
      { numRuns: 100 },
    );
  });

  it('lands on the previous close when the walk ends exactly at an opening', () => {
    expect(workingTimeBefore(cal, vn('2026-03-04 07:30'), workingDayLength(cal))).toEqual(vn('2026-03-02 17:00'));
  });
});
