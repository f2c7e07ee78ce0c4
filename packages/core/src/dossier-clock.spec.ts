import { describe, expect, it } from 'vitest';
import { createCalendar } from './calendar.js';
import { computeDue } from './deadline.js';
import { shiftByPause } from './dossier-rules.js';
import { clockOf, finishVerdict, judgeAt, type SlipEvent } from './dossier-clock.js';

const TZ = 'Asia/Ho_Chi_Minh';
const cal = createCalendar({ timeZone: TZ });
const at = (local: string) => new Date(`${local}+07:00`);
/** The end of a local day: the next midnight, the instant a day is judged at. */
const endOf = (day: string) => new Date(new Date(`${day}T00:00:00+07:00`).getTime() + 86_400_000);
const ev = (kind: string, when: string, data?: Record<string, unknown>): SlipEvent => ({ kind, at: at(when), data });
const received = (when: string, dueAt: Date) => ev('received', when, { dueAt: dueAt.toISOString() });
const verdictOn = (events: SlipEvent[], day: string) => judgeAt(clockOf(events)!, endOf(day), TZ)?.verdict ?? null;

describe('judging a dossier as of a day, from its control slip', () => {
  // Received Thursday 29 Oct 2026, 5 working days: due Thursday 5 Nov 09:00.
  const due = computeDue(cal, at('2026-10-29T09:00:00'), { unit: 'working_days', value: 5 });

  it('keeps a dossier withdrawn in November in the 31 October snapshot, in progress and in time', () => {
    const slip = [received('2026-10-29T09:00:00', due), ev('assign', '2026-10-29T10:00:00'), ev('withdrawn', '2026-11-02T09:00:00')];
    expect(verdictOn(slip, '2026-10-31')).toBe('in_time');
    expect(judgeAt(clockOf(slip)!, endOf('2026-11-02'), TZ)).toMatchObject({ verdict: 'early', ended: 'withdrawn' });
    expect(verdictOn(slip, '2026-10-28')).toBeNull();
  });

  it('does not make a day overdue because of a second supplement request made after it', () => {
    const first = at('2026-10-30T09:00:00');
    const back = at('2026-11-02T09:00:00');
    const dueAfter = shiftByPause(cal, due, first, back);
    const slip = [
      received('2026-10-29T09:00:00', due),
      ev('supplement_requested', '2026-10-30T09:00:00'), ev('supplement_received', '2026-11-02T09:00:00', { dueAt: dueAfter.toISOString() }),
      ev('supplement_requested', '2026-11-04T09:00:00'),
    ];
    expect(verdictOn(slip, '2026-11-03')).toBe('in_time');
    expect(verdictOn(slip, '2026-11-04')).toBe('overdue');
  });

  it('applies a pause only from the day it ended: an earlier day is judged against the due time of that day', () => {
    const pausedFrom = at('2026-11-04T09:00:00');
    const resumed = at('2026-11-09T09:00:00');
    const dueAfter = shiftByPause(cal, due, pausedFrom, resumed);
    const slip = [received('2026-10-29T09:00:00', due), ev('suspended', '2026-11-04T09:00:00'), ev('resume', '2026-11-09T09:00:00', { dueAt: dueAfter.toISOString() }), ev('resolved', '2026-11-10T09:00:00')];
    const onThe6th = judgeAt(clockOf(slip)!, endOf('2026-11-06'), TZ)!;
    // Suspended since the 4th: in time, judged at the start of the pause against the due time of that day.
    expect(onThe6th).toMatchObject({ verdict: 'in_time', dueAt: due, comparedAt: pausedFrom });
    expect(judgeAt(clockOf(slip)!, endOf('2026-11-10'), TZ)).toMatchObject({ verdict: 'on_time', dueAt: dueAfter, original: 'late' });
  });

  it('deducts supplement time in working time, not calendar time', () => {
    // Requested Friday 16:00, completed Monday 08:30: 2 working hours (16–17 and 07:30–08:30), 64.5 calendar hours.
    const d = computeDue(cal, at('2026-11-02T08:00:00'), { unit: 'working_days', value: 5 });
    const dueAfter = shiftByPause(cal, d, at('2026-11-06T16:00:00'), at('2026-11-09T08:30:00'));
    expect(dueAfter.getTime() - d.getTime()).toBe(2 * 3_600_000);
    // Finished three hours after the original due: late, though a calendar deduction would say on time.
    const slip = [
      received('2026-11-02T08:00:00', d), ev('supplement_requested', '2026-11-06T16:00:00'), ev('supplement_received', '2026-11-09T08:30:00', { dueAt: dueAfter.toISOString() }),
      { kind: 'resolved', at: new Date(d.getTime() + 3 * 3_600_000) },
    ];
    expect(verdictOn(slip, '2026-11-09')).toBe('late');
  });

  it('deducts waiting for a financial obligation only where the procedure says the clock stops', () => {
    const from = at('2026-11-02T09:00:00');
    const paid = at('2026-11-06T09:00:00');
    const pausing = [received('2026-10-29T09:00:00', due), ev('obligation_notified', '2026-11-02T09:00:00', { pausesClock: true }), ev('obligation_paid', '2026-11-06T09:00:00', { dueAt: shiftByPause(cal, due, from, paid).toISOString() }), ev('resolved', '2026-11-09T09:00:00')];
    expect(judgeAt(clockOf(pausing)!, endOf('2026-11-09'), TZ)).toMatchObject({ verdict: 'early', original: 'late' });
    expect(clockOf(pausing)!.pauses).toEqual([{ kind: 'obligation', from, to: paid }]);
    const running = [received('2026-10-29T09:00:00', due), ev('obligation_notified', '2026-11-02T09:00:00', { pausesClock: false }), ev('obligation_paid', '2026-11-06T09:00:00', { dueAt: due.toISOString() }), ev('resolved', '2026-11-09T09:00:00')];
    expect(verdictOn(running, '2026-11-09')).toBe('late');
  });

  it('judges a dossier withdrawn while waiting for a supplement at the request', () => {
    const slip = [received('2026-10-29T09:00:00', due), ev('supplement_requested', '2026-11-04T09:00:00'), ev('withdrawn', '2026-11-20T09:00:00')];
    expect(judgeAt(clockOf(slip)!, endOf('2026-11-20'), TZ)).toMatchObject({ verdict: 'early', comparedAt: at('2026-11-04T09:00:00'), original: 'late', ended: 'withdrawn' });
    // Still waiting on 10 November: in time (the clock stopped at the request), overdue against the original appointment.
    expect(judgeAt(clockOf(slip)!, endOf('2026-11-10'), TZ)).toMatchObject({ verdict: 'in_time', original: 'overdue' });
  });

  it('counts a refusal after appraisal as a finish, and ignores a dossier never received', () => {
    expect(judgeAt(clockOf([received('2026-10-29T09:00:00', due), ev('resolved', '2026-11-02T09:00:00', { outcome: 'refused' })])!, endOf('2026-11-02'), TZ)?.verdict).toBe('early');
    expect(clockOf([ev('submitted', '2026-10-29T09:00:00'), ev('refused', '2026-10-29T09:05:00')])).toBeNull();
  });
});

describe('the result stamped when a dossier is resolved', () => {
  const dueAt = at('2026-11-05T09:00:00');
  it('is late after a second supplement request, whatever the dates; early on an earlier day; on time on the due day', () => {
    expect(finishVerdict({ supplements: 2, finishedAt: at('2026-11-02T09:00:00'), dueAt }, TZ)).toBe('late');
    expect(finishVerdict({ supplements: 1, finishedAt: at('2026-11-02T09:00:00'), dueAt }, TZ)).toBe('early');
    expect(finishVerdict({ supplements: 0, finishedAt: at('2026-11-05T08:00:00'), dueAt }, TZ)).toBe('on_time');
    expect(finishVerdict({ supplements: 0, finishedAt: at('2026-11-05T09:01:00'), dueAt }, TZ)).toBe('late');
  });
});
