import { JobName, Namespace, Room, ServerEvent, type JobPayload } from '@motcua/contracts';
import { findPlanned, localDate, planAlerts, type WorkCalendar } from '@motcua/core';
import { alertRepository, deliveryRepository, type AlertTarget, type DatabaseHandle, type Notification } from '@motcua/db';
import { alertJob, DeadlineScheduler, RealtimePublisher } from '@motcua/platform';
import { Inject, Injectable } from '@nestjs/common';
import { CONFIG, type WorkerConfig } from '../config/config.js';
import { WorkerMetrics } from '../infra/metrics.js';
import { DATABASE, LOGGER } from '../infra/tokens.js';
import type { Logger } from 'pino';
import { CitizenNotifyService } from '../citizen/citizen-notify.service.js';
import { DeliveryService } from '../deliveries/delivery.service.js';
import { DocumentIssuer } from '../documents/document-issuer.service.js';
import { alertText } from './alert-texts.js';

type FirePayload = JobPayload<typeof JobName.alertFire>;
export type FireResult = { outcome: 'gone' | 'stale' } | { outcome: 'not_yet'; at: Date } | { outcome: 'fired'; created: number };

// Tết can close 9 calendar days in a row: a due-soon warning may come that long before the due time.
const DUE_SOON_HORIZON_MS = 16 * 24 * 3600_000;
const BATCH = 500;
const CALENDAR_TTL_MS = 60_000;
/** pg advisory lock key of the alert sweep. */
const SWEEP_LOCK = 6_001;

/** Decides and records alerts. Jobs only wake it up: the database says whether there is anything to do. */
@Injectable()
export class AlertService {
  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(RealtimePublisher) private readonly realtime: RealtimePublisher,
    @Inject(DeadlineScheduler) private readonly scheduler: DeadlineScheduler,
    @Inject(CONFIG) private readonly config: WorkerConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(DeliveryService) private readonly deliveries: DeliveryService,
    @Inject(CitizenNotifyService) private readonly citizen: CitizenNotifyService,
    @Inject(WorkerMetrics) private readonly metrics: WorkerMetrics,
    @Inject(DocumentIssuer) private readonly documents: DocumentIssuer,
  ) {}

  #calendars = new Map<string, Promise<WorkCalendar>>();
  #calendarsLoadedAt = 0;

  /** Calendars change rarely (an admin edits holidays); a minute of caching saves several queries per alert. */
  private calendars(): Map<string, Promise<WorkCalendar>> {
    if (Date.now() - this.#calendarsLoadedAt > CALENDAR_TTL_MS) {
      this.#calendars = new Map();
      this.#calendarsLoadedAt = Date.now();
    }
    return this.#calendars;
  }

  async fire(p: FirePayload, now: Date): Promise<FireResult> {
    const [target] = await alertRepository.targets(this.database.db, [p.dossierId], this.calendars());
    if (!target) return { outcome: 'gone' };
    return this.fireTarget(target, p, now);
  }

  private async fireTarget(target: AlertTarget, p: FirePayload, now: Date): Promise<FireResult> {
    const planned = findPlanned(planAlerts(target.calendar, target.subject, now), p.kind, p.stage, p.deadlineVersion);
    // Paused, resolved, re-planned under a newer deadline version: this wake-up is stale.
    if (!planned) return { outcome: 'stale' };
    if (planned.at.getTime() > now.getTime()) return { outcome: 'not_yet', at: planned.at };
    const recipients = await alertRepository.recipients(this.database.db, target, p.kind);
    const text = alertText(p.kind, target.code, p.stage, planned.at);
    const { created, deliveries } = await this.database.db.transaction(async (tx) => {
      const rows = await alertRepository.insertOnce(tx, recipients.map((recipientId) => ({ recipientId, dossierId: target.subject.id, kind: p.kind, deadlineVersion: p.deadlineVersion, stage: p.stage, ...text })));
      return { created: rows, deliveries: await alertRepository.createDeliveries(tx, rows, target.unitId, this.deliveries.emailEnabled) };
    });
    if (created.length) this.metrics.alertLateness.observe((Date.now() - planned.at.getTime()) / 1000);
    await this.push(created);
    await this.deliveries.enqueue(deliveries.map((d) => d.id));
    // Redis holds only each dossier's next wake-up: chain the one after this alert.
    await this.scheduler.schedule([target], { pastToo: false });
    return { outcome: 'fired', created: created.length };
  }

  /** Real-time push to each recipient's room, once per notification even across crashes; the sweep pushes what a crash left unpushed. */
  async push(rows: readonly Notification[]): Promise<void> {
    if (!rows.length) return;
    const unread = await alertRepository.unreadCounts(this.database.db, [...new Set(rows.map((r) => r.recipientId))]);
    for (const n of rows) {
      await this.realtime.publishOnce(Namespace.staff, Room.user(n.recipientId), ServerEvent.notificationCreated, {
        notification: {
          id: n.id, kind: n.kind, dossierId: n.dossierId, deadlineVersion: n.deadlineVersion, stage: n.stage, title: n.title, body: n.body,
          readAt: n.readAt?.toISOString() ?? null, createdAt: n.createdAt.toISOString(),
        },
        unread: unread.get(n.recipientId) ?? 0,
      }, `notification:${n.id}`);
    }
    await alertRepository.markPushed(this.database.db, rows.map((r) => r.id), new Date());
  }

  /**
   * The repair pass (Redis flushed, jobs lost, worker killed): fires every alert that is
   * due but has no notification, re-adds the jobs of alerts due before the next two
   * sweeps, and pushes notifications a crash left unpushed.
   */
  async sweep(now: Date): Promise<{ fired: number; scheduled: number; pushed: number } | { skipped: 'another sweep is running' }> {
    // Repeats pile up while a long sweep runs; one at a time is enough. The lock is held by a
    // transaction left open for the sweep (not by a session, which PgBouncer in transaction mode
    // would hand to someone else): a killed worker's transaction ends and frees it.
    return this.database.sql.begin(async (tx) => {
      const [row] = await tx`select pg_try_advisory_xact_lock(${SWEEP_LOCK}) as ok`;
      if (!row!.ok) return { skipped: 'another sweep is running' } as const;
      return this.repair(now);
    });
  }

  private async repair(now: Date): Promise<{ fired: number; scheduled: number; pushed: number }> {
    let fired = 0;
    let scheduled = 0;
    const soon = now.getTime() + 2 * this.config.ALERT_SWEEP_EVERY_MS;
    for (let after: string | null = null; ; ) {
      const ids = await alertRepository.candidates(this.database.db, new Date(now.getTime() + DUE_SOON_HORIZON_MS), after, BATCH);
      if (!ids.length) break;
      after = ids.at(-1)!;
      const [targets, notified] = await Promise.all([alertRepository.targets(this.database.db, ids, this.calendars()), alertRepository.notifiedKeys(this.database.db, ids)]);
      const jobs = [];
      const missed: (() => Promise<FireResult>)[] = [];
      for (const target of targets) {
        for (const a of planAlerts(target.calendar, target.subject, now)) {
          if (a.at.getTime() <= now.getTime()) {
            if (notified.has(`${target.subject.id}|${a.kind}|${a.stage}|${a.deadlineVersion}`)) continue;
            missed.push(() => this.fireTarget(target, { dossierId: target.subject.id, kind: a.kind, stage: a.stage, deadlineVersion: a.deadlineVersion }, now));
          } else if (a.at.getTime() <= soon) jobs.push(alertJob(target.subject.id, a, now));
        }
      }
      for (let i = 0; i < missed.length; i += this.config.WORKER_CONCURRENCY) {
        const results = await Promise.all(missed.slice(i, i + this.config.WORKER_CONCURRENCY).map((fire) => fire()));
        // An alert with nobody to tell inserts nothing: it was not "repaired", and would be counted every sweep.
        fired += results.filter((r) => r.outcome === 'fired' && r.created > 0).length;
      }
      await this.scheduler.add(jobs);
      scheduled += jobs.length;
    }
    const stuck = await alertRepository.unpushed(this.database.db, new Date(now.getTime() - 5000), 1000);
    await this.push(stuck);
    // Deliveries whose job a crash or a Redis loss took away (a waiting one keeps its job: same id).
    const staleBefore = new Date(now.getTime() - Math.max(60_000, 2 * this.config.ALERT_SWEEP_EVERY_MS));
    await this.deliveries.enqueue(await deliveryRepository.stalePending(this.database.db, staleBefore, 1000));
    await this.citizen.repairStale(staleBefore);
    // Citizen notifications whose job was never made; six hours back (seeded history is older).
    const lost = await this.citizen.repairLostNotifies(new Date(staleBefore.getTime() - 6 * 3600_000), staleBefore);
    if (lost) this.logger.warn({ lost }, 'alert sweep re-requested lost citizen notifications');
    // Documents of record whose job was never made (Redis down at commit) or lost: two sweep periods
    // are enough to tell (a job id shared with the API's keeps a live one from doubling).
    const docsBefore = new Date(now.getTime() - Math.max(5_000, 2 * this.config.ALERT_SWEEP_EVERY_MS));
    const records = await this.documents.repairLost(new Date(docsBefore.getTime() - 6 * 3600_000), docsBefore);
    if (records) this.logger.warn({ records }, 'alert sweep re-requested lost documents of record');
    // Said only when something was actually repaired, with how much.
    if (fired || stuck.length) this.logger.warn({ fired, pushed: stuck.length }, `alert sweep repaired ${fired} missed alerts and pushed ${stuck.length} notifications`);
    return { fired, scheduled, pushed: stuck.length };
  }

  /**
   * The leaders' morning digest: overdue and due-today dossiers by commune of their units.
   * Once per leader per local day (the date is the notification's stage), however often it runs.
   */
  async digest(now: Date): Promise<{ notified: number }> {
    const day = Number(localDate(now, this.config.DIGEST_TZ).replaceAll('-', ''));
    const byLeader = new Map<string, Map<string, { overdue: number; dueToday: number }>>();
    for (const { staffId, unitId } of await alertRepository.leaders(this.database.db)) {
      const units = byLeader.get(staffId) ?? new Map();
      for (const r of await alertRepository.digest(this.database.db, unitId, now, this.config.DIGEST_TZ)) units.set(r.unit, r);
      byLeader.set(staffId, units);
    }
    const rows = [...byLeader]
      .filter(([, units]) => units.size > 0)
      .map(([recipientId, units]) => ({
        recipientId, dossierId: null, kind: 'digest' as const, deadlineVersion: 0, stage: day,
        title: `${[...units.values()].reduce((n, u) => n + u.overdue, 0)} / ${[...units.values()].reduce((n, u) => n + u.dueToday, 0)}`,
        body: [...units].map(([unit, u]) => `${unit}: ${u.overdue} hồ sơ quá hạn, ${u.dueToday} hồ sơ đến hạn hôm nay`).join('\n'),
      }));
    const { created, deliveries } = await this.database.db.transaction(async (tx) => {
      const inserted = await alertRepository.insertOnce(tx, rows);
      return { created: inserted, deliveries: await alertRepository.createDeliveries(tx, inserted, null, this.deliveries.emailEnabled) };
    });
    await this.push(created);
    await this.deliveries.enqueue(deliveries.map((d) => d.id));
    return { notified: created.length };
  }
}
