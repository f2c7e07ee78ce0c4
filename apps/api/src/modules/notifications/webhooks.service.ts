import { randomBytes } from 'node:crypto';
import type { Webhook } from '@motcua/contracts';
import { auditRepository, webhookRepository, type DatabaseHandle, type WebhookRow } from '@motcua/db';
import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../../common/actor.js';
import { ApiError } from '../../common/api-error.js';
import { DATABASE } from '../../infra/tokens.js';
import { checkOutboundUrl, OutboundRefused, parseOutboundAllow } from '@motcua/platform';
import { CONFIG, type ApiConfig } from '../../config/config.js';

const toWebhook = (w: WebhookRow): Webhook => ({ id: w.id, unitId: w.unitId, url: w.url, active: w.active, createdAt: w.createdAt.toISOString() });

/** Where a unit's alerts are posted, signed (HMAC-SHA256) with a secret only the receiver keeps. */
@Injectable()
export class WebhooksService {
  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(CONFIG) private readonly config: ApiConfig,
  ) {}

  async list(unitId: string): Promise<Webhook[]> {
    return (await webhookRepository.forUnit(this.database.db, unitId)).map(toWebhook);
  }

  async create(unitId: string, url: string, actor: Actor, ip?: string): Promise<{ webhook: Webhook; secret: string }> {
    // No webhook into the server's own network: checked here, and again by the worker when sending.
    try {
      await checkOutboundUrl(url, { allow: parseOutboundAllow(this.config.OUTBOUND_ALLOW) });
    } catch (e) {
      if (e instanceof OutboundRefused) throw ApiError.validation([{ path: 'body.url', message: e.reason }]);
      throw e;
    }
    const secret = randomBytes(32).toString('base64url');
    const row = await this.database.db.transaction(async (tx) => {
      const created = await webhookRepository.create(tx, { unitId, url, secret });
      await auditRepository.append(tx, { actorId: actor.staffId, action: 'webhook.create', entity: 'alert_webhook', entityId: created.id, before: null, after: toWebhook(created), ip });
      return created;
    });
    return { webhook: toWebhook(row), secret };
  }

  async disable(unitId: string, id: string, actor: Actor, ip?: string): Promise<Webhook> {
    const row = await this.database.db.transaction(async (tx) => {
      const updated = await webhookRepository.disable(tx, unitId, id);
      if (updated) await auditRepository.append(tx, { actorId: actor.staffId, action: 'webhook.disable', entity: 'alert_webhook', entityId: id, before: { active: true }, after: { active: false }, ip });
      return updated;
    });
    if (!row) throw ApiError.notFound({ vi: 'webhook này của đơn vị', en: 'This webhook of the unit' });
    return toWebhook(row);
  }
}
