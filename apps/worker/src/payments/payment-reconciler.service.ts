import { paymentOrderInfo } from '@motcua/core';
import { dossierRepository, paymentRepository, type DatabaseHandle } from '@motcua/db';
import { DeadlineScheduler, paymentGatewayFrom, type PaymentGateway } from '@motcua/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { CONFIG, type WorkerConfig } from '../config/config.js';
import { DATABASE, LOGGER } from '../infra/tokens.js';

/**
 * Reconciliation (issue #17): an IPN can be lost (network, the API down). Attempts still pending
 * after PAYMENT_RECONCILE_AFTER_MINUTES are asked about with querydr and settled by the same
 * repository code as the IPN (a late IPN then finds them settled and is answered "already
 * confirmed"); those the gateway never saw, or left unfinished, expire after PAYMENT_EXPIRE_AFTER_MINUTES.
 */
@Injectable()
export class PaymentReconciler {
  readonly #gateway: PaymentGateway | null;

  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(CONFIG) private readonly config: WorkerConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(DeadlineScheduler) private readonly deadlines: DeadlineScheduler,
  ) {
    this.#gateway = paymentGatewayFrom(config.payment);
  }

  async reconcile(now: Date): Promise<{ asked: number; paid: number; failed: number; expired: number; errors: number }> {
    const done = { asked: 0, paid: 0, failed: 0, expired: 0, errors: 0 };
    const gateway = this.#gateway;
    if (!gateway) return done;
    const { PAYMENT_RECONCILE_AFTER_MINUTES: after, PAYMENT_EXPIRE_AFTER_MINUTES: expireAfter } = this.config.payment;
    const db = this.database.db;
    const stale = await paymentRepository.stalePending(db, new Date(now.getTime() - after * 60_000), 50);
    for (const p of stale) {
      done.asked++;
      try {
        const d = await dossierRepository.byId(db, p.dossierId);
        const answer = await gateway.query({ txnRef: p.txnRef, createdAt: p.createdAt, orderInfo: paymentOrderInfo(p.purpose as 'fee' | 'obligation', d?.code ?? '') }, now);
        if (answer.state === 'paid' || answer.state === 'failed') {
          const outcome = await db.transaction((tx) => paymentRepository.settle(tx, answer.notice, 'reconciliation', now));
          if (outcome.kind === 'paid') {
            done.paid++;
            // The due time may have moved (an obligation's pause ended): alert jobs follow; a lost call is repaired by the sweep.
            await this.deadlines.sync(outcome.dossier.id).catch((e: Error) => this.logger.warn({ err: e }, 'deadline sync after reconciliation failed'));
          } else if (outcome.kind === 'failed') done.failed++;
          else if (outcome.kind === 'invalid_amount') this.logger.warn({ txnRef: p.txnRef }, 'querydr answered another amount than the attempt: left pending for a person to look at');
        } else if (now.getTime() - p.createdAt.getTime() >= expireAfter * 60_000) {
          if (await db.transaction((tx) => paymentRepository.expire(tx, p.id, answer.raw, now))) done.expired++;
        }
      } catch (e) {
        done.errors++;
        this.logger.warn({ err: e, txnRef: p.txnRef }, 'payment reconciliation: the gateway could not be asked');
      }
    }
    return done;
  }
}
