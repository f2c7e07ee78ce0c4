import { JobName, type CounterAction, type QueueTicket, type QueueUpdated, type Workstation } from '@motcua/contracts';
import { allowedCounterActions, businessDate, decideCounterAction, pickNextTicket, shiftOfInstant, TICKET_SOON_AHEAD, type CounterSituation } from '@motcua/core';
import { appointmentRepository, citizenNotificationRepository, floorRepository, pushRepository, remoteTicketRepository, ticketRepository, type DatabaseHandle, type Ticket, type Tx } from '@motcua/db';
import { JobProducer } from '@motcua/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../../common/actor.js';
import { ApiError, type Bilingual } from '../../common/api-error.js';
import { CONFIG, type ApiConfig } from '../../config/config.js';
import { AfterCommit } from '../../infra/after-commit.js';
import { ApiMetrics } from '../../infra/metrics.js';
import { DATABASE } from '../../infra/tokens.js';
import { QueueRealtime } from './queue-realtime.js';

export type CounterCommand =
  | { kind: 'call_next' }
  | { kind: 'call'; ticketId: string }
  | { kind: 'recall' }
  | { kind: 'start' }
  | { kind: 'done' }
  | { kind: 'no_show' }
  | { kind: 'transfer'; serviceId: string | null; counterId: string | null }
  | { kind: 'state'; state: 'open' | 'paused' | 'closed'; reason?: string };

type Counter = NonNullable<Awaited<ReturnType<typeof ticketRepository.counter>>>;
type Config = NonNullable<Awaited<ReturnType<typeof ticketRepository.centerConfig>>>;
/** What happened, for the events published after commit. */
type Outcome = { reason: QueueUpdated['reason']; called?: Ticket };

const invalid = (message: Bilingual) => ApiError.invalidTransition(message);

const situation = (counter: Counter, config: Config, active: Ticket | undefined): CounterSituation => ({
  state: counter.state,
  current: active ? { code: active.code, status: active.status, recallCount: active.recallCount } : null,
  maxRecalls: config.center.noShowAfterRecalls,
  allowCallSpecific: config.center.allowCallSpecific,
});

const actionOf = (command: CounterCommand): CounterAction => {
  switch (command.kind) {
    case 'call_next': return 'callNext';
    case 'call': return 'callSpecific';
    case 'no_show': return 'noShow';
    case 'state': return command.state === 'paused' ? 'pause' : command.state === 'closed' ? 'close' : 'open';
    default: return command.kind;
  }
};

type TicketAppointment = { slotStart: Date; onTime: boolean };

export const toQueueTicket = (t: Ticket, appointment?: TicketAppointment): QueueTicket => ({
  id: t.id,
  code: t.code,
  serviceId: t.serviceId,
  status: t.status,
  priority: t.priorityCategoryId !== null,
  arrivedAt: t.arrivedAt.toISOString(),
  calledAt: t.calledAt?.toISOString() ?? null,
  servingAt: t.servingAt?.toISOString() ?? null,
  recallCount: t.recallCount,
  transferred: t.transferredFromTicketId !== null,
  appointmentAt: appointment?.slotStart.toISOString() ?? null,
  appointmentOnTime: appointment?.onTime ?? false,
});

/** Queue tickets with the appointment each was checked in for. */
export async function toQueueTickets(db: DatabaseHandle['db'], tickets: Ticket[]): Promise<QueueTicket[]> {
  const appointments = await appointmentRepository.ofTickets(db, tickets.map((t) => t.id));
  return tickets.map((t) => toQueueTicket(t, appointments.get(t.id)));
}

/**
 * The counter workstation. Every command runs in one transaction that first locks
 * the counter row (one command at a time per counter); calling locks candidate
 * tickets with SKIP LOCKED, so two counters can never claim the same ticket.
 */
@Injectable()
export class CounterService {
  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(QueueRealtime) private readonly realtime: QueueRealtime,
    @Inject(JobProducer) private readonly jobs: JobProducer,
    @Inject(AfterCommit) private readonly afterCommit: AfterCommit,
    @Inject(ApiMetrics) private readonly metrics: ApiMetrics,
    @Inject(CONFIG) private readonly config: ApiConfig,
  ) {}

  async workstation(counterId: string, actor: Actor, now: Date): Promise<Workstation> {
    const { counter, config } = await this.load(counterId);
    const date = businessDate(now, config.center.timeZone);
    await this.assertOperator(this.database.db, actor, counter.id, date, shiftOfInstant(now, config.center.timeZone));
    return this.snapshot(counter, config, date);
  }

  async run(counterId: string, actor: Actor, command: CounterCommand, now: Date): Promise<Workstation> {
    const { config } = await this.load(counterId);
    const { center } = config;
    const date = businessDate(now, center.timeZone);
    const outcome = await this.database.db.transaction(async (tx) => {
      const counter = (await ticketRepository.lockCounter(tx, counterId))!;
      await this.assertOperator(tx, actor, counterId, date, shiftOfInstant(now, center.timeZone));
      const active = await ticketRepository.activeAt(tx, counterId);
      const done = await this.apply(tx, { counter, config, date, active, actor, now }, command);
      await this.news(tx, center.id, date, counter, done);
      return done;
    });
    // Committed: from here on nothing may turn the answer into an error (the events wait in the outbox if Redis is down).
    this.realtime.kick();
    if (outcome.called) {
      this.metrics.ticketsCalled.inc({ center: center.id });
      await this.notifyCalled(outcome.called);
      await this.notifySoon(outcome.called);
      await this.remoteNoShowLater(outcome.called);
      await this.pushCalled(outcome.called);
    }
    const { counter } = await this.load(counterId);
    return this.snapshot(counter, config, date);
  }

  private async apply(tx: Tx, ctx: { counter: Counter; config: Config; date: string; active: Ticket | undefined; actor: Actor; now: Date }, command: CounterCommand): Promise<Outcome> {
    const { counter, config, active, actor, now } = ctx;
    const event = (ticket: Ticket, kind: string, from: Ticket['status'] | null, data?: Record<string, unknown>) =>
      ticketRepository.event(tx, { ticketId: ticket.id, kind, fromStatus: from, toStatus: ticket.status, counterId: counter.id, actorId: actor.staffId, at: now, data });
    // The ticket lifecycle in core decides; this writes what it says.
    const decision = decideCounterAction(situation(counter, config, active), actionOf(command));
    if (!decision.ok) throw decision.code === 'forbidden' ? ApiError.forbidden(decision.reason) : invalid(decision.reason);
    const { effect } = decision;
    switch (effect.action) {
      case 'callNext':
      case 'callSpecific': {
        if (effect.previousNoShow && active) {
          const gone = await ticketRepository.update(tx, active.id, { status: 'no_show' });
          await event(gone, 'no_show', 'called', { automatic: true });
        }
        const profile = await ticketRepository.counterServices(tx, counter.id);
        const picked = command.kind === 'call' ? await this.lockChosen(tx, command.ticketId, config, ctx.date, profile) : await this.lockNext(tx, counter, config, ctx.date, profile, now);
        const called = await ticketRepository.update(tx, picked.id, { status: effect.ticket, calledAt: now, counterId: counter.id, officerId: actor.staffId, recallCount: 0 });
        await ticketRepository.setCounter(tx, counter.id, { state: effect.counter, normalsSincePriority: called.priorityCategoryId ? 0 : counter.normalsSincePriority + 1 });
        await event(called, command.kind === 'call' ? 'called_specific' : 'called', 'waiting');
        return { reason: 'called', called };
      }
      case 'recall': {
        const again = await ticketRepository.update(tx, active!.id, { recallCount: active!.recallCount + 1, calledAt: now });
        await event(again, 'recalled', 'called', { recall: again.recallCount });
        return { reason: 'called', called: again };
      }
      case 'start': {
        const serving = await ticketRepository.update(tx, active!.id, { status: effect.ticket, servingAt: now });
        await event(serving, 'serving', 'called');
        return { reason: 'served' };
      }
      case 'done': {
        const done = await ticketRepository.update(tx, active!.id, { status: effect.ticket, doneAt: now });
        await ticketRepository.setCounter(tx, counter.id, { state: effect.counter });
        await event(done, 'done', 'serving');
        return { reason: 'served' };
      }
      case 'noShow': {
        const gone = await ticketRepository.update(tx, active!.id, { status: effect.ticket });
        await ticketRepository.setCounter(tx, counter.id, { state: effect.counter });
        await event(gone, 'no_show', 'called');
        return { reason: 'no_show' };
      }
      case 'transfer':
        return this.transfer(tx, ctx, command as Extract<CounterCommand, { kind: 'transfer' }>, event);
      case 'close':
        // Tickets transferred to this counter go back to their service's line, keeping their arrival time (#18 item 2).
        await ticketRepository.releaseTargeted(tx, counter.id);
        await ticketRepository.setCounter(tx, counter.id, { state: effect.counter, pauseReason: null });
        return { reason: 'counter' };
      case 'pause': {
        const reason = (command as Extract<CounterCommand, { kind: 'state' }>).reason?.trim() || null;
        await ticketRepository.setCounter(tx, counter.id, { state: effect.counter, pauseReason: reason });
        return { reason: 'counter' };
      }
      case 'open':
        await ticketRepository.setCounter(tx, counter.id, { state: effect.counter, pauseReason: null });
        return { reason: 'counter' };
    }
  }

  private async lockNext(tx: Tx, counter: Counter, config: Config, date: string, profile: Array<{ serviceId: string; weight: number }>, now: Date) {
    const open = profile.filter((p) => config.services.find((s) => s.id === p.serviceId)?.isOpen !== false);
    const candidates = await ticketRepository.lockCandidates(tx, { centerId: config.center.id, businessDate: date, counterId: counter.id, serviceIds: open.map((p) => p.serviceId) });
    const pick = pickNextTicket(
      candidates.map((c) => ({ id: c.id, serviceId: c.service_id, arrivedAt: c.arrived_at, priorityWeight: c.priority_weight ?? undefined, appointmentAt: c.appointment_at ?? undefined })),
      { services: open },
      { normalsSinceLastPriority: counter.normalsSincePriority, priorityRatio: config.center.priorityRatio },
      now,
    );
    if (!pick) throw invalid({ vi: 'Không có ai đang chờ các dịch vụ của quầy này.', en: 'Nobody is waiting for the services of this counter.' });
    return pick;
  }

  private async lockChosen(tx: Tx, ticketId: string, config: Config, date: string, profile: Array<{ serviceId: string }>) {
    const ticket = await ticketRepository.lockWaiting(tx, ticketId, config.center.id, date);
    if (!ticket) throw invalid({ vi: 'Vé này không còn chờ (đã được gọi ở quầy khác hoặc đã hết hạn).', en: 'This ticket is no longer waiting (another counter called it, or it expired).' });
    if (!profile.some((p) => p.serviceId === ticket.serviceId)) throw invalid({ vi: 'Quầy này không phục vụ dịch vụ của vé đó.', en: 'This counter does not serve that ticket’s service.' });
    return ticket;
  }

  private async transfer(
    tx: Tx,
    ctx: { counter: Counter; config: Config; date: string; active: Ticket | undefined; now: Date },
    command: Extract<CounterCommand, { kind: 'transfer' }>,
    event: (t: Ticket, kind: string, from: Ticket['status'] | null, data?: Record<string, unknown>) => Promise<void>,
  ): Promise<Outcome> {
    const { counter, config, date, active, now } = ctx;
    if (!active) throw invalid({ vi: 'Chỉ chuyển được vé đang được phục vụ.', en: 'Only the ticket being served can be transferred.' });
    const field = (path: string, vi: string, en: string) => ApiError.validation([{ path: `body.${path}`, message: { vi, en } }], { vi, en });
    let targetCounter: Counter | undefined;
    if (command.counterId) {
      targetCounter = await ticketRepository.counter(tx, command.counterId);
      if (!targetCounter || targetCounter.centerId !== config.center.id) throw field('counterId', 'Quầy nhận chuyển không thuộc trung tâm này', 'That counter is not in this center');
      if (targetCounter.id === counter.id) throw field('counterId', 'Hãy chọn một quầy khác', 'Choose another counter');
      if (targetCounter.state === 'closed') throw field('counterId', `${targetCounter.label} đang đóng; hãy chọn một quầy đang mở`, `${targetCounter.label} is closed; choose an open counter`);
    }
    const targetProfile = targetCounter ? await ticketRepository.counterServices(tx, targetCounter.id) : undefined;
    const serviceId = command.serviceId ?? (targetProfile?.some((p) => p.serviceId === active.serviceId) ? active.serviceId : targetProfile?.sort((a, b) => b.weight - a.weight)[0]?.serviceId);
    if (!serviceId || !config.services.some((s) => s.id === serviceId)) throw field('serviceId', 'Dịch vụ nhận chuyển không thuộc trung tâm này', 'That service is not offered at this center');
    if (targetProfile && !targetProfile.some((p) => p.serviceId === serviceId)) throw field('serviceId', 'Quầy nhận chuyển không phục vụ dịch vụ này', 'That counter does not serve this service');
    if (serviceId === active.serviceId && !targetCounter) throw field('serviceId', 'Hãy chọn một dịch vụ khác', 'Choose another service');
    const moved = await ticketRepository.update(tx, active.id, { status: 'transferred', doneAt: now });
    await event(moved, 'transferred', 'serving', { toServiceId: serviceId, toCounterId: targetCounter?.id ?? null });
    // The copy keeps its number, code, priority, tracking code and original arrival time.
    const copy = await ticketRepository.insert(tx, {
      centerId: active.centerId, serviceId, businessDate: date, number: active.number, code: active.code, status: 'waiting',
      priorityCategoryId: active.priorityCategoryId, arrivedAt: active.arrivedAt, transferredFromTicketId: active.id,
      targetCounterId: targetCounter?.id ?? null, trackingCode: active.trackingCode,
    });
    await ticketRepository.event(tx, { ticketId: copy.id, kind: 'transferred_in', toStatus: 'waiting', counterId: counter.id, at: now, data: { fromTicketId: active.id } });
    await ticketRepository.setCounter(tx, counter.id, { state: 'open' });
    return { reason: 'transferred' };
  }

  /** The hall's news of this command, written in its transaction (the realtime outbox). */
  private async news(tx: Tx, centerId: string, date: string, counter: Counter, outcome: Outcome): Promise<void> {
    const waiting = await ticketRepository.waitingCounts(tx, centerId, date);
    const services = [...waiting].map(([serviceId, n]) => ({ serviceId, waiting: n }));
    if (outcome.called) {
      await this.realtime.called(tx, centerId, {
        ticketCode: outcome.called.code, counterId: counter.id, counterNumber: counter.number, counterLabel: counter.label, serviceId: outcome.called.serviceId,
        calledAt: outcome.called.calledAt!.toISOString(), recall: outcome.called.recallCount,
      });
    }
    await this.realtime.updated(tx, { centerId, reason: outcome.reason, services });
  }

  /** A citizen who left a phone at the kiosk gets one text on the first call (recalls are announced in the hall). */
  private async notifyCalled(ticket: Ticket): Promise<void> {
    if (ticket.recallCount > 0) return;
    try {
      if (!(await citizenNotificationRepository.hasTicketContact(this.database.db, ticket.id))) return;
    } catch {
      // The call is committed and announced; the text is a courtesy.
      return;
    }
    await this.afterCommit.run('ticket-called text', () =>
      this.jobs.enqueue(JobName.citizenNotify, { event: 'ticket_called', key: `ticket-called:${ticket.id}`, ticketId: ticket.id }, { jobId: `citizen-notify-ticket-${ticket.id}` }),
    );
  }

  /** The line moved: a phone left for a ticket now 1–3 from the front gets one "3 ahead" text (#17), beside Web Push. */
  private async notifySoon(ticket: Ticket): Promise<void> {
    if (ticket.recallCount > 0) return;
    let near: string[];
    try {
      near = await citizenNotificationRepository.ticketsNearTheFront(this.database.db, ticket.centerId, TICKET_SOON_AHEAD);
    } catch {
      return;
    }
    for (const id of near) {
      await this.afterCommit.run('ticket-soon text', () =>
        this.jobs.enqueue(JobName.citizenNotify, { event: 'ticket_soon', key: `ticket-soon:${id}`, ticketId: id }, { jobId: `citizen-notify-soon-${id}` }),
      );
    }
  }

  /**
   * A remote ticket called before its holder said "I have arrived" waits the center's window, then
   * becomes a no-show by itself (#17): the counter is not held up. One delayed job per ticket (its id
   * dedupes a second enqueue); the worker's conditional update decides whether it still applies.
   */
  private async remoteNoShowLater(ticket: Ticket): Promise<void> {
    if (ticket.recallCount > 0) return;
    let minutes: number | undefined;
    try {
      minutes = await remoteTicketRepository.confirmWindow(this.database.db, ticket.id);
    } catch {
      return;
    }
    if (minutes === undefined) return;
    await this.afterCommit.run('remote no-show', () =>
      this.jobs.enqueue(JobName.queueRemoteNoShow, { ticketId: ticket.id }, { jobId: `remote-no-show-${ticket.id}`, delay: minutes * this.config.REMOTE_CONFIRM_MINUTE_MS }),
    );
  }

  /** The line moved: phones following tickets of this center get "3 ahead" (once) and the called one its call, through the worker. */
  private async pushCalled(ticket: Ticket): Promise<void> {
    if (ticket.recallCount > 0 || !this.config.VAPID_PUBLIC_KEY) return;
    try {
      if (!(await pushRepository.centerHasFollowers(this.database.db, ticket.centerId))) return;
    } catch {
      return;
    }
    await this.afterCommit.run('push on call', () => this.jobs.enqueue(JobName.pushNotify, { centerId: ticket.centerId, calledTicketId: ticket.id }, { jobId: `push-call-${ticket.id}` }));
  }

  private async load(counterId: string) {
    const counter = await ticketRepository.counter(this.database.db, counterId);
    if (!counter) throw ApiError.notFound({ vi: 'quầy này', en: 'This counter' });
    const config = (await ticketRepository.centerConfig(this.database.db, counter.centerId))!;
    return { counter, config };
  }

  /** The day's assignment board, shift by shift, decides who works a counter; managers and admins may step in. */
  private async assertOperator(db: DatabaseHandle['db'] | Tx, actor: Actor, counterId: string, date: string, half: 'morning' | 'afternoon'): Promise<void> {
    if (actor.roles.some((g) => g.role === 'admin' || g.role === 'center_manager')) return;
    if (await ticketRepository.isAssigned(db, actor.staffId, counterId, date, half)) return;
    throw ApiError.forbidden(half === 'morning'
      ? { vi: 'Sáng nay bạn không được phân công làm việc tại quầy này.', en: 'You are not assigned to this counter this morning.' }
      : { vi: 'Chiều nay bạn không được phân công làm việc tại quầy này.', en: 'You are not assigned to this counter this afternoon.' });
  }

  private async snapshot(counter: Counter, config: Config, date: string): Promise<Workstation> {
    const db = this.database.db;
    const profile = await ticketRepository.counterServices(db, counter.id);
    const [active, waiting, served, counts, others] = await Promise.all([
      ticketRepository.activeAt(db, counter.id),
      ticketRepository.waitingFor(db, { centerId: config.center.id, businessDate: date, counterId: counter.id, serviceIds: profile.map((p) => p.serviceId), limit: 100 }),
      ticketRepository.servedToday(db, counter.id, date),
      ticketRepository.waitingCounts(db, config.center.id, date),
      floorRepository.transferTargets(db, config.center.id, date),
    ]);
    const shown = await toQueueTickets(db, active ? [active, ...waiting.rows] : waiting.rows);
    const otherCounters = others.filter((o) => o.id !== counter.id);
    return {
      counter: { id: counter.id, centerId: counter.centerId, label: counter.label, number: counter.number, state: counter.state, pauseReason: counter.state === 'paused' ? counter.pauseReason : null, services: profile },
      centerName: config.center.name,
      timeZone: config.center.timeZone,
      allowCallSpecific: config.center.allowCallSpecific,
      noShowAfterRecalls: config.center.noShowAfterRecalls,
      current: active ? shown[0]! : null,
      waiting: active ? shown.slice(1) : shown,
      waitingTotal: waiting.total,
      servedToday: served,
      services: config.services.map((s) => ({ serviceId: s.id, nameVi: s.nameVi, nameEn: s.nameEn, ticketPrefix: s.ticketPrefix, isOpen: s.isOpen, waiting: counts.get(s.id) ?? 0, field: s.field })),
      otherCounters,
      allowedActions: allowedCounterActions(situation(counter, config, active), { waitingTotal: waiting.total, transferTargets: Math.max(config.services.length - 1, 0) + otherCounters.length }),
    };
  }
}
