import { onScopeDispose, ref } from 'vue';

/** The current time, ticking every `everyMs` (waiting minutes on screens that stay open all day). */
export function useNow(everyMs = 15_000) {
  const now = ref(Date.now());
  const timer = setInterval(() => (now.value = Date.now()), everyMs);
  onScopeDispose(() => clearInterval(timer));
  return now;
}

/** Whole minutes from an ISO time to `now` (never negative: clocks drift a little). */
export const minutesSince = (iso: string, now: number) => Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000));
