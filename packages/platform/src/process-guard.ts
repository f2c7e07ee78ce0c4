import type { Logger } from 'pino';

/** postgres.js 3.4.9 throws this from a timer when a write was queued on a connection that has just closed. */
const isPostgresWriteAfterClose = (e: unknown) =>
  e instanceof TypeError && /reading 'write'/.test(e.message) && /nextWrite/.test(e.stack ?? '') && /postgres[\\/]src[\\/]connection\.js/.test(e.stack ?? '');

/**
 * Uncaught exceptions end the process as one JSON log line (exit code 1; the supervisor starts it again),
 * except one known driver defect: postgres.js may throw from a setImmediate after a connection closed
 * (porsager/postgres#1154 and #1208, fixes proposed in #1168/#1209, not released). The queries of that
 * connection were already rejected with CONNECTION_CLOSED, so the throw has nothing left to report;
 * left alone it took the whole API down each time PostgreSQL restarted.
 */
export function guardProcess(logger: Logger): void {
  process.on('uncaughtException', (e) => {
    if (isPostgresWriteAfterClose(e)) {
      logger.warn({ err: e }, 'ignored a write on a closed PostgreSQL connection (postgres.js defect)');
      return;
    }
    logger.fatal({ err: e }, 'uncaught exception: stopping');
    process.exit(1);
  });
  process.on('unhandledRejection', (e) => {
    logger.fatal({ err: e }, 'unhandled rejection: stopping');
    process.exit(1);
  });
}
