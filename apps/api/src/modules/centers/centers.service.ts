import type { Center, CenterDetail } from '@motcua/contracts';
import { centerRepository, type DatabaseHandle } from '@motcua/db';
import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../../common/actor.js';
import { ApiError } from '../../common/api-error.js';
import { centerFilterOf } from '../../common/center-filter.js';
import { DATABASE } from '../../infra/tokens.js';
import { toCenter, toCounter, toPriority, toService } from './center.mappers.js';

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
      services: d.services.map(toService),
      counters: d.counters.map(toCounter),
      priorityCategories: d.priorityCategories.map(toPriority),
    };
  }
}
