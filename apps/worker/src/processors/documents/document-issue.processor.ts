import { JobName, QueueName } from '@motcua/contracts';
import { Processor } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DocumentIssuer, type IssueResult } from '../../documents/document-issuer.service.js';
import { JobHost, parsePayload } from '../job-handler.js';

/** A document of record's wake-up call: the issuer re-reads the event and writes the document once. */
@Processor(QueueName.documents)
export class DocumentIssueProcessor extends JobHost {
  static readonly handles = [JobName.documentIssue] as const;

  constructor(@Inject(DocumentIssuer) private readonly issuer: DocumentIssuer) {
    super();
  }

  handle(job: Job): Promise<IssueResult> {
    return this.issuer.issue(parsePayload(job, JobName.documentIssue));
  }
}
