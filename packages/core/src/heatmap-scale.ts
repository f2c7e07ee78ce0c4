import { DEFAULT_OFFICE_HOURS, type OfficeHours } from './calendar.js';
import { percentile } from './indicators.js';

/**
 * The colour scale of the weekday × hour heatmap (issue #19 item 6): only the opening hours are
 * shown and scaled, and the scale is capped at a high quantile of those cells, so one unusual hour
 * (a system outage, a Saturday campaign) does not wash out the rest. Cells above the cap are
 * drawn at full colour and marked.
 */
export interface HeatCell {
  weekday: number;
  hour: number;
  issued: number;
}

const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};

/** The whole hours [h, h+1) that overlap an office window, per ISO weekday (1 = Monday). */
export function openingSlots(hours: OfficeHours = DEFAULT_OFFICE_HOURS): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (let d = 1; d <= 7; d++) {
    const windows = hours[String(d) as keyof OfficeHours] ?? [];
    const slots = Array.from({ length: 24 }, (_, h) => h).filter((h) => windows.some((w) => minutes(w.start) < (h + 1) * 60 && minutes(w.end) > h * 60));
    if (slots.length) out.set(d, slots);
  }
  return out;
}

export interface HeatScale {
  weekdays: number[];
  hours: number[];
  /** The value at which colour is full: the quantile of non-empty open cells. */
  cap: number;
  /** Tickets issued outside the opening hours (not drawn). */
  outside: number;
  /** 0…1 for a value, capped. */
  level: (v: number) => number;
  isCapped: (v: number) => boolean;
}

export function heatScale(cells: readonly HeatCell[], hours: OfficeHours = DEFAULT_OFFICE_HOURS, quantile = 90): HeatScale {
  const slots = openingSlots(hours);
  const open = (c: HeatCell) => slots.get(c.weekday)?.includes(c.hour) ?? false;
  const inside = cells.filter(open);
  const cap = percentile(inside.filter((c) => c.issued > 0).map((c) => c.issued), quantile) ?? 0;
  const weekdays = [...slots.keys()];
  const hourSet = new Set<number>();
  for (const list of slots.values()) for (const h of list) hourSet.add(h);
  return {
    weekdays,
    hours: [...hourSet].sort((a, b) => a - b),
    cap,
    outside: cells.filter((c) => !open(c)).reduce((s, c) => s + c.issued, 0),
    level: (v) => (cap > 0 ? Math.min(1, v / cap) : 0),
    isCapped: (v) => cap > 0 && v > cap,
  };
}
