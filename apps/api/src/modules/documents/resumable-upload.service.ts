import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { negotiateLocale } from '@motcua/contracts';
import { FileStore as TusFileStore } from '@tus/file-store';
import { Server } from '@tus/server';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Actor } from '../../common/actor.js';
import { ApiError } from '../../common/api-error.js';
import { CONFIG, type ApiConfig } from '../../config/config.js';
import { DocumentsService } from './documents.service.js';
import { fileOfRecord } from './scan-upload.js';

type TusUpload = Awaited<ReturnType<TusFileStore['getUpload']>>;
interface Call {
  dossierId: string;
  index: number;
  actor: Actor;
  now: Date;
  locale: 'vi' | 'en';
}

/** The one error shape, as tus writes it (it answers the request itself). */
const tusError = (err: ApiError, locale: 'vi' | 'en') => ({ status_code: err.status, body: JSON.stringify({ error: { code: err.code, message: err.bilingual[locale], details: err.details } }) });

/**
 * Resumable uploads of component files with the tus protocol (creation, termination): the bytes
 * gather in a staging directory (FILES_DIR/.tus) across dropped connections; when the last byte
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

  constructor(
    @Inject(DocumentsService) private readonly documents: DocumentsService,
    @Inject(CONFIG) config: ApiConfig,
  ) {
    this.staging = new TusFileStore({ directory: path.join(path.resolve(config.FILES_DIR), '.tus'), expirationPeriodInMilliseconds: 24 * 3600_000 });
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
      onResponseError: (_req, err) => {
        if ('status_code' in err) return undefined;
        this.logger.error({ err }, 'resumable upload failed');
        return undefined;
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
    const locale = negotiateLocale(req.headers['accept-language']);
    await this.calls.run({ ...at, actor, now, locale }, () => this.server.handle(req, res));
  }

  /** The complete upload: checked, moved into the FileStore, attached; its staged bytes removed whatever the outcome. */
  private async finish(upload: TusUpload, call: Call) {
    const staged = path.join(this.staging.directory, upload.id);
    const dir = path.join(os.tmpdir(), 'motcua-uploads', randomUUID());
    await mkdir(dir, { recursive: true });
    const cleanup = async () => {
      await rm(dir, { recursive: true, force: true });
      await this.staging.remove(upload.id).catch(() => undefined);
    };
    try {
      const name = (upload.metadata?.filename ?? upload.metadata?.name ?? 'upload').slice(0, 120);
      const scan = await fileOfRecord([{ name, path: staged, size: upload.size ?? upload.offset }], dir, this.documents.maxFileBytes(), cleanup);
      return await this.documents.attachReceived(call.dossierId, call.index, scan, call.actor, call.now);
    } catch (err) {
      await cleanup();
      throw err;
    }
  }
}
