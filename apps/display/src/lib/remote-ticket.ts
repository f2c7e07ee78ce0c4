import { CENTER_TIME_ZONE } from './format.js';
/** The last ticket taken from this phone (#17), so "Lấy số từ xa" can lead back to it the same day. */
const KEY = 'motcua.remoteTicket';
type Kept = { code: string; trackingCode: string; day: string };

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: CENTER_TIME_ZONE }).format(new Date());

export function rememberRemoteTicket(t: { code: string; trackingCode: string }): void {
  localStorage.setItem(KEY, JSON.stringify({ ...t, day: today() } satisfies Kept));
}

/** Today's ticket, or null (tickets are valid for their day only). */
export function lastRemoteTicket(): { code: string; trackingCode: string } | null {
  try {
    const kept = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Kept | null;
    return kept && kept.day === today() ? { code: kept.code, trackingCode: kept.trackingCode } : null;
  } catch {
    return null;
  }
}
