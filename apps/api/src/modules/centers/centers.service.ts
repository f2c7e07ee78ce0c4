import type { Center, CenterDetail } from '@motcua/contracts';
import { centerRepository, type CenterFilter, type DatabaseHandle } from '@motcua/db';
import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../../common/actor.js';
import { ApiError } from '../../common/api-error.js';
import { DATABASE } from '../../infra/tokens.js';

type CenterRow = Awaited<ReturnType<typeof centerRepository.list>>[number];

export const toCenter = (c: CenterRow): Center => ({
  id: c.id,
  code: c.code,
  name: c.name,
  unitId: c.unitId,
  timeZone: c.timeZone,
  openingHours: c.openingHours,
  address: c.address,
  allowCallSpecific: c.allowCallSpecific,
  priorityRatio: c.priorityRatio,
  noShowAfterRecalls: c.noShowAfterRecalls,
});

/** The centers an actor's grants reach: list routes filter by scope instead of refusing. */
export function centerFilterOf(actor: Actor): CenterFilter {
  if (actor.roles.some((g) => g.role === 'admin')) return { all: true };
  return {
    unitIds: actor.roles.flatMap((g) => (g.scopeUnitId ? [g.scopeUnitId] : [])),
    centerIds: actor.roles.flatMap((g) => (g.scopeCenterId ? [g.scopeCenterId] : [])),
  };
}

@Injectable()
export class CentersService {
  constructor(@Inject(DATABASE) private readonly database: DatabaseHandle) {}

  async list(actor: Actor): Promise<Center[]> {
    return (await centerRepository.list(this.database.db, centerFilterOf(actor))).map(toCenter);
  }

  async detail(id: string): Promise<CenterDetail> {
    const d = await centerRepository.detail(this.database.db, id);
    if (!d) throw ApiError.notFound({ vi: 'trung tâm này', en: 'This center' });
    return {
      ...toCenter(d.center),
      services: d.services.map((s) => ({ id: s.id, centerId: s.centerId, code: s.code, nameVi: s.nameVi, nameEn: s.nameEn, ticketPrefix: s.ticketPrefix, typicalServiceMinutes: s.typicalServiceMinutes, field: s.field, isOpen: s.isOpen, sortOrder: s.sortOrder })),
      counters: d.counters.map((c) => ({ id: c.id, centerId: c.centerId, label: c.label, number: c.number, state: c.state, services: c.services })),
      priorityCategories: d.priorityCategories.map((p) => ({ id: p.id, centerId: p.centerId, code: p.code, nameVi: p.nameVi, nameEn: p.nameEn, weight: p.weight })),
    };
  }
}
