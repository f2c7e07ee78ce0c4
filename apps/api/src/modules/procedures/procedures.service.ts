import { safeParseIn, ZProcedureInput, type ImportResult, type Procedure, type RouteBody } from '@motcua/contracts';
import { auditRepository, procedureRepository, type DatabaseHandle, type ProcedureVersion, type ProcedureWithVersions, type Tx, type VersionValues } from '@motcua/db';
import { Inject, Injectable } from '@nestjs/common';
import { ApiError, type Bilingual } from '../../common/api-error.js';
import type { CommandContext } from '../../common/command-context.js';
import { asFieldError, asImportConflict, taken } from '../../common/db-errors.js';
import { DATABASE } from '../../infra/tokens.js';
import { csvBoolean, parseCsv } from '../../common/csv.js';

type ProcedureInput = RouteBody<'createProcedure'>;
type VersionInput = ProcedureInput['version'];

const fields = { procedures_code_key: taken('body.code', { vi: 'Mã thủ tục', en: 'procedure code' }) };

export const toProcedure = (p: ProcedureWithVersions): Procedure => ({
  id: p.id,
  code: p.code,
  name: p.name,
  field: p.field,
  versions: p.versions.map((v) => ({
    id: v.id,
    version: v.version,
    effectiveFrom: v.effectiveFrom,
    effectiveTo: v.effectiveTo,
    timeLimit: { unit: v.timeLimitUnit, value: v.timeLimitValue },
    feeVnd: v.feeVnd,
    onlineLevel: v.onlineLevel as Procedure['versions'][number]['onlineLevel'],
    boundaryFree: v.boundaryFree,
  })),
});

const versionValues = (v: VersionInput): VersionValues => ({
  effectiveFrom: v.effectiveFrom,
  effectiveTo: v.effectiveTo,
  timeLimitUnit: v.timeLimit.unit,
  timeLimitValue: v.timeLimit.value,
  feeVnd: v.feeVnd,
  onlineLevel: v.onlineLevel,
  boundaryFree: v.boundaryFree,
});

const dayBefore = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

/** Why a new version cannot follow the latest one, if it cannot. */
function versionProblem(latest: ProcedureVersion | undefined, v: VersionInput): { path: string; message: Bilingual } | undefined {
  if (v.effectiveTo && v.effectiveTo < v.effectiveFrom) return { path: 'effectiveTo', message: { vi: 'Ngày hết hiệu lực phải sau ngày có hiệu lực', en: 'The end date must not be before the effective date' } };
  if (latest && v.effectiveFrom <= latest.effectiveFrom)
    return { path: 'effectiveFrom', message: { vi: `Ngày có hiệu lực phải sau ${latest.effectiveFrom} (phiên bản ${latest.version})`, en: `The effective date must be after ${latest.effectiveFrom} (version ${latest.version})` } };
  return undefined;
}

/** The procedure catalogue: rules change by versions with effective dates; a dossier keeps the version in force when received. */
@Injectable()
export class ProceduresService {
  constructor(@Inject(DATABASE) private readonly database: DatabaseHandle) {}

  async list(): Promise<Procedure[]> {
    return (await procedureRepository.list(this.database.db)).map(toProcedure);
  }

  async create(input: ProcedureInput, ctx: CommandContext): Promise<Procedure> {
    const problem = versionProblem(undefined, input.version);
    if (problem) throw ApiError.validation([{ path: `body.version.${problem.path}`, message: problem.message }]);
    try {
      return await this.database.db.transaction(async (tx) => {
        const id = await this.insert(tx, input);
        const after = toProcedure((await procedureRepository.get(tx, id))!);
        await auditRepository.append(tx, { actorId: ctx.actor.staffId, action: 'procedure.create', entity: 'procedure', entityId: id, before: null, after, ip: ctx.ip }, ctx.now);
        return after;
      });
    } catch (e) {
      asFieldError(e, fields);
    }
  }

  /** The new version starts on its effective date; the one in force until then ends the day before. */
  async addVersion(id: string, input: VersionInput, ctx: CommandContext): Promise<Procedure> {
    return this.database.db.transaction(async (tx) => {
      if (!(await procedureRepository.lock(tx, id))) throw ApiError.notFound({ vi: 'thủ tục này', en: 'This procedure' });
      const before = toProcedure((await procedureRepository.get(tx, id))!);
      const latest = await procedureRepository.latestVersion(tx, id);
      const problem = versionProblem(latest, input);
      if (problem) throw ApiError.validation([{ path: `body.${problem.path}`, message: problem.message }]);
      await this.appendVersion(tx, id, latest, input);
      const after = toProcedure((await procedureRepository.get(tx, id))!);
      await auditRepository.append(tx, { actorId: ctx.actor.staffId, action: 'procedure.add_version', entity: 'procedure', entityId: id, before, after, ip: ctx.ip }, ctx.now);
      return after;
    });
  }

  /**
   * A catalogue (JSON array of procedures, or CSV). A new code is created; a known code
   * gets its name and field updated and, when the effective date is later than its
   * latest version's, a new version. Every entry is checked first; one bad entry and nothing is written.
   */
  async import(format: 'csv' | 'json', content: string, ctx: CommandContext): Promise<ImportResult> {
    const t = (m: Bilingual) => m[ctx.locale];
    const entries = format === 'json' ? this.jsonEntries(content, t) : this.csvEntries(content, t);
    if ('error' in entries) return { created: 0, updated: 0, errors: [entries.error] };

    const errors: ImportResult['errors'] = [];
    const valid: Array<{ line: number; input: ProcedureInput }> = [];
    const seen = new Set<string>();
    for (const { line, raw } of entries.list) {
      const parsed = safeParseIn(ZProcedureInput, raw, ctx.locale);
      if (!parsed.success) {
        errors.push({ line, message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
        continue;
      }
      if (seen.has(parsed.data.code)) errors.push({ line, message: t({ vi: `Mã ${parsed.data.code} lặp lại trong tệp`, en: `Code ${parsed.data.code} appears twice in the file` }) });
      else valid.push({ line, input: parsed.data });
      seen.add(parsed.data.code);
    }

    const db = this.database.db;
    const known = new Map((await procedureRepository.byCodes(db, valid.map((v) => v.input.code))).map((p) => [p.code, p]));
    const latest = new Map<string, ProcedureVersion | undefined>();
    for (const { line, input } of valid) {
      const existing = known.get(input.code);
      const last = existing ? await procedureRepository.latestVersion(db, existing.id) : undefined;
      latest.set(input.code, last);
      const sameDay = last && last.effectiveFrom === input.version.effectiveFrom;
      const problem = sameDay ? undefined : versionProblem(last, input.version);
      if (problem) errors.push({ line, message: `version.${problem.path}: ${t(problem.message)}` });
    }
    if (errors.length) return { created: 0, updated: 0, errors: errors.sort((a, b) => a.line - b.line) };

    try {
      const counts = await db.transaction(async (tx) => {
        let created = 0;
        let updated = 0;
        for (const { input } of valid) {
          const existing = known.get(input.code);
          if (!existing) {
            const id = await this.insert(tx, input);
            await auditRepository.append(tx, { actorId: ctx.actor.staffId, action: 'procedure.create', entity: 'procedure', entityId: id, before: null, after: toProcedure((await procedureRepository.get(tx, id))!), ip: ctx.ip }, ctx.now);
            created++;
            continue;
          }
          await procedureRepository.lock(tx, existing.id);
          const before = toProcedure((await procedureRepository.get(tx, existing.id))!);
          await procedureRepository.update(tx, existing.id, { name: input.name, field: input.field });
          const last = latest.get(input.code);
          if (!last || last.effectiveFrom !== input.version.effectiveFrom) await this.appendVersion(tx, existing.id, last, input.version);
          await auditRepository.append(tx, { actorId: ctx.actor.staffId, action: 'procedure.import', entity: 'procedure', entityId: existing.id, before, after: toProcedure((await procedureRepository.get(tx, existing.id))!), ip: ctx.ip }, ctx.now);
          updated++;
        }
        return { created, updated };
      });
      return { ...counts, errors: [] };
    } catch (e) {
      asImportConflict(e);
    }
  }

  private async insert(tx: Tx, input: ProcedureInput): Promise<string> {
    const row = await procedureRepository.create(tx, { code: input.code, name: input.name, field: input.field });
    await procedureRepository.addVersion(tx, row.id, 1, versionValues(input.version));
    return row.id;
  }

  private async appendVersion(tx: Tx, id: string, latest: ProcedureVersion | undefined, input: VersionInput) {
    if (latest && (latest.effectiveTo === null || latest.effectiveTo >= input.effectiveFrom)) await procedureRepository.closeVersion(tx, latest.id, dayBefore(input.effectiveFrom));
    await procedureRepository.addVersion(tx, id, (latest?.version ?? 0) + 1, versionValues(input));
  }

  private jsonEntries(content: string, t: (m: Bilingual) => string): { list: Array<{ line: number; raw: unknown }> } | { error: ImportResult['errors'][number] } {
    let data: unknown;
    try {
      data = JSON.parse(content);
    } catch {
      return { error: { line: 1, message: t({ vi: 'Tệp JSON không đọc được', en: 'The JSON file cannot be read' }) } };
    }
    if (!Array.isArray(data) || !data.length) return { error: { line: 1, message: t({ vi: 'Tệp JSON phải là một danh sách thủ tục', en: 'The JSON file must be a list of procedures' }) } };
    // "line" is the entry's position in the list (1-based).
    return { list: data.map((raw, i) => ({ line: i + 1, raw })) };
  }

  private csvEntries(content: string, t: (m: Bilingual) => string): { list: Array<{ line: number; raw: unknown }> } | { error: ImportResult['errors'][number] } {
    const required = ['code', 'name', 'field', 'effective_from', 'limit_unit', 'limit_value', 'fee_vnd', 'online_level', 'boundary_free'];
    const { rows, missing } = parseCsv(content, required);
    if (missing.length) return { error: { line: 1, message: t({ vi: `Thiếu cột: ${missing.join(', ')}`, en: `Missing columns: ${missing.join(', ')}` }) } };
    if (!rows.length) return { error: { line: 1, message: t({ vi: 'Tệp không có dòng dữ liệu nào', en: 'The file has no data lines' }) } };
    const num = (v: string | undefined) => (v === undefined || v === '' ? undefined : Number(v));
    return {
      list: rows.map(({ line, values: v }) => ({
        line,
        raw: {
          code: v.code,
          name: v.name,
          field: v.field,
          version: {
            effectiveFrom: v.effective_from,
            effectiveTo: null,
            timeLimit: { unit: v.limit_unit, value: num(v.limit_value) },
            feeVnd: num(v.fee_vnd) ?? 0,
            onlineLevel: v.online_level || 'partial',
            boundaryFree: csvBoolean(v.boundary_free),
          },
        },
      })),
    };
  }
}
