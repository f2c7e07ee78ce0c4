import type { IncomingMessage } from 'node:http';
import { fillEForm, type CitizenDossier, CitizenDossierSummary, CitizenProcedure, DossierStatus } from '@motcua/contracts';
import { citizenPortalRepository, dossierRepository, type DatabaseHandle } from '@motcua/db';
import { Inject, Injectable } from '@nestjs/common';
import type { CitizenActor } from '../../common/actor.js';
import { ApiError } from '../../common/api-error.js';
import { DATABASE } from '../../infra/tokens.js';
import { DocumentsService } from '../documents/documents.service.js';
import { iso } from '../dossiers/dossier-view.js';

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
    const [receiving, collect, events, docs, version] = await Promise.all([dossierRepository.center(db, d.receivingCenterId), dossierRepository.center(db, d.returnCenterId), dossierRepository.events(db, d.id), dossierRepository.documents(db, d.id), dossierRepository.procedureVersion(db, d.procedureVersionId)]);
    const latest = (pred: (data: Record<string, unknown>) => boolean) => [...events].reverse().find((e) => e.data && pred(e.data));
    let asked: CitizenDossier['asked'] = null;
    const need = actionNeeded(d.status);
    if (need === 'supplement') {
      const e = latest((x) => Array.isArray(x.missingItems));
      asked = { kind: 'supplement', items: (e?.data?.missingItems as string[] | undefined) ?? [] };
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
    };
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
