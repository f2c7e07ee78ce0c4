import { dayIn } from '@motcua/web';
import { computed } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { bucketFor, PERIOD_KINDS, periodAround, type Period, type PeriodKind } from '../period.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';
export type By = 'competent' | 'receiving';

/**
 * The period and "whose dossiers" of every screen, kept in the address (?period=month&date=…,
 * or ?period=custom&from=…&to=…, and &by=receiving) so a link or a conference screen reproduces it.
 */
export function usePeriod() {
  const route = useRoute();
  const router = useRouter();
  const str = (k: string) => (typeof route.query[k] === 'string' ? (route.query[k] as string) : undefined);

  const period = computed<Period>(() => {
    const kind = (PERIOD_KINDS as readonly string[]).includes(str('period') ?? '') ? (str('period') as PeriodKind) : 'month';
    const from = str('from');
    const to = str('to');
    if (kind === 'custom' && from && to && DATE.test(from) && DATE.test(to) && from <= to) return { kind, from, to };
    const date = str('date');
    return periodAround(kind === 'custom' ? 'month' : kind, date && DATE.test(date) ? date : dayIn(TIME_ZONE));
  });
  const by = computed<By>(() => (str('by') === 'receiving' ? 'receiving' : 'competent'));
  const bucket = computed(() => bucketFor(period.value));

  function setPeriod(p: Period) {
    const { period: _p, date: _d, from: _f, to: _t, ...rest } = route.query;
    const q = p.kind === 'custom' ? { period: 'custom', from: p.from, to: p.to } : { period: p.kind, date: p.from };
    void router.replace({ query: { ...rest, ...q } });
  }
  function setBy(value: By) {
    void router.replace({ query: { ...route.query, by: value === 'competent' ? undefined : value } });
  }
  /** The query to carry the period along to another screen. */
  const carry = computed(() => {
    const { period: p, date, from, to, by: b } = route.query;
    return Object.fromEntries(Object.entries({ period: p, date, from, to, by: b }).filter(([, v]) => v !== undefined));
  });

  return { period, by, bucket, setPeriod, setBy, carry };
}
