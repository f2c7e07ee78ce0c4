import { createHash } from 'node:crypto';
import {
  documentIssueJobId, ErrorCode, JobName, Namespace, Room, routes, ServerEvent, type CounterIntake, type DossierDetail, type DossierStatus, type DossierSummary, type IntakeOutcome, type Locale, type OnlineIntake, type OnlineIntakeReceipt, type CitizenSubmission,
  type ProcessAction, type Tracking, eFormSchema, fillEForm, safeParseIn, type EFormAnswers, type EFormField,
} from '@motcua/contracts';
import {
  addWorkingTime, allowedActions, appointmentFor, assigned, assigneeRole, businessDate, citizenEventOf, extended, formatDossierCode, forwarded, forwardStep, obligationNotified, paymentRecorded,
  processingTransition, recordOfEvent, resolved, resumeAfterPause, resumed, sameDocumentKind, sendBackStep, sentBack, stepDueTimes, supplementAnswer, supplementRequested, suspended, timeliness,
  transition, workingDayLength, type ActionResult, type DossierAction, type ProcessingOutcome, type WorkCalendar,
} from '@motcua/core';
import { analyticsRepository, auditRepository, calendarRepository, citizenPortalRepository, documentRepository, dossierRepository, paymentRepository, scopeRepository, type DatabaseHandle, type Dossier, type NewDossier, type NewDossierEvent, type NewOutboxEvent, type Tx } from '@motcua/db';
import { DeadlineScheduler, JobProducer } from '@motcua/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Actor, CitizenActor } from '../../common/actor.js';
import { ApiError, type Bilingual } from '../../common/api-error.js';
import { FailureCounter } from '../../common/failure-counter.js';
import { ScopeService } from '../../common/scope.service.js';
import { AfterCommit } from '../../infra/after-commit.js';
import { RealtimeOutbox } from '../../infra/realtime-outbox.js';
import { DATABASE } from '../../infra/tokens.js';
import { centerFilterOf } from '../../common/center-filter.js';
import { iso, summaryOfDossier, summaryOfRow } from './dossier-view.js';
import { componentView, refreshDigitised } from '../documents/documents.service.js';

type Step = { code: string; name: string; role: string; durationDays: number };
type Procedure = NonNullable<Awaited<ReturnType<typeof dossierRepository.procedureInForce>>>;
type IntakeInput = Omit<CounterIntake, 'outcome' | 'channel' | 'ticketId' | 'components'> & { components?: CounterIntake['components'] };
type Committed = { dossier: Dossier; events: NewDossierEvent[] };
/** What deciding on a dossier reads; intake loads it before taking the day's number, so the sequence row stays locked briefly. */
type DecideContext = { agency: { id: string; unitId: string }; version: Procedure['version']; cal: WorkCalendar; receivingUnitId: string };

const fieldError = (path: string, message: Bilingual) => ApiError.validation([{ path, message }], message);
const notFound = () => ApiError.notFound({ vi: 'hồ sơ', en: 'Dossier' });
/** A core rule's refusal is a 409 in its words; a state-machine refusal also names the status and the transition asked for. */
function allowedOr409<T>(r: ActionResult<T>): { ok: true } & T {
  if (!r.ok) throw ApiError.conflict(r.reason, r.details);
  return r;
}

/**
 * The dossier lifecycle (docs/domain.md "Dossiers"): intake on every channel, routing to the
 * competent agency, processing steps against working-day deadlines, return. Every command
 * is one transaction that locks the dossier row, checks the core state machine, updates the
 * row and appends control-slip events; realtime news goes out after commit.
 */
/** The amount and how to pay of the latest financial obligation notified (its event carries them, #18 item 13). */
function obligationOf(events: Array<{ kind: string; note: string | null; data: unknown }>): { amountVnd: number; howToPay: string } | null {
  const e = [...events].reverse().find((x) => typeof (x.data as { amountVnd?: unknown } | null)?.amountVnd === 'number');
  return e ? { amountVnd: (e.data as { amountVnd: number }).amountVnd, howToPay: e.note ?? '' } : null;
}

@Injectable()
export class DossiersService {
  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(RealtimeOutbox) private readonly outbox: RealtimeOutbox,
    @Inject(ScopeService) private readonly scope: ScopeService,
    @Inject(DeadlineScheduler) private readonly deadlines: DeadlineScheduler,
    @Inject(JobProducer) private readonly jobs: JobProducer,
    @Inject(AfterCommit) private readonly later: AfterCommit,
    @Inject(FailureCounter) private readonly failures: FailureCounter,
  ) {}

  // ───────────── intake ─────────────

  async intakeAtCenter(centerId: string, input: CounterIntake, actor: Actor, now: Date): Promise<DossierDetail> {
    const done = await this.commit(async (tx) => {
      if (input.ticketId && !(await dossierRepository.servingTicket(tx, input.ticketId, centerId))) {
        throw fieldError('body.ticketId', { vi: 'Phiếu số này không đang được phục vụ tại một quầy của trung tâm', en: 'This ticket is not being served at a counter of this center' });
      }
      const created = await this.create(tx, centerId, input, { channel: input.channel, ticketId: input.ticketId ?? null, actor }, now);
      return this.decide(tx, created.dossier, input.outcome, actor, now, created.events, created.context);
    });
    return this.detail(done.dossier.id, actor, now);
  }

  /** Portal submissions: the idempotency key is locked first, so concurrent repeats find the first one's dossier. */
  async intakeOnline(input: OnlineIntake, now: Date, locale: Locale): Promise<OnlineIntakeReceipt> {
    const { idempotencyKey, ...request } = input;
    const idempotencyHash = createHash('sha256').update(canonicalJson(request)).digest('hex');
    const existing = await dossierRepository.byIdempotencyKey(this.database.db, idempotencyKey);
    if (existing) return this.receipt(sameRequest(existing, idempotencyHash), locale);
    const done = await this.commit(async (tx) => {
      await dossierRepository.lockIdempotencyKey(tx, idempotencyKey);
      const again = await dossierRepository.byIdempotencyKey(tx, idempotencyKey);
      if (again) return { dossier: sameRequest(again, idempotencyHash), events: [] as NewDossierEvent[] };
      return this.create(tx, input.receivingCenterId, input, { channel: 'online', idempotencyKey, idempotencyHash, actor: null }, now);
    });
    return this.receipt(done.dossier, locale);
  }

  /**
   * A submission from the portal by a signed-in citizen (issue #17): the applicant is the identity the
   * provider verified (name, ID number; phone unless another is given), recorded as verified.
   * Only procedures whose online level allows it. Idempotent like the anonymous route.
   */
  async intakeByCitizen(input: CitizenSubmission, citizen: CitizenActor, now: Date, locale: Locale): Promise<OnlineIntakeReceipt> {
    const { idempotencyKey, ...request } = input;
    const phone = input.phone ?? citizen.phone;
    if (!phone) throw fieldError('body.phone', { vi: 'Hãy nhập số điện thoại để nhận thông báo về hồ sơ', en: 'Enter a phone number to be told about the dossier' });
    const idempotencyHash = createHash('sha256').update(canonicalJson({ ...request, idNumber: citizen.idNumber })).digest('hex');
    const existing = await dossierRepository.byIdempotencyKey(this.database.db, idempotencyKey);
    if (existing) return this.receipt(sameRequest(existing, idempotencyHash), locale, true);
    const done = await this.commit(async (tx) => {
      await dossierRepository.lockIdempotencyKey(tx, idempotencyKey);
      const again = await dossierRepository.byIdempotencyKey(tx, idempotencyKey);
      if (again) return { dossier: sameRequest(again, idempotencyHash), events: [] as NewDossierEvent[] };
      const intake: IntakeInput = {
        procedureId: input.procedureId,
        applicant: { name: citizen.name, phone, idNumber: citizen.idNumber, email: input.email, language: input.language },
        documents: [],
      };
      const created = await this.create(tx, input.receivingCenterId, intake, { channel: 'online', idempotencyKey, idempotencyHash, actor: null, identityVerified: true, answers: input.answers }, now);
      await this.attachReused(tx, created.dossier.id, citizen.idNumber, input.reuse, now);
      return created;
    });
    return this.receipt(done.dossier, locale, true);
  }

  /**
   * Files the citizen picked from their earlier dossiers, attached by reference (source `reuse`, 766
   * indicator 4.3) in the submission's transaction. Each must be a checklist file of a dossier carrying
   * the same verified ID number (another person's answers 404 like a missing one) and for the same kind of paper.
   */
  private async attachReused(tx: Tx, dossierId: string, idNumber: string, picks: CitizenSubmission['reuse'], now: Date): Promise<void> {
    if (!picks.length) return;
    for (const [n, pick] of picks.entries()) {
      const doc = await citizenPortalRepository.reusableById(tx, idNumber, pick.documentId);
      if (!doc?.sha256) throw ApiError.notFound({ vi: 'giấy tờ đã số hóa trong các hồ sơ trước của bạn', en: 'A document digitised in your earlier dossiers' });
      const component = await documentRepository.componentForUpdate(tx, dossierId, pick.index);
      if (!component) throw fieldError(`body.reuse.${n}.index`, { vi: `Danh mục giấy tờ của thủ tục không có mục số ${pick.index + 1}`, en: `The procedure's checklist has no item ${pick.index + 1}` });
      if (!sameDocumentKind(component.name, doc.name)) {
        throw fieldError(`body.reuse.${n}.documentId`, { vi: `Tệp đã chọn là "${doc.name}", không dùng cho "${component.name}"`, en: `The file picked is a "${doc.name}"; it does not fit "${component.name}"` });
      }
      await documentRepository.attach(tx, component.id, { sha256: doc.sha256, size: doc.size ?? 0, mime: doc.mime ?? 'application/pdf', pages: doc.pages, source: 'reuse', signed: doc.signed }, null, now);
      await auditRepository.append(tx, { actorId: null, action: 'dossier.file.reuse', entity: 'dossier_document', entityId: component.id, before: null, after: { dossierId, sha256: doc.sha256, fromDocumentId: doc.id, fromDossierId: doc.dossierId, via: 'citizen_portal' } }, now);
    }
    await refreshDigitised(tx, dossierId, now);
  }

  /** The citizen's receipt: what to quote and where to follow it, nothing personal. */
  private async receipt(d: Dossier, locale: Locale, signedIn = false): Promise<OnlineIntakeReceipt> {
    const center = await dossierRepository.center(this.database.db, d.receivingCenterId);
    if (signedIn) {
      return {
        code: d.code, status: d.status, submittedAt: d.createdAt.toISOString(), appointmentAt: iso(d.dueAt), receivingCenter: { name: center!.name, address: center!.address },
        trackingPath: `/portal/dossiers/${encodeURIComponent(d.code)}`,
        trackingHint: locale === 'en' ? 'Follow it under "My dossiers" in the portal; the receipt (Mẫu 01) is added there when the center accepts it' : 'Theo dõi tại mục "Hồ sơ của tôi" trên cổng; giấy tiếp nhận (Mẫu 01) được bổ sung khi trung tâm tiếp nhận',
      };
    }
    return {
      code: d.code,
      status: d.status,
      submittedAt: d.createdAt.toISOString(),
      appointmentAt: iso(d.dueAt),
      receivingCenter: { name: center!.name, address: center!.address },
      trackingPath: `/track?code=${encodeURIComponent(d.code)}`,
      trackingHint:
        locale === 'en'
          ? 'Follow the dossier on the tracking page with its code and the last 4 digits of the phone number you gave'
          : 'Theo dõi hồ sơ tại trang tra cứu bằng mã hồ sơ và 4 số cuối của số điện thoại đã khai',
    };
  }

  async decideIntake(id: string, outcome: IntakeOutcome, actor: Actor, now: Date): Promise<DossierDetail> {
    await this.commit(async (tx) => this.decide(tx, await this.locked(tx, id), outcome, actor, now, []));
    return this.detail(id, actor, now);
  }

  /** A new dossier in state "submitted", with its code, routing and the papers handed in. */
  private async create(tx: Tx, centerId: string, input: IntakeInput, origin: { channel: Dossier['channel']; ticketId?: string | null; idempotencyKey?: string; idempotencyHash?: string; actor: Actor | null; identityVerified?: boolean; answers?: EFormAnswers }, now: Date): Promise<Committed & { context: DecideContext }> {
    const center = await dossierRepository.center(tx, centerId);
    if (!center) throw fieldError('body.receivingCenterId', { vi: 'Không tìm thấy trung tâm tiếp nhận', en: 'Receiving center not found' });
    const procedure = await dossierRepository.procedureInForce(tx, input.procedureId, businessDate(now, center.timeZone));
    if (!procedure) throw fieldError('body.procedureId', { vi: 'Thủ tục không tồn tại hoặc chưa có hiệu lực', en: 'No version of this procedure is in force' });
    // Online, signed in or not, only where the procedure's online level allows it (#17).
    if (origin.channel === 'online' && procedure.version.onlineLevel === 'none') {
      throw fieldError('body.procedureId', { vi: 'Thủ tục này chưa cho phép nộp trực tuyến; hãy nộp tại bộ phận một cửa', en: 'This procedure cannot be submitted online yet; submit it at the service center' });
    }
    const formAnswers = origin.answers ? this.checkEForm(procedure.version.eFormFields, origin.answers) : null;
    for (const key of ['applicantUnitId', 'parcelUnitId'] as const) {
      const unitId = input[key];
      if (unitId && !(await dossierRepository.unitExists(tx, unitId))) throw fieldError(`body.${key}`, { vi: 'Không tìm thấy đơn vị hành chính', en: 'Administrative unit not found' });
    }
    const returnCenter = input.returnCenterId ? await dossierRepository.center(tx, input.returnCenterId) : center;
    if (!returnCenter) throw fieldError('body.returnCenterId', { vi: 'Không tìm thấy nơi trả kết quả', en: 'Return point not found' });
    const agency = await this.competentAgency(tx, procedure, input, center.unitId);
    const context: DecideContext = { agency, version: procedure.version, cal: await this.calendarOf(tx, agency.unitId), receivingUnitId: center.unitId };
    // Taken last: the sequence row stays locked until commit, so everything read before it is off the critical path.
    const number = await dossierRepository.nextNumber(tx, agency.id, businessDate(now, center.timeZone));
    const dossier = await dossierRepository.insert(tx, {
      code: formatDossierCode(agency.electronicId, now, center.timeZone, number),
      title: procedure.name,
      agencyId: agency.id,
      currentAgencyId: agency.id,
      receivingCenterId: center.id,
      returnCenterId: returnCenter.id,
      procedureVersionId: procedure.version.id,
      channel: origin.channel,
      status: 'submitted',
      ticketId: origin.ticketId ?? null,
      applicantName: input.applicant.name,
      applicantPhone: input.applicant.phone,
      applicantIdNumber: input.applicant.idNumber ?? null,
      identityVerified: origin.identityVerified ?? false,
      formAnswers,
      applicantEmail: input.applicant.email ?? null,
      notifyLanguage: input.applicant.language,
      applicantUnitId: input.applicantUnitId ?? null,
      parcelUnitId: input.parcelUnitId ?? null,
      idempotencyKey: origin.idempotencyKey ?? null,
      idempotencyHash: origin.idempotencyHash ?? null,
    });
    await dossierRepository.addDocuments(tx, input.documents.map((d) => ({ dossierId: dossier.id, kind: 'submitted', name: d.name, createdById: origin.actor?.staffId ?? null })));
    await this.addComponents(tx, dossier.id, procedure.version.id, input.components ?? [], origin.actor, now);
    const event: NewDossierEvent = {
      dossierId: dossier.id, kind: 'submitted', fromStatus: null, toStatus: 'submitted', at: now, fromStaffId: origin.actor?.staffId ?? null,
      fromUnitId: center.unitId, toUnitId: agency.unitId, data: { channel: origin.channel, ticketId: origin.ticketId ?? null },
    };
    await dossierRepository.appendEvents(tx, [event]);
    return { dossier, events: [event], context };
  }

  /** The e-form answers checked by the same schema the portal used; each wrong field is named (`body.answers.<key>`). */
  private checkEForm(fields: readonly EFormField[], answers: EFormAnswers): Record<string, string | number> | null {
    const schema = eFormSchema(fields);
    const vi = safeParseIn(schema, answers, 'vi');
    if (vi.success) return Object.keys(vi.data).length ? (vi.data as Record<string, string | number>) : null;
    const en = safeParseIn(schema, answers, 'en');
    const issues = vi.error.issues.map((i, n) => ({ path: ['body', 'answers', ...i.path.map(String)].join('.'), message: { vi: i.message, en: en.error?.issues[n]?.message ?? i.message } }));
    throw ApiError.validation(issues, { vi: 'Tờ khai chưa hợp lệ: ' + issues.map((i) => i.path.slice(13) || 'tờ khai').join(', '), en: 'The e-form is not valid: ' + issues.map((i) => i.path.slice(13) || 'form').join(', ') });
  }

  /**
   * The procedure's checklist copied onto the dossier, one row per item (the intake checkboxes say
   * which were handed in and which need no scan); files are attached to these rows afterwards.
   */
  private async addComponents(tx: Tx, dossierId: string, versionId: string, ticks: ReadonlyArray<{ index: number; provided: boolean; exempt: boolean }>, actor: Actor | null, now: Date) {
    const checklist = await documentRepository.checklistOfVersion(tx, versionId);
    const unknown = ticks.filter((t) => t.index >= checklist.length);
    if (unknown.length) {
      throw ApiError.validation(unknown.map((t) => ({ path: `body.components.${ticks.indexOf(t)}.index`, message: { vi: `Danh mục giấy tờ của thủ tục chỉ có ${checklist.length} mục`, en: `The procedure's checklist has ${checklist.length} items only` } })));
    }
    const tick = new Map(ticks.map((t) => [t.index, t]));
    await dossierRepository.addDocuments(tx, checklist.map((item) => ({
      dossierId, kind: 'component', name: item.name.vi, componentIndex: item.index, form: item.form, copies: item.copies, required: item.required,
      provided: tick.get(item.index)?.provided ?? false, exempt: tick.get(item.index)?.exempt ?? false, createdById: actor?.staffId ?? null,
    })));
    if (checklist.length) await refreshDigitised(tx, dossierId, now);
  }

  /**
   * Competent agency (docs/domain.md "Competent agency and boundary-free service"): fixed by the procedure, or the People's Committee
   * of the applicant's residence or of the parcel's commune. A procedure that is not
   * boundary-free may only be received in the competent unit or above it.
   */
  private async competentAgency(tx: Tx, procedure: Procedure, input: IntakeInput, receivingUnitId: string) {
    const rule = procedure.version.competentAgencyRule;
    let agency;
    if (rule === 'applicant_residence' || rule === 'parcel_location') {
      const key = rule === 'applicant_residence' ? 'applicantUnitId' : 'parcelUnitId';
      const unitId = input[key];
      if (!unitId) {
        throw fieldError(`body.${key}`, rule === 'applicant_residence'
          ? { vi: 'Thủ tục này do nơi cư trú của người nộp giải quyết: hãy chọn xã/phường cư trú', en: 'This procedure is decided where the applicant lives: choose the commune of residence' }
          : { vi: 'Thủ tục này do nơi có đất giải quyết: hãy chọn xã/phường nơi có thửa đất', en: 'This procedure is decided where the land is: choose the commune of the parcel' });
      }
      agency = await dossierRepository.committeeOfUnit(tx, unitId);
      if (!agency) throw fieldError(`body.${key}`, { vi: 'Đơn vị này chưa có cơ quan giải quyết', en: 'No deciding agency is registered for this unit' });
    } else {
      agency = procedure.version.fixedAgencyId ? await dossierRepository.agency(tx, procedure.version.fixedAgencyId) : await dossierRepository.committeeOfUnit(tx, receivingUnitId);
      if (!agency) throw fieldError('body.procedureId', { vi: 'Thủ tục chưa được cấu hình cơ quan giải quyết', en: 'No deciding agency is configured for this procedure' });
    }
    if (!procedure.version.boundaryFree && !(await scopeRepository.ancestry(tx, agency.unitId)).includes(receivingUnitId)) {
      throw fieldError('body.procedureId', { vi: 'Thủ tục này không tiếp nhận phi địa giới: hãy nộp tại trung tâm của đơn vị có thẩm quyền', en: 'This procedure is not boundary-free: submit it at the center of the competent unit' });
    }
    return agency;
  }

  /** Accept (receipt + appointment), ask to complete the file (once, in full) or refuse with reasons. */
  private async decide(tx: Tx, dossier: Dossier, outcome: IntakeOutcome, actor: Actor, now: Date, events: NewDossierEvent[], loaded?: DecideContext): Promise<Committed> {
    const action: DossierAction = outcome.kind === 'accept' ? 'accept' : outcome.kind === 'request_supplement' ? 'request_intake_supplement' : 'refuse_at_intake';
    const to = this.transitionOr409(dossier.status, action);
    const { agency, version, cal, receivingUnitId } = loaded ?? (await this.decideContext(tx, dossier));
    const base = { dossierId: dossier.id, fromStatus: dossier.status, toStatus: to, at: now, fromStaffId: actor.staffId, fromUnitId: receivingUnitId };
    if (outcome.kind === 'request_supplement') {
      const event: NewDossierEvent = { ...base, kind: 'intake_supplement', data: { missingItems: outcome.missingItems } };
      await dossierRepository.appendEvents(tx, [event]);
      return { dossier: await dossierRepository.update(tx, dossier.id, { status: to }), events: [...events, event] };
    }
    if (outcome.kind === 'refuse') {
      const event: NewDossierEvent = { ...base, kind: 'refused', data: { reasons: outcome.reasons } };
      await dossierRepository.appendEvents(tx, [event]);
      return { dossier: await dossierRepository.update(tx, dossier.id, { status: to }), events: [...events, event] };
    }
    // The same rule the guide publishes for this procedure (core time-limit-rule).
    const dueAt = appointmentFor(cal, now, { unit: version.timeLimitUnit, value: version.timeLimitValue });
    const steps = version.steps as Step[];
    const stepDues = stepDueTimes(cal, now, steps, dueAt);
    // B1 (reception) ends with the receipt when there are later steps.
    const currentStep = steps.length > 1 ? 1 : 0;
    const event: NewDossierEvent = {
      ...base, kind: 'received', toUnitId: agency.unitId, step: 1, stepDueAt: stepDues[0] ?? dueAt, stepResult: timeliness(cal, now, stepDues[0] ?? dueAt),
      data: { dueAt: dueAt.toISOString() },
    };
    await dossierRepository.appendEvents(tx, [event]);
    const updated = await dossierRepository.update(tx, dossier.id, {
      status: to, receivedAt: now, dueAt, currentStep, stepDueAt: stepDues[currentStep] ?? dueAt, deadlineVersion: dossier.deadlineVersion + 1,
    });
    return { dossier: updated, events: [...events, event] };
  }

  private async decideContext(tx: Tx, dossier: Dossier): Promise<DecideContext> {
    const agency = (await dossierRepository.agency(tx, dossier.agencyId))!;
    const { version } = (await this.procedureOf(tx, dossier))!;
    return { agency, version, cal: await this.calendarOf(tx, agency.unitId), receivingUnitId: await this.centerUnit(tx, dossier.receivingCenterId) };
  }

  // ───────────── processing ─────────────

  async process(id: string, input: ProcessAction, actor: Actor, now: Date): Promise<DossierDetail> {
    await this.commit(async (tx) => {
      const d = await this.locked(tx, id);
      const { version } = (await this.procedureOf(tx, d))!;
      const steps = version.steps as Step[];
      const currentAgency = (await dossierRepository.agency(tx, d.currentAgencyId ?? d.agencyId))!;
      const cal = await this.calendarOf(tx, currentAgency.unitId);
      const { to } = allowedOr409(processingTransition(d.status, input.action));
      let decided: ProcessingOutcome;

      switch (input.action) {
        case 'assign': {
          const assigneeId = await this.pickAssignee(tx, input.staffId, assigneeRole(steps, d.currentStep), currentAgency.unitId, true);
          decided = assigned(d, to, { assigneeId, note: input.note });
          break;
        }
        case 'forward': {
          const agency = input.toAgencyId ? await dossierRepository.agency(tx, input.toAgencyId) : currentAgency;
          if (!agency) throw fieldError('body.toAgencyId', { vi: 'Không tìm thấy cơ quan nhận', en: 'Receiving agency not found' });
          const toOtherAgency = Boolean(input.toAgencyId);
          const { next, step } = allowedOr409(forwardStep(steps, d.currentStep, toOtherAgency));
          const assigneeId = await this.pickAssignee(tx, input.staffId, step.role, agency.unitId, false);
          decided = forwarded(cal, d, now, { to, next, step, toOtherAgency, agency, assigneeId, note: input.note });
          break;
        }
        case 'send_back': {
          const { back, step } = allowedOr409(sendBackStep(steps, d.currentStep));
          const previousId = await dossierRepository.lastActorOfStep(tx, d.id, back + 1);
          decided = sentBack(cal, d, now, { to, back, step, previousId, note: input.note });
          break;
        }
        case 'request_supplement':
          decided = supplementRequested(d, to, now, input.missingItems);
          break;
        case 'supplement_received':
        case 'resume':
          decided = resumed(cal, d, now, { to, kind: input.action, note: input.note });
          break;
        case 'notify_obligation':
          decided = obligationNotified(to, now, { amountVnd: input.amountVnd, note: input.note, pausesClock: version.obligationPausesClock });
          break;
        case 'record_payment': {
          const payment = paymentRecorded(cal, d, now, { to, amountVnd: input.amountVnd, method: input.method });
          await dossierRepository.addPayment(tx, { dossierId: d.id, amountVnd: input.amountVnd, method: input.method, purpose: payment.purpose, paidAt: now, recordedById: actor.staffId });
          decided = payment;
          break;
        }
        case 'suspend':
          decided = suspended(to, now, input.legalReason);
          break;
        case 'extend': {
          decided = allowedOr409(extended(cal, d, now, { newDueAt: new Date(input.newDueAt), reason: input.reason }));
          await dossierRepository.addDocuments(tx, [{ dossierId: d.id, kind: 'apology', name: 'Văn bản xin lỗi và hẹn lại ngày trả kết quả', reference: input.reason, createdById: actor.staffId }]);
          break;
        }
        case 'resolve': {
          await dossierRepository.addDocuments(tx, input.documents.map((doc) => ({ dossierId: d.id, kind: 'result', name: doc.name, reference: doc.reference ?? null, createdById: actor.staffId })));
          decided = resolved(cal, d, now, { to, returnUnitId: await this.centerUnit(tx, d.returnCenterId), outcome: input.outcome, note: input.note });
          break;
        }
      }
      const { patch, slip } = decided;
      const event: NewDossierEvent = { dossierId: d.id, fromStatus: d.status, at: now, fromStaffId: actor.staffId, fromUnitId: currentAgency.unitId, toUnitId: currentAgency.unitId, ...slip };
      await dossierRepository.appendEvents(tx, [event]);
      return { dossier: Object.keys(patch).length ? await dossierRepository.update(tx, d.id, patch) : d, events: [event] };
    });
    return this.detail(id, actor, now);
  }

  /**
   * "Supplement done" from the portal (issue #17), by the dossier's own verified citizen: the core rule
   * checks every asked item is answered. During processing it is the counter's "supplement received"
   * (back to processing, the pause ends and the due times move); at intake the state machine leaves the
   * decision to the center, so the dossier stays where it is and the slip records the answer, once.
   */
  async supplementByCitizen(code: string, citizen: CitizenActor, note: string | null, now: Date): Promise<void> {
    await this.commit(async (tx) => {
      // Another person's dossier and a missing one answer alike, as in the portal.
      const found = await dossierRepository.byCode(tx, code);
      const d = found?.applicantIdNumber === citizen.idNumber ? await this.locked(tx, found.id) : null;
      if (!d || d.applicantIdNumber !== citizen.idNumber) throw ApiError.notFound({ vi: 'hồ sơ này trong danh sách hồ sơ của bạn', en: 'This dossier among your dossiers' });
      const events = await dossierRepository.events(tx, d.id);
      const request = [...events].reverse().find((e) => e.kind === 'intake_supplement' || e.kind === 'supplement_requested');
      const asked = ((request?.data?.missingItems as string[] | undefined) ?? []);
      if (d.status === 'intake_supplement' && request && events.some((e) => e.kind === 'supplement_supplied' && new Date(e.at).getTime() >= new Date(request.at).getTime())) {
        throw ApiError.conflict({ vi: 'Bạn đã báo bổ sung xong; trung tâm đang xem xét để tiếp nhận hồ sơ.', en: 'You have already said the supplement is done; the center is reviewing the dossier for acceptance.' }, { status: d.status });
      }
      const components = (await documentRepository.components(tx, d.id)).map((c) => ({ name: c.name, attachedAt: c.fileAttachedAt }));
      const check = supplementAnswer({ status: d.status, asked, askedAt: request ? new Date(request.at) : null, components, note });
      if (!check.ok) throw ApiError.conflict(check.reason, { status: d.status, missing: check.missing ?? [] });
      const unitId = await this.centerUnit(tx, d.receivingCenterId);
      const by = { by: 'citizen', via: 'portal' };
      if (d.status === 'intake_supplement') {
        const event: NewDossierEvent = { dossierId: d.id, kind: 'supplement_supplied', fromStatus: d.status, toStatus: d.status, at: now, fromStaffId: null, toUnitId: unitId, note, data: by };
        await dossierRepository.appendEvents(tx, [event]);
        return { dossier: d, events: [event] };
      }
      const to = this.transitionOr409(d.status, 'supplement_received');
      const agency = (await dossierRepository.agency(tx, d.currentAgencyId ?? d.agencyId))!;
      const patch: Partial<NewDossier> = { status: to, ...resumeAfterPause(await this.calendarOf(tx, agency.unitId), d, now) };
      const event: NewDossierEvent = {
        dossierId: d.id, kind: 'supplement_received', fromStatus: d.status, toStatus: to, at: now, fromStaffId: null, toUnitId: agency.unitId, toStaffId: d.assigneeId, note,
        data: { ...by, dueAt: iso(patch.dueAt ?? d.dueAt) },
      };
      await dossierRepository.appendEvents(tx, [event]);
      return { dossier: await dossierRepository.update(tx, d.id, patch), events: [event] };
    });
  }

  async returnResult(id: string, input: { method: 'counter' | 'post' | 'online'; receivedBy: string; note?: string }, actor: Actor, now: Date): Promise<DossierDetail> {
    await this.commit(async (tx) => {
      const d = await this.locked(tx, id);
      const to = this.transitionOr409(d.status, 'return_result');
      const unit = await this.centerUnit(tx, d.returnCenterId);
      const event: NewDossierEvent = {
        dossierId: d.id, kind: 'returned', fromStatus: d.status, toStatus: to, at: now, fromStaffId: actor.staffId, fromUnitId: unit, toUnitId: unit, note: input.note ?? null,
        data: { method: input.method, receivedBy: input.receivedBy },
      };
      await dossierRepository.appendEvents(tx, [event]);
      return { dossier: await dossierRepository.update(tx, d.id, { status: to, returnedAt: now }), events: [event] };
    });
    return this.detail(id, actor, now);
  }

  async close(id: string, input: { kind: 'withdraw' | 'stop'; reason: string }, actor: Actor, now: Date): Promise<DossierDetail> {
    await this.commit(async (tx) => {
      const d = await this.locked(tx, id);
      const to = this.transitionOr409(d.status, input.kind);
      const event: NewDossierEvent = { dossierId: d.id, kind: input.kind === 'withdraw' ? 'withdrawn' : 'stopped', fromStatus: d.status, toStatus: to, at: now, fromStaffId: actor.staffId, note: input.reason };
      await dossierRepository.appendEvents(tx, [event]);
      return { dossier: await dossierRepository.update(tx, d.id, { status: to, assigneeId: null, pausedSince: null }), events: [event] };
    });
    return this.detail(id, actor, now);
  }

  /**
   * One transaction for a command and its realtime news (written to the outbox, so they leave
   * only if it commits and reach the screens even after a Redis outage); the answer is the
   * commit's answer, whatever happens after it.
   */
  private async commit(work: (tx: Tx) => Promise<Committed>): Promise<Committed> {
    const done = await this.database.db.transaction(async (tx) => {
      const committed = await work(tx);
      if (committed.events.length) await this.news(tx, committed.dossier, committed.events);
      return committed;
    });
    if (done.events.length) await this.afterCommit(done.dossier, done.events);
    return done;
  }

  /** `dossier.updated` to the centers and the assignee, and the conference ticker's news (no applicant, code or officer). */
  private async news(tx: Tx, dossier: Dossier, events: NewDossierEvent[]): Promise<void> {
    const data = { dossierId: dossier.id, code: dossier.code, status: dossier.status, deadlineVersion: dossier.deadlineVersion };
    const rooms = new Set([Room.center(dossier.receivingCenterId), Room.center(dossier.returnCenterId), ...(dossier.assigneeId ? [Room.user(dossier.assigneeId)] : [])]);
    const out: NewOutboxEvent[] = [...rooms].map((room) => ({ namespace: Namespace.staff, room, event: ServerEvent.dossierUpdated, data }));
    const ticker = events.filter((e): e is NewDossierEvent & { toStatus: 'received' | 'resolved' } => e.toStatus === 'received' || e.toStatus === 'resolved');
    const place = ticker.length ? await analyticsRepository.activityOf(tx, dossier.id) : undefined;
    for (const e of place ? ticker : []) {
      const activity = { kind: e.toStatus, procedure: place!.procedure, unit: place!.unit, channel: dossier.channel, at: e.at.toISOString() };
      for (const unitId of place!.unitIds) out.push({ namespace: Namespace.dashboard, room: Room.dashboardUnit(unitId), event: ServerEvent.analyticsActivity, data: activity });
    }
    await this.outbox.add(tx, out);
  }

  /**
   * After commit: publish the news, keep the alert jobs in line with the new due time or state
   * (keyed by the deadline version), ask for a rollup and tell the citizen. A lost call is
   * repaired later (the worker's sweep, the minutely rollup); none can fail the command.
   */
  private async afterCommit(dossier: Dossier, events: NewDossierEvent[]): Promise<void> {
    this.outbox.kick();
    await this.later.run(`alerts of ${dossier.code}`, () => this.deadlines.sync(dossier.id));
    // Dashboards move within seconds: one rollup of today for a burst of commands. The merge window
    // (ttl) ends before the job starts (delay), so a command merged into it committed before it reads.
    await this.later.run('analytics rollup', () => this.jobs.enqueue(JobName.analyticsRollup, {}, { deduplication: { id: 'analytics-rollup-today', ttl: 400 }, delay: 500, removeOnComplete: true }));
    // The citizen is told once per event: the job id and the deliveries' unique key are the event's id.
    for (const e of events) {
      const event = citizenEventOf(e.kind);
      if (!event || !e.id) continue;
      await this.later.run(`citizen notification of ${dossier.code}`, () => this.jobs.enqueue(JobName.citizenNotify, { event, key: e.id!, dossierId: dossier.id }, { jobId: `citizen-notify-${e.id}` }));
    }
    // Documents of record (receipt, supplement request, refusal, apology, result) are rendered and
    // signed by the worker: one job per dossier, kind and event (the sweep re-requests a lost one).
    for (const e of events) {
      const kind = recordOfEvent(e.kind);
      if (!kind || !e.id) continue;
      await this.later.run(`document of record of ${dossier.code}`, () => this.jobs.enqueue(JobName.documentIssue, { dossierId: dossier.id, eventId: e.id! }, { jobId: documentIssueJobId(dossier.id, kind, e.id!) }));
    }
  }

  // ───────────── reads ─────────────

  async list(actor: Actor, query: { scope: 'mine' | 'all'; status?: DossierStatus; due?: 'overdue' | 'due_soon'; q?: string; limit: number }, now: Date): Promise<DossierSummary[]> {
    const cal = await this.calendarOf(this.database.db, null);
    const dueBefore = query.due === 'overdue' ? now : query.due === 'due_soon' ? addWorkingTime(cal, now, workingDayLength(cal)) : undefined;
    const rows = await dossierRepository.list(this.database.db, centerFilterOf(actor), {
      assigneeId: query.scope === 'mine' ? actor.staffId : undefined, status: query.status, dueBefore, q: query.q, limit: query.limit,
    });
    return rows.map((r) => summaryOfRow(r, cal, now));
  }

  async detail(id: string, actor: Actor | null, now: Date): Promise<DossierDetail> {
    const db = this.database.db;
    const d = await dossierRepository.byId(db, id);
    if (!d) throw notFound();
    const [agency, currentAgency, receiving, returning, procedure, events, documents, payments, attempts, assignee] = await Promise.all([
      dossierRepository.agency(db, d.agencyId),
      dossierRepository.agency(db, d.currentAgencyId ?? d.agencyId),
      dossierRepository.center(db, d.receivingCenterId),
      dossierRepository.center(db, d.returnCenterId),
      this.procedureOf(db, d),
      dossierRepository.events(db, d.id),
      dossierRepository.documents(db, d.id),
      dossierRepository.payments(db, d.id),
      paymentRepository.forDossier(db, d.id),
      d.assigneeId ? dossierRepository.staffName(db, d.assigneeId) : Promise.resolve(null),
    ]);
    const cal = await this.calendarOf(db, agency!.unitId);
    return {
      ...summaryOfDossier(d, { agency: agency!.name, assignee: assignee ?? null }, cal, now),
      applicantIdNumber: d.applicantIdNumber,
      ticketId: d.ticketId,
      currentStep: d.currentStep,
      steps: procedure!.version.steps as Step[],
      supplementCount: d.supplementCount,
      deadlineVersion: d.deadlineVersion,
      feeVnd: procedure!.version.feeVnd,
      currentAgency: { id: currentAgency!.id, name: currentAgency!.name },
      receivingCenter: { id: receiving!.id, name: receiving!.name, address: receiving!.address },
      returnCenter: { id: returning!.id, name: returning!.name, address: returning!.address },
      events: events.map((e) => ({
        id: e.id, kind: e.kind, at: iso(e.at)!, fromStatus: e.from_status as DossierStatus | null, toStatus: e.to_status as DossierStatus | null, fromUnit: e.from_unit, toUnit: e.to_unit,
        fromStaff: e.from_staff, toStaff: e.to_staff, step: e.step, stepDueAt: iso(e.step_due_at), stepResult: e.step_result as 'early' | 'on_time' | 'late' | null, note: e.note, data: e.data,
      })),
      documents: documents.filter((doc) => doc.kind !== 'component').map((doc) => ({ id: doc.id, kind: doc.kind, name: doc.name, reference: doc.reference, createdAt: doc.createdAt.toISOString() })),
      components: documents.filter((doc) => doc.kind === 'component').sort((a, b) => a.componentIndex! - b.componentIndex!).map(componentView),
      digitised: d.digitised,
      form: fillEForm(procedure!.version.eFormFields, d.formAnswers),
      payments: payments.map((p) => ({ amountVnd: p.amountVnd, method: p.method, paidAt: p.paidAt.toISOString() })),
      paymentAttempts: attempts.map((p) => ({
        txnRef: p.txnRef, purpose: p.purpose as 'fee' | 'obligation', amountVnd: p.amountVnd, status: p.status as 'pending' | 'paid' | 'failed' | 'expired', gateway: p.gateway,
        transactionNo: p.gatewayTransactionNo, bankCode: p.bankCode, createdAt: p.createdAt.toISOString(), paidAt: p.paidAt?.toISOString() ?? null,
      })),
      ...(await this.actionsAndPeople(actor, d, currentAgency!.unitId)),
    };
  }

  /** Citizen lookup: a wrong code and a wrong phone answer alike, so neither can be probed. */
  async track(code: string, phoneLast4: string): Promise<Tracking> {
    const db = this.database.db;
    const d = await this.identify(code, phoneLast4);
    const [center, events] = await Promise.all([dossierRepository.center(db, d.returnCenterId), dossierRepository.events(db, d.id)]);
    return {
      code: d.code,
      title: d.title,
      status: d.status,
      receivedAt: iso(d.receivedAt),
      appointmentAt: iso(d.dueAt),
      extendedDueAt: iso(d.extendedDueAt),
      collectAt: { name: center!.name, address: center!.address },
      payment: d.status === 'awaiting_obligation' ? obligationOf(events) : null,
      // Status changes only: handovers inside the agency are internal.
      timeline: events.filter((e) => e.to_status !== e.from_status).map((e) => ({ at: iso(e.at)!, status: e.to_status as DossierStatus | null, kind: e.kind })),
    };
  }

  /**
   * The citizen's proof of knowing a dossier, shared by tracking and online payment: its code and
   * the phone's last 4 digits. Also capped per code (#15): many addresses together cannot try the
   * 10,000 phone endings of one dossier.
   */
  async identify(code: string, phoneLast4: string): Promise<Dossier> {
    const key = `track:${code.trim().toUpperCase()}`;
    const seen = await this.failures.get(key);
    if (seen.count >= TRACK_MAX_WRONG) throw tooManyTrackingTries(seen.resetInSeconds);
    const d = await dossierRepository.byCode(this.database.db, code.trim());
    if (!d || !d.applicantPhone?.endsWith(phoneLast4)) {
      await this.failures.fail(key, TRACK_WINDOW_SECONDS);
      throw ApiError.notFound({ vi: 'hồ sơ với mã và số điện thoại này', en: 'A dossier with this code and phone' });
    }
    return d;
  }

  /** After another module committed dossier events (an online payment settled): the same follow-ups as a command's. */
  async announce(dossier: Dossier, events: NewDossierEvent[]): Promise<void> {
    await this.afterCommit(dossier, events);
  }

  async intakeOptions(actor: Actor) {
    return dossierRepository.intakeOptions(this.database.db, centerFilterOf(actor));
  }

  // ───────────── helpers ─────────────

  private async actionsAndPeople(actor: Actor | null, d: Dossier, agencyUnitId: string) {
    if (!actor) return { actions: [], assignable: [] };
    const actions = actionsFor(actor, d, await this.reach(actor, d.id));
    const picks = actions.includes('assign') || actions.includes('forward');
    return { actions, assignable: picks ? await dossierRepository.assignable(this.database.db, agencyUnitId) : [] };
  }

  /** Which parts of the dossier the caller's grants reach: processing, intake, return. */
  private async reach(actor: Actor, id: string) {
    const [agency, intake, handover] = await Promise.all((['dossier_agency', 'dossier_intake', 'dossier_return'] as const).map((t) => this.scope.covers(actor, t, id)));
    return { agency: agency!, intake: intake!, handover: handover! };
  }

  private transitionOr409(from: DossierStatus, action: DossierAction): DossierStatus {
    const r = transition(from, action);
    if (!r.ok) throw ApiError.conflict(r.reason, { status: from, action });
    return r.to;
  }

  private async locked(tx: Tx, id: string): Promise<Dossier> {
    const d = await dossierRepository.lock(tx, id);
    if (!d) throw notFound();
    return d;
  }

  private async procedureOf(db: Parameters<typeof dossierRepository.byId>[0], d: Dossier) {
    return dossierRepository.procedureVersion(db, d.procedureVersionId);
  }

  private async centerUnit(tx: Tx, centerId: string): Promise<string> {
    return (await dossierRepository.center(tx, centerId))!.unitId;
  }

  private calendarOf(db: Parameters<typeof calendarRepository.forUnit>[0], unitId: string | null): Promise<WorkCalendar> {
    return calendarRepository.forUnit(db, unitId);
  }

  /** By hand (the person must work for the agency) or round-robin among the step's role there. */
  private async pickAssignee(tx: Tx, staffId: string | undefined, role: string, agencyUnitId: string, required: boolean): Promise<string | null> {
    if (staffId) {
      if (!(await dossierRepository.staffCoversAgency(tx, staffId, agencyUnitId))) {
        throw fieldError('body.staffId', { vi: 'Cán bộ này không thuộc cơ quan đang xử lý hồ sơ', en: 'This person does not work for the agency handling the dossier' });
      }
      return staffId;
    }
    const [first] = await dossierRepository.roundRobinCandidates(tx, role, agencyUnitId);
    if (!first && required) throw ApiError.conflict({ vi: `Cơ quan chưa có cán bộ vai trò "${role}" để phân công tự động; hãy chọn người`, en: `The agency has nobody with the role "${role}" to assign automatically; choose a person` });
    return first ?? null;
  }

}

/** Which buttons the dossier page shows: the state machine's allowed actions × the caller's roles. */
function actionsFor(actor: Actor, d: Dossier, reach: { agency: boolean; intake: boolean; handover: boolean }): string[] {
  const has = (roles: readonly string[]) => actor.roles.some((g) => roles.includes(g.role));
  const access = (r: { access: { kind: string; roles?: readonly string[] | 'any' } }) => (r.access.roles === 'any' ? true : has(r.access.roles ?? []));
  const allowed = new Set<string>(allowedActions(d.status));
  const out: string[] = [];
  if (reach.intake && access(routes.decideIntake)) for (const a of ['accept', 'request_intake_supplement', 'refuse_at_intake']) if (allowed.has(a)) out.push(a);
  if (reach.agency && access(routes.processDossier)) {
    if (allowed.has('start_processing') || allowed.has('handover')) out.push('assign');
    if (allowed.has('handover')) out.push('forward', 'send_back');
    for (const a of ['request_supplement', 'supplement_received', 'notify_obligation', 'suspend', 'resume']) if (allowed.has(a)) out.push(a);
    if (processingTransition(d.status, 'record_payment').ok) out.push('record_payment');
    if (d.status === 'in_process' && !d.extendedDueAt) out.push('extend');
    if (allowed.has('resolve')) out.push('resolve');
  }
  if (reach.handover && access(routes.returnDossier) && allowed.has('return_result')) out.push('return');
  if (access(routes.closeDossier)) for (const a of ['withdraw', 'stop']) if (allowed.has(a)) out.push(a);
  return out;
}

/** JSON with object keys sorted at every level: one text per request, whatever the key order it came in. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/** A key used before is answered only for the very request it was first used with; nothing about that dossier is disclosed otherwise. */
function sameRequest(d: Dossier, hash: string): Dossier {
  if (d.idempotencyHash !== hash)
    throw ApiError.conflict({
      vi: 'Khóa chống trùng này đã được dùng cho một hồ sơ khác; hãy dùng khóa mới cho hồ sơ mới',
      en: 'This idempotency key was already used for another submission; use a new key for a new submission',
    });
  return d;
}

/** Wrong lookups of one dossier code, from any address, before the code rests for TRACK_WINDOW_SECONDS after the last one. */
const TRACK_MAX_WRONG = 10;
const TRACK_WINDOW_SECONDS = 15 * 60;

function tooManyTrackingTries(retryAfterSeconds: number) {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return new ApiError(
    429,
    ErrorCode.rateLimited,
    {
      vi: `Mã hồ sơ này đã bị tra cứu sai quá nhiều lần; hãy kiểm tra lại mã và số điện thoại rồi thử lại sau ${minutes} phút`,
      en: `This dossier code has had too many wrong lookups; check the code and phone number and try again in ${minutes} min`,
    },
    { retryAfterSeconds },
  );
}
