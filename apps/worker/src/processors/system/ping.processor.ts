import { JobName, Namespace, QueueName, Room, ServerEvent } from '@motcua/contracts';
import { systemPingRepository, type DatabaseHandle } from '@motcua/db';
import { RealtimePublisher } from '@motcua/platform';
import { Processor } from '@nestjs/bullmq';
import { Inject, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DATABASE } from '../../infra/tokens.js';
import { JobHost, parsePayload } from '../job-handler.js';

/** The worker's half of the self-test: record that the ping got here and tell the browsers. */
@Processor(QueueName.system)
export class PingProcessor extends JobHost {
  static readonly handles = [JobName.systemPing] as const;
  private readonly logger = new Logger(PingProcessor.name);

  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(RealtimePublisher) private readonly realtime: RealtimePublisher,
  ) {
    super();
  }

  async handle(job: Job): Promise<{ processedAt: string } | undefined> {
    const { pingId } = parsePayload(job, JobName.systemPing);
    // The job only wakes us up; the database says what there is to do.
    const row = await systemPingRepository.markProcessed(this.database.db, pingId, new Date());
    if (!row) return undefined;
    // An operator's self-test is rare and worth a line: it shows the request id reached the worker.
    this.logger.log(`self-test ping ${row.id} answered`);
    await this.realtime.publish(Namespace.staff, Room.system, ServerEvent.systemPong, {
      id: row.id,
      message: row.message,
      createdAt: row.createdAt.toISOString(),
      processedAt: row.processedAt!.toISOString(),
    });
    return { processedAt: row.processedAt!.toISOString() };
  }
}
