import { businessDate, createCalendar, estimateWait, isOpenAt, localDate, nextOpening, serviceFloor, windowsOn, type ServiceFloor, type WorkCalendar } from '@motcua/core';
import { calendarRepository, floorRepository, ticketRepository, type DatabaseHandle } from '@motcua/db';
import { Inject, Injectable } from '@nestjs/common';
import { Cached } from '../../common/cached.js';
import { CacheBroadcast } from '../../infra/cache-broadcast.js';
import { DATABASE } from '../../infra/tokens.js';

type Center = NonNullable<Awaited<ReturnType<typeof ticketRepository.centerConfig>>>['center'];

/** What the queue needs to know about a center beyond its rows: is it open now, and how long the wait is. */
@Injectable()
export class CenterContext {
  readonly #calendars = new Cached<WorkCalendar>(60_000);
  readonly #waitInputs = new Cached<{ recent: Map<string, number[]>; open: Map<string, number> }>(5_000);
  readonly #openings = new Cached<{ isOpenNow: boolean; windows: Array<{ start: string; end: string }> }>(60_000);
  readonly #configs = new Cached<Awaited<ReturnType<typeof ticketRepository.centerConfig>>>(2_000);

  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(CacheBroadcast) private readonly broadcast: CacheBroadcast,
  ) {
    broadcast.on('center', (centerId) => {
      this.#configs.delete(centerId);
      this.#calendars.delete(centerId);
      this.#openings.deletePrefix(`${centerId}:`);
    });
    broadcast.on('calendars', () => {
      this.#calendars.clear();
      this.#openings.clear();
    });
  }

  /** The center, its services and priority categories: read on every ticket, so kept for 2 s (a pause here is seen at once). */
  config(centerId: string) {
    return this.#configs.get(centerId, () => ticketRepository.centerConfig(this.database.db, centerId));
  }

  /** After a center's setup changes: its hours and rules apply to the next request, on every API process. */
  forget(centerId: string): void {
    this.broadcast.forget('center', centerId);
  }

  /**
   * The center's own opening hours with the holidays of its unit's calendar; from the date a province
   * or agency sets office windows (`office_window_schedules`), those windows are the hours in force.
   */
  calendar(center: Center): Promise<WorkCalendar> {
    return this.#calendars.get(center.id, async () => {
      const unit = await calendarRepository.forUnit(this.database.db, center.unitId, center.timeZone);
      return createCalendar({ timeZone: center.timeZone, officeHours: center.openingHours, days: unit.days.values(), ...(unit.schedule ? { schedule: unit.schedule } : {}) });
    });
  }

  /** Whether the center is open now and its hours today; the answer holds for the rest of the minute. */
  openingToday(center: Center, now: Date) {
    const minute = Math.floor(now.getTime() / 60_000);
    return this.#openings.get(`${center.id}:${minute}`, () => this.computeOpening(center, new Date(minute * 60_000)), now.getTime());
  }

  private async computeOpening(center: Center, now: Date) {
    const cal = await this.calendar(center);
    const today = localDate(now, center.timeZone);
    const windows = windowsOn(cal, today);
    return { isOpenNow: isOpenAt(cal, now), windows: windows.map((w) => ({ start: w.start, end: w.end })) };
  }

  /** Estimated wait for someone with `peopleAhead` in a service, as a range. */
  async estimate(center: Center, service: { id: string; typicalServiceMinutes: number }, peopleAhead: number) {
    const inputs = await this.#waitInputs.get(center.id, async () => {
      const serviceIds = (await this.config(center.id))?.services.map((s) => s.id) ?? [];
      const [recent, open] = await Promise.all([ticketRepository.recentServiceMs(this.database.db, center.id, serviceIds), ticketRepository.openCountersPerService(this.database.db, center.id)]);
      return { recent, open };
    });
    return estimateWait({ peopleAhead, openCounters: inputs.open.get(service.id) ?? 0, recentServiceMs: inputs.recent.get(service.id) ?? [], typicalServiceMinutes: service.typicalServiceMinutes });
  }

  /**
   * Who can serve each service of the center now, and when someone is expected where nobody
   * can (#18 item 1). Read fresh: a counter that just closed must not be offered.
   */
  async floor(center: Center, serviceIds: readonly string[], now: Date): Promise<{ isOpenNow: boolean; nextOpening: Date | null; services: Map<string, ServiceFloor> }> {
    const [opening, cal, counters] = await Promise.all([this.openingToday(center, now), this.calendar(center), floorRepository.counters(this.database.db, center.id, businessDate(now, center.timeZone))]);
    const next = nextOpening(cal, now);
    const localTime = new Intl.DateTimeFormat('en-GB', { timeZone: center.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(now);
    const afternoonStart = opening.windows[1]?.start ?? null;
    const ctx = { isOpenNow: opening.isOpenNow, nextOpening: next, afternoonStart, localTime };
    return { isOpenNow: opening.isOpenNow, nextOpening: next, services: new Map(serviceIds.map((id) => [id, serviceFloor(id, counters, ctx)])) };
  }
}
