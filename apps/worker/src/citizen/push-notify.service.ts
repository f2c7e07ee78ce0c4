import { JobName, type JobPayload, type Language } from '@motcua/contracts';
import { pushMessage, type PushMessage } from '@motcua/core';
import { pushRepository, type DatabaseHandle, type PushKind } from '@motcua/db';
import { parseOutboundAllow, postGuarded, type OutboundPolicy } from '@motcua/platform';
import { Inject, Injectable, Logger } from '@nestjs/common';
import webpush from 'web-push';
import { CONFIG, type WorkerConfig } from '../config/config.js';
import { DATABASE } from '../infra/tokens.js';

const TIMEOUT_MS = 10_000;
/** How long a push service keeps a message for a phone that is offline: a call is stale after this. */
const TTL_SECONDS = 15 * 60;

type Target = { id: string; endpoint: string; p256dh: string; auth: string; language: string };

/**
 * Web Push to the phones following tickets (#17). The job is a wake-up call: the database says
 * who is near the front and who is called, and a once-key per subscription and message (a row,
 * claimed before sending) makes each message go out once whatever the number of jobs, workers
 * and retries. The message is encrypted (aes128gcm) and signed (VAPID) by `web-push`; the request
 * goes through the outbound guard like every other delivery.
 */
@Injectable()
export class PushNotifyService {
  private readonly logger = new Logger('PushNotify');
  readonly #policy: OutboundPolicy;

  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(CONFIG) private readonly config: WorkerConfig,
  ) {
    this.#policy = { allow: parseOutboundAllow(config.OUTBOUND_ALLOW) };
  }

  get enabled(): boolean {
    return Boolean(this.config.VAPID_PUBLIC_KEY && this.config.VAPID_PRIVATE_KEY);
  }

  async run(job: JobPayload<typeof JobName.pushNotify>): Promise<{ sent: number; failed: number }> {
    if (!this.enabled) return { sent: 0, failed: 0 };
    const db = this.database.db;
    const tally = { sent: 0, failed: 0 };
    let retry: Error | undefined;
    const deliver = async (target: Target, kind: PushKind, message: PushMessage) => {
      if (!(await pushRepository.claim(db, target.id, kind))) return;
      try {
        const outcome = await this.send(target, message);
        if (outcome === 'gone') await pushRepository.remove(db, target.id);
        else tally.sent++;
      } catch (e) {
        tally.failed++;
        // Given back so the retry of this job sends it; every other message of the job stays sent.
        await pushRepository.release(db, target.id, kind);
        retry = e as Error;
      }
    };
    if (job.calledTicketId) {
      for (const t of await pushRepository.ofCalled(db, job.calledTicketId)) await deliver(t, 'called', pushMessage({ kind: 'called', code: t.code, counter: t.counterLabel }, t.language as Language));
    }
    for (const t of await pushRepository.nearTheFront(db, job.centerId)) await deliver(t, 'three_ahead', pushMessage({ kind: 'ahead', code: t.code, ahead: t.ahead }, t.language as Language));
    if (retry) throw retry;
    return tally;
  }

  /** One encrypted, signed POST; 'gone' when the push service says the subscription no longer exists. */
  private async send(t: Target, message: PushMessage): Promise<'sent' | 'gone'> {
    const request = webpush.generateRequestDetails({ endpoint: t.endpoint, keys: { p256dh: t.p256dh, auth: t.auth } }, JSON.stringify(message), {
      vapidDetails: { subject: this.config.VAPID_SUBJECT, publicKey: this.config.VAPID_PUBLIC_KEY!, privateKey: this.config.VAPID_PRIVATE_KEY! },
      TTL: TTL_SECONDS,
      contentEncoding: 'aes128gcm',
      urgency: 'high',
    });
    const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
    const res = await postGuarded(request.endpoint, headers, request.body as Buffer, this.#policy, TIMEOUT_MS);
    if (res.status === 404 || res.status === 410) return 'gone';
    if (res.status < 200 || res.status >= 300) {
      this.logger.warn(`push service answered HTTP ${res.status}`);
      throw new Error(`HTTP ${res.status} from ${new URL(t.endpoint).host}`);
    }
    return 'sent';
  }
}
