import { routes } from '@motcua/contracts';
import { Controller, Inject, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Actor } from '../../common/actor.js';
import { ApiRoute, Input, type ValidatedInput } from '../../common/api-route.decorator.js';
import { CurrentActor } from '../../common/current-actor.decorator.js';
import { Now } from '../../common/now.decorator.js';
import { DocumentsService } from './documents.service.js';
import { ResumableUploadService } from './resumable-upload.service.js';

@Controller()
export class DocumentsController {
  constructor(
    @Inject(DocumentsService) private readonly documents: DocumentsService,
    @Inject(ResumableUploadService) private readonly resumable: ResumableUploadService,
  ) {}

  @ApiRoute(routes.uploadComponentFile)
  upload(@Input() input: ValidatedInput<{ id: string; index: number }>, @Req() req: Request, @CurrentActor() actor: Actor, @Now() now: Date) {
    return this.documents.attachScan(input.params.id, input.params.index, req, actor, now);
  }

  @ApiRoute(routes.listReusableDocuments)
  reusable(@Input() input: ValidatedInput<{ id: string }>, @CurrentActor() actor: Actor) {
    return this.documents.reusable(input.params.id, actor);
  }

  @ApiRoute(routes.reuseDocument)
  reuse(@Input() input: ValidatedInput<{ id: string; index: number }, unknown, { documentId: string }>, @CurrentActor() actor: Actor, @Now() now: Date) {
    return this.documents.reuse(input.params.id, input.params.index, input.body.documentId, actor, now);
  }

  // The four tus requests of a resumable upload; tus writes the answers (HEAD reaches the GET route).
  @ApiRoute(routes.createResumableUpload)
  async createUpload(@Input() input: ValidatedInput<{ id: string; index: number }>, @Req() req: Request, @Res() res: Response, @CurrentActor() actor: Actor, @Now() now: Date) {
    await this.resumable.handle(req, res, { dossierId: input.params.id, index: input.params.index }, actor, now);
  }

  @ApiRoute(routes.resumableUploadOffset)
  async uploadOffset(@Input() input: ValidatedInput<{ id: string; index: number }>, @Req() req: Request, @Res() res: Response, @CurrentActor() actor: Actor, @Now() now: Date) {
    await this.resumable.handle(req, res, { dossierId: input.params.id, index: input.params.index }, actor, now);
  }

  @ApiRoute(routes.resumeUpload)
  async resumeUpload(@Input() input: ValidatedInput<{ id: string; index: number }>, @Req() req: Request, @Res() res: Response, @CurrentActor() actor: Actor, @Now() now: Date) {
    await this.resumable.handle(req, res, { dossierId: input.params.id, index: input.params.index }, actor, now);
  }

  @ApiRoute(routes.cancelUpload)
  async cancelUpload(@Input() input: ValidatedInput<{ id: string; index: number }>, @Req() req: Request, @Res() res: Response, @CurrentActor() actor: Actor, @Now() now: Date) {
    await this.resumable.handle(req, res, { dossierId: input.params.id, index: input.params.index }, actor, now);
  }

  @ApiRoute(routes.createFileLink)
  link(@Input() input: ValidatedInput<{ id: string; documentId: string }>, @CurrentActor() actor: Actor, @Now() now: Date) {
    return this.documents.createLink(input.params.id, input.params.documentId, actor, now);
  }

  @ApiRoute(routes.readSignedFile)
  async signed(@Input() input: ValidatedInput<{ documentId: string }, { exp: number; sig: string }>, @Req() req: Request, @Res() res: Response, @Now() now: Date) {
    await this.documents.sendSigned(input.params.documentId, input.query.exp, input.query.sig, req.ip, res, now);
  }

  @ApiRoute(routes.readDocumentFile)
  async read(@Input() input: ValidatedInput<{ id: string; documentId: string }>, @Req() req: Request, @Res() res: Response, @CurrentActor() actor: Actor, @Now() now: Date) {
    await this.documents.sendFile(input.params.id, input.params.documentId, actor, req.ip, res, now);
  }
}
