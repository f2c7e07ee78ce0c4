import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n/index.js';
import { hoursText, limitCount, timeOfDay, waitText } from './format.js';

const t = (key: string, named?: Record<string, unknown>) => i18n.global.t(key, named ?? {});

describe('queue formatting', () => {
  it('says the wait as a range in Vietnamese', () => {
    expect(waitText({ minMinutes: 10, maxMinutes: 15 }, t)).toBe('Khoảng 10–15 phút');
    expect(waitText({ minMinutes: 5, maxMinutes: 5 }, t)).toBe('Khoảng 5 phút');
    expect(waitText({ minMinutes: 0, maxMinutes: 0 }, t)).toBe('Không phải chờ');
  });

  it('shows opening hours without seconds', () => {
    expect(hoursText([{ start: '07:30:00', end: '11:30:00' }, { start: '13:30', end: '17:00' }])).toBe('07:30–11:30, 13:30–17:00');
  });

  it('tells the time in Vietnam whatever the device time zone', () => {
    expect(timeOfDay('2026-11-25T01:05:00Z')).toBe('08:05');
  });
});

describe('limitCount', () => {
  it('writes half days the way a notice board does', () => {
    expect([limitCount(0.5), limitCount(1.5), limitCount(3), limitCount(0.25)]).toEqual(['½', '1½', '3', '0.25']);
  });
});
