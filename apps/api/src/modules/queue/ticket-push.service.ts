import { JobName, type PushSubscriptionRequest } from '@motcua/contracts';
import { pushRepository, ticketRepository, type DatabaseHandle } from '@motcua/db';
import { checkOutboundShape, JobProducer, OutboundRefused, parseOutboundAllow } from '@motcua/platform';
import { Inject, Injectable } from '@nestjs/common';
import { ApiError } from '../../common/api-error.js';
import { CONFIG, type ApiConfig } from '../../config/config.js';
import { AfterCommit } from '../../infra/after-commit.js';
import { DATABASE } from '../../infra/tokens.js';

/** Phones (and browsers) one ticket may notify: enough for a family, not a fan-out tool. */
export const MAX_PUSH_PER_TICKET = 5;

/** Web Push for a ticket (#17): the public key, and saving a phone's subscription. The worker sends. */
@Injectable()
export class TicketPushService {
  readonly #allow: string[];

  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(CONFIG) private readonly config: ApiConfig,
    @Inject(JobProducer) private readonly jobs: JobProducer,
    @Inject(AfterCommit) private readonly afterCommit: AfterCommit,
  ) {
    this.#allow = parseOutboundAllow(config.OUTBOUND_ALLOW);
  }

  key() {
    return { publicKey: this.config.VAPID_PUBLIC_KEY ?? null };
  }

  async subscribe(code: string, body: PushSubscriptionRequest) {
    if (!this.config.VAPID_PUBLIC_KEY) throw ApiError.conflict({ vi: 'Trung tâm chưa bật thông báo trên điện thoại. Xin mời theo dõi số trên trang này.', en: 'Phone notifications are not enabled here. Please follow your number on this page.' });
    this.checkEndpoint(body.endpoint);
    const row = await ticketRepository.byTrackingCode(this.database.db, code);
    if (!row) throw ApiError.notFound({ vi: 'vé có mã theo dõi này', en: 'A ticket with this tracking code' });
    const { ticket } = row;
    if (!['waiting', 'called'].includes(ticket.status)) throw ApiError.conflict({ vi: 'Vé này không còn chờ gọi nên không cần nhận thông báo.', en: 'This ticket is no longer waiting, so there is nothing to notify.' });
    const saved = await this.database.db.transaction((tx) =>
      pushRepository.save(tx, { id: ticket.id, centerId: ticket.centerId }, { endpoint: body.endpoint, p256dh: body.keys.p256dh, auth: body.keys.auth, language: body.language }, MAX_PUSH_PER_TICKET),
    );
    if (!saved) throw ApiError.conflict({ vi: `Vé này đã có ${MAX_PUSH_PER_TICKET} thiết bị nhận thông báo; không thêm được nữa.`, en: `This ticket already notifies ${MAX_PUSH_PER_TICKET} devices; no more can be added.` });
    // A phone that subscribes near the front hears "3 ahead" right away rather than at the next call.
    await this.afterCommit.run('push on subscribe', () => this.jobs.enqueue(JobName.pushNotify, { centerId: ticket.centerId }));
    return { code: ticket.code, subscribed: true as const };
  }

  /** Push services are public https endpoints; plain http only to a host the administrator allows (local tests and demos). */
  private checkEndpoint(endpoint: string): void {
    const invalid = (vi: string, en: string) => ApiError.validation([{ path: 'body.endpoint', message: { vi, en } }]);
    let url: URL;
    try {
      url = checkOutboundShape(endpoint, { allow: this.#allow });
    } catch (e) {
      if (e instanceof OutboundRefused) throw invalid(e.reason.vi, e.reason.en);
      throw e;
    }
    if (url.protocol !== 'https:' && !this.#allow.includes(url.hostname.replace(/^\[|\]$/g, '').toLowerCase())) throw invalid('Địa chỉ nhận thông báo phải là https://', 'The push endpoint must be an https:// address');
  }
}
