import { describe, expect, it } from 'vitest';
import { appointmentMissedAt, checkInTiming, slotCapacity, slotStarts } from './appointments.js';

const TZ = 'Asia/Ho_Chi_Minh';

describe('appointment slots', () => {
  it('cuts each office window into whole slots in the center time zone, never across the lunch break', () => {
    const slots = slotStarts('2026-11-25', [{ start: '07:30', end: '09:15' }, { start: '13:00', end: '14:00' }], 30, TZ);
    expect(slots.map((d) => d.toISOString())).toEqual([
      '2026-11-25T00:30:00.000Z', '2026-11-25T01:00:00.000Z', '2026-11-25T01:30:00.000Z',
      '2026-11-25T06:00:00.000Z', '2026-11-25T06:30:00.000Z',
    ]);
    expect(slotStarts('2026-11-28', [], 30, TZ)).toEqual([]);
  });

  it('capacity comes from the planned counters', () => {
    expect(slotCapacity(3, 2)).toBe(6);
    expect(slotCapacity(0, 2)).toBe(0);
  });

  it('check-in within ±N minutes is on time; later joins the normal line; earlier is early', () => {
    const slot = new Date('2026-11-25T02:00:00Z');
    const at = (min: number) => new Date(slot.getTime() + min * 60_000);
    expect(checkInTiming(slot, at(-10), 10)).toBe('on_time');
    expect(checkInTiming(slot, at(10), 10)).toBe('on_time');
    expect(checkInTiming(slot, at(0), 10)).toBe('on_time');
    expect(checkInTiming(slot, at(11), 10)).toBe('late');
    expect(checkInTiming(slot, at(-11), 10)).toBe('early');
  });

  it('an appointment is missed after its slot ends plus the on-time window', () => {
    expect(appointmentMissedAt(new Date('2026-11-25T02:00:00Z'), 30, 10).toISOString()).toBe('2026-11-25T02:40:00.000Z');
    expect(appointmentMissedAt(new Date('2026-11-25T02:00:00Z'), 60, 0).toISOString()).toBe('2026-11-25T03:00:00.000Z');
  });
});
