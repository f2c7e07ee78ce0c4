import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { documentRepository, dossierRepository, type DatabaseHandle } from '@motcua/db';
import type { VerifyResult } from '@motcua/documents';
import type { FileStore } from '@motcua/files';
import { Inject, Injectable } from '@nestjs/common';
import { ApiError } from '../../common/api-error.js';
import { CONFIG, type ApiConfig } from '../../config/config.js';
import { DATABASE } from '../../infra/tokens.js';
import { FILE_STORE } from './documents.service.js';

/** Verification code loads on first use (about a second of start-up; a restarted API must answer fast). */
const documents = () => import('@motcua/documents');

export interface VerifyView {
  valid: boolean;
  intact: boolean;
  signatures: Array<{ signer: string | null; organization: string | null; signedAt: string | null; trusted: boolean; problems: string[] }>;
  /** Set when the file is a document this system issued (what is printed on it, nothing more). */
  issued: { dossierCode: string; title: string; kind: string; issuedAt: string } | null;
}

/**
 * Verification of signed PDFs (/verify): by the QR on a document this system issued, or an
 * uploaded file. The documents of record are issued by the worker (`document.issue` jobs).
 */
@Injectable()
export class VerifyService {
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

  private trusted(): string[] {
    // The demo PKI may be made after the API started (first npm start).
    if (!this.roots.length && existsSync(this.rootsFile)) this.roots.push(readFileSync(this.rootsFile, 'utf8'));
    return this.roots;
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
