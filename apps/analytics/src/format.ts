import { dayOfInstant, DEFAULT_TIME_ZONE, formatDay, formatMonth, formatPeriod, type DateLang } from '@motcua/core';
import type { Period } from './period.js';

type N = (value: number, options: Intl.NumberFormatOptions) => string;

/** A share as a percentage in the current language (null is handled by the caller as "no data"). */
export const percent = (n: N, v: number) => n(v, { style: 'percent', maximumFractionDigits: 1 });
/** Minutes with one decimal. */
export const minutes = (n: N, v: number) => n(v, { maximumFractionDigits: 1 });
/** Local time (hh:mm) and date-time of an instant, in the business time zone. */
export const timeOf = (locale: string, iso: string) => new Date(iso).toLocaleTimeString(locale.startsWith('en') ? 'en-GB' : 'vi-VN', { timeZone: DEFAULT_TIME_ZONE, hour: '2-digit', minute: '2-digit', hour12: false });
/** "04/12/2026 14:30" in both languages (dd/mm/yyyy is how dates are written here). */
export const dateTimeOf = (locale: string, iso: string) => `${formatDay(dayOfInstant(new Date(iso), DEFAULT_TIME_ZONE))} ${timeOf(locale, iso)}`;

const langOf = (locale: string): DateLang => (locale.startsWith('en') ? 'en' : 'vi');
/** A local day as dd/mm/yyyy. */
export const dayText = (day: string) => formatDay(day);
/** A period in words: "Tháng 12/2026 (đến 05/12/2026)", "Quý IV/2026", "30 ngày gần nhất: 06/11/2026 – 05/12/2026". */
export function periodText(locale: string, p: Period): string {
  const lang = langOf(locale);
  const label = formatPeriod({ kind: p.kind === 'last30' ? 'custom' : p.kind, from: p.from, to: p.to }, lang);
  return p.kind === 'last30' ? `${lang === 'vi' ? '30 ngày gần nhất' : 'Last 30 days'}: ${label}` : label;
}
/** A trend bucket's label: a day dd/mm/yyyy, a week "Tuần 23/11/2026", a month "Tháng 11/2026". */
export function bucketText(locale: string, bucket: string, from: string): string {
  const lang = langOf(locale);
  if (bucket === 'month') return formatMonth(Number(from.slice(0, 4)), Number(from.slice(5, 7)), lang);
  if (bucket === 'week') return `${lang === 'vi' ? 'Tuần' : 'Week of'} ${formatDay(from)}`;
  return formatDay(from);
}
