import { describe, expect, it } from 'vitest';
import { createCalendar } from './calendar.js';
import { deviceOfflineAlertText, isOpenAt } from './devices.js';

// Default office hours: Monday to Friday 07:30–11:30 and 13:30–17:00, Saturday morning.
const cal = createCalendar({ timeZone: 'Asia/Ho_Chi_Minh', days: [{ date: '2026-11-30', kind: 'holiday' }] });

describe('isOpenAt', () => {
  it('is open inside an office window, closed at lunch, at night and on a holiday', () => {
    expect(isOpenAt(cal, new Date('2026-11-25T02:00:00Z'))).toBe(true); // Wed 09:00
    expect(isOpenAt(cal, new Date('2026-11-25T00:30:00Z'))).toBe(true); // 07:30 sharp opens
    expect(isOpenAt(cal, new Date('2026-11-25T04:30:00Z'))).toBe(false); // 11:30 sharp closes
    expect(isOpenAt(cal, new Date('2026-11-25T05:00:00Z'))).toBe(false); // 12:00 lunch
    expect(isOpenAt(cal, new Date('2026-11-25T14:00:00Z'))).toBe(false); // 21:00
    expect(isOpenAt(cal, new Date('2026-11-30T02:00:00Z'))).toBe(false); // a Monday holiday
  });
});

describe('deviceOfflineAlertText', () => {
  it('names the device, the center and the local time it went silent', () => {
    const text = deviceOfflineAlertText({ kind: 'kiosk', name: 'Ki-ốt sảnh' }, 'TTHCC An Xuyên', new Date('2026-11-25T02:05:00Z'), 'Asia/Ho_Chi_Minh');
    expect(text.title).toBe('TTHCC An Xuyên: Ki-ốt sảnh mất kết nối');
    expect(text.body).toContain('từ 09:05 trong giờ làm việc');
  });
});
