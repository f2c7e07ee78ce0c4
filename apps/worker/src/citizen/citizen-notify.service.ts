import { randomBytes } from 'node:crypto';
import { JobName, QueueName, type CitizenChannel, type CitizenEvent, type JobPayload, type Language } from '@motcua/contracts';
import { CITIZEN_DOSSIER_EVENT_KINDS, citizenEventOf, isTicketEvent, defaultTemplate, dueAfterPaymentText, formatItems, formatVnd, maskTarget, optOutFooter, renderTemplate } from '@motcua/core';
import { citizenNotificationRepository, type DatabaseHandle, type NewCitizenDelivery } from '@motcua/db';
import { defaultJobOptions } from '@motcua/platform';
import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { CONFIG, type WorkerConfig } from '../config/config.js';
import { DATABASE } from '../infra/tokens.js';
import { citizenProviders, type CitizenProvider } from './providers.js';

type Notify = JobPayload<typeof JobName.citizenNotify>;
/** Who is told about what: contacts, language, the values of the placeholders, and whose log shows it. */
interface Occasion {
  phone: string | null;
  email: string | null;
  language: Language;
  centerId: string;
  reference: string;
  dossierId: string | null;
  ticketId: string | null;
  values: (channel: CitizenChannel) => Record<string, string>;
}

/** `phone:84912345678` or `email:lan@example.vn`: one opt-out per number or address, whatever the dossier. */
export const contactKey = (kind: 'phone' | 'email', value: string) =>
  kind === 'email' ? `email:${value.trim().toLowerCase()}` : `phone:${value.replace(/\D/g, '').replace(/^0/, '84')}`;

/** "09:00 10/12/2026" in the center's time zone. */
export function localDateTime(at: Date | string | null | undefined, timeZone: string): string {
  if (!at) return '';
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', year: 'numeric' }).formatToParts(new Date(at)).map((p) => [p.type, p.value]),
  );
  return `${parts.hour}:${parts.minute} ${parts.day}/${parts.month}/${parts.year}`;
}

/**
 * Messages to citizens (issue #9). `fanOut` turns one event into one delivery row per
 * channel the citizen has (unique per event key and channel, so a re-run adds nothing),
 * then queues a send job per pending row; `send` makes one attempt through the provider.
 */
@Injectable()
export class CitizenNotifyService implements OnModuleDestroy {
  readonly #providers: Map<CitizenChannel, CitizenProvider>;

  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(CONFIG) private readonly config: WorkerConfig,
    @Inject(getQueueToken(QueueName.citizen)) private readonly queue: Queue,
  ) {
    this.#providers = citizenProviders(config);
  }

  async fanOut(job: Notify): Promise<number> {
    const occasion = job.ticketId ? await this.ticketOccasion(job.event, job.ticketId) : job.dossierId ? await this.dossierOccasion(job.event, job.dossierId, job.key) : undefined;
    if (!occasion) return 0;
    const rows = await this.deliveryRows(job, occasion);
    await citizenNotificationRepository.insertDeliveries(this.database.db, rows);
    const pending = await citizenNotificationRepository.pendingOf(this.database.db, job.key);
    await this.enqueue(pending);
    return pending.length;
  }

  /** One attempt; throws to let BullMQ retry. `final` says whether this was the last attempt. */
  async send(deliveryId: string, final: boolean): Promise<string> {
    const db = this.database.db;
    const row = await citizenNotificationRepository.delivery(db, deliveryId);
    if (!row) return 'gone';
    const { d } = row;
    if (d.status !== 'pending') return `already_${d.status}`;
    // Opting out stops everything not yet sent, including retries in flight.
    if (row.optedOutAt) {
      await citizenNotificationRepository.markDelivery(db, d.id, { status: 'opted_out', attempted: false });
      return 'opted_out';
    }
    // A kiosk phone is read from its ticket contact at each attempt; once purged at the end of the day, it cannot be sent.
    const to = isTicketEvent(d.event as CitizenEvent) && d.channel !== 'webhook' ? row.ticketPhone : d.target;
    if (!to) {
      await citizenNotificationRepository.markDelivery(db, d.id, { status: 'failed', error: 'The ticket\'s phone number was deleted at the end of its day', attempted: false });
      return 'contact_deleted';
    }
    const provider = this.#providers.get(d.channel as CitizenChannel);
    if (!provider) {
      await citizenNotificationRepository.markDelivery(db, d.id, { status: 'failed', error: `The ${d.channel} channel is no longer configured`, attempted: false });
      return 'unconfigured';
    }
    try {
      await provider.send({
        deliveryId: d.id, idempotencyKey: `${d.eventKey}:${d.channel}`, event: d.event, language: d.language, reference: d.reference, to,
        subject: d.subject, text: d.body, optOutUrl: row.optOutToken ? this.optOutUrl(row.optOutToken) : null, createdAt: d.createdAt.toISOString(),
      });
    } catch (e) {
      await citizenNotificationRepository.markDelivery(db, d.id, { status: final ? 'failed' : 'pending', error: (e as Error).message, attempted: true });
      throw e;
    }
    await citizenNotificationRepository.markDelivery(db, d.id, { status: 'sent', at: new Date(), attempted: true });
    return 'sent';
  }

  /** Called by the alert sweep: pending rows whose send job was lost get one again (a waiting job keeps its id, so nothing doubles). */
  async repairStale(before: Date): Promise<number> {
    const ids = await citizenNotificationRepository.stalePending(this.database.db, before, 1000);
    await this.enqueue(ids);
    return ids.length;
  }

  /**
   * Called by the alert sweep: recent dossier events without any delivery lost their
   * `citizen.notify` job (Redis unreachable at commit). They get it again under the API's
   * job id; the (event key, channel) unique key keeps a duplicate from sending twice.
   */
  async repairLostNotifies(from: Date, before: Date): Promise<number> {
    const has = (c: CitizenChannel) => this.#providers.has(c);
    const rows = await citizenNotificationRepository.eventsWithoutDeliveries(this.database.db, {
      from, before, kinds: CITIZEN_DOSSIER_EVENT_KINDS, phone: has('sms') || has('zalo') || has('webhook'), email: has('email') || has('webhook'), limit: 1000,
    });
    if (!rows.length) return 0;
    await this.queue.addBulk(
      rows.map((r) => ({
        name: JobName.citizenNotify,
        data: { event: citizenEventOf(r.kind)!, key: r.id, dossierId: r.dossier_id } satisfies Notify,
        opts: { ...defaultJobOptions, jobId: `citizen-notify-${r.id}` },
      })),
    );
    return rows.length;
  }

  private async deliveryRows(job: Notify, o: Occasion): Promise<NewCitizenDelivery[]> {
    const db = this.database.db;
    const overrides = await citizenNotificationRepository.templates(db);
    const targets: Array<[CitizenChannel, string | null, 'phone' | 'email']> = [
      ['email', o.email, 'email'],
      ['sms', o.phone, 'phone'],
      ['zalo', o.phone, 'phone'],
      // The webhook goes wherever the citizen can be reached, and stops with the citizen's opt-out.
      ['webhook', o.phone || o.email ? this.config.CITIZEN_WEBHOOK_URL ?? null : null, o.phone ? 'phone' : 'email'],
    ];
    const rows: NewCitizenDelivery[] = [];
    for (const [channel, target, kind] of targets) {
      if (!target || !this.#providers.has(channel)) continue;
      const contact = await citizenNotificationRepository.contact(db, contactKey(kind, kind === 'phone' ? o.phone! : o.email!), randomBytes(18).toString('base64url'));
      const override = overrides.find((t) => t.event === job.event && t.channel === channel && t.language === o.language);
      const template = override ?? defaultTemplate(job.event, channel, o.language);
      const values = o.values(channel);
      rows.push({
        // The log of a ticket's call keeps the number masked: the ticket contact, purged at the end of the day, holds it.
        eventKey: job.key, event: job.event, channel, target: o.ticketId ? maskTarget(channel, target) : target, contactId: contact.id, language: o.language, centerId: o.centerId, dossierId: o.dossierId, ticketId: o.ticketId,
        reference: o.reference, subject: renderTemplate(template.subject, values),
        body: renderTemplate(template.body, values) + optOutFooter(this.optOutUrl(contact.optOutToken), channel, o.language),
        status: contact.optedOutAt ? 'opted_out' : 'pending',
      });
    }
    return rows;
  }

  private async ticketOccasion(event: CitizenEvent, ticketId: string): Promise<Occasion | undefined> {
    const r = await citizenNotificationRepository.ticketContext(this.database.db, ticketId);
    if (!r) return undefined;
    const language = r.language as Language;
    const ahead = event === 'ticket_soon' ? String(await citizenNotificationRepository.aheadOfTicket(this.database.db, ticketId)) : '';
    return {
      phone: r.phone, email: null, language, centerId: r.ticket.centerId, reference: r.ticket.code, dossierId: null, ticketId: r.ticket.id,
      values: () => ({ code: r.ticket.code, counter: r.counterLabel ?? '', center: r.centerName, ahead }),
    };
  }

  private async dossierOccasion(event: CitizenEvent, dossierId: string, eventId: string): Promise<Occasion | undefined> {
    const r = await citizenNotificationRepository.dossierContext(this.database.db, dossierId, eventId);
    if (!r) return undefined;
    const { dossier: d, event: e, receiving, returning } = r;
    const language = d.notifyLanguage as Language;
    const data = (e.data ?? {}) as Record<string, unknown>;
    const when = (at: unknown) => localDateTime(at as string | Date | null, returning.timeZone);
    const dueDate = when(d.extendedDueAt ?? d.dueAt);
    const base = { code: d.code, title: d.title };
    const values = (channel: CitizenChannel): Record<string, string> => {
      switch (event) {
        case 'dossier_received':
          return { ...base, dueDate: when(data.dueAt ?? d.dueAt), center: receiving.name };
        case 'supplement_requested':
          return { ...base, items: formatItems((data.missingItems as string[] | undefined) ?? [], channel) };
        case 'obligation_to_pay':
          return { ...base, amount: formatVnd(Number(data.amountVnd ?? 0), language), howToPay: e.note ?? '', dueAfterPayment: dueAfterPaymentText(data.pausesClock === true, dueDate, language) };
        case 'result_ready':
          return { ...base, returnPoint: returning.name, returnAddress: returning.address };
        case 'apology':
          return { ...base, newDate: when(data.newDueAt), reason: e.note ?? '' };
        default:
          return base;
      }
    };
    return { phone: d.applicantPhone, email: d.applicantEmail, language, centerId: returning.id, reference: d.code, dossierId: d.id, ticketId: null, values };
  }

  private optOutUrl(token: string): string {
    // The citizen app's confirmation page, which POSTs the opt-out: opening the link alone changes nothing.
    return new URL(`/opt-out/${token}`, this.config.PUBLIC_URL).toString();
  }

  /** One job per delivery (deterministic id): enqueuing again while one waits adds nothing. */
  private async enqueue(ids: readonly string[]): Promise<void> {
    if (!ids.length) return;
    await this.queue.addBulk(
      ids.map((deliveryId) => ({
        name: JobName.citizenSend,
        data: { deliveryId } satisfies JobPayload<typeof JobName.citizenSend>,
        opts: {
          jobId: `citizen-send-${deliveryId}`,
          attempts: this.config.DELIVERY_ATTEMPTS,
          backoff: { type: 'exponential', delay: this.config.DELIVERY_BACKOFF_MS },
          removeOnComplete: true,
          removeOnFail: { count: 5000 },
        },
      })),
    );
  }

  onModuleDestroy(): void {
    for (const p of this.#providers.values()) p.close?.();
  }
}
