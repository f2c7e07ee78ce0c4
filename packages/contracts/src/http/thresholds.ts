import { z } from 'zod';
import { ZThresholdComparison, ZThresholdIndicator, ZThresholdPeriod } from '../enums.js';
import { msg } from '../i18n.js';
import { ZDateTime, ZId } from './common.js';

/** The unit each indicator's value is written in, and the range a threshold may take. */
export const THRESHOLD_RANGES = {
  on_time_rate: { unit: 'percent', min: 0, max: 100 },
  // The queue read models keep waits by whole minute up to 120: a line above that could never be crossed.
  queue_wait_p90: { unit: 'minutes', min: 1, max: 120 },
} as const;

export const ZThresholdInput = z
  .object({
    indicator: ZThresholdIndicator.describe('on_time_rate: Decision 766 on-time rate in %; queue_wait_p90: 90th percentile queue wait in minutes'),
    comparison: ZThresholdComparison.describe('below: alert when the figure falls under the value; above: when it rises over it'),
    value: z.number({ error: msg('Hãy nhập một số', 'Enter a number') }).finite({ error: msg('Hãy nhập một số', 'Enter a number') }),
    period: ZThresholdPeriod.describe('month: the current calendar month so far; day: today'),
    enabled: z.boolean().default(true),
  })
  .superRefine((t, ctx) => {
    const r = THRESHOLD_RANGES[t.indicator];
    if (t.value < r.min || t.value > r.max) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: (r.unit === 'percent'
          ? msg('Tỷ lệ phải từ 0 đến 100 (%)', 'A rate is between 0 and 100 (%)')
          : msg('Thời gian chờ phải từ 1 đến 120 phút', 'A wait is between 1 and 120 minutes'))(),
      });
    }
  });
export type ThresholdInput = z.infer<typeof ZThresholdInput>;

export const ZThreshold = z.object({
  id: ZId,
  unitId: ZId,
  unitName: z.string(),
  indicator: ZThresholdIndicator,
  comparison: ZThresholdComparison,
  value: z.number(),
  period: ZThresholdPeriod,
  enabled: z.boolean(),
  state: z.enum(['ok', 'crossed']).describe('crossed: the figure is past the line and its alert has been sent'),
  stateSince: ZDateTime.nullable(),
  lastValue: z.number().nullable().describe('The figure at the last evaluation, in the indicator unit; null when there was no data'),
  crossings: z.number().int().describe('How many times the line has been crossed (one alert each)'),
  createdAt: ZDateTime,
});
export type Threshold = z.infer<typeof ZThreshold>;
export const ZUnitThresholdParams = z.object({ id: ZId, thresholdId: ZId });
