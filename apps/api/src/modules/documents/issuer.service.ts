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
 * Documents of record generated and signed by the system (the e-result at resolve). Rendering and
 * signing happen after the command's commit, outside its transaction; the document row is then
 * written in its own transaction, once per dossier and kind (a repeat finds the first one).
 */
@Injectable()
export class IssuerService implements OnApplicationShutdown {
  private readonly logger = new Logger('IssuerService');
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
    const existing = await documentRepository.generated(db, dossierId, 'e_result');
    if (existing) return existing.id;
    const d = await dossierRepository.byId(db, dossierId);
    if (!d || !d.resolvedAt) return null;
    const [agency, center, events] = await Promise.all([dossierRepository.agency(db, d.agencyId), dossierRepository.center(db, d.returnCenterId), dossierRepository.events(db, d.id)]);
    const signer = await this.signer();
    if (!(await signer.canSignFor(agency!.id))) {
      this.logger.warn({ dossierId, agencyId: agency!.id }, 'no signing key for the agency: the e-result was not issued');
      return null;
    }
    const resolved = [...events].reverse().find((e) => e.kind === 'resolved');
    const outcome = (resolved?.data as { outcome?: 'approved' | 'refused' } | null)?.outcome ?? 'approved';
    const officer = staffId ? await dossierRepository.staffName(db, staffId) : null;
    const id = randomUUID();
    const pdf = await (await documents()).renderDocument('result', {
      timeZone: center!.timeZone, issuedAt: d.resolvedAt, place: 'Cà Mau', issuer: { name: agency!.name }, dossierCode: d.code, procedure: d.title,
      applicant: { name: d.applicantName, idNumber: d.applicantIdNumber, phone: d.applicantPhone }, officer: { name: officer ?? agency!.name, title: 'Người ký' },
      qrUrl: `${this.config.PUBLIC_URL.replace(/\/$/, '')}/verify/${id}`, signedBy: agency!.name,
      title: outcome === 'approved' ? 'KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH' : 'VĂN BẢN TRẢ LỜI', subject: d.title, outcome, decidedAt: d.resolvedAt,
      body: outcome === 'approved' ? [`Hồ sơ ${d.code} đã được giải quyết theo quy định.`] : [`Hồ sơ ${d.code} không đủ điều kiện giải quyết; lý do đã được thông báo.`],
      returnPoint: { name: center!.name, address: center!.address },
    });
    const signed = await signer.sign(pdf, { agencyId: agency!.id, agencyCode: agency!.code, agencyName: agency!.name }, { reason: 'Phát hành kết quả giải quyết thủ tục hành chính', signedAt: now });
    const stored = await this.store.put(signed);
    return this.database.db.transaction(async (tx) => {
      await dossierRepository.lock(tx, dossierId);
      const again = await documentRepository.generated(tx, dossierId, 'e_result');
      if (again) return again.id;
      await documentRepository.addGenerated(tx, {
        id, dossierId, kind: 'e_result', name: `Kết quả điện tử (ký số): ${d.title}`, createdById: staffId,
        fileSha256: stored.sha256, fileSize: stored.size, fileMime: 'application/pdf', filePages: null, fileSource: 'generated', signed: true, fileAttachedAt: now,
      });
      await auditRepository.append(tx, { actorId: staffId, action: 'dossier.document.issue', entity: 'dossier_document', entityId: id, before: null, after: { dossierId, kind: 'e_result', sha256: stored.sha256 } }, now);
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
