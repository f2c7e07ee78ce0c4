import { formatMonth, type DateLang } from './date-labels.js';
import type { Bilingual } from './indicator-definitions.js';
import type { Ratio } from './indicators.js';

/**
 * The monthly briefing's three sentences (issue #19 item 10): templates filled from figures, never
 * free text. Pure; the API feeds them the same figures the overview shows.
 */

/** Numerator and denominator of the headline rate (RATE_FORMULAS.onTimeRate766) for one group. */
export interface RateParts {
  numerator: number;
  denominator: number;
}

export interface BriefingFieldParts {
  label: string;
  current: RateParts;
  previous: RateParts;
}

export interface BriefingFigures {
  unitName: string;
  /** "YYYY-MM". */
  month: string;
  /** The headline rate as shown (null = no data), this month and the month before. */
  rate: Ratio;
  previousRate: Ratio;
  target: number;
  /** Per field, for the field that moved the rate most. */
  fields: BriefingFieldParts[];
  /** Dossiers past due now. */
  overdue: number;
  /** The procedure with the lowest rate this month, if any has data. */
  worstProcedure?: { label: string; rate: number } | null;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

function parseMonth(month: string): { y: number; m: number } {
  const hit = MONTH.exec(month);
  if (!hit) throw new RangeError(`Not a YYYY-MM month: ${month}`);
  return { y: Number(hit[1]), m: Number(hit[2]) };
}

/** "2026-11" → first and last local day. */
export function monthRange(month: string): { from: string; to: string } {
  const { y, m } = parseMonth(month);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** "2026-01" → "2025-12". */
export function previousMonth(month: string): string {
  const { y, m } = parseMonth(month);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** "Tháng 11/2026" / "November 2026". */
export function monthLabel(month: string, lang: DateLang): string {
  const { y, m } = parseMonth(month);
  return lang === 'vi' ? formatMonth(y, m, 'vi') : new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
}

const LOCALE: Record<DateLang, string> = { vi: 'vi-VN', en: 'en-GB' };

/** A share as a percentage with one decimal: "93,2%" / "93.2%". */
export function formatRate(r: number, lang: DateLang): string {
  return new Intl.NumberFormat(LOCALE[lang], { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(r);
}

/** A target as printed: "99%". */
export function formatTarget(r: number, lang: DateLang): string {
  return new Intl.NumberFormat(LOCALE[lang], { style: 'percent', maximumFractionDigits: 1 }).format(r);
}

/** Percentage points, unsigned, one decimal: "2,1 điểm" / "2.1 points". */
export function formatPoints(points: number, lang: DateLang): string {
  const n = new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Math.abs(points));
  return lang === 'vi' ? `${n} điểm` : `${n} ${n === '1.0' ? 'point' : 'points'}`;
}

/** Signed points: "−1,6 điểm", "+0,9 điểm". */
const signedPoints = (points: number, lang: DateLang) => `${points < 0 ? '−' : '+'}${formatPoints(points, lang)}`;

/** Rounded to the tenth of a point the sentences print, so "unchanged" means "prints as 0,0". */
export const pointsBetween = (now: number, before: number) => Math.round((now - before) * 1000) / 10;

/**
 * How much each field moved the overall rate, in points; the contributions add up to the change.
 * A field's share of the gap to last month's overall rate r₀, (N_f − r₀·D_f) / D, sums to r − r₀
 * this month and to 0 last month, so its change is the field's part of the overall change.
 */
export function fieldContributions(fields: BriefingFieldParts[]): Array<{ label: string; points: number }> {
  const sum = (k: 'current' | 'previous', p: keyof RateParts) => fields.reduce((s, f) => s + f[k][p], 0);
  const d1 = sum('current', 'denominator');
  const d0 = sum('previous', 'denominator');
  if (!d1 || !d0) return [];
  const r0 = sum('previous', 'numerator') / d0;
  return fields.map((f) => ({
    label: f.label,
    points: ((f.current.numerator - r0 * f.current.denominator) / d1 - (f.previous.numerator - r0 * f.previous.denominator) / d0) * 100,
  }));
}

function headline(f: BriefingFigures, lang: DateLang): string {
  const month = monthLabel(f.month, lang);
  if (f.rate === null) {
    return lang === 'vi'
      ? `${month}, ${f.unitName} chưa có hồ sơ đã giải quyết nên chưa có tỷ lệ giải quyết đúng hạn.`
      : `In ${month}, ${f.unitName} resolved no dossier, so there is no on-time rate yet.`;
  }
  const rate = formatRate(f.rate, lang);
  const target = formatTarget(f.target, lang);
  if (f.rate >= f.target) {
    return lang === 'vi'
      ? `${month}, tỷ lệ giải quyết hồ sơ đúng hạn (766) của ${f.unitName} là ${rate}, đạt chỉ tiêu ${target}.`
      : `In ${month}, the on-time rate (766) of ${f.unitName} was ${rate}, meeting the ${target} target.`;
  }
  const gap = formatPoints(pointsBetween(f.target, f.rate), lang);
  return lang === 'vi'
    ? `${month}, tỷ lệ giải quyết hồ sơ đúng hạn (766) của ${f.unitName} là ${rate}, chưa đạt chỉ tiêu ${target} (thiếu ${gap}).`
    : `In ${month}, the on-time rate (766) of ${f.unitName} was ${rate}, short of the ${target} target by ${gap}.`;
}

function change(f: BriefingFigures, lang: DateLang): string {
  if (f.rate === null || f.previousRate === null) {
    return lang === 'vi'
      ? `Chưa so sánh được với tháng trước vì ${f.rate === null ? 'tháng này' : 'tháng trước'} chưa có dữ liệu.`
      : `No comparison with the month before: ${f.rate === null ? 'this month' : 'the month before'} has no data.`;
  }
  const delta = pointsBetween(f.rate, f.previousRate);
  const fromTo = lang === 'vi' ? `từ ${formatRate(f.previousRate, lang)} ${delta < 0 ? 'xuống' : 'lên'} ${formatRate(f.rate, lang)}` : `from ${formatRate(f.previousRate, lang)} to ${formatRate(f.rate, lang)}`;
  if (delta === 0) {
    return lang === 'vi'
      ? `Tỷ lệ đúng hạn không đổi so với tháng trước (${formatRate(f.rate, lang)}).`
      : `The on-time rate is unchanged from the month before (${formatRate(f.rate, lang)}).`;
  }
  const down = delta < 0;
  // The field that pushed the same way most; none when no field did (rounding, or no field data).
  const contributions = fieldContributions(f.fields).filter((c) => (down ? c.points < 0 : c.points > 0));
  const main = contributions.sort((a, b) => (down ? a.points - b.points : b.points - a.points) || a.label.localeCompare(b.label, 'vi'))[0];
  const amount = formatPoints(delta, lang);
  if (lang === 'vi') {
    const why = main ? `, chủ yếu ${down ? 'do' : 'nhờ'} lĩnh vực ${main.label} (${signedPoints(main.points, lang)})` : '';
    return `Tỷ lệ đúng hạn ${down ? 'giảm' : 'tăng'} ${amount} so với tháng trước (${fromTo})${why}.`;
  }
  const why = main ? `, mostly ${down ? 'because of' : 'thanks to'} the ${main.label} field (${signedPoints(main.points, lang)})` : '';
  return `The on-time rate ${down ? 'fell' : 'rose'} ${amount} from the month before (${fromTo})${why}.`;
}

function backlog(f: BriefingFigures, lang: DateLang): string {
  const worst = f.worstProcedure;
  if (lang === 'vi') {
    const first = f.overdue ? `Hiện có ${f.overdue} hồ sơ đang quá hạn` : 'Hiện không có hồ sơ nào đang quá hạn';
    return `${first}${worst ? `; thủ tục có tỷ lệ đúng hạn thấp nhất trong tháng là ${worst.label} (${formatRate(worst.rate, lang)})` : ''}.`;
  }
  const first = f.overdue ? `${f.overdue} ${f.overdue === 1 ? 'dossier is' : 'dossiers are'} overdue now` : 'No dossier is overdue now';
  return `${first}${worst ? `; the procedure with the lowest on-time rate this month was ${worst.label} (${formatRate(worst.rate, lang)})` : ''}.`;
}

/** The three sentences, in Vietnamese and English: against the target, the change and why, the backlog. */
export function briefingSentences(f: BriefingFigures): { vi: [string, string, string]; en: [string, string, string] } {
  const of = (lang: DateLang): [string, string, string] => [headline(f, lang), change(f, lang), backlog(f, lang)];
  return { vi: of('vi'), en: of('en') };
}

export const BRIEFING_TITLE: Bilingual = { vi: 'BẢN TIN THÁNG', en: 'Monthly briefing' };
