/**
 * Dates as people write them in Vietnam (issue #19 item 7): 04/12/2026, "Tháng 12/2026",
 * "Quý IV/2026", "Thứ Sáu, 04/12/2026". Pure string work on local days (YYYY-MM-DD), so every
 * screen, export, the conference header and the live board show the same thing whatever the
 * browser's locale. English is given for the English UI.
 */

export type DateLang = 'vi' | 'en';

const parts = (day: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  if (!m) throw new RangeError(`Not a YYYY-MM-DD day: ${day}`);
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
};
const pad = (n: number) => String(n).padStart(2, '0');

const WEEKDAYS: Record<DateLang, readonly string[]> = {
  vi: ['Chủ Nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};
const ROMAN = ['I', 'II', 'III', 'IV'] as const;

/** 2026-12-04 → 04/12/2026 (both languages: dd/mm/yyyy is what the documents use). */
export function formatDay(day: string): string {
  const { y, m, d } = parts(day);
  return `${pad(d)}/${pad(m)}/${y}`;
}

/** 2026-12-04 → 04/12 (inside a range whose year is said once). */
export function formatDayMonth(day: string): string {
  const { m, d } = parts(day);
  return `${pad(d)}/${pad(m)}`;
}

/** 2026-12-04 → "Thứ Sáu, 04/12/2026" (en: "Friday, 04/12/2026"). */
export function formatWeekdayDay(day: string, lang: DateLang = 'vi'): string {
  const { y, m, d } = parts(day);
  return `${WEEKDAYS[lang][new Date(Date.UTC(y, m - 1, d)).getUTCDay()]}, ${formatDay(day)}`;
}

/** The local day (YYYY-MM-DD) of an instant in a time zone. */
export function dayOfInstant(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** An instant as "Thứ Sáu, 04/12/2026" in a time zone (the live board's date line). */
export function formatWeekdayDate(at: Date, timeZone: string, lang: DateLang = 'vi'): string {
  return formatWeekdayDay(dayOfInstant(at, timeZone), lang);
}

/** "Tháng 12/2026" (en: "Month 12/2026"). */
export function formatMonth(year: number, month: number, lang: DateLang = 'vi'): string {
  return `${lang === 'vi' ? 'Tháng' : 'Month'} ${month}/${year}`;
}

/** "Quý IV/2026" (en: "Quarter IV/2026"). */
export function formatQuarter(year: number, quarter: 1 | 2 | 3 | 4, lang: DateLang = 'vi'): string {
  return `${lang === 'vi' ? 'Quý' : 'Quarter'} ${ROMAN[quarter - 1]}/${year}`;
}

/** "Năm 2026" (en: "Year 2026"). */
export function formatYear(year: number, lang: DateLang = 'vi'): string {
  return `${lang === 'vi' ? 'Năm' : 'Year'} ${year}`;
}

/** "01/11/2026 – 30/11/2026": both ends in full, unambiguous. */
export function formatDayRange(from: string, to: string): string {
  return from === to ? formatDay(from) : `${formatDay(from)} – ${formatDay(to)}`;
}

export type PeriodLabelKind = 'day' | 'week' | 'month' | 'quarter' | 'year' | 'custom';

/**
 * A reporting period in words: a whole month "Tháng 12/2026", a quarter "Quý IV/2026", a year
 * "Năm 2026", a day "Thứ Sáu, 04/12/2026", anything else (a week, a custom range) as its two days.
 * A month, quarter or year clipped at today (its `to` before its natural end) says up to which day:
 * "Tháng 12/2026 (đến 05/12/2026)".
 */
export function formatPeriod(p: { kind: PeriodLabelKind; from: string; to: string }, lang: DateLang = 'vi'): string {
  const { y, m } = parts(p.from);
  const until = (natural: string, label: string) => (p.to < natural ? `${label} (${lang === 'vi' ? 'đến' : 'to'} ${formatDay(p.to)})` : label);
  const lastDay = (yy: number, mm: number) => `${yy}-${pad(mm)}-${pad(new Date(Date.UTC(yy, mm, 0)).getUTCDate())}`;
  switch (p.kind) {
    case 'day':
      return formatWeekdayDay(p.from, lang);
    case 'month':
      return until(lastDay(y, m), formatMonth(y, m, lang));
    case 'quarter': {
      const q = Math.floor((m - 1) / 3) + 1;
      return until(lastDay(y, q * 3), formatQuarter(y, q as 1 | 2 | 3 | 4, lang));
    }
    case 'year':
      return until(`${y}-12-31`, formatYear(y, lang));
    default:
      return formatDayRange(p.from, p.to);
  }
}
