import type { IndicatorsRow } from '@motcua/contracts';
import { bandOf, HEADLINE_KEY, shownIndicators, targetOf } from '@motcua/core';

/** Views a conference screen can rotate through, in the order given in `?views=`. */
export const CONFERENCE_VIEWS = ['overview', 'attention', 'ranking', 'trends', 'heatmap', 'queue'] as const;
export type ConferenceView = (typeof CONFERENCE_VIEWS)[number];
/** Designed for the hall (large type, nothing to scroll): what is shown when `?views=` names none. */
export const DEFAULT_CONFERENCE_VIEWS: ConferenceView[] = ['overview', 'attention', 'ranking', 'trends'];

const MIN_SECONDS = 5;
const DEFAULT_SECONDS = 20;

/** `?views=overview,ranking&every=20` → the known views (the hall set when none) and seconds per slide (at least 5). */
export function parseConference(views: unknown, every: unknown): { views: ConferenceView[]; seconds: number } {
  const asked = typeof views === 'string' ? views.split(',').map((v) => v.trim()) : [];
  const known = asked.filter((v): v is ConferenceView => (CONFERENCE_VIEWS as readonly string[]).includes(v));
  const n = typeof every === 'string' ? Number(every) : NaN;
  return { views: known.length ? [...new Set(known)] : [...DEFAULT_CONFERENCE_VIEWS], seconds: Number.isFinite(n) ? Math.max(MIN_SECONDS, Math.round(n)) : DEFAULT_SECONDS };
}

type RankedRow = IndicatorsRow & { smallSample?: boolean };

/**
 * "5 xã cần chú ý": the ranked communes (minimum sample met) below the headline target, worst
 * first, at most `count` — instead of a 41-row table on the wall.
 */
export function needingAttention(rows: readonly RankedRow[], count = 5): RankedRow[] {
  const target = targetOf(HEADLINE_KEY)!;
  const rate = (r: RankedRow) => shownIndicators(r.indicators).onTimeRate766;
  return rows
    .filter((r) => !r.smallSample && bandOf(rate(r), target) !== 'met' && rate(r) !== null)
    .sort((a, b) => rate(a)! - rate(b)! || b.counts.inProgressOverdue - a.counts.inProgressOverdue)
    .slice(0, count);
}

/** Split a long list into pages the wall shows one after another (never a scrollbar). */
export function pages<T>(items: readonly T[], perPage: number): T[][] {
  const size = Math.max(1, Math.floor(perPage));
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out.length ? out : [[]];
}

/** Rows of a table at ≥ 28 px that fit the stage of a screen this tall (header, title and ticker taken off). */
export const rowsThatFit = (viewportHeight: number) => Math.max(3, Math.floor((viewportHeight - 360) / 64));
