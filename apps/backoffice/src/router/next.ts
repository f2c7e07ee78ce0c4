/** Other apps on this origin that send people here to sign in (they share the session cookie at path '/'). */
const OTHER_APPS = ['/analytics/'];

/**
 * Where to go after signing in: a page of this app (router path) or of another app on this
 * origin (full path, left by a page load). Anything else — another host, `//x`, `\x` — goes home.
 */
export function nextAfterSignIn(next: unknown): { route: string } | { href: string } {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return { route: '/' };
  if (OTHER_APPS.some((p) => next === p.slice(0, -1) || next.startsWith(p))) return { href: next };
  return { route: next };
}
