import { randomBytes } from 'node:crypto';
import type { Appointment as AppointmentView, AppointmentSlots, BookAppointmentRequest, CheckedIn } from '@motcua/contracts';
import { appointmentMissedAt, businessDate, checkInTiming, localDate, nextDate, slotCapacity, slotStarts, windowsOn } from '@motcua/core';
import { appointmentRepository, guideRepository, ticketRepository, type Appointment, type DatabaseHandle } from '@motcua/db';
import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../../common/actor.js';
import { ApiError, type Bilingual } from '../../common/api-error.js';
import { DATABASE } from '../../infra/tokens.js';
import { CenterContext } from '../queue/center-context.js';
import { TicketIssued } from '../queue/ticket-issued.js';
import { newTrackingCode, randomCode } from '../queue/queue.service.js';

type Config = NonNullable<Awaited<ReturnType<CenterContext['config']>>>;
type Service = Config['services'][number];

const field = (path: string, message: Bilingual) => ApiError.validation([{ path, message }], message);
const timeIn = (at: Date, timeZone: string) => new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hour12: false }).format(at);
const dayIn = (at: Date, timeZone: string) => new Intl.DateTimeFormat('en-GB', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric' }).format(at);

/**
 * Online appointments: book a slot (capacity from the counters planned that day), cancel or
 * reschedule through the private link, check in at the kiosk. Booking takes its place with one
 * conditional upsert on the slot row, so a slot is never oversold.
 */
@Injectable()
export class AppointmentsService {
  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(CenterContext) private readonly context: CenterContext,
    @Inject(TicketIssued) private readonly issued: TicketIssued,
  ) {}

  async slots(centerId: string, query: { serviceId: string; date: string }, now: Date): Promise<AppointmentSlots> {
    const config = await this.config(centerId);
    const service = this.service(config, query.serviceId, 'query.serviceId');
    const { center } = config;
    const today = businessDate(now, center.timeZone);
    const lastDate = this.lastDate(config, now);
    if (query.date < today || query.date > lastDate) throw this.beyondWindow('query.date', config, lastDate);
    const starts = (await this.slotStartsOn(config, query.date)).filter((s) => s > now);
    const capacity = await this.capacity(config, service, query.date);
    const dayStart = starts[0] ?? now;
    const booked = await appointmentRepository.booked(this.database.db, center.id, service.id, dayStart, new Date(dayStart.getTime() + 86_400_000));
    return {
      centerId: center.id,
      serviceId: service.id,
      date: query.date,
      slotMinutes: center.appointmentSlotMinutes,
      centerName: center.name,
      centerAddress: center.address ?? '',
      serviceNameVi: service.nameVi,
      serviceNameEn: service.nameEn,
      lastDate,
      slots: starts.map((s) => ({ start: s.toISOString(), capacity, remaining: Math.max(0, capacity - (booked.get(s.getTime()) ?? 0)) })),
    };
  }

  async book(centerId: string, input: BookAppointmentRequest, now: Date): Promise<AppointmentView> {
    const config = await this.config(centerId);
    const service = this.service(config, input.serviceId, 'body.serviceId');
    const slotStart = await this.validSlot(config, input.slotStart, now);
    if (input.procedureCode) {
      const proc = await guideRepository.centerProcedure(this.database.db, centerId, input.procedureCode, localDate(slotStart, config.center.timeZone));
      if (!proc || proc.serviceId !== service.id) throw field('body.procedureCode', { vi: 'Thủ tục này không thuộc dịch vụ đã chọn', en: 'This procedure does not belong to the chosen service' });
    }
    const capacity = await this.capacity(config, service, localDate(slotStart, config.center.timeZone));
    const row = await this.database.db.transaction(async (tx) => {
      if (!(await appointmentRepository.take(tx, { centerId, serviceId: service.id, slotStart }, capacity))) throw this.full();
      return appointmentRepository.insert(tx, {
        centerId, serviceId: service.id, procedureCode: input.procedureCode, slotStart, phone: input.phone,
        code: randomCode(8), manageToken: randomBytes(18).toString('base64url'),
      });
    });
    return this.view(row, config);
  }

  async get(token: string, now: Date): Promise<AppointmentView> {
    const row = await appointmentRepository.byToken(this.database.db, token);
    if (!row) throw this.notFound();
    const config = await this.config(row.centerId);
    return this.view(this.current(row, config, now), config);
  }

  async cancel(token: string, now: Date): Promise<AppointmentView> {
    const current = await appointmentRepository.byToken(this.database.db, token);
    if (!current) throw this.notFound();
    const config = await this.config(current.centerId);
    const row = await this.database.db.transaction(async (tx) => {
      const a = (await appointmentRepository.lockByToken(tx, token))!;
      this.assertBooked(this.current(a, config, now));
      await appointmentRepository.release(tx, a);
      return appointmentRepository.update(tx, a.id, { status: 'cancelled' });
    });
    return this.view(row, config);
  }

  async reschedule(token: string, input: { slotStart: string }, now: Date): Promise<AppointmentView> {
    const current = await appointmentRepository.byToken(this.database.db, token);
    if (!current) throw this.notFound();
    const config = await this.config(current.centerId);
    this.assertBooked(this.current(current, config, now));
    const service = this.service(config, current.serviceId, 'body.slotStart');
    const slotStart = await this.validSlot(config, input.slotStart, now);
    if (slotStart.getTime() === current.slotStart.getTime()) throw field('body.slotStart', { vi: 'Hãy chọn một khung giờ khác', en: 'Choose another slot' });
    const capacity = await this.capacity(config, service, localDate(slotStart, config.center.timeZone));
    const row = await this.database.db.transaction(async (tx) => {
      const a = (await appointmentRepository.lockByToken(tx, token))!;
      this.assertBooked(this.current(a, config, now));
      // Slot rows are locked in time order, so two citizens swapping slots cannot deadlock;
      // a full slot throws and rolls back a release already made.
      const take = async () => {
        if (!(await appointmentRepository.take(tx, { centerId: a.centerId, serviceId: a.serviceId, slotStart }, capacity))) throw this.full();
      };
      if (slotStart < a.slotStart) {
        await take();
        await appointmentRepository.release(tx, a);
      } else {
        await appointmentRepository.release(tx, a);
        await take();
      }
      return appointmentRepository.update(tx, a.id, { slotStart });
    });
    return this.view(row, config);
  }

  async checkIn(centerId: string, code: string, actor: Actor | undefined, now: Date): Promise<CheckedIn> {
    const config = await this.config(centerId);
    const { center } = config;
    const today = businessDate(now, center.timeZone);
    const result = await this.database.db.transaction(async (tx) => {
      const a = await appointmentRepository.lockByCode(tx, centerId, code);
      if (!a) throw field('body.code', { vi: 'Không có lịch hẹn nào với mã này tại trung tâm', en: 'No appointment with this code at this center' });
      if (a.status === 'checked_in') throw ApiError.conflict({ vi: 'Lịch hẹn này đã được xác nhận; hãy chờ gọi số trên vé đã in.', en: 'This appointment is already checked in; wait for the number on your ticket.' });
      if (a.status === 'cancelled') throw ApiError.conflict({ vi: 'Lịch hẹn này đã bị hủy. Xin mời lấy số thường.', en: 'This appointment was cancelled. Please take a regular ticket.' });
      if (this.current(a, config, now).status === 'missed') {
        const when = `${timeIn(a.slotStart, center.timeZone)} ${dayIn(a.slotStart, center.timeZone)}`;
        throw ApiError.conflict({
          vi: `Lịch hẹn lúc ${when} đã quá giờ nên không còn hiệu lực. Xin mời lấy số thường hoặc đặt lịch mới.`,
          en: `The appointment at ${when} has passed and is no longer valid. Please take a regular ticket or book again.`,
        });
      }
      if (localDate(a.slotStart, center.timeZone) !== today) {
        throw ApiError.conflict({ vi: `Lịch hẹn của bạn vào ngày ${dayIn(a.slotStart, center.timeZone)} lúc ${timeIn(a.slotStart, center.timeZone)}.`, en: `Your appointment is on ${dayIn(a.slotStart, center.timeZone)} at ${timeIn(a.slotStart, center.timeZone)}.` });
      }
      const timing = checkInTiming(a.slotStart, now, center.appointmentOnTimeMinutes);
      if (timing === 'early') {
        const from = timeIn(new Date(a.slotStart.getTime() - center.appointmentOnTimeMinutes * 60_000), center.timeZone);
        throw ApiError.conflict({ vi: `Bạn đến sớm: hãy xác nhận lịch hẹn từ ${from}, hoặc lấy số thường.`, en: `You are early: check in from ${from}, or take a regular ticket.` });
      }
      const service = config.services.find((s) => s.id === a.serviceId)!;
      if (!service.isOpen) throw ApiError.conflict({ vi: `Dịch vụ "${service.nameVi}" đang tạm dừng. Xin mời hỏi cán bộ hướng dẫn.`, en: `"${service.nameEn}" is paused. Please ask the staff.` });
      // Late arrivals join the normal line: their ticket carries no slot.
      const [ticket] = await ticketRepository.issue(tx, { centerId, serviceId: service.id, businessDate: today, prefix: service.ticketPrefix }, [
        { priorityCategoryId: null, arrivedAt: now, trackingCode: newTrackingCode(), actorId: actor?.staffId ?? null, appointmentAt: timing === 'on_time' ? a.slotStart : null },
      ]);
      await appointmentRepository.update(tx, a.id, { status: 'checked_in', checkedInAt: now, ticketId: ticket!.id });
      return { ticket: ticket!, service, onTime: timing === 'on_time', slotStart: a.slotStart };
    });
    const { ticket, service } = result;
    // On time: nobody but earlier on-time appointments is ahead.
    const answer = await this.issued.announce(center, service, ticket, now, { priority: false, ahead: result.onTime ? 0 : ticket.ahead });
    return { ...answer, onTime: result.onTime, slotStart: result.slotStart.toISOString() };
  }

  private async config(centerId: string): Promise<Config> {
    const config = await this.context.config(centerId);
    if (!config) throw ApiError.notFound({ vi: 'trung tâm này', en: 'This center' });
    return config;
  }

  private service(config: Config, serviceId: string, path: string): Service {
    const service = config.services.find((s) => s.id === serviceId);
    if (!service) throw field(path, { vi: 'Dịch vụ này không có ở trung tâm', en: 'This service is not offered at this center' });
    return service;
  }

  private async slotStartsOn(config: Config, date: string): Promise<Date[]> {
    const cal = await this.context.calendar(config.center);
    return slotStarts(date, windowsOn(cal, date), config.center.appointmentSlotMinutes, config.center.timeZone);
  }

  /** Last local day of the center's booking window (today included). */
  private lastDate(config: Config, now: Date): string {
    return nextDate(businessDate(now, config.center.timeZone), config.center.appointmentBookingDays - 1);
  }

  private beyondWindow(path: string, config: Config, lastDate: string) {
    const n = config.center.appointmentBookingDays;
    const last = lastDate.split('-').reverse().join('/');
    return field(path, { vi: `Chỉ đặt lịch được trong ${n} ngày tới (đến hết ngày ${last})`, en: `Appointments can be booked for the next ${n} days only (until ${last})` });
  }

  /** A slot start of the center's calendar, in the future and within the booking window. */
  private async validSlot(config: Config, value: string, now: Date): Promise<Date> {
    const at = new Date(value);
    const date = localDate(at, config.center.timeZone);
    const lastDate = this.lastDate(config, now);
    if (date > lastDate) throw this.beyondWindow('body.slotStart', config, lastDate);
    const ok = at > now && (await this.slotStartsOn(config, date)).some((s) => s.getTime() === at.getTime());
    if (!ok) throw field('body.slotStart', { vi: 'Khung giờ này không còn đặt được; hãy chọn khung giờ khác', en: 'This slot cannot be booked; choose another one' });
    return at;
  }

  private async capacity(config: Config, service: Service, date: string): Promise<number> {
    const planned = await appointmentRepository.plannedCounters(this.database.db, config.center.id, service.id, date);
    return slotCapacity(planned, config.center.appointmentsPerCounter);
  }

  /** A booking past its slot end plus the on-time window is missed, whether or not the worker's sweep has marked it yet. */
  private current(a: Appointment, config: Config, now: Date): Appointment {
    const { appointmentSlotMinutes, appointmentOnTimeMinutes } = config.center;
    const overdue = a.status === 'booked' && now > appointmentMissedAt(a.slotStart, appointmentSlotMinutes, appointmentOnTimeMinutes);
    return overdue ? { ...a, status: 'missed' } : a;
  }

  private assertBooked(a: Appointment): void {
    if (a.status === 'missed') throw ApiError.invalidTransition({ vi: 'Lịch hẹn này đã quá giờ mà chưa xác nhận tại trung tâm; hãy đặt lịch mới.', en: 'This appointment has passed without a check-in; book a new one.' });
    if (a.status === 'cancelled') throw ApiError.invalidTransition({ vi: 'Lịch hẹn này đã bị hủy.', en: 'This appointment was cancelled.' });
    if (a.status === 'checked_in') throw ApiError.invalidTransition({ vi: 'Lịch hẹn này đã được xác nhận tại trung tâm; không thể thay đổi.', en: 'This appointment is already checked in; it cannot be changed.' });
  }

  private full() {
    return ApiError.conflict({ vi: 'Khung giờ này vừa hết chỗ. Hãy chọn khung giờ khác.', en: 'This slot has just filled up. Choose another one.' });
  }

  private notFound() {
    return ApiError.notFound({ vi: 'lịch hẹn này', en: 'This appointment' });
  }

  private async view(a: Appointment, config: Config): Promise<AppointmentView> {
    const service = config.services.find((s) => s.id === a.serviceId)!;
    const ticket = a.ticketId ? await appointmentRepository.ticketOf(this.database.db, a.ticketId) : undefined;
    return {
      code: a.code, manageToken: a.manageToken, status: a.status, centerId: a.centerId, centerName: config.center.name, address: config.center.address,
      serviceId: a.serviceId, serviceNameVi: service.nameVi, serviceNameEn: service.nameEn, procedureCode: a.procedureCode,
      slotStart: a.slotStart.toISOString(), slotMinutes: config.center.appointmentSlotMinutes, onTimeMinutes: config.center.appointmentOnTimeMinutes,
      ticketCode: ticket?.code ?? null, ticketTrackingCode: ticket?.trackingCode ?? null,
    };
  }
}
