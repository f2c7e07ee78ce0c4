import type { CalendarDay, OfficeWindowsInput, OfficeWindowsPeriod, OfficeWindowsView } from '@motcua/contracts';
import { DEFAULT_OFFICE_HOURS, DEFAULT_TIME_ZONE, localDate } from '@motcua/core';
import { auditRepository, calendarRepository, scopeRepository, type DatabaseHandle } from '@motcua/db';
import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../../common/actor.js';
import { ApiError } from '../../common/api-error.js';
import { CacheBroadcast } from '../../infra/cache-broadcast.js';
import { DATABASE } from '../../infra/tokens.js';

/**
 * Admins adjust the default calendar each year (the Government re-arranges days off).
 * Deadline computations read it on every command; the queue's cached calendars are dropped on
 * every API process when it changes, and the worker's alert caches refresh within a minute.
 */
@Injectable()
export class CalendarService {
  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(CacheBroadcast) private readonly broadcast: CacheBroadcast,
  ) {}

  async days(year: number) {
    const calendar = await this.calendar();
    return { year, days: await calendarRepository.daysOf(this.database.db, calendar.id, year) };
  }

  async set(date: string, input: { kind: CalendarDay['kind']; name: string }, actor: Actor, ip?: string): Promise<CalendarDay> {
    const calendar = await this.calendar();
    await this.database.db.transaction(async (tx) => {
      const before = await calendarRepository.setDay(tx, calendar.id, { date, ...input });
      await auditRepository.append(tx, { actorId: actor.staffId, action: 'calendar.set_day', entity: 'calendar_day', entityId: date, before: before ? { kind: before.kind, name: before.name } : null, after: input, ip });
    });
    this.broadcast.forget('calendars');
    return { date, ...input };
  }

  async clear(date: string, actor: Actor, ip?: string): Promise<{ ok: true }> {
    const calendar = await this.calendar();
    const removed = await this.database.db.transaction(async (tx) => {
      const before = await calendarRepository.clearDay(tx, calendar.id, date);
      if (before) await auditRepository.append(tx, { actorId: actor.staffId, action: 'calendar.clear_day', entity: 'calendar_day', entityId: date, before: { kind: before.kind, name: before.name }, after: null, ip });
      return before;
    });
    if (!removed) throw ApiError.notFound({ vi: 'ngày ngoại lệ này trong lịch', en: 'This exception in the calendar' });
    this.broadcast.forget('calendars');
    return { ok: true };
  }

  /** The office windows of a unit: the period in force today (its own, else the nearest ancestor's) and those to come on its chain. */
  async officeWindows(unitId: string, now: Date): Promise<OfficeWindowsView> {
    const db = this.database.db;
    const chain = await scopeRepository.ancestry(db, unitId);
    if (!chain.length) throw ApiError.notFound({ vi: 'đơn vị này', en: 'This unit' });
    const today = localDate(now, DEFAULT_TIME_ZONE);
    const rows = await calendarRepository.officeWindowsOf(db, chain);
    const depth = (id: string) => chain.indexOf(id);
    const period = (r: (typeof rows)[number]): OfficeWindowsPeriod => ({ id: r.id, unitId: r.unitId, unitName: r.unitName, effectiveFrom: r.effectiveFrom, officeWindows: r.officeWindows, note: r.note });
    // nearest scope with a period started by today wins; within it the latest
    let inForce: OfficeWindowsPeriod | null = null;
    for (const id of chain) {
      const own = rows.filter((r) => r.unitId === id && r.effectiveFrom <= today).at(-1);
      if (own) { inForce = period(own); break; }
    }
    const upcoming = rows.filter((r) => r.effectiveFrom > today).sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom) || depth(a.unitId) - depth(b.unitId)).map(period);
    const base = await calendarRepository.defaultCalendar(db);
    return { unitId, today, inForce, upcoming, baseHours: base?.officeWindows ?? DEFAULT_OFFICE_HOURS };
  }

  /**
   * Sets a unit's office windows from a date on. The date is today or later (local time): the past is
   * never rewritten, and due times already given are stored on the dossiers, so they never move.
   */
  async setOfficeWindows(unitId: string, input: OfficeWindowsInput, actor: Actor, ip: string | undefined, now: Date): Promise<OfficeWindowsView> {
    const today = localDate(now, DEFAULT_TIME_ZONE);
    if (input.effectiveFrom < today) {
      throw ApiError.validation([{ path: 'body.effectiveFrom', message: { vi: `Ngày áp dụng phải từ hôm nay (${today}) trở đi; giờ làm việc đã qua không sửa lại được`, en: `The date must be today (${today}) or later; past office hours cannot be rewritten` } }]);
    }
    const chain = await scopeRepository.ancestry(this.database.db, unitId);
    if (!chain.length) throw ApiError.notFound({ vi: 'đơn vị này', en: 'This unit' });
    await this.database.db.transaction(async (tx) => {
      const { before, row } = await calendarRepository.setOfficeWindows(tx, { unitId, effectiveFrom: input.effectiveFrom, officeWindows: input.officeWindows, note: input.note, createdBy: actor.staffId });
      await auditRepository.append(tx, {
        actorId: actor.staffId, action: 'calendar.set_office_windows', entity: 'office_window_schedule', entityId: row.id,
        before: before ? { unitId, effectiveFrom: before.effectiveFrom, officeWindows: before.officeWindows, note: before.note } : null,
        after: { unitId, effectiveFrom: input.effectiveFrom, officeWindows: input.officeWindows, note: input.note }, ip,
      });
    });
    this.broadcast.forget('calendars');
    return this.officeWindows(unitId, now);
  }

  private async calendar() {
    const row = await calendarRepository.defaultCalendar(this.database.db);
    if (!row) throw ApiError.notFound({ vi: 'lịch làm việc mặc định', en: 'The default calendar' });
    return row;
  }
}
