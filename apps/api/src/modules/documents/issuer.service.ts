import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { auditRepository, documentRepository, dossierRepository, type DatabaseHandle } from '@motcua/db';
import type { Signer, VerifyResult } from '@motcua/documents';
import type { FileStore } from '@motcua/files';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { ApiError } from '../../common/api-error.js';
import { CONFIG, type ApiConfig } from '../../config/config.js';
import { DATABASE } from '../../infra/tokens.js';
import { FILE_STORE } from './documents.service.js';

/** The document of record each kind of control-slip event calls for (TT 01/2018 forms 01–03, the apology letter, the result). */
export const RECORD_OF_EVENT: Readonly<Record<string, 'e_receipt' | 'e_supplement_request' | 'e_refusal' | 'e_apology' | 'e_result'>> = {
  received: 'e_receipt',
  intake_supplement: 'e_supplement_request',
  supplement_requested: 'e_supplement_request',
  refused: 'e_refusal',
  extended: 'e_apology',
  resolved: 'e_result',
};

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

/** The legal processing time as the receipt prints it. */
function processingTime(unit: string | undefined, value: number | undefined): string {
  const n = String(value ?? 0).padStart(2, '0');
  if (unit === 'same_day') return 'Trong ngày';
  if (unit === 'working_hours') return `${value} giờ làm việc`;
  if (unit === 'calendar_days') return `${n} ngày`;
  return `${n} ngày làm việc`;
}

/** PDF rendering and signing load on first use: they cost about a second of start-up, and a restarted API must answer fast. */
const documents = () => import('@motcua/documents');

export interface VerifyView {
  valid: boolean;
  intact: boolean;
  signatures: Array<{ signer: string | null; organization: string | null; signedAt: string | null; trusted: boolean; problems: string[] }>;
  /** Set when the file is a document this system issued (what is printed on it, nothing more). */
  issued: { dossierCode: string; title: string; kind: string; issuedAt: string } | null;
}

/**
 * Documents of record generated and signed by the system (receipt, supplement request, refusal,
 * apology letter and e-result, from the events that call for them). Rendering and
 * signing happen after the command's commit, outside its transaction; the document row is then
 * written in its own transaction, once per dossier, kind and event (a repeat finds the first one).
 */
@Injectable()
export class IssuerService implements OnApplicationShutdown {
  private readonly logger = new Logger('IssuerService');
  private readonly warned = new Set<string>();
  #signer?: Promise<Signer>;
  private readonly roots: string[];

  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(FILE_STORE) private readonly store: FileStore,
    @Inject(CONFIG) private readonly config: ApiConfig,
  ) {
    const rootsFile = config.SIGNER_TRUSTED_ROOTS ?? path.join(config.SIGNER_PKCS12_DIR, 'root-ca.pem');
    this.roots = existsSync(rootsFile) ? [readFileSync(rootsFile, 'utf8')] : [];
    this.rootsFile = rootsFile;
  }
  private readonly rootsFile: string;

  private signer(): Promise<Signer> {
    this.#signer ??= documents().then((d) => d.createSigner(d.signerConfigFromEnv(this.config as unknown as Record<string, string | undefined>, this.config.SIGNER_PKCS12_DIR)));
    return this.#signer;
  }

  private trusted(): string[] {
    // The demo PKI may be made after the API started (first npm start).
    if (!this.roots.length && existsSync(this.rootsFile)) this.roots.push(readFileSync(this.rootsFile, 'utf8'));
    return this.roots;
  }

  async onApplicationShutdown() {
    if (this.#signer) await (await this.#signer).close();
  }

  /** The signed result of a resolved dossier; null when the agency has no signing key (logged). */
  async issueResult(dossierId: string, staffId: string | null, now: Date): Promise<string | null> {
    const db = this.database.db;
    const events = await dossierRepository.events(db, dossierId);
    const resolved = [...events].reverse().find((e) => e.kind === 'resolved');
    return resolved ? this.issueFor(dossierId, resolved.id, staffId, now) : null;
  }

  /**
   * The document of record an event of the dossier calls for (receipt, supplement request, refusal,
   * apology, result), rendered, signed and stored; once per dossier, kind and event (the result once
   * per dossier). Null when the event calls for none or the agency has no signing key (logged).
   */
  async issueFor(dossierId: string, eventId: string, staffId: string | null, now: Date): Promise<string | null> {
    const db = this.database.db;
    const events = await dossierRepository.events(db, dossierId);
    const event = events.find((e) => e.id === eventId);
    const kind = event ? RECORD_OF_EVENT[event.kind] : undefined;
    if (!event || !kind) return null;
    const existing = kind === 'e_result' ? await documentRepository.generated(db, dossierId, kind) : await documentRepository.generatedForEvent(db, dossierId, kind, eventId);
    if (existing) return existing.id;
    const d = await dossierRepository.byId(db, dossierId);
    if (!d || (kind === 'e_result' && !d.resolvedAt)) return null;
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
      if (!this.warned.has(signFor.id)) this.logger.warn({ dossierId, agencyId: signFor.id, kind }, 'no signing key for the agency: its documents of record are not issued');
      this.warned.add(signFor.id);
      return null;
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
    const stored = await this.store.put(signed);
    return this.database.db.transaction(async (tx) => {
      await dossierRepository.lock(tx, dossierId);
      const again = kind === 'e_result' ? await documentRepository.generated(tx, dossierId, kind) : await documentRepository.generatedForEvent(tx, dossierId, kind, eventId);
      if (again) return again.id;
      await documentRepository.addGenerated(tx, {
        id, dossierId, kind, name, reference: eventId, createdById: staffId,
        fileSha256: stored.sha256, fileSize: stored.size, fileMime: 'application/pdf', filePages: null, fileSource: 'generated', signed: true, fileAttachedAt: now,
      });
      await auditRepository.append(tx, { actorId: staffId, action: 'dossier.document.issue', entity: 'dossier_document', entityId: id, before: null, after: { dossierId, kind, eventId, sha256: stored.sha256 } }, now);
      return id;
    });
  }

  async verifyBytes(pdf: Uint8Array): Promise<Omit<VerifyView, 'issued'>> {
    const r: VerifyResult = await (await documents()).verifyPdf(pdf, { roots: this.trusted() });
    return {
      valid: r.valid,
      intact: r.signatures.length > 0 && r.signatures.every((s) => s.digestIntact) && r.signatures.at(-1)!.coversWholeDocument,
      signatures: r.signatures.map((s) => ({ signer: s.signer.commonName, organization: s.signer.organization, signedAt: s.signingTime?.toISOString() ?? null, trusted: s.chainTrusted, problems: s.problems })),
    };
  }

  /** The QR on a document: what it says about itself, checked against its stored bytes. */
  async verifyIssued(documentId: string): Promise<VerifyView> {
    const db = this.database.db;
    const doc = await documentRepository.byIdOnly(db, documentId);
    if (!doc?.fileSha256 || !doc.signed) throw ApiError.notFound({ vi: 'văn bản có mã này', en: 'A document with this code' });
    const d = await dossierRepository.byId(db, doc.dossierId);
    const chunks: Buffer[] = [];
    for await (const c of await this.store.get(doc.fileSha256)) chunks.push(c as Buffer);
    return { ...(await this.verifyBytes(Buffer.concat(chunks))), issued: { dossierCode: d!.code, title: d!.title, kind: doc.kind, issuedAt: doc.createdAt.toISOString() } };
  }

  /** An uploaded PDF: its signatures, and whether its bytes are a document this system issued. */
  async verifyUpload(pdf: Buffer): Promise<VerifyView> {
    const checked = await this.verifyBytes(pdf);
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const doc = await documentRepository.signedBySha(this.database.db, sha256);
    const d = doc ? await dossierRepository.byId(this.database.db, doc.dossierId) : null;
    return { ...checked, issued: doc && d ? { dossierCode: d.code, title: d.title, kind: doc.kind, issuedAt: doc.createdAt.toISOString() } : null };
  }
}
