import { z } from 'zod';
import { msg } from '../i18n.js';
import { ZDate } from './common.js';

export const ZIndicatorsQuery = z
  .object({
    from: ZDate,
    to: ZDate,
    /** Whose dossiers: the competent agency's unit (Decision 766) or the receiving center's. */
    by: z.enum(['competent', 'receiving']).default('competent'),
    groupBy: z.enum(['unit', 'field', 'procedure', 'channel']).default('unit'),
  })
  .refine((q) => q.from <= q.to, { path: ['to'], error: msg('Ngày kết thúc phải sau ngày bắt đầu', 'The end date must not be before the start date') });
export type IndicatorsQuery = z.infer<typeof ZIndicatorsQuery>;

const ZRatio = z.number().nullable().describe('A share in [0, 1]; null means no data (never shown as 0)');
export const ZDossierCounts = z.object({
  received: z.number().int(), receivedOnline: z.number().int(), carriedOver: z.number().int(),
  resolvedEarly: z.number().int(), resolvedOnTime: z.number().int(), resolvedLate: z.number().int(),
  inProgressInTime: z.number().int(), inProgressOverdue: z.number().int(),
  withFee: z.number().int(), paidOnline: z.number().int(), dissatisfied: z.number().int(), digitised: z.number().int(),
});
export const ZIndicatorsRow = z.object({
  key: z.string(),
  label: z.string(),
  counts: ZDossierCounts,
  indicators: z.object({
    resolved: z.number().int(), toProcess: z.number().int(), overdue: z.number().int(),
    onTimeRate: ZRatio, onTimeRate766: ZRatio, lateRate: ZRatio, onlineRate: ZRatio, onlinePaymentRate: ZRatio, satisfaction766: ZRatio, digitisationRate: ZRatio,
  }),
  score766: z.object({ total: z.number().nullable(), outOf: z.number(), groups: z.record(z.string(), z.number().nullable()) }),
});
export type IndicatorsRow = z.infer<typeof ZIndicatorsRow>;
export const ZIndicatorsReport = z.object({ from: ZDate, to: ZDate, by: z.string(), groupBy: z.string(), rows: z.array(ZIndicatorsRow), total: ZIndicatorsRow });
export type IndicatorsReport = z.infer<typeof ZIndicatorsReport>;
