import type { LiveBoard } from '@motcua/contracts';
import { businessDate } from '@motcua/core';
import { floorRepository, ticketRepository, type DatabaseHandle } from '@motcua/db';
import { Inject, Injectable } from '@nestjs/common';
import { ApiError } from '../../common/api-error.js';
import { DATABASE } from '../../infra/tokens.js';
import { CenterContext } from './center-context.js';
import { toQueueTickets } from './counter.service.js';

const minutes = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : Math.round((Number(ms) / 60_000) * 10) / 10);

/** The manager's view of a center's day: every counter and every service line. */
@Injectable()
export class LiveBoardService {
  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(CenterContext) private readonly context: CenterContext,
  ) {}

  async board(centerId: string, now: Date): Promise<LiveBoard> {
    const db = this.database.db;
    const config = await ticketRepository.centerConfig(db, centerId);
    if (!config) throw ApiError.notFound({ vi: 'trung tâm này', en: 'This center' });
    const date = businessDate(now, config.center.timeZone);
    const [counters, counterStats, serviceStats, waiting, floor] = await Promise.all([
      ticketRepository.otherCounters(db, centerId),
      ticketRepository.counterStats(db, centerId, date),
      ticketRepository.serviceStats(db, centerId, date),
      ticketRepository.waitingCounts(db, centerId, date),
      floorRepository.counters(db, centerId, date),
    ]);
    // A service no open counter serves strands whoever takes its ticket: the board flags it (#18 item 1).
    const servedNow = new Set(floor.filter((k) => k.state === 'open' || k.state === 'serving').flatMap((k) => k.serviceIds));
    const active = await Promise.all(counters.map((c) => ticketRepository.activeAt(db, c.id)));
    // A counter serving a ticket has someone at it even without today's assignment (a manager stepping in): name who called it.
    const callers = await Promise.all(active.map(async (t) => (t?.officerId ? ticketRepository.staffName(db, t.officerId) : undefined)));
    const opening = await this.context.openingToday(config.center, now);
    const current = new Map((await toQueueTickets(db, active.filter((t) => t !== undefined))).map((t) => [t.id, t]));
    const byService = new Map(serviceStats.map((s) => [s.service_id, s]));
    const services = config.services.map((s) => {
      const st = byService.get(s.id);
      return {
        serviceId: s.id, nameVi: s.nameVi, nameEn: s.nameEn, ticketPrefix: s.ticketPrefix, isOpen: s.isOpen, waiting: waiting.get(s.id) ?? 0,
        oldestWaitMinutes: st?.oldest ? minutes(now.getTime() - new Date(st.oldest).getTime()) : null,
        servedToday: st?.served ?? 0,
        avgWaitMinutes: minutes(st?.avg_wait_ms),
        servable: servedNow.has(s.id),
      };
    });
    return {
      centerId, centerName: config.center.name, date,
      counters: counters.map((c, i) => {
        const st = counterStats.find((s) => s.counter_id === c.id);
        const t = active[i];
        return { id: c.id, label: c.label, number: c.number, state: c.state, pauseReason: c.state === 'paused' ? c.pauseReason : null, officerName: st?.officer_name ?? callers[i] ?? null, current: t ? current.get(t.id)! : null, servedToday: st?.served ?? 0, avgServiceMinutes: minutes(st?.avg_ms) };
      }),
      services,
      totals: {
        issued: serviceStats.reduce((a, s) => a + s.issued, 0),
        waiting: services.reduce((a, s) => a + s.waiting, 0),
        served: serviceStats.reduce((a, s) => a + s.served, 0),
        noShow: serviceStats.reduce((a, s) => a + s.no_show, 0),
      },
      opening,
    };
  }
}
