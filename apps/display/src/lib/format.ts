import type { ServiceExpectation, WaitEstimate } from '@motcua/contracts';

/** Centers run on Vietnam time whatever the device's own clock zone is. */
export const CENTER_TIME_ZONE = 'Asia/Ho_Chi_Minh';

type T = (key: string, named?: Record<string, unknown>) => string;

/** "Khoảng 10–15 phút", "Khoảng 5 phút" or "Không phải chờ". */
export function waitText(e: Pick<WaitEstimate, 'minMinutes' | 'maxMinutes'>, t: T): string {
  if (e.maxMinutes <= 0) return t('queue.wait.none');
  if (e.minMinutes === e.maxMinutes) return t('queue.wait.exact', { min: e.minMinutes });
  return t('queue.wait.range', { min: e.minMinutes, max: e.maxMinutes });
}

/** "07:30–11:30, 13:30–17:00" */
export function hoursText(ranges: { start: string; end: string }[]): string {
  return ranges.map((r) => `${r.start.slice(0, 5)}–${r.end.slice(0, 5)}`).join(', ');
}

/** Hour and minute in the center's time zone, e.g. "09:05". */
export function timeOfDay(at: Date | string, locale = 'vi-VN'): string {
  return new Intl.DateTimeFormat(locale, { timeZone: CENTER_TIME_ZONE, hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(at));
}

export function dateLong(at: Date, locale = 'vi-VN'): string {
  return new Intl.DateTimeFormat(locale, { timeZone: CENTER_TIME_ZONE, weekday: 'long', day: '2-digit', month: '2-digit', year: 'numeric' }).format(at);
}

/** A time-limit count as people write it: 0.5 → "½", 1.5 → "1½", 3 → "3". */
export function limitCount(n: number): string {
  const whole = Math.floor(n);
  const half = n - whole === 0.5 ? '½' : '';
  return half ? `${whole || ''}${half}` : String(n);
}

/** A weekday, date and time of the center, e.g. "thứ Năm, 26/11 07:30" (the next opening). */
export function openingText(at: Date | string, locale = 'vi-VN'): string {
  return new Intl.DateTimeFormat(locale, { timeZone: CENTER_TIME_ZONE, weekday: 'long', day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(at));
}

/** When a service nobody serves now is expected (#18 item 1), in the given language. */
export function expectedText(e: ServiceExpectation, t: T, locale: 'vi' | 'en'): string {
  switch (e.kind) {
    case 'paused':
      return t('queue.kiosk.expected.paused', { counters: e.counters.join(', ') });
    case 'later_today':
      return e.from ? t('queue.kiosk.expected.laterFrom', { from: e.from }) : t('queue.kiosk.expected.later');
    case 'next_opening':
      return e.at ? t('queue.kiosk.expected.nextOpening', { at: openingText(e.at, locale === 'vi' ? 'vi-VN' : 'en-GB') }) : t('queue.kiosk.expected.none');
    case 'not_today':
      return t('queue.kiosk.expected.notToday');
    default:
      return t('queue.kiosk.expected.none');
  }
}
