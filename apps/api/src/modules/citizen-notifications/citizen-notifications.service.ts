import {
  CitizenChannel, CitizenEvent, Language, type CitizenDeliveryPage, type OptOutLink, type CitizenDeliveryQuery, type CitizenDeliveryStatus, type CitizenTemplate, type CitizenTemplateInput,
} from '@motcua/contracts';
import { CITIZEN_PLACEHOLDERS, defaultTemplate, maskTarget, unknownPlaceholders } from '@motcua/core';
import { citizenNotificationRepository, type DatabaseHandle } from '@motcua/db';
import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../../common/actor.js';
import { ApiError } from '../../common/api-error.js';
import { DATABASE } from '../../infra/tokens.js';
import { centerFilterOf } from '../../common/center-filter.js';

type Key = { event: CitizenEvent; channel: CitizenChannel; language: Language };
type Override = { subject: string; body: string; updatedAt: Date } | undefined;

/** Templates of messages to citizens (province admins), the delivery log, and the citizens' opt-out link. */
@Injectable()
export class CitizenNotificationsService {
  constructor(@Inject(DATABASE) private readonly database: DatabaseHandle) {}

  async templates(): Promise<CitizenTemplate[]> {
    const overrides = await citizenNotificationRepository.templates(this.database.db);
    const out: CitizenTemplate[] = [];
    for (const event of CitizenEvent) for (const channel of CitizenChannel) for (const language of Language) {
      out.push(this.view({ event, channel, language }, overrides.find((o) => o.event === event && o.channel === channel && o.language === language)));
    }
    return out;
  }

  async save(key: Key, input: CitizenTemplateInput, actor: Actor): Promise<CitizenTemplate> {
    const issues = (['subject', 'body'] as const).flatMap((field) => {
      const unknown = unknownPlaceholders(key.event, input[field]);
      if (!unknown.length) return [];
      const allowed = CITIZEN_PLACEHOLDERS[key.event].map((p) => `{{${p}}}`).join(', ');
      const names = unknown.map((p) => `{{${p}}}`).join(', ');
      return [{ path: `body.${field}`, message: { vi: `Không có chỗ điền ${names} cho sự kiện này; dùng: ${allowed}`, en: `${names} is not filled for this event; use: ${allowed}` } }];
    });
    if (key.channel === 'email' && !input.subject) issues.push({ path: 'body.subject', message: { vi: 'Email cần có tiêu đề', en: 'An email needs a subject' } });
    if (issues.length) throw ApiError.validation(issues);
    const row = await citizenNotificationRepository.saveTemplate(this.database.db, { ...key, subject: key.channel === 'email' ? input.subject : '', body: input.body, updatedById: actor.staffId });
    return this.view(key, row);
  }

  async reset(key: Key): Promise<CitizenTemplate> {
    await citizenNotificationRepository.removeTemplate(this.database.db, key);
    return this.view(key, undefined);
  }

  async deliveries(actor: Actor, q: CitizenDeliveryQuery): Promise<CitizenDeliveryPage> {
    const r = await citizenNotificationRepository.page(this.database.db, centerFilterOf(actor), q);
    return {
      items: r.items.map(({ d, centerName }) => ({
        id: d.id, event: d.event as CitizenEvent, channel: d.channel as CitizenChannel, language: d.language as Language, target: maskTarget(d.channel as CitizenChannel, d.target),
        reference: d.reference, centerName, status: d.status as CitizenDeliveryStatus, attempts: d.attempts, lastError: d.lastError,
        deliveredAt: d.deliveredAt?.toISOString() ?? null, createdAt: d.createdAt.toISOString(),
      })),
      total: r.total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  /** Read-only: a link scanner or a chat preview opening the link must not opt anyone out. */
  async optOutLink(token: string): Promise<OptOutLink> {
    const row = await citizenNotificationRepository.contactByToken(this.database.db, token);
    if (!row) throw ApiError.notFound({ vi: 'liên kết hủy nhận tin này', en: 'This opt-out link' });
    const [kind, value] = row.contact.split(/:(.*)/s) as ['phone' | 'email', string];
    // Phones are stored as 84…; shown as the citizen writes them (0…).
    const contact = kind === 'email' ? maskTarget('email', value) : maskTarget('sms', value.replace(/^84/, '0'));
    return { kind, contact, optedOut: !!row.optedOutAt };
  }

  async optOut(token: string, now: Date) {
    if (!(await citizenNotificationRepository.optOut(this.database.db, token, now))) throw ApiError.notFound({ vi: 'liên kết hủy nhận tin này', en: 'This opt-out link' });
    return {
      optedOut: true as const,
      message: { vi: 'Đã dừng gửi thông báo đến số điện thoại/địa chỉ này.', en: 'Messages to this phone number or address have been stopped.' },
    };
  }

  private view(key: Key, override: Override): CitizenTemplate {
    const text = override ?? defaultTemplate(key.event, key.channel, key.language);
    return {
      ...key, subject: text.subject, body: text.body, placeholders: [...CITIZEN_PLACEHOLDERS[key.event]], overridden: !!override, updatedAt: override?.updatedAt.toISOString() ?? null,
    };
  }
}
