import { routes } from '@motcua/contracts';
import { Controller, Inject, Req } from '@nestjs/common';
import type { Request } from 'express';
import { ApiRoute, Input, type ValidatedInput } from '../../common/api-route.decorator.js';
import { ApiError } from '../../common/api-error.js';
import { CONFIG, type ApiConfig } from '../../config/config.js';
import { VerifyService } from './verify.service.js';

/** Public verification of documents of record (the /verify page of the citizens' app). */
@Controller()
export class VerifyController {
  constructor(
    @Inject(VerifyService) private readonly verifier: VerifyService,
    @Inject(CONFIG) private readonly config: ApiConfig,
  ) {}

  @ApiRoute(routes.verifyDocument)
  byQr(@Input() input: ValidatedInput<{ documentId: string }>) {
    return this.verifier.verifyIssued(input.params.documentId);
  }

  @ApiRoute(routes.verifyUpload)
  async upload(@Req() req: Request) {
    const limit = Math.floor(this.config.UPLOAD_MAX_FILE_MB * 1024 * 1024);
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const c of req) {
      size += (c as Buffer).length;
      if (size > limit) throw ApiError.tooLarge({ vi: `Tệp vượt quá ${this.config.UPLOAD_MAX_FILE_MB} MB`, en: `The file is over ${this.config.UPLOAD_MAX_FILE_MB} MB` });
      chunks.push(c as Buffer);
    }
    const pdf = Buffer.concat(chunks);
    if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') {
      throw ApiError.unsupportedMedia({ vi: 'Hãy gửi tệp PDF (nội dung thân yêu cầu là tệp PDF)', en: 'Send a PDF file (the request body is the PDF itself)' });
    }
    return this.verifier.verifyUpload(pdf);
  }
}
