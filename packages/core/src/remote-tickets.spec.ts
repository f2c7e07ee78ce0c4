import { describe, expect, it } from 'vitest';
import { quotaHour, remoteTicketRefusal } from './remote-tickets.js';

const windows = [{ start: '07:30', end: '11:30' }, { start: '13:00', end: '17:00' }];
const settings = { perHour: 20, stopMinutesBeforeClose: 30 };
const at = (localTime: string, extra: { servedNow?: boolean; takenThisHour?: number } = {}) =>
  remoteTicketRefusal({ localTime, windows, settings, servedNow: extra.servedNow ?? true, takenThisHour: extra.takenThisHour ?? 0 });

describe('remoteTicketRefusal', () => {
  it('gives a ticket inside a window, served, under the quota', () => {
    expect(at('09:00')).toBeNull();
    expect(at('10:59', { takenThisHour: 19 })).toBeNull();
  });
  it('refuses outside the windows (before opening, at lunch, after closing)', () => {
    expect(at('07:00')).toEqual({ kind: 'closed' });
    expect(at('12:00')).toEqual({ kind: 'closed' });
    expect(at('17:00')).toEqual({ kind: 'closed' });
    expect(remoteTicketRefusal({ localTime: '09:00', windows: [], settings, servedNow: true, takenThisHour: 0 })).toEqual({ kind: 'closed' });
  });
  it('stops the set minutes before the window in force closes', () => {
    expect(at('10:59')).toBeNull();
    expect(at('11:00')).toEqual({ kind: 'near_closing', closesAt: '11:30' });
    expect(at('16:45')).toEqual({ kind: 'near_closing', closesAt: '17:00' });
  });
  it('refuses a service no open counter serves', () => {
    expect(at('09:00', { servedNow: false })).toEqual({ kind: 'not_served' });
  });
  it('refuses once the hour’s quota is taken, naming the next hour', () => {
    expect(at('09:10', { takenThisHour: 20 })).toEqual({ kind: 'quota_reached', nextHour: '10:00' });
  });
  it('closing comes before quota: the reason a person can act on', () => {
    expect(at('11:10', { takenThisHour: 99, servedNow: false })).toEqual({ kind: 'near_closing', closesAt: '11:30' });
  });
  it('a center with 0 per hour takes none, whatever the hour', () => {
    const off = (localTime: string) => remoteTicketRefusal({ localTime, windows, settings: { ...settings, perHour: 0 }, servedNow: true, takenThisHour: 0 });
    expect(off('09:00')).toEqual({ kind: 'disabled' });
    expect(off('12:00')).toEqual({ kind: 'disabled' });
  });
  it('counts quota per local clock hour', () => {
    expect(quotaHour('2026-11-25', '09:59')).toBe('2026-11-25T09');
  });
});
