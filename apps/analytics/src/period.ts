import { addDays } from '@motcua/web';

/** `last30` is rolling: the 30 days up to today (the default screen). */
export const PERIOD_KINDS = ['last30', 'day', 'week', 'month', 'quarter', 'year', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
export interface Period {
  kind: PeriodKind;
  from: string;
  to: string;
}

const parts = (date: string) => date.split('-').map(Number) as [number, number, number];
const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const lastDayOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The day, ISO week (Monday–Sunday), month, quarter or year containing `anchor`. */
export function periodAround(kind: Exclude<PeriodKind, 'custom'>, anchor: string): Period {
  const [y, m] = parts(anchor);
  switch (kind) {
    case 'last30':
      return { kind, from: addDays(anchor, -29), to: anchor };
    case 'day':
      return { kind, from: anchor, to: anchor };
    case 'week': {
      const weekday = (new Date(`${anchor}T00:00:00Z`).getUTCDay() + 6) % 7;
      const from = addDays(anchor, -weekday);
      return { kind, from, to: addDays(from, 6) };
    }
    case 'month':
      return { kind, from: ymd(y, m, 1), to: ymd(y, m, lastDayOfMonth(y, m)) };
    case 'quarter': {
      const first = Math.floor((m - 1) / 3) * 3 + 1;
      return { kind, from: ymd(y, first, 1), to: ymd(y, first + 2, lastDayOfMonth(y, first + 2)) };
    }
    case 'year':
      return { kind, from: ymd(y, 1, 1), to: ymd(y, 12, 31) };
  }
}

/** The period before (-1) or after (+1) a fixed one; a custom range moves by its own length. */
export function shiftPeriod(p: Period, direction: -1 | 1): Period {
  if (p.kind === 'custom' || p.kind === 'last30') {
    const length = (Date.parse(p.to) - Date.parse(p.from)) / 86_400_000 + 1;
    return { kind: 'custom', from: addDays(p.from, direction * length), to: addDays(p.to, direction * length) };
  }
  if (p.kind === 'month' || p.kind === 'quarter' || p.kind === 'year') {
    // A whole period steps to the next whole one (its `to` may have been clipped at today).
    const natural = periodAround(p.kind, p.from);
    return periodAround(p.kind, direction < 0 ? addDays(natural.from, -1) : addDays(natural.to, 1));
  }
  return periodAround(p.kind, direction < 0 ? addDays(p.from, -1) : addDays(p.to, 1));
}

/** Trend buckets that keep a chart readable: days up to a quarter's worth, weeks up to a year, then months. */
export function bucketFor(p: Period): 'day' | 'week' | 'month' {
  const days = (Date.parse(p.to) - Date.parse(p.from)) / 86_400_000 + 1;
  return days <= 35 ? 'day' : days <= 120 ? 'week' : 'month';
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/** A period ends no later than today: the current month has no empty future days. */
export function clipToToday(p: Period, today: string): Period {
  return p.to > today && p.from <= today ? { ...p, to: today } : p;
}

/**
 * The period a figure is compared with: the one before, of the same length. A month clipped at
 * today (1–5 December) is compared with the same days of the month before (1–5 November), never
 * with a whole month; a whole month with the whole month before; a rolling or custom range with
 * the days just before it.
 */
export function previousComparable(p: Period): Period {
  if (p.kind === 'month' || p.kind === 'quarter' || p.kind === 'year') {
    const before = shiftPeriod(p, -1);
    const natural = periodAround(p.kind, p.from);
    if (p.to >= natural.to) return before;
    const to = addDays(before.from, daysBetween(p.from, p.to));
    return { kind: p.kind, from: before.from, to: to < before.to ? to : before.to };
  }
  return { ...shiftPeriod(p, -1), kind: p.kind === 'last30' ? 'custom' : p.kind };
}

/** The last complete month before `today`. */
export const lastCompleteMonth = (today: string): Period => shiftPeriod(periodAround('month', today), -1);
