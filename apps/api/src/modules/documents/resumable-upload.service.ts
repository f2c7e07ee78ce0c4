import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ErrorCode, negotiateLocale } from '@motcua/contracts';
import { FileStore as TusFileStore } from '@tus/file-store';
import { Server } from '@tus/server';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Actor } from '../../common/actor.js';
import { ApiError } from '../../common/api-error.js';
import { CONFIG, type ApiConfig } from '../../config/config.js';
import { DocumentsService } from './documents.service.js';
import { fileOfRecord, ReceivedDigest } from './scan-upload.js';

type TusUpload = Awaited<ReturnType<TusFileStore['getUpload']>>;
interface Call {
  dossierId: string;
  index: number;
  actor: Actor;
  now: Date;
  locale: 'vi' | 'en';
}

const TUS_CODES: Record<number, ErrorCode> = { 404: ErrorCode.notFound, 410: ErrorCode.notFound, 409: ErrorCode.conflict, 413: ErrorCode.fileTooLarge, 415: ErrorCode.unsupportedMediaType, 423: ErrorCode.conflict };

/** The one error shape, as tus writes it (it answers the request itself). */
const tusError = (err: ApiError, locale: 'vi' | 'en') => ({ status_code: err.status, body: JSON.stringify({ error: { code: err.code, message: err.bilingual[locale], details: err.details } }) });

/**
 * Resumable uploads of component files with the tus protocol (creation, termination): the bytes
 * gather in a staging directory (UPLOAD_STAGING_DIR, default FILES_DIR/.tus; shared by every API instance) across dropped connections; when the last byte
 * arrives the file is checked like a normal upload (type by content, file and dossier limits),
 * moved into the FileStore and attached to its component, and the staged bytes are removed,
 * refused or not. The routes (and so sign-in and scope) are the contract's; this only speaks tus.
 */
@Injectable()
export class ResumableUploadService {
  private readonly logger = new Logger('ResumableUploadService');
  private readonly calls = new AsyncLocalStorage<Call>();
  private readonly staging: TusFileStore;
  private readonly server: Server;
  private readonly busy = new Set<string>();

  constructor(
    @Inject(DocumentsService) private readonly documents: DocumentsService,
    @Inject(CONFIG) config: ApiConfig,
  ) {
    this.staging = new TusFileStore({ directory: path.resolve(config.UPLOAD_STAGING_DIR ?? path.join(config.FILES_DIR, '.tus')), expirationPeriodInMilliseconds: 24 * 3600_000 });
    this.server = new Server({
      path: '/api/uploads',
      datastore: this.staging,
      relativeLocation: true,
      maxSize: () => this.documents.maxFileBytes(),
      // The upload's URL is under its dossier and component, so the contract's scope check applies to every request.
      generateUrl: (_req, { id }) => {
        const call = this.call();
        return `/api/dossiers/${call.dossierId}/components/${call.index}/uploads/${id}`;
      },
      getFileIdFromRequest: (_req, last) => last,
      onUploadCreate: async (_req, upload) => {
        const call = this.call();
        const component = await this.documents.component(call.dossierId, call.index).catch((e: unknown) => this.refuse(e));
        if (upload.size !== undefined) await this.documents.checkDossierBudget(call.dossierId, component.id, upload.size).catch((e: unknown) => this.refuse(e));
        return { metadata: { ...upload.metadata, dossierId: call.dossierId, index: String(call.index), staffId: call.actor.staffId } };
      },
      onIncomingRequest: async (req, uploadId) => {
        if (req.method === 'POST') return;
        const call = this.call();
        const upload = await this.staging.getUpload(uploadId).catch(() => null);
        // An upload belongs to one dossier's component: another URL for it is not found.
        if (upload && (upload.metadata?.dossierId !== call.dossierId || upload.metadata?.index !== String(call.index))) {
          throw tusError(ApiError.notFound({ vi: 'lượt tải lên này của thành phần hồ sơ', en: "This upload of the dossier's component" }), call.locale);
        }
      },
      onUploadFinish: async (_req, upload) => {
        const call = this.call();
        const component = await this.finish(upload, call).catch((e: unknown) => this.refuse(e));
        return { status_code: 200, headers: { 'Content-Type': 'application/json; charset=utf-8' }, body: JSON.stringify(component) };
      },
      // tus's own refusals (unknown upload, wrong offset, over the size…) in the one error shape.
      onResponseError: (_req, err) => {
        if (!('status_code' in err)) {
          this.logger.error({ err }, 'resumable upload failed');
          return undefined;
        }
        if (err.status_code >= 500 || err.body.startsWith('{"error"')) return undefined;
        const call = this.calls.getStore();
        return tusError(new ApiError(err.status_code, TUS_CODES[err.status_code] ?? ErrorCode.validation, { vi: `Tải lên không tiếp tục được: ${err.body.trim()}`, en: `The upload cannot go on: ${err.body.trim()}` }), call?.locale ?? 'vi');
      },
    });
  }

  private call(): Call {
    const call = this.calls.getStore();
    if (!call) throw new Error('resumable upload outside a request');
    return call;
  }

  /** An ApiError becomes the tus answer in the one error shape; anything else stays an error (500, logged). */
  private refuse(e: unknown): never {
    if (e instanceof ApiError) throw tusError(e, this.call().locale);
    throw e;
  }

  /** Serves one tus request for a component of a dossier (after the route guard checked sign-in and scope). */
  async handle(req: IncomingMessage, res: ServerResponse, at: { dossierId: string; index: number }, actor: Actor, now: Date): Promise<void> {
    if (req.method === 'GET') throw ApiError.notFound({ vi: 'nội dung của lượt tải lên (hãy dùng HEAD để biết số byte đã nhận)', en: 'The content of an upload (use HEAD for the bytes received)' });
    // What tus would refuse in plain text, refused here in the one error shape.
    if (req.headers['tus-resumable'] !== '1.0.0') {
      throw new ApiError(412, ErrorCode.validation, { vi: 'Thiếu tiêu đề Tus-Resumable: 1.0.0 (dùng một ứng dụng tải lên theo giao thức tus)', en: 'Send the header Tus-Resumable: 1.0.0 (use a tus upload client)' });
    }
    if (req.method === 'PATCH' && req.headers['content-type'] !== 'application/offset+octet-stream') {
      throw ApiError.unsupportedMedia({ vi: 'Phần dữ liệu tải lên phải có Content-Type: application/offset+octet-stream', en: 'Upload bytes must be sent as Content-Type: application/offset+octet-stream' });
    }
    for (const name of ['upload-length', 'upload-offset'] as const) {
      const value = req.headers[name];
      if (value !== undefined && !/^\d{1,15}$/.test(String(value))) throw ApiError.validation([{ path: `headers.${name}`, message: { vi: 'phải là số byte (số nguyên không âm)', en: 'must be a number of bytes (a non-negative integer)' } }]);
    }
    const locale = negotiateLocale(req.headers['accept-language']);
    const call = { ...at, actor, now, locale };
    // PATCH is served here on the Node stream (backpressure to the socket: a 100 MB upload never
    // gathers in memory, which the web-stream path of @tus/server does); the rest is tus's.
    if (req.method === 'PATCH') return this.calls.run(call, () => this.patch(req, res, call));
    await this.calls.run(call, () => this.server.handle(req, res));
  }

  /** tus PATCH (core protocol): bytes from Upload-Offset appended to the staged file; the last one finishes the upload. */
  private async patch(req: IncomingMessage, res: ServerResponse, call: Call): Promise<void> {
    const id = (req.url ?? '').split('?')[0]!.split('/').pop()!;
    const upload = await this.staging.getUpload(id).catch(() => null);
    if (!upload || upload.metadata?.dossierId !== call.dossierId || upload.metadata?.index !== String(call.index)) {
      throw ApiError.notFound({ vi: 'lượt tải lên này của thành phần hồ sơ', en: "This upload of the dossier's component" });
    }
    const offset = Number(req.headers['upload-offset']);
    if (req.headers['upload-offset'] === undefined || offset !== upload.offset) {
      throw ApiError.conflict({ vi: `Vị trí tải tiếp không khớp: máy chủ đã nhận ${upload.offset} byte`, en: `The offset does not match: the server holds ${upload.offset} bytes` }, { offset: upload.offset });
    }
    if (this.busy.has(id)) throw new ApiError(423, ErrorCode.conflict, { vi: 'Lượt tải lên này đang nhận dữ liệu; hãy thử lại sau', en: 'This upload is receiving bytes already; try again shortly' });
    this.busy.add(id);
    let written: number;
    const digest = new ReceivedDigest();
    try {
      const size = upload.size ?? Infinity;
      let received = 0;
      // An upload sent whole in this request is hashed as it arrives (the usual case): its file is never read again.
      const on = offset === 0 ? digest : undefined;
      const limited = new Transform({
        transform(chunk: Buffer, _e, cb) {
          received += chunk.length;
          if (offset + received > size) return cb(new Error('over the declared length'));
          on?.update(chunk);
          cb(null, chunk);
        },
      });
      // pipe() does not pass on a dropped connection: end the write with it, or it would wait for ever.
      req.once('error', (e) => limited.destroy(e));
      req.once('close', () => {
        if (!req.complete) limited.destroy(new Error('the connection dropped mid-upload'));
      });
      // A dropped connection keeps what reached the disk: HEAD gives the offset to resume from (the staged file's size).
      // Written here rather than by tus's store: a 1 MB write buffer lets the socket keep reading while the disk writes
      // (its 16 KB one stalls the socket on every write, half the throughput); the staged file is the same.
      const out = createWriteStream(path.join(this.staging.directory, id), { flags: 'r+', start: offset, highWaterMark: 1024 * 1024 });
      await pipeline(req, limited, out).catch(async (e: unknown) => {
        if (offset + received > size) throw ApiError.tooLarge({ vi: 'Gửi nhiều hơn độ dài đã khai (Upload-Length)', en: 'More bytes than the declared Upload-Length' });
        throw e;
      });
      written = offset + received;
    } finally {
      this.busy.delete(id);
    }
    res.setHeader('Tus-Resumable', '1.0.0');
    res.setHeader('Upload-Offset', String(written));
    if (upload.size !== undefined && written === upload.size) {
      const component = await this.finish({ ...upload, offset: written } as TusUpload, call, offset === 0 && digest.bytes === written ? digest.end() : undefined);
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(component));
      return;
    }
    res.writeHead(204);
    res.end();
  }

  /** The complete upload: checked, moved into the FileStore, attached; its staged bytes removed whatever the outcome. */
  private async finish(upload: TusUpload, call: Call, arrived?: { sha256: string; pageMarkers: number }) {
    const staged = path.join(this.staging.directory, upload.id);
    const dir = path.join(os.tmpdir(), 'motcua-uploads', randomUUID());
    await mkdir(dir, { recursive: true });
    const cleanup = async () => {
      await rm(dir, { recursive: true, force: true });
      await this.staging.remove(upload.id).catch(() => undefined);
    };
    try {
      const name = (upload.metadata?.filename ?? upload.metadata?.name ?? 'upload').slice(0, 120);
      const scan = await fileOfRecord([{ name, path: staged, size: upload.size ?? upload.offset, ...arrived }], dir, this.documents.maxFileBytes(), cleanup);
      return await this.documents.attachReceived(call.dossierId, call.index, scan, call.actor, call.now);
    } catch (err) {
      await cleanup();
      throw err;
    }
  }
}
