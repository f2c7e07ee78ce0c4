import type { IssuedTicket, RemoteTicketRequest } from '@motcua/contracts';
import { businessDate, quotaHour, remoteTicketRefusal, type RemoteRefusal } from '@motcua/core';
import { citizenNotificationRepository, floorRepository, remoteTicketRepository, ticketRepository, type DatabaseHandle } from '@motcua/db';
import { Inject, Injectable } from '@nestjs/common';
import type { CitizenActor } from '../../common/actor.js';
import { ApiError } from '../../common/api-error.js';
import { DATABASE } from '../../infra/tokens.js';
import { CenterContext } from './center-context.js';
import { TicketIssued } from './ticket-issued.js';
import { newTrackingCode } from './queue.service.js';

/** A refusal in words a citizen can act on. */
function refusalWords(r: RemoteRefusal): { vi: string; en: string } {
  switch (r.kind) {
    case 'disabled':
      return { vi: 'Trung tâm này không nhận lấy số từ xa. Xin mời đến lấy số tại ki-ốt của trung tâm.', en: 'This center does not take remote tickets. Please take a ticket at the center’s kiosk.' };
    case 'closed':
      return { vi: 'Trung tâm đang ngoài giờ làm việc nên chưa lấy số từ xa được. Xin mời quay lại trong giờ làm việc.', en: 'The center is not open now, so remote tickets cannot be taken. Please try again during opening hours.' };
    case 'near_closing':
      return { vi: `Trung tâm ngừng cấp số từ xa gần giờ đóng cửa (${r.closesAt}). Xin mời đến trực tiếp hoặc lấy số buổi sau.`, en: `Remote tickets stop shortly before the center closes (${r.closesAt}). Please come in person or take one next session.` };
    case 'not_served':
      return { vi: 'Hiện chưa có quầy nào phục vụ dịch vụ này. Xin mời chọn dịch vụ khác hoặc thử lại sau.', en: 'No counter serves this service right now. Please choose another service or try again later.' };
    case 'quota_reached':
      return { vi: `Đã hết lượt lấy số từ xa trong giờ này. Xin mời thử lại từ ${r.nextHour} hoặc đến trực tiếp.`, en: `This hour’s remote tickets are all taken. Please try again from ${r.nextHour} or come in person.` };
  }
}
const refuse = (r: RemoteRefusal) => ApiError.conflict(refusalWords(r), { reason: r.kind });

/** Tickets taken from a phone (#17): the kiosk's own numbers, within the center's limits. */
@Injectable()
export class RemoteTicketService {
  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(CenterContext) private readonly context: CenterContext,
    @Inject(TicketIssued) private readonly issued: TicketIssued,
  ) {}

  async issue(centerId: string, input: RemoteTicketRequest, citizen: CitizenActor | undefined, now: Date): Promise<IssuedTicket> {
    const config = await this.context.config(centerId);
    if (!config) throw ApiError.notFound({ vi: 'trung tâm này', en: 'This center' });
    const { center } = config;
    const service = config.services.find((s) => s.id === input.serviceId);
    if (!service) throw ApiError.validation([{ path: 'body.serviceId', message: { vi: 'Dịch vụ này không có ở trung tâm', en: 'This service is not offered at this center' } }]);
    const date = businessDate(now, center.timeZone);
    const localTime = new Intl.DateTimeFormat('en-GB', { timeZone: center.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(now);
    const hour = quotaHour(date, localTime);
    const settings = { perHour: center.remotePerHour, stopMinutesBeforeClose: center.remoteStopMinutes };
    const [opening, counterLabels, taken] = await Promise.all([
      this.context.openingToday(center, now),
      floorRepository.openCountersFor(this.database.db, center.id, service.id),
      remoteTicketRepository.takenIn(this.database.db, center.id, hour),
    ]);
    const refusal = remoteTicketRefusal({ localTime, windows: opening.windows, settings, servedNow: service.isOpen && counterLabels.length > 0, takenThisHour: taken });
    if (refusal) throw refuse(refusal);
    // Quota place, number and the remote record in one transaction: a refused place takes no number.
    const ticket = await this.database.db.transaction(async (tx) => {
      if (!(await remoteTicketRepository.takePlace(tx, center.id, hour, settings.perHour))) return null;
      const [row] = await ticketRepository.issue(tx, { centerId: center.id, serviceId: service.id, businessDate: date, prefix: service.ticketPrefix }, [
        { priorityCategoryId: null, arrivedAt: now, trackingCode: newTrackingCode(), actorId: null },
      ]);
      await remoteTicketRepository.record(tx, { ticketId: row!.id, centerId: center.id, citizenIdNumber: citizen?.idNumber ?? null });
      return row!;
    });
    if (!ticket) throw refuse({ kind: 'quota_reached', nextHour: `${String((Number(localTime.slice(0, 2)) + 1) % 24).padStart(2, '0')}:00` });
    const phone = input.phone ?? citizen?.phone ?? undefined;
    if (phone) await citizenNotificationRepository.saveTicketContact(this.database.db, ticket.id, phone, input.language);
    return this.issued.announce(center, service, ticket, now, { priority: false, counterLabels, printAtKiosk: false });
  }

  /** "Tôi đã đến": the holder of the tracking code confirms arrival (idempotent). */
  async arrived(code: string, now: Date) {
    const row = await remoteTicketRepository.byTrackingCode(this.database.db, code);
    if (!row) throw ApiError.notFound({ vi: 'vé lấy từ xa có mã này', en: 'A remote ticket with this code' });
    if (!['waiting', 'called', 'serving'].includes(row.ticket.status)) {
      throw ApiError.conflict({ vi: 'Vé này không còn hiệu lực. Xin mời lấy số mới.', en: 'This ticket is no longer valid. Please take a new one.' });
    }
    const confirmedAt = await remoteTicketRepository.confirm(this.database.db, row.ticket.id, now);
    return { code: row.ticket.code, confirmedAt: confirmedAt.toISOString() };
  }
}
