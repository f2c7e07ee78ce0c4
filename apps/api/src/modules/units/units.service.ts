import { orgAdmins, safeParseIn, ZUnitInput, type ImportResult, type Unit, type UnitLevel } from '@motcua/contracts';
import { auditRepository, unitRepository, type AdministrativeUnit, type DatabaseHandle, type UnitValues } from '@motcua/db';
import { Inject, Injectable } from '@nestjs/common';
import { ApiError, type Bilingual } from '../../common/api-error.js';
import type { CommandContext } from '../../common/command-context.js';
import { asFieldError, asImportConflict, taken, unknownRef } from '../../common/db-errors.js';
import { ScopeService } from '../../common/scope.service.js';
import { DATABASE } from '../../infra/tokens.js';
import { centerFilterOf } from '../../common/center-filter.js';
import { csvBoolean, parseCsv } from '../../common/csv.js';
import { toUnit } from './org.mappers.js';

type UnitInput = { code: string; name: string; level: UnitLevel; parentId: string | null; disadvantaged: boolean; validFrom: string | null; validTo: string | null };

const uniqueFields = {
  administrative_units_code_key: taken('body.code', { vi: 'Mã đơn vị', en: 'unit code' }),
  administrative_units_parent_id_administrative_units_id_fk: unknownRef('body.parentId', { vi: 'đơn vị cấp trên', en: 'parent unit' }),
};
const notFound = () => ApiError.notFound({ vi: 'đơn vị hành chính này', en: 'This administrative unit' });

/** A province is the top of the tree; communes (and historical districts) sit under a parent. */
function levelProblem(level: UnitLevel, parentId: string | null): Bilingual | undefined {
  if (level === 'province' && parentId) return { vi: 'Cấp tỉnh không có đơn vị cấp trên', en: 'A province has no parent unit' };
  if (level !== 'province' && !parentId) return { vi: 'Hãy chọn đơn vị cấp trên', en: 'Choose the parent unit' };
  return undefined;
}

@Injectable()
export class UnitsService {
  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(ScopeService) private readonly scope: ScopeService,
  ) {}

  async list(ctx: CommandContext): Promise<Unit[]> {
    return (await unitRepository.list(this.database.db, centerFilterOf(ctx.actor))).map(toUnit);
  }

  async create(input: UnitInput, ctx: CommandContext): Promise<Unit> {
    const problem = levelProblem(input.level, input.parentId);
    if (problem) throw ApiError.validation([{ path: 'body.parentId', message: problem }]);
    try {
      return await this.database.db.transaction(async (tx) => {
        const row = await unitRepository.create(tx, input);
        await auditRepository.append(tx, { actorId: ctx.actor.staffId, action: 'unit.create', entity: 'unit', entityId: row.id, before: null, after: toUnit(row), ip: ctx.ip }, ctx.now);
        return toUnit(row);
      });
    } catch (e) {
      asFieldError(e, uniqueFields);
    }
  }

  async update(id: string, patch: Partial<UnitInput>, ctx: CommandContext): Promise<Unit> {
    if (patch.parentId !== undefined) await this.assertParentAllowed(id, patch.parentId, ctx);
    try {
      return await this.database.db.transaction(async (tx) => {
        const before = await unitRepository.lock(tx, id);
        if (!before) throw notFound();
        const problem = levelProblem(patch.level ?? before.level, patch.parentId === undefined ? before.parentId : patch.parentId);
        if (problem) throw ApiError.validation([{ path: 'body.parentId', message: problem }]);
        const row = await unitRepository.update(tx, id, patch);
        await auditRepository.append(tx, { actorId: ctx.actor.staffId, action: 'unit.update', entity: 'unit', entityId: id, before: toUnit(before), after: toUnit(row), ip: ctx.ip }, ctx.now);
        return toUnit(row);
      });
    } catch (e) {
      asFieldError(e, uniqueFields);
    }
  }

  /**
   * CSV `code,name,level,parent_code,disadvantaged`: a known code is updated, a new one
   * created; a parent is an existing unit or one earlier in the file. Every line is
   * checked first; one bad line and nothing is written.
   */
  async import(csv: string, ctx: CommandContext): Promise<ImportResult> {
    const { rows, missing } = parseCsv(csv, ['code', 'name', 'level', 'parent_code']);
    const t = (m: Bilingual) => m[ctx.locale];
    if (missing.length) return { created: 0, updated: 0, errors: [{ line: 1, message: t({ vi: `Thiếu cột: ${missing.join(', ')}`, en: `Missing columns: ${missing.join(', ')}` }) }] };
    if (!rows.length) return { created: 0, updated: 0, errors: [{ line: 1, message: t({ vi: 'Tệp không có dòng dữ liệu nào', en: 'The file has no data lines' }) }] };

    const db = this.database.db;
    const codes = rows.map((r) => r.values.code ?? '');
    const known = new Map((await unitRepository.byCodes(db, [...new Set([...codes, ...rows.map((r) => r.values.parent_code ?? '')])].filter(Boolean))).map((u) => [u.code, u]));
    const errors: ImportResult['errors'] = [];
    const planned: Array<{ line: number; values: Omit<UnitValues, 'parentId'>; parentCode: string | null; existing?: AdministrativeUnit }> = [];
    const seen = new Set<string>();

    for (const { line, values } of rows) {
      const parentCode = values.parent_code || null;
      const parsed = safeParseIn(ZUnitInput.omit({ parentId: true }), { code: values.code, name: values.name, level: values.level, disadvantaged: csvBoolean(values.disadvantaged) }, ctx.locale);
      if (!parsed.success) {
        errors.push({ line, message: parsed.error.issues.map((i) => `${String(i.path[0] ?? '')}: ${i.message}`).join('; ') });
        continue;
      }
      const problems: string[] = [];
      const code = parsed.data.code;
      if (seen.has(code)) problems.push(t({ vi: `Mã ${code} lặp lại trong tệp`, en: `Code ${code} appears twice in the file` }));
      const levelIssue = levelProblem(parsed.data.level, parentCode);
      if (levelIssue) problems.push(t(levelIssue));
      if (parentCode && !seen.has(parentCode) && !known.has(parentCode)) problems.push(t({ vi: `Không có đơn vị cấp trên mã ${parentCode} (phải có sẵn hoặc ở dòng trước)`, en: `No parent unit with code ${parentCode} (it must exist or come on an earlier line)` }));
      const existing = known.get(code);
      if (!(await this.importAllowed(existing, parentCode, known, seen, ctx))) problems.push(t({ vi: 'Đơn vị này nằm ngoài phạm vi quản lý của bạn', en: 'This unit is outside your scope' }));
      if (existing && parentCode && known.has(parentCode) && (await unitRepository.isInSubtree(db, existing.id, known.get(parentCode)!.id)))
        problems.push(t({ vi: 'Không thể đặt đơn vị dưới chính nó hoặc đơn vị con của nó', en: 'A unit cannot be placed under itself or one of its subunits' }));
      seen.add(code);
      if (problems.length) errors.push({ line, message: problems.join('; ') });
      else planned.push({ line, values: { code, name: parsed.data.name, level: parsed.data.level, disadvantaged: parsed.data.disadvantaged }, parentCode, existing });
    }
    if (errors.length) return { created: 0, updated: 0, errors };

    const result = await this.importRows(planned, known, ctx).catch(asImportConflict);
    return { ...result, errors: [] };
  }

  private importRows(planned: Array<{ values: Omit<UnitValues, 'parentId'>; parentCode: string | null; existing?: AdministrativeUnit }>, known: Map<string, AdministrativeUnit>, ctx: CommandContext) {
    return this.database.db.transaction(async (tx) => {
      const ids = new Map([...known.values()].map((u) => [u.code, u.id]));
      let created = 0;
      let updated = 0;
      for (const p of planned) {
        const values = { ...p.values, parentId: p.parentCode ? ids.get(p.parentCode)! : null };
        if (p.existing) {
          const before = await unitRepository.lock(tx, p.existing.id);
          const row = await unitRepository.update(tx, p.existing.id, values);
          await auditRepository.append(tx, { actorId: ctx.actor.staffId, action: 'unit.update', entity: 'unit', entityId: row.id, before: before ? toUnit(before) : null, after: toUnit(row), ip: ctx.ip }, ctx.now);
          updated++;
        } else {
          const row = await unitRepository.create(tx, values);
          ids.set(row.code, row.id);
          await auditRepository.append(tx, { actorId: ctx.actor.staffId, action: 'unit.create', entity: 'unit', entityId: row.id, before: null, after: toUnit(row), ip: ctx.ip }, ctx.now);
          created++;
        }
      }
      return { created, updated };
    });
  }

  /** A non-admin may touch a unit, or hang one under a parent, only inside their own subtree. */
  private async importAllowed(existing: AdministrativeUnit | undefined, parentCode: string | null, known: Map<string, AdministrativeUnit>, inFile: Set<string>, ctx: CommandContext) {
    if (ctx.actor.roles.some((g) => g.role === 'admin')) return true;
    if (existing && !(await this.scope.covers(ctx.actor, 'unit', existing.id, orgAdmins))) return false;
    if (!parentCode) return false;
    // A parent created earlier in the file was itself checked on its line.
    if (inFile.has(parentCode) && !known.has(parentCode)) return true;
    const parent = known.get(parentCode);
    return parent ? this.scope.covers(ctx.actor, 'unit', parent.id, orgAdmins) : true;
  }

  private async assertParentAllowed(id: string, parentId: string | null, ctx: CommandContext) {
    const admin = ctx.actor.roles.some((g) => g.role === 'admin');
    if (!admin && (!parentId || !(await this.scope.covers(ctx.actor, 'unit', parentId, orgAdmins)))) throw ApiError.forbidden({ vi: 'Đơn vị cấp trên nằm ngoài phạm vi của bạn', en: 'The parent unit is outside your scope' });
    if (parentId && (await unitRepository.isInSubtree(this.database.db, id, parentId)))
      throw ApiError.validation([{ path: 'body.parentId', message: { vi: 'Không thể đặt đơn vị dưới chính nó hoặc đơn vị con của nó', en: 'A unit cannot be placed under itself or one of its subunits' } }]);
  }
}
