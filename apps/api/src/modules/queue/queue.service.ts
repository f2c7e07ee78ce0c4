import { randomInt } from 'node:crypto';
import type { DisplaySnapshot, IssuedTicket, IssueTicketRequest, KioskSnapshot, Service, ServiceExpectation, TicketTracking } from '@motcua/contracts';
import { businessDate, nextOpening, type ServiceFloor } from '@motcua/core';
import { auditRepository, citizenNotificationRepository, floorRepository, remoteTicketRepository, ticketRepository, type DatabaseHandle, type IssueItem, type IssueQueue, type NewTicket } from '@motcua/db';
import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../../common/actor.js';
import { ApiError } from '../../common/api-error.js';
import { DATABASE } from '../../infra/tokens.js';
import { CenterContext } from './center-context.js';
import { QueueRealtime } from './queue-realtime.js';
import { TicketIssued } from './ticket-issued.js';

// No 0/O/1/I: people read it off a slip.
const TRACKING_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const randomCode = (length: number) => Array.from({ length }, () => TRACKING_ALPHABET[randomInt(TRACKING_ALPHABET.length)]).join('');
export const newTrackingCode = () => randomCode(10);
const RATING_WINDOW_MS = 15 * 60_000;
/** A phone is left at the kiosk right after the ticket, not later. */
const CONTACT_WINDOW_MS = 10 * 60_000;

type Batch = { queue: IssueQueue; pending: Array<{ item: IssueItem; resolve: (t: NewTicket) => void; reject: (e: unknown) => void }> };

const centerNotFound = () => ApiError.notFound({ vi: 'trung tâm này', en: 'This center' });
/** The expectation as the API sends it (instants as ISO strings). */
const toExpectation = (f: ServiceFloor): ServiceExpectation => (f.expected.kind === 'next_opening' ? { kind: 'next_opening', at: f.expected.at?.toISOString() ?? null } : f.expected);

/** When a service nobody serves now is expected, in words, for the kiosk's refusal. */
function expectedWords(e: ServiceExpectation, timeZone: string): { vi: string; en: string } {
  const list = (c: string[]) => c.join(', ');
  switch (e.kind) {
    case 'paused':
      return { vi: `${list(e.counters)} đang tạm dừng và sẽ mở lại.`, en: `${list(e.counters)} is paused and will reopen.` };
    case 'later_today':
      return e.from
        ? { vi: `Dự kiến có quầy phục vụ từ ${e.from} hôm nay (${list(e.counters)}).`, en: `A counter is expected from ${e.from} today (${list(e.counters)}).` }
        : { vi: `Dự kiến có quầy phục vụ trong hôm nay (${list(e.counters)}).`, en: `A counter is expected later today (${list(e.counters)}).` };
    case 'next_opening': {
      if (!e.at) return { vi: '', en: '' };
      const at = new Date(e.at);
      const vi = new Intl.DateTimeFormat('vi-VN', { timeZone, weekday: 'long', day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit' }).format(at);
      const en = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'long', day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit' }).format(at);
      return { vi: `Mở lại: ${vi}.`, en: `Opens again: ${en}.` };
    }
    case 'not_today':
      return { vi: 'Hôm nay chưa có quầy nào được bố trí cho dịch vụ này.', en: 'No counter is scheduled for this service today.' };
    default:
      return { vi: 'Trung tâm chưa bố trí quầy cho dịch vụ này.', en: 'No counter of this center serves it.' };
  }
}

const serviceField = (vi: string, en: string) => ApiError.validation([{ path: 'body.serviceId', message: { vi, en } }], { vi, en });

/** The citizen side of the queue: kiosk, ticket issue, hall display, tracking and rating. */
@Injectable()
export class QueueService {
  readonly #batches = new Map<string, Batch>();

  /**
   * Tickets of one queue are taken in batches: while one statement is in flight, requests
   * that arrive wait here and go together in the next one. Many connections blocked on
   * the same sequence row cost PostgreSQL more than one statement for all of them.
   */
  private issueBatched(queue: IssueQueue, item: IssueItem): Promise<NewTicket> {
    const key = `${queue.centerId}:${queue.serviceId}:${queue.businessDate}`;
    return new Promise((resolve, reject) => {
      const batch = this.#batches.get(key);
      if (batch) return void batch.pending.push({ item, resolve, reject });
      const fresh: Batch = { queue, pending: [{ item, resolve, reject }] };
      this.#batches.set(key, fresh);
      void this.drain(key, fresh);
    });
  }

  private async drain(key: string, batch: Batch): Promise<void> {
    while (batch.pending.length) {
      const taken = batch.pending.splice(0, 200);
      try {
        const rows = await ticketRepository.issue(this.database.db, batch.queue, taken.map((x) => x.item));
        taken.forEach((x, i) => x.resolve(rows[i]!));
      } catch (e) {
        taken.forEach((x) => x.reject(e));
      }
    }
    this.#batches.delete(key);
  }

  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(CenterContext) private readonly context: CenterContext,
    @Inject(QueueRealtime) private readonly realtime: QueueRealtime,
    @Inject(TicketIssued) private readonly issued: TicketIssued,
  ) {}

  async kiosk(centerId: string, now: Date): Promise<KioskSnapshot> {
    const config = await ticketRepository.centerConfig(this.database.db, centerId);
    if (!config) throw centerNotFound();
    const { center } = config;
    const [opening, waiting, floor] = await Promise.all([
      this.context.openingToday(center, now),
      ticketRepository.waitingCounts(this.database.db, center.id, businessDate(now, center.timeZone)),
      this.context.floor(center, config.services.map((s) => s.id), now),
    ]);
    const services = await Promise.all(
      config.services.map(async (s) => ({
        id: s.id,
        code: s.code,
        nameVi: s.nameVi,
        nameEn: s.nameEn,
        ticketPrefix: s.ticketPrefix,
        field: s.field,
        isOpen: s.isOpen,
        waiting: waiting.get(s.id) ?? 0,
        estimate: await this.context.estimate(center, s, waiting.get(s.id) ?? 0),
        servable: floor.services.get(s.id)!.servable,
        openCounters: floor.services.get(s.id)!.openCounters,
        expected: toExpectation(floor.services.get(s.id)!),
      })),
    );
    return {
      centerId: center.id,
      centerName: center.name,
      isOpenNow: opening.isOpenNow,
      openingHoursToday: opening.windows,
      nextOpening: floor.nextOpening?.toISOString() ?? null,
      services,
      priorityCategories: config.priorityCategories.map((p) => ({ id: p.id, nameVi: p.nameVi, nameEn: p.nameEn })),
      remote: { perHour: center.remotePerHour, stopMinutes: center.remoteStopMinutes, confirmMinutes: center.remoteConfirmMinutes },
    };
  }

  async issue(centerId: string, input: IssueTicketRequest, actor: Actor | undefined, now: Date, byKiosk = false): Promise<IssuedTicket> {
    const config = await this.context.config(centerId);
    if (!config) throw centerNotFound();
    const { center } = config;
    const service = config.services.find((s) => s.id === input.serviceId);
    if (!service) throw serviceField('Dịch vụ này không có ở trung tâm', 'This service is not offered at this center');
    if (!service.isOpen) throw ApiError.conflict({ vi: `Dịch vụ "${service.nameVi}" đang tạm dừng nhận số. Xin mời chọn dịch vụ khác hoặc hỏi cán bộ hướng dẫn.`, en: `"${service.nameEn}" is paused. Please choose another service or ask the staff.` });
    const priority = input.priorityCategoryId ? config.priorityCategories.find((p) => p.id === input.priorityCategoryId) : undefined;
    if (input.priorityCategoryId && !priority) throw ApiError.validation([{ path: 'body.priorityCategoryId', message: { vi: 'Đối tượng ưu tiên không hợp lệ', en: 'Unknown priority category' } }]);
    const opening = await this.context.openingToday(center, now);
    if (!opening.isOpenNow) {
      const hours = opening.windows.map((w) => `${w.start}–${w.end}`).join(', ');
      throw ApiError.conflict(
        hours
          ? { vi: `Trung tâm đang ngoài giờ nhận số. Giờ làm việc hôm nay: ${hours}.`, en: `The center is not issuing tickets now. Today's hours: ${hours}.` }
          : { vi: 'Hôm nay trung tâm không làm việc.', en: 'The center is closed today.' },
        { openingHoursToday: opening.windows },
      );
    }
    // Nobody can call a ticket of a service no open counter serves (#18 item 1).
    const counterLabels = await floorRepository.openCountersFor(this.database.db, center.id, service.id);
    if (!counterLabels.length) {
      const floor = (await this.context.floor(center, [service.id], now)).services.get(service.id)!;
      const expected = toExpectation(floor);
      const when = expectedWords(expected, center.timeZone);
      throw ApiError.conflict(
        {
          vi: `Hiện chưa có quầy phục vụ "${service.nameVi}". ${when.vi} Xin mời hỏi cán bộ hướng dẫn.`.replace(/\s+/g, ' '),
          en: `No counter serves "${service.nameEn}" right now. ${when.en} Please ask the staff.`.replace(/\s+/g, ' '),
        },
        { expected },
      );
    }
    const ticket = await this.issueBatched(
      { centerId: center.id, serviceId: service.id, businessDate: businessDate(now, center.timeZone), prefix: service.ticketPrefix },
      { priorityCategoryId: priority?.id ?? null, arrivedAt: now, trackingCode: newTrackingCode(), actorId: actor?.staffId ?? null },
    );
    // Kept apart from the ticket (public surfaces read tickets); a lost phone only loses the courtesy text.
    if (input.phone) await citizenNotificationRepository.saveTicketContact(this.database.db, ticket.id, input.phone, input.language);
    return this.issued.announce(center, service, ticket, now, { priority: !!priority, counterLabels, printAtKiosk: byKiosk });
  }

  publicCenters() {
    return floorRepository.publicCenters(this.database.db);
  }

  /** The phone a citizen leaves after taking the ticket: only for a ticket of this center issued in the last minutes and still waiting. */
  async saveContact(centerId: string, ticketId: string, input: { phone: string; language: 'vi' | 'en' }, now: Date) {
    const ticket = await floorRepository.ticketOfCenter(this.database.db, centerId, ticketId);
    if (!ticket) throw ApiError.notFound({ vi: 'vé này', en: 'This ticket' });
    if (ticket.status !== 'waiting' || now.getTime() - ticket.arrivedAt.getTime() > CONTACT_WINDOW_MS) {
      throw ApiError.conflict({ vi: 'Vé này không còn nhận số điện thoại. Xin mời lấy số mới nếu cần.', en: 'This ticket no longer takes a phone number.' });
    }
    await citizenNotificationRepository.saveTicketContact(this.database.db, ticket.id, input.phone, input.language);
    return { ticketId: ticket.id, saved: true as const };
  }

  async display(centerId: string, now: Date): Promise<DisplaySnapshot> {
    const config = await ticketRepository.centerConfig(this.database.db, centerId);
    if (!config) throw centerNotFound();
    const { center } = config;
    const date = businessDate(now, center.timeZone);
    // The sequence is read first: an event racing this read is then seen again, never lost.
    const position = await this.realtime.lastPublicSeq(center.id);
    const [calls, waiting, next, opening, calendar, counters] = await Promise.all([
      ticketRepository.lastCalls(this.database.db, center.id, date),
      ticketRepository.waitingCounts(this.database.db, center.id, date),
      floorRepository.nextWaiting(this.database.db, center.id, date),
      this.context.openingToday(center, now),
      this.context.calendar(center),
      ticketRepository.otherCounters(this.database.db, center.id),
    ]);
    return {
      centerId: center.id,
      centerName: center.name,
      calls: calls.map((c) => ({ ticketCode: c.code, counterId: c.counterId, counterNumber: c.counterNumber, counterLabel: c.counterLabel, serviceId: c.serviceId, calledAt: c.calledAt!.toISOString(), recall: c.recallCount })),
      services: config.services.map((s) => ({ serviceId: s.id, nameVi: s.nameVi, nameEn: s.nameEn, ticketPrefix: s.ticketPrefix, isOpen: s.isOpen, waiting: waiting.get(s.id) ?? 0 })),
      notice: center.displayNotice,
      isOpenNow: opening.isOpenNow,
      nextOpening: opening.isOpenNow ? null : (nextOpening(calendar, now)?.toISOString() ?? null),
      next: config.services.map((s) => ({ serviceId: s.id, codes: next.get(s.id) ?? [] })),
      paused: counters.filter((k) => k.state === 'paused').map((k) => ({ label: k.label, number: k.number, reason: k.pauseReason })),
      seq: position.seq,
      epoch: position.epoch,
      at: now.toISOString(),
    };
  }

  async track(code: string): Promise<TicketTracking> {
    const row = await ticketRepository.byTrackingCode(this.database.db, code);
    if (!row) throw ApiError.notFound({ vi: 'vé có mã này', en: 'A ticket with this code' });
    const { ticket, service } = row;
    const config = await ticketRepository.centerConfig(this.database.db, ticket.centerId);
    const [estimate, remote] = await Promise.all([
      ticket.status === 'waiting' ? ticketRepository.aheadOf(this.database.db, ticket).then((ahead) => this.context.estimate(config!.center, service, ahead)) : null,
      remoteTicketRepository.byTrackingCode(this.database.db, code),
    ]);
    return {
      code: ticket.code,
      status: ticket.status,
      centerId: ticket.centerId,
      centerName: row.centerName,
      serviceNameVi: service.nameVi,
      serviceNameEn: service.nameEn,
      arrivedAt: ticket.arrivedAt.toISOString(),
      estimate,
      counterLabel: row.counterLabel ?? null,
      counterNumber: row.counterNumber ?? null,
      calledAt: ticket.calledAt?.toISOString() ?? null,
      remote: remote ? { confirmMinutes: config!.center.remoteConfirmMinutes, confirmedAt: remote.remote.confirmedAt?.toISOString() ?? null } : null,
    };
  }

  async ratingPrompt(counterId: string, now: Date) {
    const counter = await ticketRepository.counter(this.database.db, counterId);
    if (!counter) throw ApiError.notFound({ vi: 'quầy này', en: 'This counter' });
    const ticket = await ticketRepository.lastUnrated(this.database.db, counterId, now, RATING_WINDOW_MS);
    return { counterLabel: counter.label, ticket: ticket ? { id: ticket.id, code: ticket.code, doneAt: ticket.doneAt.toISOString() } : null };
  }

  async rate(counterId: string, input: { ticketId: string; level: 'very_satisfied' | 'satisfied' | 'not_satisfied'; reason: string | null }, now: Date) {
    const ticket = await ticketRepository.ticketAtCounter(this.database.db, input.ticketId, counterId);
    if (!ticket || ticket.status !== 'done' || !ticket.doneAt || now.getTime() - ticket.doneAt.getTime() > RATING_WINDOW_MS) {
      throw ApiError.conflict({ vi: 'Lượt phục vụ này không còn nhận đánh giá tại quầy.', en: 'This visit can no longer be rated at this counter.' });
    }
    const row = await ticketRepository.rate(this.database.db, { ticketId: ticket.id, counterId, level: input.level, reason: input.reason });
    if (!row) throw ApiError.conflict({ vi: 'Lượt phục vụ này đã được đánh giá. Cảm ơn bạn!', en: 'This visit has already been rated. Thank you!' });
    return { ticketId: row.ticket_id, level: input.level, at: new Date(row.created_at).toISOString() };
  }

  async setServiceAvailability(serviceId: string, isOpen: boolean, actor: Actor, ip: string | undefined): Promise<Service> {
    const row = await this.database.db.transaction(async (tx) => {
      const updated = await ticketRepository.setServiceOpen(tx, serviceId, isOpen);
      if (updated) {
        await auditRepository.append(tx, { actorId: actor.staffId, action: isOpen ? 'service.open' : 'service.pause', entity: 'service', entityId: serviceId, before: { isOpen: !isOpen }, after: { isOpen }, ip });
        await this.realtime.updated(tx, { centerId: updated.centerId, reason: 'service', services: [] });
      }
      return updated;
    });
    if (!row) throw ApiError.notFound({ vi: 'dịch vụ này', en: 'This service' });
    this.context.forget(row.centerId);
    this.realtime.kick();
    return { id: row.id, centerId: row.centerId, code: row.code, nameVi: row.nameVi, nameEn: row.nameEn, ticketPrefix: row.ticketPrefix, typicalServiceMinutes: row.typicalServiceMinutes, field: row.field, isOpen: row.isOpen, sortOrder: row.sortOrder };
  }
}
