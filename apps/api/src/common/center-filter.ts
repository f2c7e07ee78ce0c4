import type { CenterFilter } from '@motcua/db';
import type { Actor } from './actor.js';

/** The centers an actor's grants reach: list routes filter by scope instead of refusing. */
export function centerFilterOf(actor: Actor): CenterFilter {
  if (actor.roles.some((g) => g.role === 'admin')) return { all: true };
  return {
    unitIds: actor.roles.flatMap((g) => (g.scopeUnitId ? [g.scopeUnitId] : [])),
    centerIds: actor.roles.flatMap((g) => (g.scopeCenterId ? [g.scopeCenterId] : [])),
  };
}
