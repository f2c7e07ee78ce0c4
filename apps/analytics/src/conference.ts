/** Views a conference screen can rotate through, in the order given in `?views=`. */
export const CONFERENCE_VIEWS = ['overview', 'ranking', 'trends', 'heatmap', 'queue'] as const;
export type ConferenceView = (typeof CONFERENCE_VIEWS)[number];

const MIN_SECONDS = 5;
const DEFAULT_SECONDS = 20;

/** `?views=overview,ranking&every=20` → the known views (all when none) and seconds per view (at least 5). */
export function parseConference(views: unknown, every: unknown): { views: ConferenceView[]; seconds: number } {
  const asked = typeof views === 'string' ? views.split(',').map((v) => v.trim()) : [];
  const known = asked.filter((v): v is ConferenceView => (CONFERENCE_VIEWS as readonly string[]).includes(v));
  const n = typeof every === 'string' ? Number(every) : NaN;
  return { views: known.length ? [...new Set(known)] : [...CONFERENCE_VIEWS], seconds: Number.isFinite(n) ? Math.max(MIN_SECONDS, Math.round(n)) : DEFAULT_SECONDS };
}
