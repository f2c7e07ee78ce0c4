import { Namespace, ServerEvent, type AnalyticsActivity } from '@motcua/contracts';
import { useRealtime } from '@motcua/web';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { fetchScope } from '../api/analytics.js';

const DEBOUNCE_MS = 400;
const KEEP_EVENTS = 12;

/**
 * One /dashboard connection for the whole app: joins the room of each top unit of the caller's
 * scope. `version` moves once per burst of `analytics.updated` (the worker rewrote the read models),
 * on a reconnect or a sequence gap; screens watch it and refetch. `activity` feeds the ticker.
 */
export const useLiveStore = defineStore('analytics-live', () => {
  const { status, subscribe } = useRealtime(Namespace.dashboard);
  const version = ref(0);
  const activity = ref<Array<AnalyticsActivity & { id: number }>>([]);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let next = 0;
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => version.value++, DEBOUNCE_MS);
  };

  void fetchScope()
    .then(({ units }) => {
      for (const unit of units) {
        const room = `unit:${unit.id}`;
        subscribe(room, ServerEvent.analyticsUpdated, soon, { onResync: soon });
        subscribe<AnalyticsActivity>(room, ServerEvent.analyticsActivity, (e) => (activity.value = [{ ...e, id: next++ }, ...activity.value].slice(0, KEEP_EVENTS)), { onResync: soon });
      }
    })
    .catch(() => {});

  return { status, version, activity };
});
