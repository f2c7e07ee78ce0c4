/** Taking a ticket from a phone ("lấy số từ xa", #17): when a center refuses one. */

export interface RemoteTicketSettings {
  /** Remote tickets a center gives per clock hour. */
  perHour: number;
  /** Remote tickets stop this many minutes before the window in force closes. */
  stopMinutesBeforeClose: number;
}

export const DEFAULT_REMOTE_SETTINGS: RemoteTicketSettings & { confirmMinutes: number } = { perHour: 20, stopMinutesBeforeClose: 30, confirmMinutes: 5 };

export type RemoteRefusal =
  | { kind: 'disabled' }
  | { kind: 'closed' }
  | { kind: 'near_closing'; closesAt: string }
  | { kind: 'not_served' }
  | { kind: 'quota_reached'; nextHour: string };

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Why a remote ticket cannot be taken now, or null. `localTime` is the center's local time
 * (HH:MM), `windows` today's opening windows there; the quota is checked again atomically
 * when the ticket is taken, this only explains the refusal in words.
 */
export function remoteTicketRefusal(input: {
  localTime: string;
  windows: ReadonlyArray<{ start: string; end: string }>;
  settings: RemoteTicketSettings;
  servedNow: boolean;
  takenThisHour: number;
}): RemoteRefusal | null {
  // A center set to 0 per hour takes no remote tickets at all: saying "come back next hour" would mislead.
  if (input.settings.perHour <= 0) return { kind: 'disabled' };
  const now = minutesOf(input.localTime);
  const window = input.windows.find((w) => now >= minutesOf(w.start) && now < minutesOf(w.end));
  if (!window) return { kind: 'closed' };
  if (minutesOf(window.end) - now <= input.settings.stopMinutesBeforeClose) return { kind: 'near_closing', closesAt: window.end };
  if (!input.servedNow) return { kind: 'not_served' };
  if (input.takenThisHour >= input.settings.perHour) return { kind: 'quota_reached', nextHour: `${String((Math.floor(now / 60) + 1) % 24).padStart(2, '0')}:00` };
  return null;
}

/** The local clock hour a remote ticket counts against, as 'YYYY-MM-DDTHH'. */
export const quotaHour = (businessDate: string, localTime: string) => `${businessDate}T${localTime.slice(0, 2)}`;
