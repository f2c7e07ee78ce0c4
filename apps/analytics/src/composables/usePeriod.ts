import { DEFAULT_TIME_ZONE } from '@motcua/core';
import { dayIn } from '@motcua/web';
import { getActivePinia } from 'pinia';
import { computed } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { bucketFor, clipToToday, PERIOD_KINDS, periodAround, type Period, type PeriodKind } from '../period.js';
import { useSessionStore } from '../stores/session.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const TIME_ZONE = DEFAULT_TIME_ZONE;
export type By = 'competent' | 'receiving';

const storageKey = (userId: string | undefined) => `motcua.analytics.period.${userId ?? 'anonymous'}`;
type Remembered = { period: string; date?: string; from?: string; to?: string };

/** The period this user chose last (per user, in this browser), or nothing. */
function remembered(userId: string | undefined): Remembered | undefined {
  try {
    const raw = globalThis.localStorage?.getItem(storageKey(userId));
    const v = raw ? (JSON.parse(raw) as Remembered) : undefined;
    return v && typeof v.period === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The period and "whose dossiers" of every screen, kept in the address (?period=month&date=…,
 * or ?period=custom&from=…&to=…, and &by=receiving) so a link or a conference screen reproduces it.
 */
export function usePeriod() {
  const route = useRoute();
  const router = useRouter();
  // Outside the app (a component test) there may be no store: the period is then simply not remembered per user.
  const session = getActivePinia() ? useSessionStore() : null;
  const userId = () => session?.me?.id;
  const str = (k: string) => (typeof route.query[k] === 'string' ? (route.query[k] as string) : undefined);

  // The address wins; without a period in it, the one this user chose last; else the last 30 days.
  // Whatever it is, it ends no later than today (no empty future days).
  const period = computed<Period>(() => {
    const saved = str('period') ? undefined : remembered(userId());
    const get = (k: keyof Remembered) => (saved ? saved[k] : str(k));
    const asked = get('period') ?? '';
    const kind = (PERIOD_KINDS as readonly string[]).includes(asked) ? (asked as PeriodKind) : 'last30';
    const from = get('from');
    const to = get('to');
    const today = dayIn(TIME_ZONE);
    if (kind === 'custom' && from && to && DATE.test(from) && DATE.test(to) && from <= to) return clipToToday({ kind, from, to }, today);
    const date = get('date');
    const anchor = kind === 'last30' ? today : date && DATE.test(date) ? date : today;
    return clipToToday(periodAround(kind === 'custom' ? 'last30' : kind, anchor), today);
  });
  const by = computed<By>(() => (str('by') === 'receiving' ? 'receiving' : 'competent'));
  const bucket = computed(() => bucketFor(period.value));

  function setPeriod(p: Period) {
    const { period: _p, date: _d, from: _f, to: _t, ...rest } = route.query;
    const q: Remembered = p.kind === 'custom' ? { period: 'custom', from: p.from, to: p.to } : p.kind === 'last30' ? { period: 'last30' } : { period: p.kind, date: p.from };
    try {
      globalThis.localStorage?.setItem(storageKey(userId()), JSON.stringify(q));
    } catch {
      // Private mode or storage full: the address still carries the period.
    }
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
