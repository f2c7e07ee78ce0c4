import type { Center, Counter, RouteBody, Service } from '@motcua/contracts';
import { auditRepository, centerSetupRepository, type CounterProfile, type DatabaseHandle, type Tx } from '@motcua/db';
import { Inject, Injectable } from '@nestjs/common';
import { ApiError } from '../../common/api-error.js';
import type { CommandContext } from '../../common/command-context.js';
import { asFieldError, taken, unknownRef } from '../../common/db-errors.js';
import { DATABASE } from '../../infra/tokens.js';
import { CenterContext } from '../queue/center-context.js';
import { toCenter, toCounter, toPriority, toService } from './center.mappers.js';

const fields = {
  centers_code_key: taken('body.code', { vi: 'Mã trung tâm', en: 'center code' }),
  centers_unit_id_administrative_units_id_fk: unknownRef('body.unitId', { vi: 'đơn vị hành chính', en: 'administrative unit' }),
  services_center_code_key: taken('body.code', { vi: 'Mã dịch vụ', en: 'service code' }),
  services_center_prefix_key: taken('body.ticketPrefix', { vi: 'Tiền tố số vé', en: 'ticket prefix' }),
  counters_center_number_key: taken('body.number', { vi: 'Số quầy', en: 'counter number' }),
  priority_categories_center_code_key: taken('body.code', { vi: 'Mã đối tượng ưu tiên', en: 'priority category code' }),
};

type Audit = { action: string; entity: string; entityId: string; before: unknown; after: unknown };

/** A center's setup: the center (hours, time zone, queue rules), its services, counters and priority categories. */
@Injectable()
export class CenterSetupService {
  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(CenterContext) private readonly queueContext: CenterContext,
  ) {}

  createCenter(input: RouteBody<'createCenter'>, ctx: CommandContext): Promise<Center> {
    return this.command(ctx, async (tx) => {
      const row = await centerSetupRepository.createCenter(tx, input);
      return { result: toCenter(row), audit: { action: 'center.create', entity: 'center', entityId: row.id, before: null, after: toCenter(row) } };
    });
  }

  async updateCenter(id: string, patch: RouteBody<'updateCenter'>, ctx: CommandContext): Promise<Center> {
    const center = await this.command(ctx, async (tx) => {
      const before = await centerSetupRepository.lockCenter(tx, id);
      if (!before) throw ApiError.notFound({ vi: 'trung tâm này', en: 'This center' });
      const row = await centerSetupRepository.updateCenter(tx, id, patch);
      return { result: toCenter(row), audit: { action: 'center.update', entity: 'center', entityId: id, before: toCenter(before), after: toCenter(row) } };
    });
    this.queueContext.forget(id);
    return center;
  }

  createService(centerId: string, input: RouteBody<'createService'>, ctx: CommandContext): Promise<Service> {
    return this.command(ctx, async (tx) => {
      const row = await centerSetupRepository.createService(tx, centerId, input);
      return { result: toService(row), audit: { action: 'service.create', entity: 'service', entityId: row.id, before: null, after: toService(row) } };
    });
  }

  /** Also opens or pauses a service (`isOpen`): a paused service issues no tickets. */
  updateService(id: string, patch: RouteBody<'updateService'>, ctx: CommandContext): Promise<Service> {
    return this.command(ctx, async (tx) => {
      const before = await centerSetupRepository.lockService(tx, id);
      if (!before) throw ApiError.notFound({ vi: 'dịch vụ này', en: 'This service' });
      const row = await centerSetupRepository.updateService(tx, id, patch);
      const action = patch.isOpen !== undefined && patch.isOpen !== before.isOpen ? (patch.isOpen ? 'service.open' : 'service.pause') : 'service.update';
      return { result: toService(row), audit: { action, entity: 'service', entityId: id, before: toService(before), after: toService(row) } };
    });
  }

  createCounter(centerId: string, input: RouteBody<'createCounter'>, ctx: CommandContext): Promise<Counter> {
    return this.command(ctx, async (tx) => {
      await this.assertProfile(tx, centerId, input.services);
      const row = await centerSetupRepository.createCounter(tx, centerId, input);
      return { result: toCounter(row), audit: { action: 'counter.create', entity: 'counter', entityId: row.id, before: null, after: toCounter(row) } };
    });
  }

  updateCounter(id: string, patch: RouteBody<'updateCounter'>, ctx: CommandContext): Promise<Counter> {
    return this.command(ctx, async (tx) => {
      const before = await centerSetupRepository.lockCounter(tx, id);
      if (!before) throw ApiError.notFound({ vi: 'quầy này', en: 'This counter' });
      if (patch.services) await this.assertProfile(tx, before.centerId, patch.services);
      const row = await centerSetupRepository.updateCounter(tx, id, patch);
      return { result: toCounter(row), audit: { action: 'counter.update', entity: 'counter', entityId: id, before: toCounter(before), after: toCounter(row) } };
    });
  }

  createPriority(centerId: string, input: RouteBody<'createPriorityCategory'>, ctx: CommandContext) {
    return this.command(ctx, async (tx) => {
      const row = await centerSetupRepository.createPriority(tx, centerId, input);
      return { result: toPriority(row), audit: { action: 'priority_category.create', entity: 'priority_category', entityId: row.id, before: null, after: toPriority(row) } };
    });
  }

  updatePriority(id: string, patch: RouteBody<'updatePriorityCategory'>, ctx: CommandContext) {
    return this.command(ctx, async (tx) => {
      const before = await centerSetupRepository.lockPriority(tx, id);
      if (!before) throw ApiError.notFound({ vi: 'đối tượng ưu tiên này', en: 'This priority category' });
      const row = await centerSetupRepository.updatePriority(tx, id, patch);
      return { result: toPriority(row), audit: { action: 'priority_category.update', entity: 'priority_category', entityId: id, before: toPriority(before), after: toPriority(row) } };
    });
  }

  /** One transaction: the change and its audit entry commit together or not at all. */
  private async command<T>(ctx: CommandContext, work: (tx: Tx) => Promise<{ result: T; audit: Audit }>): Promise<T> {
    try {
      return await this.database.db.transaction(async (tx) => {
        const { result, audit } = await work(tx);
        await auditRepository.append(tx, { actorId: ctx.actor.staffId, ip: ctx.ip, ...audit }, ctx.now);
        return result;
      });
    } catch (e) {
      asFieldError(e, fields);
    }
  }

  /** A counter serves services of its own center, each once. */
  private async assertProfile(tx: Tx, centerId: string, profile: CounterProfile) {
    const ids = profile.map((s) => s.serviceId);
    const own = new Set(await centerSetupRepository.servicesOfCenter(tx, centerId, ids));
    const issues = profile.flatMap((s, i) => {
      if (ids.indexOf(s.serviceId) !== i) return [{ path: `body.services.${i}.serviceId`, message: { vi: 'Dịch vụ này đã có trong danh sách', en: 'This service is already listed' } }];
      if (!own.has(s.serviceId)) return [{ path: `body.services.${i}.serviceId`, message: { vi: 'Dịch vụ này không thuộc trung tâm', en: 'This service is not offered by this center' } }];
      return [];
    });
    if (issues.length) throw ApiError.validation(issues);
  }
}
