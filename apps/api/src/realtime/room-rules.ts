import { Namespace } from '@motcua/contracts';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/**
 * Rooms a client may join per namespace. Public rooms carry ticket numbers and
 * counter labels only. Staff rooms get per-user scope checks with sign-in (issue #3).
 */
const rules: Record<Namespace, RegExp[]> = {
  [Namespace.public]: [new RegExp(`^center:${UUID}$`)],
  [Namespace.staff]: [/^system$/],
  [Namespace.dashboard]: [],
};

export function mayJoin(namespace: Namespace, room: unknown): room is string {
  return typeof room === 'string' && rules[namespace].some((r) => r.test(room));
}
