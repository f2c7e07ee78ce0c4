import { JobName, type Ping } from '@motcua/contracts';
import { systemPingRepository, type DatabaseHandle, type SystemPing } from '@motcua/db';
import { DependencyWatch, JobProducer } from '@motcua/platform';
import { Inject, Injectable } from '@nestjs/common';
import { ApiError } from '../../common/api-error.js';
import { AfterCommit } from '../../infra/after-commit.js';
import { DATABASE } from '../../infra/tokens.js';

export const toPing = (row: SystemPing): Ping => ({
  id: row.id,
  message: row.message,
  createdAt: row.createdAt.toISOString(),
  processedAt: row.processedAt?.toISOString() ?? null,
});

/** The end-to-end self-test: a row in Postgres, a job for the worker, an event back to the browser. */
@Injectable()
export class SystemService {
  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(JobProducer) private readonly jobs: JobProducer,
    @Inject(DependencyWatch) private readonly watch: DependencyWatch,
    @Inject(AfterCommit) private readonly later: AfterCommit,
  ) {}

  async createPing(message: string): Promise<Ping> {
    // The self-test needs the worker's queue: say so before writing anything, rather than accept a ping nobody will answer.
    if (!this.watch.isUp('redis')) throw ApiError.unavailable();
    // One statement commits on its own: BEGIN and COMMIT around it would triple the round trips.
    const row = await systemPingRepository.insert(this.database.db, message);
    // After commit: the worker must find the row when the job runs.
    await this.later.run('self-test job', () => this.jobs.enqueue(JobName.systemPing, { pingId: row.id }, { jobId: `ping-${row.id}` }));
    return toPing(row);
  }

  async getPing(id: string): Promise<Ping> {
    const row = await systemPingRepository.findById(this.database.db, id);
    if (!row) throw ApiError.notFound({ vi: 'ping này', en: 'This ping' });
    return toPing(row);
  }
}
