import { describe, expect, it } from 'vitest';
import { createCalendar } from './calendar.js';
import { nextOpening, serviceFloor, type FloorCounter } from './floor.js';

const cal = createCalendar({ timeZone: 'Asia/Ho_Chi_Minh', days: [{ date: '2026-11-30', kind: 'holiday' }] });
const counter = (n: number, state: FloorCounter['state'], serviceIds: string[], shiftsToday: string[] = []): FloorCounter => ({ id: `k${n}`, label: `Quầy ${n}`, number: n, state, serviceIds, shiftsToday });
const open = { isOpenNow: true, nextOpening: null, afternoonStart: '13:00', localTime: '09:00' };

describe('nextOpening', () => {
  it('is the next window today, then the first window of the next working day, skipping weekends and holidays', () => {
    // Wednesday 10:00 local → 13:00 the same day.
    expect(nextOpening(cal, new Date('2026-11-25T03:00:00Z'))?.toISOString()).toBe('2026-11-25T06:00:00.000Z');
    // Friday 18:00 local → Monday is a holiday here → Tuesday 07:30.
    expect(nextOpening(cal, new Date('2026-11-27T11:00:00Z'))?.toISOString()).toBe('2026-12-01T00:30:00.000Z');
    expect(nextOpening(createCalendar({ timeZone: 'Asia/Ho_Chi_Minh', officeHours: {} }), new Date('2026-11-25T03:00:00Z'))).toBeNull();
  });
});

describe('serviceFloor', () => {
  it('is servable only through open (or serving) counters that have the service in their profile', () => {
    const floor = [counter(2, 'open', ['HT']), counter(1, 'serving', ['HT', 'CT']), counter(3, 'closed', ['KD'])];
    expect(serviceFloor('HT', floor, open)).toEqual({ servable: true, openCounters: ['Quầy 1', 'Quầy 2'], expected: { kind: 'now' } });
    expect(serviceFloor('KD', floor, open)).toEqual({ servable: false, openCounters: [], expected: { kind: 'not_today' } });
    expect(serviceFloor('CR', floor, open)).toEqual({ servable: false, openCounters: [], expected: { kind: 'no_counter' } });
  });

  it('says when someone is expected: a paused counter, an officer on today’s board (from the afternoon), or the next opening', () => {
    expect(serviceFloor('HT', [counter(1, 'paused', ['HT'])], open).expected).toEqual({ kind: 'paused', counters: ['Quầy 1'] });
    expect(serviceFloor('HT', [counter(1, 'closed', ['HT'], ['all_day'])], open).expected).toEqual({ kind: 'later_today', counters: ['Quầy 1'], from: null });
    expect(serviceFloor('HT', [counter(1, 'closed', ['HT'], ['afternoon'])], open).expected).toEqual({ kind: 'later_today', counters: ['Quầy 1'], from: '13:00' });
    // A morning shift that is over expects nobody.
    expect(serviceFloor('HT', [counter(1, 'closed', ['HT'], ['morning'])], { ...open, localTime: '14:00' }).expected).toEqual({ kind: 'not_today' });
    const at = new Date('2026-11-26T00:30:00Z');
    expect(serviceFloor('HT', [counter(1, 'open', ['HT'])], { ...open, isOpenNow: false, nextOpening: at })).toEqual({ servable: false, openCounters: [], expected: { kind: 'next_opening', at } });
  });
});
