import type { Role } from '@motcua/contracts';

/**
 * Where a person lands after signing in (or at "/"): their work, not the system status page.
 * A center manager watches the live board; a counter officer opens "Quầy của tôi"; the rest
 * (administrators, province admins, leaders, specialists) see the status page as before.
 */
export function landingFor(roles: readonly Role[]): 'live' | 'my-counters' | 'status' {
  if (roles.includes('center_manager')) return 'live';
  if (roles.includes('officer')) return 'my-counters';
  return 'status';
}
