import { Namespace } from '@motcua/contracts';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

export type RoomRef = { kind: 'center' | 'user' | 'system' | 'unit'; id?: string };

/**
 * Which rooms each namespace knows. Public rooms carry ticket numbers and counter
 * labels only; staff rooms are further checked against the person's role and scope.
 */
const patterns: Record<Namespace, Array<[RegExp, RoomRef['kind']]>> = {
  [Namespace.public]: [[new RegExp(`^center:(${UUID})$`), 'center']],
  [Namespace.staff]: [
    [/^system$/, 'system'],
    [new RegExp(`^user:(${UUID})$`), 'user'],
    [new RegExp(`^center:(${UUID})$`), 'center'],
  ],
  [Namespace.dashboard]: [[new RegExp(`^unit:(${UUID})$`), 'unit']],
};

export function parseRoom(namespace: Namespace, room: unknown): RoomRef | undefined {
  if (typeof room !== 'string') return undefined;
  for (const [re, kind] of patterns[namespace]) {
    const m = re.exec(room);
    if (m) return { kind, id: m[1] };
  }
  return undefined;
}
