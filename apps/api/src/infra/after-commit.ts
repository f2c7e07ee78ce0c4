import { DependencyWatch } from '@motcua/platform';
import { Inject, Injectable, Logger } from '@nestjs/common';

const TIMEOUT_MS = 1500;

/**
 * Work a command asks of Redis once it has committed (alert schedules, jobs): the command's
 * answer is its commit's answer, whatever happens here. Skipped while Redis is known down and
 * abandoned after a short wait; each such piece is repaired later (the worker's sweep re-plans
 * alerts and re-requests lost notifications, the analytics rollup runs every minute).
 */
@Injectable()
export class AfterCommit {
  private readonly logger = new Logger('AfterCommit');

  constructor(@Inject(DependencyWatch) private readonly watch: DependencyWatch) {}

  async run(what: string, work: () => Promise<unknown>): Promise<void> {
    if (!this.watch.isUp('redis')) return;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([work(), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS)))]);
    } catch (e) {
      // During an outage the watch has said it once; otherwise say what was left for the repair.
      if (this.watch.isUp('redis')) this.logger.warn({ what, err: e }, `${what}: left for the repair pass`);
    } finally {
      clearTimeout(timer);
    }
  }
}
