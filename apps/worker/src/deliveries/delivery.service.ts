import { createHmac } from 'node:crypto';
import { JobName, type JobPayload } from '@motcua/contracts';
import { deliveryRepository, type DatabaseHandle } from '@motcua/db';
import { getQueueToken } from '@nestjs/bullmq';
import { QueueName } from '@motcua/contracts';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { Queue } from 'bullmq';
import nodemailer, { type Transporter } from 'nodemailer';
import { parseOutboundAllow, postGuarded } from '@motcua/platform';
import { CONFIG, type WorkerConfig } from '../config/config.js';
import { DATABASE } from '../infra/tokens.js';

const WEBHOOK_TIMEOUT_MS = 10_000;

/** `sha256=<hex>` of HMAC-SHA256(secret, "<timestamp>.<body>"): the receiver recomputes it and rejects old timestamps. */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** Email and signed-webhook deliveries: one job each, retried with exponential backoff, status kept in the row. */
@Injectable()
export class DeliveryService implements OnModuleDestroy {
  readonly #mail: Transporter | undefined;

  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(CONFIG) private readonly config: WorkerConfig,
    @Inject(getQueueToken(QueueName.deliveries)) private readonly queue: Queue,
  ) {
    this.#mail = config.SMTP_URL ? nodemailer.createTransport(config.SMTP_URL) : undefined;
  }

  get emailEnabled(): boolean {
    return !!this.#mail;
  }

  /** Idempotent: one job id per delivery, so enqueuing again (the sweep) adds nothing while one waits. */
  async enqueue(ids: readonly string[]): Promise<void> {
    if (!ids.length) return;
    await this.queue.addBulk(
      ids.map((deliveryId) => ({
        name: JobName.deliverySend,
        data: { deliveryId } satisfies JobPayload<typeof JobName.deliverySend>,
        opts: {
          jobId: `delivery-${deliveryId}`,
          attempts: this.config.DELIVERY_ATTEMPTS,
          backoff: { type: 'exponential', delay: this.config.DELIVERY_BACKOFF_MS },
          removeOnComplete: true,
          removeOnFail: { count: 5000 },
        },
      })),
    );
  }

  /** One attempt; throws to let BullMQ retry. `final` says whether this was the last attempt. */
  async send(deliveryId: string, final: boolean): Promise<'sent' | 'already_sent' | 'gone'> {
    const row = await deliveryRepository.get(this.database.db, deliveryId);
    if (!row) return 'gone';
    if (row.d.status === 'sent') return 'already_sent';
    try {
      if (row.d.channel === 'email') await this.email(row.d.target, row.n.title, row.n.body);
      else await this.webhook(row.d.target, row.webhook?.secret, { id: row.n.id, kind: row.n.kind, dossierId: row.n.dossierId, deadlineVersion: row.n.deadlineVersion, stage: row.n.stage, title: row.n.title, body: row.n.body, createdAt: row.n.createdAt.toISOString() });
    } catch (e) {
      await deliveryRepository.markFailedAttempt(this.database.db, deliveryId, (e as Error).message, final);
      throw e;
    }
    await deliveryRepository.markSent(this.database.db, deliveryId, new Date());
    return 'sent';
  }

  private async email(to: string, title: string, body: string): Promise<void> {
    if (!this.#mail) throw new Error('SMTP_URL is not set');
    await this.#mail.sendMail({ from: this.config.SMTP_FROM, to, subject: `[Một Cửa] ${title}`, text: body });
  }

  private async webhook(url: string, secret: string | undefined, payload: object): Promise<void> {
    if (!secret) throw new Error('The webhook was removed');
    const body = JSON.stringify(payload);
    const timestamp = String(Math.floor(Date.now() / 1000));
    // Checked again at sending (the name may resolve elsewhere now), connecting to the checked address.
    const res = await postGuarded(url, { 'x-motcua-timestamp': timestamp, 'x-motcua-signature': webhookSignature(secret, timestamp, body) }, body, { allow: parseOutboundAllow(this.config.OUTBOUND_ALLOW) }, WEBHOOK_TIMEOUT_MS);
    if (res.status < 200 || res.status >= 300) throw new Error(`HTTP ${res.status} from the webhook`);
  }

  onModuleDestroy(): void {
    this.#mail?.close();
  }
}
