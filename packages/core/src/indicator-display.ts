import { INDICATOR_DEFINITIONS, type Bilingual } from './indicator-definitions.js';
import type { DossierIndicators, Ratio } from './indicators.js';

/**
 * How figures are shown to a leader (issue #19): one headline on-time figure named the same
 * everywhere, "no data" when nothing was resolved, a minimum sample before a unit is ranked, and
 * the bands a rate falls in against its target. Pure; the screens, the exports, the conference
 * wall and the briefing all read these.
 */

/** The one headline on-time figure: Decision 766 §2.1 (deductions applied). */
export const HEADLINE_KEY = 'onTimeRate766' as const;
/** Its name, the same on every screen (from the definitions the "how computed" page renders). */
export const HEADLINE_NAME: Bilingual = INDICATOR_DEFINITIONS.find((d) => d.key === HEADLINE_KEY)!.name;
/** The resolved-only rate appears in detail tables only, under this label. */
export const REFERENCE_ON_TIME_NAME: Bilingual = {
  vi: 'Tham khảo: đúng hạn trong số hồ sơ đã có kết quả',
  en: 'For reference: on time among resolved dossiers',
};

/** The target of a rate (Resolution 01/NQ-CP, Decision 766 full-point thresholds), if it has one. */
export function targetOf(key: string): number | undefined {
  return INDICATOR_DEFINITIONS.find((d) => d.key === key)?.target;
}

/** Rates that judge outcomes: meaningless for a unit that resolved nothing in the period. */
export const OUTCOME_RATES = ['onTimeRate766', 'onTimeRate766Original', 'onTimeRate', 'lateRate', 'satisfaction766', 'eResultRate'] as const;
export type OutcomeRate = (typeof OUTCOME_RATES)[number];

/** A unit with no resolved dossier in the period has no outcome to judge. */
export const hasOutcome = (ind: Pick<DossierIndicators, 'resolved'>) => ind.resolved > 0;

/**
 * The indicators as shown: with no resolved dossier, every outcome rate is "no data" (null) —
 * never 100% in one column and "no data" in the next. Submission rates (online, paid online) are
 * about what was received and stay as they are.
 */
export function shownIndicators<T extends DossierIndicators>(ind: T): T {
  if (hasOutcome(ind)) return ind;
  const out = { ...ind };
  for (const k of OUTCOME_RATES) out[k] = null as T[typeof k];
  return out;
}

/** The 766 score as shown: "no data" for a unit with no resolved dossier (it would be built from submissions only). */
export const shownScore = (ind: Pick<DossierIndicators, 'resolved'>, total: number | null) => (hasOutcome(ind) ? total : null);

/** Dossiers handled in the period below which a unit is listed apart as "few dossiers", not ranked. */
export const DEFAULT_MIN_SAMPLE = 20;
export const isSmallSample = (ind: Pick<DossierIndicators, 'toProcess'>, minSample: number = DEFAULT_MIN_SAMPLE) => ind.toProcess < minSample;

export type Band = 'met' | 'near' | 'below' | 'none';
/**
 * Where a rate stands against its target: met, near (within 3 points of a target of 90% or more,
 * 10 points of a lower one) or below; "none" without data. Bars, tiles, the map and alerts use
 * the same bands.
 */
export function bandOf(value: Ratio, target: number): Band {
  if (value === null) return 'none';
  if (value >= target) return 'met';
  return value >= target - nearMargin(target) ? 'near' : 'below';
}
export const nearMargin = (target: number) => (target >= 0.9 ? 0.03 : 0.1);

export const BAND_NAMES: Record<Band, Bilingual> = {
  met: { vi: 'Đạt', en: 'Met' },
  near: { vi: 'Gần đạt', en: 'Nearly met' },
  below: { vi: 'Chưa đạt', en: 'Not met' },
  none: { vi: 'Chưa có dữ liệu', en: 'No data' },
};
/** Colours with enough contrast on white for text and bars (WCAG AA for large text). */
export const BAND_COLOURS: Record<Band, string> = { met: '#1e7d32', near: '#8a5200', below: '#b3261e', none: '#6b7280' };
