import type { GuideContent, GuideContentInput } from '@motcua/contracts';
import { guideForm, guideFormLibrary } from '@motcua/core';
import { auditRepository, guideRepository, procedureRepository, type DatabaseHandle, type Procedure, type ProcedureGuide } from '@motcua/db';
import { Inject, Injectable } from '@nestjs/common';
import { ApiError } from '../../common/api-error.js';
import type { CommandContext } from '../../common/command-context.js';
import { DATABASE } from '../../infra/tokens.js';

const library = guideFormLibrary.map((f) => ({ code: f.code, title: f.title }));
const NOT_FOUND = { vi: 'thủ tục này', en: 'This procedure' };

/** What the audit log keeps of a guide: its content, without bookkeeping columns. */
const auditable = (g: ProcedureGuide | undefined) => (g ? { steps: g.steps, documents: g.documents, forms: g.forms, notes: g.notes } : null);

/** Managers edit the citizen guide of a procedure; the public guide reads the same row. */
@Injectable()
export class GuideContentService {
  constructor(@Inject(DATABASE) private readonly database: DatabaseHandle) {}

  async get(procedureId: string): Promise<GuideContent> {
    const procedure = await procedureRepository.get(this.database.db, procedureId);
    if (!procedure) throw ApiError.notFound(NOT_FOUND);
    const guide = await guideRepository.content(this.database.db, procedureId);
    if (guide) return this.view(procedure, guide);
    // Not written yet: start from the intake checklist of the latest version, English to write.
    const latest = procedure.versions.at(-1);
    const documents = (latest?.requiredDocuments ?? []).map((d) => ({ name: { vi: d.name, en: '' }, original: d.original, reusable: d.reusable }));
    return { procedureId, code: procedure.code, name: procedure.name, field: procedure.field, steps: [], documents, forms: [], notes: { vi: '', en: '' }, updatedAt: null, formLibrary: library };
  }

  async update(procedureId: string, input: GuideContentInput, ctx: CommandContext): Promise<GuideContent> {
    const unknown = input.forms.flatMap((f, i) => (guideForm(f.code) ? [] : [i]));
    if (unknown.length)
      throw ApiError.validation(unknown.map((i) => ({ path: `body.forms.${i}.code`, message: { vi: `Biểu mẫu ${input.forms[i]!.code} không có trong thư viện biểu mẫu`, en: `Form ${input.forms[i]!.code} is not in the form library` } })));
    const forms = input.forms.map((f) => ({ code: f.code, title: guideForm(f.code)!.title }));
    return this.database.db.transaction(async (tx) => {
      // The procedure row lock serialises two managers saving the same guide.
      const procedure = await procedureRepository.lock(tx, procedureId);
      if (!procedure) throw ApiError.notFound(NOT_FOUND);
      const before = await guideRepository.content(tx, procedureId);
      const saved = await guideRepository.saveContent(tx, procedureId, { steps: input.steps, documents: input.documents, forms, notes: input.notes }, ctx.actor.staffId, ctx.now);
      await auditRepository.append(tx, { actorId: ctx.actor.staffId, action: 'procedure_guide.update', entity: 'procedure_guide', entityId: procedureId, before: auditable(before), after: auditable(saved), ip: ctx.ip }, ctx.now);
      return this.view(procedure, saved);
    });
  }

  private view(p: Procedure, g: ProcedureGuide): GuideContent {
    return { procedureId: p.id, code: p.code, name: p.name, field: p.field, steps: g.steps, documents: g.documents, forms: g.forms, notes: g.notes, updatedAt: g.updatedAt.toISOString(), formLibrary: library };
  }
}
