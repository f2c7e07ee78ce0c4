import { describe, expect, it } from 'vitest';
import { createCalendar, instantOf } from './calendar.js';
import { computeDue } from './deadline.js';
import { checkExtension, formatDossierCode, shiftByPause, stepDueTimes, supplementRequest } from './dossier-rules.js';
import { defaultHolidays } from './holidays.js';

const TZ = 'Asia/Ho_Chi_Minh';
const cal = createCalendar({ timeZone: TZ, days: defaultHolidays(2026) });
const vn = (s: string) => instantOf(s.slice(0, 10), s.slice(11, 16), TZ);

describe('extension with an apology letter', () => {
  const dueAt = vn('2026-04-29 16:00');
  const later = vn('2026-05-08 16:00');

  it('is allowed once, at least 1 working day before due', () => {
    expect(checkExtension(cal, { dueAt, alreadyExtended: false, now: vn('2026-04-28 16:00'), newDueAt: later })).toEqual({ ok: true });
  });

  it('is refused the second time', () => {
    const r = checkExtension(cal, { dueAt, alreadyExtended: true, now: vn('2026-04-27 09:00'), newDueAt: later });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.en).toMatch(/already extended/);
  });

  it('is refused later than 1 working day before due', () => {
    const r = checkExtension(cal, { dueAt, alreadyExtended: false, now: vn('2026-04-28 16:15'), newDueAt: later });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.vi).toMatch(/1 ngày làm việc/);
  });

  it('counts working days, not calendar days: Friday afternoon is more than 1 working day before Monday afternoon only if the weekend is skipped correctly', () => {
    // Due Mon 4/5 09:00 (after 30/4, 1/5 and the weekend): 1 working day before is Wed 29/4 09:00.
    const due = vn('2026-05-04 09:00');
    expect(checkExtension(cal, { dueAt: due, alreadyExtended: false, now: vn('2026-04-29 09:00'), newDueAt: vn('2026-05-10 09:00') }).ok).toBe(true);
    expect(checkExtension(cal, { dueAt: due, alreadyExtended: false, now: vn('2026-04-29 09:15'), newDueAt: vn('2026-05-10 09:00') }).ok).toBe(false);
  });

  it('is refused after due and when the new date is not later', () => {
    expect(checkExtension(cal, { dueAt, alreadyExtended: false, now: vn('2026-04-30 09:00'), newDueAt: later }).ok).toBe(false);
    expect(checkExtension(cal, { dueAt, alreadyExtended: false, now: vn('2026-04-27 09:00'), newDueAt: dueAt }).ok).toBe(false);
  });
});

describe('step due times', () => {
  const steps = [
    { code: 'B1', role: 'officer', durationDays: 0.25 },
    { code: 'B2', role: 'specialist', durationDays: 2.25 },
    { code: 'B3', role: 'leader', durationDays: 0.25 },
    { code: 'B4', role: 'officer', durationDays: 0.25 },
  ];

  it('walks each step after the previous over working time, across the 30/4–1/5 holidays', () => {
    const start = vn('2026-04-28 08:00');
    const due = computeDue(cal, start, { unit: 'working_days', value: 3 });
    expect(stepDueTimes(cal, start, steps, due)).toEqual([vn('2026-04-28 10:00'), vn('2026-05-04 13:30'), vn('2026-05-04 15:30'), vn('2026-05-05 08:00')]);
    expect(due).toEqual(vn('2026-05-05 08:00'));
  });

  it('never passes the dossier due', () => {
    const start = vn('2026-04-28 08:00');
    const due = vn('2026-04-28 11:00');
    expect(stepDueTimes(cal, start, steps, due).at(-1)).toEqual(due);
  });
});

describe('supplement during processing', () => {
  it('flags the second request (late in Decision 766), not the first', () => {
    expect(supplementRequest(0)).toEqual({ count: 1, flaggedLate: false });
    expect(supplementRequest(1)).toEqual({ count: 2, flaggedLate: true });
  });
});

describe('pauses', () => {
  it('move the due by the working time paused, skipping a weekend and 2/9', () => {
    const due = vn('2026-09-04 10:00');
    const moved = shiftByPause(cal, due, vn('2026-08-28 16:00'), vn('2026-09-03 09:00'));
    // Paused: Fri 1 h + Mon 31/8 8 h + (1/9, 2/9 National Day) + Thu 3/9 07:30–09:00 1.5 h = 10.5 h;
    // from Fri 4/9 10:00 that is 5.5 h on Friday and 5 h on Monday 7/9.
    expect(moved).toEqual(vn('2026-09-07 14:00'));
  });
});

describe('dossier code', () => {
  it('uses the local date of the center, four digits at least', () => {
    // 23:30 UTC on 31/12 is already 1/1 in Hà Nội.
    expect(formatDossierCode('H12.32002', new Date('2025-12-31T23:30:00Z'), TZ, 7)).toBe('H12.32002-260101-0007');
    expect(formatDossierCode('G12.96.STP', new Date('2026-03-02T02:00:00Z'), TZ, 12345)).toBe('G12.96.STP-260302-12345');
  });
});
