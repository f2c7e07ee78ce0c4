import { instantOf, localDate, windowsOn, type WorkCalendar } from './calendar.js';

/** Whether `now` falls in one of the day's office windows of the calendar (holidays and days off have none). */
export function isOpenAt(cal: WorkCalendar, now: Date): boolean {
  const today = localDate(now, cal.timeZone);
  return windowsOn(cal, today).some((w) => now >= instantOf(today, w.start, cal.timeZone) && now < instantOf(today, w.end, cal.timeZone));
}

const KIND_NAMES = { display: 'Màn hình sảnh', kiosk: 'Ki-ốt lấy số', rating: 'Máy đánh giá' } as const;

/** The manager's notification about a paired device gone silent while the center is open (#18 item 12). */
export function deviceOfflineAlertText(device: { kind: keyof typeof KIND_NAMES; name: string }, centerName: string, since: Date, timeZone: string): { title: string; body: string } {
  const at = new Intl.DateTimeFormat('vi-VN', { timeZone, hour: '2-digit', minute: '2-digit', hour12: false }).format(since);
  return {
    title: `${centerName}: ${device.name} mất kết nối`,
    body: `${KIND_NAMES[device.kind]} "${device.name}" của ${centerName} không còn kết nối từ ${at} trong giờ làm việc. Hãy kiểm tra nguồn điện và mạng của thiết bị.`,
  };
}
