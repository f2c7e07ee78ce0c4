import { orgAdmins, type Agency } from '@motcua/contracts';
import { auditRepository, unitRepository, type AgencyValues, type DatabaseHandle } from '@motcua/db';
import { Inject, Injectable } from '@nestjs/common';
import { ApiError } from '../../common/api-error.js';
import type { CommandContext } from '../../common/command-context.js';
import { asFieldError, taken, unknownRef } from '../../common/db-errors.js';
import { ScopeService } from '../../common/scope.service.js';
import { DATABASE } from '../../infra/tokens.js';
import { centerFilterOf } from '../../common/center-filter.js';
import { toAgency } from './org.mappers.js';

const fields = {
  agencies_code_key: taken('body.code', { vi: 'Mã cơ quan', en: 'agency code' }),
  agencies_electronic_id_key: taken('body.electronicId', { vi: 'Mã định danh điện tử', en: 'electronic ID' }),
  agencies_unit_id_administrative_units_id_fk: unknownRef('body.unitId', { vi: 'đơn vị hành chính', en: 'administrative unit' }),
};

@Injectable()
export class AgenciesService {
  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(ScopeService) private readonly scope: ScopeService,
  ) {}

  async list(ctx: CommandContext): Promise<Agency[]> {
    return (await unitRepository.listAgencies(this.database.db, centerFilterOf(ctx.actor))).map(toAgency);
  }

  async create(input: AgencyValues, ctx: CommandContext): Promise<Agency> {
    try {
      return await this.database.db.transaction(async (tx) => {
        const row = await unitRepository.createAgency(tx, input);
        await auditRepository.append(tx, { actorId: ctx.actor.staffId, action: 'agency.create', entity: 'agency', entityId: row.id, before: null, after: toAgency(row), ip: ctx.ip }, ctx.now);
        return toAgency(row);
      });
    } catch (e) {
      asFieldError(e, fields);
    }
  }

  async update(id: string, patch: Partial<AgencyValues>, ctx: CommandContext): Promise<Agency> {
    // Moving an agency to another unit needs a grant over that unit too.
    if (patch.unitId && !(await this.scope.covers(ctx.actor, 'unit', patch.unitId, orgAdmins))) throw ApiError.forbidden({ vi: 'Đơn vị mới nằm ngoài phạm vi của bạn', en: 'The new unit is outside your scope' });
    try {
      return await this.database.db.transaction(async (tx) => {
        const before = await unitRepository.lockAgency(tx, id);
        if (!before) throw ApiError.notFound({ vi: 'cơ quan này', en: 'This agency' });
        const row = await unitRepository.updateAgency(tx, id, patch);
        await auditRepository.append(tx, { actorId: ctx.actor.staffId, action: 'agency.update', entity: 'agency', entityId: id, before: toAgency(before), after: toAgency(row), ip: ctx.ip }, ctx.now);
        return toAgency(row);
      });
    } catch (e) {
      asFieldError(e, fields);
    }
  }
}
