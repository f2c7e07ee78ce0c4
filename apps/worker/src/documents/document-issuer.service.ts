import { randomUUID } from 'node:crypto';
import { documentIssueJobId, JobName, Namespace, QueueName, Room, ServerEvent, type JobPayload } from '@motcua/contracts';
import { RECORD_EVENT_KINDS, recordOfEvent } from '@motcua/core';
import { auditRepository, documentRepository, dossierRepository, type DatabaseHandle, type DbOrTx } from '@motcua/db';
import type { Signer } from '@motcua/documents';
import type { FileStore } from '@motcua/files';
import { defaultJobOptions, RealtimePublisher } from '@motcua/platform';
import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { Logger } from 'pino';
import { CONFIG, type WorkerConfig } from '../config/config.js';
import { DATABASE, FILE_STORE, LOGGER } from '../infra/tokens.js';

type IssuePayload = JobPayload<typeof JobName.documentIssue>;
export type IssueResult = { outcome: 'issued' | 'exists'; documentId: string } | { outcome: 'none' | 'no_key' | 'not_resolved' };

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

/** The legal processing time as the receipt prints it. */
function processingTime(unit: string | undefined, value: number | undefined): string {
  const n = String(value ?? 0).padStart(2, '0');
  if (unit === 'same_day') return 'Trong ngày';
  if (unit === 'working_hours') return `${value} giờ làm việc`;
  if (unit === 'calendar_days') return `${n} ngày`;
  return `${n} ngày làm việc`;
}

/** PDF rendering and signing load on first use (about a second of start-up). */
const documents = () => import('@motcua/documents');

/**
 * Documents of record generated and signed by the system (receipt, supplement request, refusal,
 * apology letter and e-result, from the events that call for them), off the request path: the
 * API enqueues a `document.issue` job after its commit and the sweep re-requests lost ones. The
 * job is only a wake-up call: the event is re-read, and the document row is written in its own
 * transaction once per dossier, kind and event (a repeat, a retry after a crash, finds the first).
 */
@Injectable()
export class DocumentIssuer implements OnApplicationShutdown {
  private readonly warned = new Set<string>();
  #signer?: Promise<Signer>;

  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(FILE_STORE) private readonly store: FileStore,
    @Inject(CONFIG) private readonly config: WorkerConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(RealtimePublisher) private readonly realtime: RealtimePublisher,
    @InjectQueue(QueueName.documents) private readonly queue: Queue,
  ) {}

  private signer(): Promise<Signer> {
    this.#signer ??= documents().then((d) => d.createSigner(d.signerConfigFromEnv(this.config as unknown as Record<string, string | undefined>, this.config.SIGNER_PKCS12_DIR)));
    return this.#signer;
  }

  async onApplicationShutdown() {
    if (this.#signer) await (await this.#signer).close();
  }

  /**
   * The document of record an event of the dossier calls for, rendered, signed (at the event's
   * instant, by the agency that decides or the receiving center's People's Committee) and stored.
   */
  async issue(p: IssuePayload): Promise<IssueResult> {
    const db = this.database.db;
    const event = await documentRepository.event(db, p.dossierId, p.eventId);
    const kind = event ? recordOfEvent(event.kind) : undefined;
    if (!event || !kind) return { outcome: 'none' };
    const existingOf = (tx: DbOrTx) => (kind === 'e_result' ? documentRepository.generated(tx, p.dossierId, kind) : documentRepository.generatedForEvent(tx, p.dossierId, kind, p.eventId));
    const existing = await existingOf(db);
    if (existing) return { outcome: 'exists', documentId: existing.id };
    const d = await dossierRepository.byId(db, p.dossierId);
    if (!d) return { outcome: 'none' };
    if (kind === 'e_result' && !d.resolvedAt) return { outcome: 'not_resolved' };
    const staffId = event.fromStaffId ?? null;
    const now = new Date(event.at);
    const [agency, receiving, returning, version, components, officer] = await Promise.all([
      dossierRepository.agency(db, d.agencyId), dossierRepository.center(db, d.receivingCenterId), dossierRepository.center(db, d.returnCenterId),
      dossierRepository.procedureVersion(db, d.procedureVersionId), documentRepository.components(db, d.id), staffId ? dossierRepository.staffName(db, staffId) : Promise.resolve(undefined),
    ]);
    // Forms 01–03 come from the receiving center, signed for its People's Committee when that holds a key; the apology and the result from the deciding agency.
    const atCenter = kind === 'e_receipt' || kind === 'e_supplement_request' || kind === 'e_refusal';
    const signer = await this.signer();
    const centerAgency = atCenter ? await dossierRepository.committeeOfUnit(db, receiving!.unitId) : undefined;
    const signFor = centerAgency && (await signer.canSignFor(centerAgency.id)) ? centerAgency : agency!;
    if (!(await signer.canSignFor(signFor.id))) {
      if (!this.warned.has(signFor.id)) this.logger.warn({ dossierId: d.id, agencyId: signFor.id, kind }, 'no signing key for the agency: its documents of record are not issued');
      this.warned.add(signFor.id);
      return { outcome: 'no_key' };
    }
    const place = (await documentRepository.provinceOf(db, (atCenter ? receiving! : agency!).unitId))?.replace(/^(Tỉnh|Thành phố)\s+/u, '') ?? receiving!.name;
    const id = randomUUID();
    const data = event.data ?? {};
    const base = {
      timeZone: receiving!.timeZone, issuedAt: new Date(event.at), place, dossierCode: d.code, procedure: d.title,
      issuer: atCenter ? { name: receiving!.name, parentName: signFor.name, address: receiving!.address } : { name: agency!.name },
      applicant: { name: d.applicantName, idNumber: d.applicantIdNumber, phone: d.applicantPhone, email: d.applicantEmail },
      qrUrl: `${this.config.PUBLIC_URL.replace(/\/$/, '')}/verify/${id}`, signedBy: signFor.name,
    };
    const receivedAt = d.receivedAt ?? d.createdAt;
    const render = (await documents()).renderDocument;
    let pdf: Uint8Array;
    let name: string;
    let reason: string;
    switch (kind) {
      case 'e_receipt':
        name = 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01, ký số)';
        reason = 'Tiếp nhận hồ sơ và hẹn trả kết quả';
        pdf = await render('receipt', {
          ...base, officer: { name: officer ?? receiving!.name, title: 'Người tiếp nhận' }, receivedAt, appointmentAt: d.dueAt ?? receivedAt,
          components: components.filter((c) => c.provided || c.fileSha256).map((c) => ({ name: c.name, form: (c.form ?? 'copy') as 'copy', sets: c.copies })),
          processingTime: processingTime(version?.version.timeLimitUnit, version?.version.timeLimitValue), returnPoint: { name: returning!.name, address: returning!.address },
        });
        break;
      case 'e_supplement_request':
        name = 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02, ký số)';
        reason = 'Yêu cầu bổ sung, hoàn thiện hồ sơ';
        pdf = await render('supplement_request', {
          ...base, officer: { name: officer ?? receiving!.name, title: 'Người hướng dẫn' }, receivedAt, missingItems: strings(data.missingItems), reason: event.note,
          contact: officer ? { name: officer } : null,
        });
        break;
      case 'e_refusal':
        name = 'Phiếu từ chối tiếp nhận giải quyết hồ sơ (Mẫu 03, ký số)';
        reason = 'Từ chối tiếp nhận giải quyết hồ sơ';
        pdf = await render('refusal', { ...base, officer: { name: officer ?? receiving!.name, title: 'Người tiếp nhận' }, receivedAt, reasons: strings(data.reasons) });
        break;
      case 'e_apology':
        name = 'Văn bản xin lỗi và hẹn lại ngày trả kết quả (ký số)';
        reason = 'Xin lỗi và hẹn lại ngày trả kết quả';
        pdf = await render('apology', {
          ...base, officer: { name: officer ?? agency!.name, title: 'Người ký' }, receivedAt, appointmentAt: d.dueAt ?? receivedAt,
          newAppointmentAt: new Date(String(data.newDueAt ?? d.extendedDueAt?.toISOString())), reason: event.note ?? '',
        });
        break;
      default: {
        const outcome = (data as { outcome?: 'approved' | 'refused' }).outcome ?? 'approved';
        name = `Kết quả điện tử (ký số): ${d.title}`;
        reason = 'Phát hành kết quả giải quyết thủ tục hành chính';
        pdf = await render('result', {
          ...base, issuedAt: d.resolvedAt!, officer: { name: officer ?? agency!.name, title: 'Người ký' },
          title: outcome === 'approved' ? 'KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH' : 'VĂN BẢN TRẢ LỜI', subject: d.title, outcome, decidedAt: d.resolvedAt!,
          body: outcome === 'approved' ? [`Hồ sơ ${d.code} đã được giải quyết theo quy định.`] : [`Hồ sơ ${d.code} không đủ điều kiện giải quyết; lý do đã được thông báo.`],
          returnPoint: { name: returning!.name, address: returning!.address },
        });
      }
    }
    const signed = await signer.sign(pdf, { agencyId: signFor.id, agencyCode: signFor.code, agencyName: signFor.name }, { reason, location: place, signedAt: now });
    // Content-addressed: a crash between here and the commit leaves bytes a retry stores again under the same key.
    const stored = await this.store.put(signed);
    const written = await db.transaction(async (tx) => {
      await dossierRepository.lock(tx, d.id);
      const again = await existingOf(tx);
      if (again) return { outcome: 'exists', documentId: again.id } as const;
      await documentRepository.addGenerated(tx, {
        id, dossierId: d.id, kind, name, reference: p.eventId, createdById: staffId,
        fileSha256: stored.sha256, fileSize: stored.size, fileMime: 'application/pdf', filePages: null, fileSource: 'generated', signed: true, fileAttachedAt: now,
      });
      await auditRepository.append(tx, { actorId: staffId, action: 'dossier.document.issue', entity: 'dossier_document', entityId: id, before: null, after: { dossierId: d.id, kind, eventId: p.eventId, sha256: stored.sha256 } }, new Date());
      return { outcome: 'issued', documentId: id } as const;
    });
    if (written.outcome === 'issued') {
      // Screens showing the dossier fetch it again and find the new document.
      const news = { dossierId: d.id, code: d.code, status: d.status, deadlineVersion: d.deadlineVersion };
      const rooms = new Set([Room.center(d.receivingCenterId), Room.center(d.returnCenterId), ...(d.assigneeId ? [Room.user(d.assigneeId)] : [])]);
      await this.realtime.publishMany([...rooms].map((room) => ({ namespace: Namespace.staff, room, event: ServerEvent.dossierUpdated, data: news }))).catch((e: unknown) => this.logger.warn({ err: e }, 'dossier.updated after a document of record not published'));
    }
    return written;
  }

  /**
   * Called by the alert sweep: recent events that call for a document of record and have none
   * lost their job (Redis unreachable at commit, flushed, deleted). They get it again under the
   * API's job id, so a job still waiting or retained is not doubled; the database decides anyway.
   */
  async repairLost(from: Date, before: Date): Promise<number> {
    const rows = await documentRepository.eventsWithoutRecord(this.database.db, { from, before, kinds: RECORD_EVENT_KINDS, limit: 500 });
    if (!rows.length) return 0;
    await this.queue.addBulk(
      rows.map((r) => ({
        name: JobName.documentIssue,
        data: { dossierId: r.dossier_id, eventId: r.id } satisfies IssuePayload,
        opts: { ...defaultJobOptions, jobId: documentIssueJobId(r.dossier_id, recordOfEvent(r.kind)!, r.id) },
      })),
    );
    return rows.length;
  }
}
