import type { IncomingMessage } from 'node:http';
import { fillEForm, JobName, type CitizenDossier, type CitizenDossierSummary, type CitizenProcedure, type CitizenRating, type CitizenReusableDocument, type DossierStatus } from '@motcua/contracts';
import { businessDate, ratingAllowed } from '@motcua/core';
import { citizenPortalRepository, dossierRepository, type DatabaseHandle } from '@motcua/db';
import { JobProducer } from '@motcua/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { CitizenActor } from '../../common/actor.js';
import { ApiError } from '../../common/api-error.js';
import { AfterCommit } from '../../infra/after-commit.js';
import { DATABASE } from '../../infra/tokens.js';
import { DocumentsService } from '../documents/documents.service.js';
import { iso } from '../dossiers/dossier-view.js';
import { DossiersService } from '../dossiers/dossiers.service.js';

// Another person's dossier and a missing one answer alike: nobody learns which codes exist.
const notMine = () => ApiError.notFound({ vi: 'hồ sơ này trong danh sách hồ sơ của bạn', en: 'This dossier among your dossiers' });

/** Statuses in which the applicant may still add files: before intake, and while a supplement is asked. */
const UPLOAD_OPEN = new Set<DossierStatus>(['submitted', 'intake_supplement', 'awaiting_supplement']);

function actionNeeded(status: DossierStatus): CitizenDossierSummary['actionNeeded'] {
  if (status === 'intake_supplement' || status === 'awaiting_supplement') return 'supplement';
  if (status === 'awaiting_obligation') return 'payment';
  return null;
}

/**
 * "Hồ sơ của tôi" (issue #17): a citizen's dossiers on every channel, matched by the ID number the
 * identity provider verified. Every read filters by it; nothing else in the request can widen it.
 */
@Injectable()
export class CitizenPortalService {
  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(DocumentsService) private readonly documents: DocumentsService,
    @Inject(DossiersService) private readonly dossiers: DossiersService,
    @Inject(JobProducer) private readonly jobs: JobProducer,
    @Inject(AfterCommit) private readonly later: AfterCommit,
  ) {}

  async list(citizen: CitizenActor): Promise<CitizenDossierSummary[]> {
    const rows = await citizenPortalRepository.dossiersOf(this.database.db, citizen.idNumber);
    return rows.map((d) => ({ code: d.code, title: d.title, channel: d.channel, status: d.status, submittedAt: d.createdAt.toISOString(), appointmentAt: iso(d.dueAt), actionNeeded: actionNeeded(d.status) }));
  }

  private async mine(citizen: CitizenActor, code: string) {
    const d = await dossierRepository.byCode(this.database.db, code.trim());
    if (!d || d.applicantIdNumber !== citizen.idNumber) throw notMine();
    return d;
  }

  async detail(citizen: CitizenActor, code: string, now = new Date()): Promise<CitizenDossier> {
    const db = this.database.db;
    const d = await this.mine(citizen, code);
    const [receiving, collect, events, docs, version, rating] = await Promise.all([
      dossierRepository.center(db, d.receivingCenterId), dossierRepository.center(db, d.returnCenterId), dossierRepository.events(db, d.id), dossierRepository.documents(db, d.id),
      dossierRepository.procedureVersion(db, d.procedureVersionId), citizenPortalRepository.ratingOf(db, d.id),
    ]);
    const latest = (pred: (data: Record<string, unknown>) => boolean) => [...events].reverse().find((e) => e.data && pred(e.data));
    let asked: CitizenDossier['asked'] = null;
    const need = actionNeeded(d.status);
    if (need === 'supplement') {
      const e = latest((x) => Array.isArray(x.missingItems));
      // At intake the answer leaves the dossier waiting for the center's decision: say it was sent.
      const answered = e ? events.find((x) => x.kind === 'supplement_supplied' && new Date(x.at).getTime() >= new Date(e.at).getTime()) : undefined;
      asked = { kind: 'supplement', items: (e?.data?.missingItems as string[] | undefined) ?? [], answeredAt: iso(answered?.at ?? null) };
    } else if (need === 'payment') {
      const e = latest((x) => typeof x.amountVnd === 'number');
      // Paying online is the payment page's business (/pay/:code); this only says what is owed.
      asked = { kind: 'payment', amountVnd: (e?.data?.amountVnd as number | undefined) ?? 0, howToPay: e?.note ?? '', payPath: `/pay/${encodeURIComponent(d.code)}` };
    }
    return {
      code: d.code,
      title: d.title,
      channel: d.channel,
      status: d.status,
      submittedAt: d.createdAt.toISOString(),
      appointmentAt: iso(d.dueAt),
      extendedDueAt: iso(d.extendedDueAt),
      actionNeeded: need,
      identityVerified: d.identityVerified,
      receivingCenter: { name: receiving!.name, address: receiving!.address },
      collectAt: { name: collect!.name, address: collect!.address },
      // Status changes only: handovers inside the agency are internal.
      timeline: events.filter((e) => e.to_status !== e.from_status).map((e) => ({ at: iso(e.at)!, status: e.to_status as DossierStatus | null, kind: e.kind })),
      asked,
      form: fillEForm(version?.version.eFormFields ?? [], d.formAnswers),
      components: docs.filter((x) => x.kind === 'component').sort((a, b) => a.componentIndex! - b.componentIndex!).map((x) => ({ index: x.componentIndex!, name: x.name, required: x.required, hasFile: Boolean(x.fileSha256) })),
      downloads: docs
        .filter((x) => x.kind !== 'component' && x.fileSha256)
        .map((x) => ({ id: x.id, kind: x.kind, name: x.name, signed: x.signed, ...this.documents.signedLink(x.id, now) })),
      rating: rating ? { level: rating.level, comment: rating.reason, at: rating.createdAt.toISOString() } : null,
      canRate: ratingAllowed(d.status, Boolean(rating)).ok,
    };
  }

  /** "Supplement done" (issue #17): the dossier service checks and moves it in one transaction; the answer is my dossier as it now stands. */
  async answerSupplement(citizen: CitizenActor, code: string, note: string | null, now = new Date()): Promise<CitizenDossier> {
    await this.dossiers.supplementByCitizen(code.trim(), citizen, note, now);
    return this.detail(citizen, code, now);
  }

  /**
   * My rating of a returned dossier, once (issue #17). It lives with the counter tablet's ratings, so the
   * satisfaction indicator reads it the same way; the day the dossier was resolved is rolled up again.
   */
  async rate(citizen: CitizenActor, code: string, input: CitizenRating, now = new Date()): Promise<CitizenDossier> {
    const d = await this.mine(citizen, code);
    const db = this.database.db;
    const check = (rated: boolean) => {
      const r = ratingAllowed(d.status, rated);
      if (!r.ok) throw ApiError.conflict(r.reason, { status: d.status });
    };
    check(Boolean(await citizenPortalRepository.ratingOf(db, d.id)));
    // A concurrent second rating meets the unique key and inserts nothing.
    if (!(await citizenPortalRepository.rate(db, { dossierId: d.id, level: input.level, reason: input.comment || null }, now))) check(true);
    if (d.resolvedAt) {
      const center = await dossierRepository.center(db, d.receivingCenterId);
      const day = businessDate(d.resolvedAt, center!.timeZone);
      await this.later.run('analytics rollup', () => this.jobs.enqueue(JobName.analyticsRollup, { days: [day] }, { removeOnComplete: true }));
    }
    return this.detail(citizen, code, now);
  }

  /** Checklist files of my dossiers (my verified ID number), to pick instead of uploading again. */
  async reusable(citizen: CitizenActor): Promise<CitizenReusableDocument[]> {
    const rows = await citizenPortalRepository.reusableOf(this.database.db, citizen.idNumber);
    return rows.map((r) => ({ id: r.id, dossierCode: r.dossier_code, name: r.name, pages: r.pages, attachedAt: new Date(r.attached_at).toISOString() }));
  }

  async procedures(): Promise<CitizenProcedure[]> {
    return citizenPortalRepository.onlineProcedures(this.database.db);
  }

  /** A file for a checklist item of my dossier, through the counter's upload path (same checks and limits). */
  async upload(citizen: CitizenActor, code: string, index: number, req: IncomingMessage, now = new Date()): Promise<{ index: number; hasFile: boolean }> {
    const d = await this.mine(citizen, code);
    if (!UPLOAD_OPEN.has(d.status)) {
      throw ApiError.invalidTransition({ vi: 'Hồ sơ không còn nhận thêm tệp ở trạng thái này', en: 'The dossier takes no more files in its present state' }, { status: d.status });
    }
    const c = await this.documents.attachScan(d.id, index, req, null, now);
    return { index: c.index, hasFile: Boolean(c.file) };
  }
}
