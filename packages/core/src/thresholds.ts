import type { ThresholdComparison, ThresholdIndicator, ThresholdPeriod } from '@motcua/contracts';
import { businessDate } from './business-day.js';

export type ThresholdState = 'ok' | 'crossed';
export type ThresholdStep = 'crossed' | 'recovered' | 'unchanged';

/** Whether a figure is on the bad side of the line (equal to the line is not past it). */
export function isPast(t: { comparison: ThresholdComparison; value: number }, current: number): boolean {
  return t.comparison === 'below' ? current < t.value : current > t.value;
}

/**
 * What one evaluation does to a threshold: `crossed` (it was fine and is now past the line: alert),
 * `recovered` (back on the good side: the next crossing alerts again) or `unchanged`. A figure with
 * no data (nothing resolved, nobody queued) changes nothing: a quiet morning neither alerts nor
 * rearms a line crossed yesterday.
 */
export function thresholdStep(t: { comparison: ThresholdComparison; value: number }, current: number | null, state: ThresholdState): ThresholdStep {
  if (current === null || !Number.isFinite(current)) return 'unchanged';
  const past = isPast(t, current);
  if (past && state === 'ok') return 'crossed';
  if (!past && state === 'crossed') return 'recovered';
  return 'unchanged';
}

/** The local days a threshold's period covers at `now`: the month so far, or today. */
export function thresholdPeriodDays(period: ThresholdPeriod, now: Date, timeZone: string): { from: string; to: string } {
  const today = businessDate(now, timeZone);
  return { from: period === 'month' ? `${today.slice(0, 8)}01` : today, to: today };
}

/** A threshold's figure in its own unit (percent for rates, minutes for waits) from the dashboards' ratio or minutes. */
export function thresholdFigure(indicator: ThresholdIndicator, figures: { onTimeRate766: number | null; p90WaitMinutes: number | null }): number | null {
  if (indicator === 'on_time_rate') return figures.onTimeRate766 === null ? null : Math.round(figures.onTimeRate766 * 1000) / 10;
  return figures.p90WaitMinutes;
}

const INDICATOR_NAMES: Record<ThresholdIndicator, { vi: string; unit: string }> = {
  on_time_rate: { vi: 'Tỷ lệ giải quyết đúng hạn', unit: '%' },
  queue_wait_p90: { vi: 'Thời gian chờ P90', unit: ' phút' },
};
const PERIOD_NAMES: Record<ThresholdPeriod, string> = { month: 'tháng này', day: 'hôm nay' };
const number = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 1 });

/** The stored text of a threshold alert (Vietnamese, like every alert's email and webhook text). */
export function thresholdAlertText(t: { indicator: ThresholdIndicator; comparison: ThresholdComparison; value: number; period: ThresholdPeriod }, unitName: string, current: number): { title: string; body: string } {
  const { vi, unit } = INDICATOR_NAMES[t.indicator];
  const side = t.comparison === 'below' ? 'dưới' : 'trên';
  const title = `${unitName}: ${vi} ${number(current)}${unit}`;
  return { title, body: `${vi} ${PERIOD_NAMES[t.period]} của ${unitName} là ${number(current)}${unit}, ${side} ngưỡng cảnh báo ${number(t.value)}${unit}.` };
}

