import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode, type DossierComponent, type ReusableDocument } from '@motcua/contracts';
import { isDigitised } from '@motcua/core';
import { auditRepository, documentRepository, dossierRepository, type DatabaseHandle, type DossierDocument, type Tx } from '@motcua/db';
import { FileNotFoundError, type FileStore } from '@motcua/files';
import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../../common/actor.js';
import { ApiError } from '../../common/api-error.js';
import { CONFIG, type ApiConfig } from '../../config/config.js';
import { DATABASE } from '../../infra/tokens.js';
import { centerFilterOf } from '../../common/center-filter.js';
import { receiveScan, type ReceivedScan } from './scan-upload.js';

export const FILE_STORE = Symbol('FILE_STORE');

const MB = 1024 * 1024;
const notFound = () => ApiError.notFound({ vi: 'hồ sơ', en: 'Dossier' });

export function componentView(c: DossierDocument): DossierComponent {
  return {
    id: c.id,
    index: c.componentIndex!,
    name: c.name,
    form: (c.form ?? 'copy') as DossierComponent['form'],
    copies: c.copies,
    required: c.required,
    provided: c.provided,
    exempt: c.exempt,
    file: c.fileSha256
      ? { sha256: c.fileSha256, size: c.fileSize!, mime: c.fileMime!, pages: c.filePages, source: c.fileSource as 'scan', signed: c.signed, attachedAt: c.fileAttachedAt!.toISOString() }
      : null,
  };
}

/** Recomputes the dossier's digitised flag from its components (inside the command's transaction). */
export async function refreshDigitised(tx: Tx, dossierId: string, now: Date): Promise<boolean> {
  const components = await documentRepository.components(tx, dossierId);
  const digitised = isDigitised(components.map((c) => ({ required: c.required, exempt: c.exempt, hasFile: Boolean(c.fileSha256) })));
  await documentRepository.setDigitised(tx, dossierId, digitised, now);
  return digitised;
}

/**
 * Files of dossiers: scans attached to checklist components and reads of any document's file.
 * Bytes go to the FileStore before the transaction (content-addressed: a failed transaction
 * leaves at most an unreferenced blob, never a row without its bytes); rows change in one
 * transaction per command.
 */
@Injectable()
export class DocumentsService {
  private readonly linkKey: Buffer;
  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(FILE_STORE) private readonly store: FileStore,
    @Inject(CONFIG) private readonly config: ApiConfig,
  ) {
    this.linkKey = config.FILE_LINK_SECRET ? Buffer.from(config.FILE_LINK_SECRET) : randomBytes(32);
  }

  private signature(documentId: string, exp: number): string {
    return createHmac('sha256', this.linkKey).update(`file:${documentId}:${exp}`).digest('base64url');
  }

  /** A link the applicant can open without signing in, until it expires. */
  async createLink(dossierId: string, documentId: string, actor: Actor, now: Date): Promise<{ url: string; expiresAt: string }> {
    const doc = await documentRepository.byId(this.database.db, dossierId, documentId);
    if (!doc?.fileSha256) throw ApiError.notFound({ vi: 'tệp của giấy tờ này', en: 'A file for this document' });
    const link = this.signedLink(doc.id, now);
    await auditRepository.append(this.database.db, { actorId: actor.staffId, action: 'dossier.file.link', entity: 'dossier_document', entityId: doc.id, before: null, after: { dossierId, expiresAt: link.expiresAt } }, now);
    return link;
  }

  /** The expiring signed link of a document's file (the portal shows these to the signed-in applicant; reads are audited). */
  signedLink(documentId: string, now: Date): { url: string; expiresAt: string } {
    const exp = Math.floor(now.getTime() / 1000) + Math.round(this.config.FILE_LINK_TTL_HOURS * 3600);
    return { url: `${this.config.PUBLIC_URL.replace(/\/$/, '')}/api/files/${documentId}?exp=${exp}&sig=${this.signature(documentId, exp)}`, expiresAt: new Date(exp * 1000).toISOString() };
  }

  /** A citizen's read through a signed link: the signature first, then the expiry; audited like a staff read. */
  async sendSigned(documentId: string, exp: number, sig: string, ip: string | undefined, res: ServerResponse, now: Date): Promise<void> {
    const expected = Buffer.from(this.signature(documentId, exp));
    const given = Buffer.from(sig);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      // 404 like a missing file: a guessed link learns nothing about which documents exist.
      throw new ApiError(404, ErrorCode.notFound, { vi: 'Liên kết không hợp lệ; hãy dùng đúng liên kết được gửi cho bạn', en: 'This link is not valid; use the exact link you were sent' });
    }
    if (exp * 1000 <= now.getTime()) {
      throw ApiError.linkExpired({ vi: 'Liên kết đã hết hạn; hãy liên hệ bộ phận một cửa để nhận liên kết mới', en: 'This link has expired; ask the service center for a new one' });
    }
    const db = this.database.db;
    const doc = await documentRepository.byIdOnly(db, documentId);
    if (!doc?.fileSha256) throw ApiError.notFound({ vi: 'tệp này', en: 'This file' });
    const d = await dossierRepository.byId(db, doc.dossierId);
    await auditRepository.append(db, { actorId: null, action: 'dossier.file.read', entity: 'dossier_document', entityId: doc.id, before: null, after: { dossierId: doc.dossierId, sha256: doc.fileSha256, via: 'signed_link' }, ip: ip ?? null }, now);
    await this.stream(doc, `${d!.code}-${doc.componentIndex !== null ? `tp${doc.componentIndex + 1}` : doc.kind}.pdf`, res);
  }

  /** `actor` null: the signed-in applicant uploading from the portal (the audit row says so). */
  async attachScan(dossierId: string, index: number, req: IncomingMessage, actor: Actor | null, now: Date): Promise<DossierComponent> {
    await this.component(dossierId, index);
    return this.attachReceived(dossierId, index, await receiveScan(req, this.maxFileBytes()), actor, now);
  }

  maxFileBytes(): number {
    return Math.floor(this.config.UPLOAD_MAX_FILE_MB * MB);
  }

  /** The checklist component a file is for (404 with what is missing). */
  async component(dossierId: string, index: number): Promise<DossierDocument> {
    const db = this.database.db;
    if (!(await dossierRepository.byId(db, dossierId))) throw notFound();
    const components = await documentRepository.components(db, dossierId);
    const component = components.find((c) => c.componentIndex === index);
    if (!component) {
      throw ApiError.notFound({ vi: `thành phần số ${index + 1} trong danh mục giấy tờ của hồ sơ này`, en: `Component ${index + 1} in this dossier's checklist` });
    }
    return component;
  }

  /** 413 when `size` more bytes for the component would take the dossier over its limit. */
  async checkDossierBudget(dossierId: string, componentId: string, size: number): Promise<void> {
    const maxDossier = Math.floor(this.config.UPLOAD_MAX_DOSSIER_MB * MB);
    const others = await documentRepository.totalBytes(this.database.db, dossierId, componentId);
    if (others + size > maxDossier) {
      throw ApiError.tooLarge(
        { vi: `Tổng dung lượng tệp của hồ sơ sẽ vượt ${this.config.UPLOAD_MAX_DOSSIER_MB} MB; hãy quét ở độ phân giải thấp hơn`, en: `The dossier's files would exceed ${this.config.UPLOAD_MAX_DOSSIER_MB} MB in total; scan at a lower resolution` },
        { limitBytes: maxDossier, usedBytes: others },
      );
    }
  }

  /**
   * A received file of record (multipart or resumable upload) into the FileStore and onto its
   * component, in one transaction; the temporary files are removed whatever happens.
   */
  async attachReceived(dossierId: string, index: number, scan: ReceivedScan, actor: Actor | null, now: Date): Promise<DossierComponent> {
    const db = this.database.db;
    try {
      const component = await this.component(dossierId, index);
      await this.checkDossierBudget(dossierId, component.id, scan.size);
      // Linked, not copied, when the store is a disk on the same filesystem; no second hashing pass when it was hashed on arrival.
      const stored = await this.store.putFile(scan.path, { maxBytes: this.maxFileBytes(), sha256: scan.sha256 });
      const row = await db.transaction(async (tx) => {
        const d = await dossierRepository.lock(tx, dossierId);
        if (!d) throw notFound();
        const locked = await documentRepository.componentForUpdate(tx, dossierId, index);
        if (!locked) throw notFound();
        const attached = await documentRepository.attach(tx, locked.id, { sha256: stored.sha256, size: stored.size, mime: 'application/pdf', pages: scan.pages, source: scan.source, signed: false }, actor?.staffId ?? null, now);
        await refreshDigitised(tx, dossierId, now);
        await auditRepository.append(tx, { actorId: actor?.staffId ?? null, action: 'dossier.file.attach', entity: 'dossier_document', entityId: locked.id, before: locked.fileSha256 ? { sha256: locked.fileSha256 } : null, after: { dossierId, sha256: stored.sha256, size: stored.size, pages: scan.pages, ...(actor ? {} : { via: 'citizen_portal' }) } }, now);
        return attached;
      });
      return componentView(row);
    } finally {
      await scan.cleanup();
    }
  }

  /** Files digitised before for the dossier's applicant (same ID number), in the caller's scope. */
  async reusable(dossierId: string, actor: Actor): Promise<ReusableDocument[]> {
    const db = this.database.db;
    const d = await dossierRepository.byId(db, dossierId);
    if (!d) throw notFound();
    if (!d.applicantIdNumber) return [];
    const rows = await documentRepository.reusable(db, centerFilterOf(actor), d.applicantIdNumber, d.id);
    return rows.map((r) => ({
      id: r.id, dossierId: r.dossier_id, dossierCode: r.dossier_code, kind: r.kind, name: r.name,
      file: { sha256: r.sha256, size: r.size, pages: r.pages, source: r.source, signed: r.signed, attachedAt: new Date(r.attached_at).toISOString() },
    }));
  }

  /** Attaches a file digitised before for the same applicant to a component, by reference (no new bytes): source `reuse`. */
  async reuse(dossierId: string, index: number, documentId: string, actor: Actor, now: Date): Promise<DossierComponent> {
    const db = this.database.db;
    const component = await this.component(dossierId, index);
    const offered = (await this.reusable(dossierId, actor)).find((r) => r.id === documentId);
    if (!offered) {
      throw ApiError.notFound({ vi: 'giấy tờ đã số hóa của cùng người nộp (cùng số định danh) trong phạm vi của bạn', en: 'A document digitised before for the same applicant (same ID number) within your scope' });
    }
    if (!(await this.store.stat(offered.file.sha256))) throw ApiError.notFound({ vi: 'nội dung tệp trong kho lưu trữ', en: 'The file in the store' });
    await this.checkDossierBudget(dossierId, component.id, offered.file.size);
    const row = await db.transaction(async (tx) => {
      if (!(await dossierRepository.lock(tx, dossierId))) throw notFound();
      const locked = await documentRepository.componentForUpdate(tx, dossierId, index);
      if (!locked) throw notFound();
      const attached = await documentRepository.attach(tx, locked.id, { sha256: offered.file.sha256, size: offered.file.size, mime: 'application/pdf', pages: offered.file.pages, source: 'reuse', signed: offered.file.signed }, actor.staffId, now);
      await refreshDigitised(tx, dossierId, now);
      await auditRepository.append(tx, { actorId: actor.staffId, action: 'dossier.file.reuse', entity: 'dossier_document', entityId: locked.id, before: locked.fileSha256 ? { sha256: locked.fileSha256 } : null, after: { dossierId, sha256: offered.file.sha256, fromDocumentId: offered.id, fromDossierId: offered.dossierId } }, now);
      return attached;
    });
    return componentView(row);
  }

  /** Streams a document's file to a member of staff in scope; the read is audited first. */
  async sendFile(dossierId: string, documentId: string, actor: Actor, ip: string | undefined, res: ServerResponse, now: Date): Promise<void> {
    const db = this.database.db;
    const [d, doc] = await Promise.all([dossierRepository.byId(db, dossierId), documentRepository.byId(db, dossierId, documentId)]);
    if (!d || !doc) throw ApiError.notFound({ vi: 'giấy tờ này của hồ sơ', en: 'This document of the dossier' });
    if (!doc.fileSha256) throw ApiError.notFound({ vi: 'tệp của giấy tờ này (chưa được quét)', en: 'A file for this document (not scanned yet)' });
    await auditRepository.append(db, { actorId: actor.staffId, action: 'dossier.file.read', entity: 'dossier_document', entityId: doc.id, before: null, after: { dossierId, sha256: doc.fileSha256 }, ip: ip ?? null }, now);
    await this.stream(doc, `${d.code}-${doc.componentIndex !== null ? `tp${doc.componentIndex + 1}` : doc.kind}.pdf`, res);
  }

  private async stream(doc: DossierDocument, filename: string, res: ServerResponse): Promise<void> {
    let body;
    try {
      body = await this.store.get(doc.fileSha256!);
    } catch (err) {
      if (err instanceof FileNotFoundError) throw ApiError.notFound({ vi: 'nội dung tệp trong kho lưu trữ', en: 'The file in the store' });
      throw err;
    }
    res.statusCode = 200;
    res.setHeader('Content-Type', doc.fileMime ?? 'application/pdf');
    res.setHeader('Content-Length', String(doc.fileSize));
    res.setHeader('Content-Disposition', `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`);
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    // A changed stored file fails the stream before its end: the client gets a cut answer, never bad bytes as good.
    body.on('error', () => res.destroy());
    body.pipe(res);
    await new Promise<void>((resolve) => res.on('close', () => resolve()));
  }
}
