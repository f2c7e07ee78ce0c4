import type { CalendarDay } from '@motcua/contracts';
import { auditRepository, calendarRepository, type DatabaseHandle } from '@motcua/db';
import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../../common/actor.js';
import { ApiError } from '../../common/api-error.js';
import { DATABASE } from '../../infra/tokens.js';

/**
 * Admins adjust the default calendar each year (the Government re-arranges days off).
 * Deadline computations read it on every command; queue and alert caches refresh within a minute.
 */
@Injectable()
export class CalendarService {
  constructor(@Inject(DATABASE) private readonly database: DatabaseHandle) {}

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
    return { ok: true };
  }

  private async calendar() {
    const row = await calendarRepository.defaultCalendar(this.database.db);
    if (!row) throw ApiError.notFound({ vi: 'lịch làm việc mặc định', en: 'The default calendar' });
    return row;
  }
}
