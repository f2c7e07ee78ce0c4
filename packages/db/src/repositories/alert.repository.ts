import type { AlertKind } from '@motcua/contracts';
import type { AlertSubject, WorkCalendar } from '@motcua/core';
import { and, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../client.js';
import { query } from '../statement.js';
import { dossiers } from '../schema/dossiers.js';
import { notificationDeliveries, notifications, alertWebhooks } from '../schema/notifications.js';
import { agencies, centers } from '../schema/organisation.js';
import { staff, staffRoles } from '../schema/staff.js';
import { calendarRepository } from './calendar.repository.js';

/** A dossier as the alert planner sees it, with the calendar of its competent unit. */
export interface AlertTarget {
  subject: AlertSubject;
  calendar: WorkCalendar;
  code: string;
  assigneeId: string | null;
  unitId: string;
  receivingCenterId: string;
}

export interface NewNotification {
  recipientId: string;
  dossierId: string | null;
  /** Set on a `threshold` notification (its stage is the crossing number). */
  thresholdId?: string | null;
  /** Set on a `device_offline` notification. */
  deviceOutageId?: string | null;
  kind: AlertKind | 'digest' | 'threshold' | 'device_offline';
  deadlineVersion: number;
  stage: number;
  title: string;
  body: string;
}

const ACTIVE = ['submitted', 'received', 'in_process'] as const;

const digest = query(
  'alert.digest',
  z.object({ unit: z.string(), overdue: z.number(), due_today: z.number() }),
  (unitId: string, now: Date, timeZone: string) => {
    const at = sql`${now.toISOString()}::timestamptz`;
    const due = sql`coalesce(d.extended_due_at, d.due_at)`;
    return sql`
      with recursive sub as (select id from administrative_units where id = ${unitId}::uuid union all select u.id from administrative_units u join sub on u.parent_id = sub.id)
      select u.name as unit,
             count(*) filter (where ${due} < ${at})::int as overdue,
             count(*) filter (where ${due} >= ${at} and (${due} at time zone ${timeZone})::date = (${at} at time zone ${timeZone})::date)::int as due_today
      from dossiers d join agencies a on a.id = d.agency_id join administrative_units u on u.id = a.unit_id
      where a.unit_id in (select id from sub) and d.status in ('received', 'in_process')
      group by u.name order by u.name`;
  },
);

export const alertRepository = {
  /**
   * Dossiers with what the planner needs; the current step's due time is the latest
   * control-slip row for that step. Pass `calendars` to share loaded calendars between calls.
   */
  async targets(db: DbOrTx, ids: readonly string[], calendars = new Map<string, Promise<WorkCalendar>>()): Promise<AlertTarget[]> {
    if (!ids.length) return [];
    const rows = await db
      .select({
        d: dossiers,
        unitId: agencies.unitId,
        timeZone: centers.timeZone,
        stepDueAt: sql<string | null>`(select e.step_due_at from dossier_events e where e.dossier_id = ${dossiers.id} and e.step = ${dossiers.currentStep} and e.step_due_at is not null order by e.at desc limit 1)`,
      })
      .from(dossiers)
      .innerJoin(agencies, eq(agencies.id, dossiers.agencyId))
      .innerJoin(centers, eq(centers.id, dossiers.receivingCenterId))
      .where(inArray(dossiers.id, [...ids]));
    const calendarOf = (unitId: string, tz: string) => {
      const key = `${unitId}|${tz}`;
      if (!calendars.has(key)) calendars.set(key, calendarRepository.forUnit(db, unitId, tz));
      return calendars.get(key)!;
    };
    return Promise.all(
      rows.map(async ({ d, unitId, timeZone, stepDueAt }) => ({
        subject: {
          id: d.id, status: d.status, channel: d.channel, receivedAt: d.receivedAt, submittedAt: d.receivedAt ?? d.createdAt,
          dueAt: d.dueAt, extendedDueAt: d.extendedDueAt, deadlineVersion: d.deadlineVersion, currentStep: d.currentStep,
          stepDueAt: stepDueAt ? new Date(stepDueAt) : null,
        },
        calendar: await calendarOf(unitId, timeZone),
        code: d.code,
        assigneeId: d.assigneeId,
        unitId,
        receivingCenterId: d.receivingCenterId,
      })),
    );
  },

  /**
   * Dossiers whose alerts may be due before `horizon`: running ones due by then (due-soon
   * comes a working day earlier, so callers pass a horizon past the longest holiday),
   * online submissions not acted on, and in-process steps due by then.
   */
  async candidates(db: DbOrTx, horizonAt: Date, after: string | null, limit: number): Promise<string[]> {
    const horizon = sql`${horizonAt.toISOString()}::timestamptz`;
    const rows = await db
      .select({ id: dossiers.id })
      .from(dossiers)
      .where(
        and(
          inArray(dossiers.status, [...ACTIVE]),
          after ? sql`${dossiers.id} > ${after}::uuid` : undefined,
          or(
            sql`coalesce(${dossiers.extendedDueAt}, ${dossiers.dueAt}) <= ${horizon}`,
            and(eq(dossiers.status, 'submitted'), eq(dossiers.channel, 'online')),
            sql`exists (select 1 from dossier_events e where e.dossier_id = ${dossiers.id} and e.step = ${dossiers.currentStep} and e.step_due_at <= ${horizon})`,
          ),
        ),
      )
      .orderBy(dossiers.id)
      .limit(limit);
    return rows.map((r) => r.id);
  },

  /** Which (dossier, kind, stage, version) alerts already notified someone, as "dossier|kind|stage|version" keys. */
  async notifiedKeys(db: DbOrTx, dossierIds: readonly string[]): Promise<Set<string>> {
    if (!dossierIds.length) return new Set();
    const rows = await db
      .selectDistinct({ d: notifications.dossierId, k: notifications.kind, s: notifications.stage, v: notifications.deadlineVersion })
      .from(notifications)
      .where(inArray(notifications.dossierId, [...dossierIds]));
    return new Set(rows.map((r) => `${r.d}|${r.k}|${r.s}|${r.v}`));
  },

  /**
   * Who an alert goes to: the assignee (the step owner for step_overdue) and, for due_soon
   * and overdue, the managers of the receiving center and of the competent unit's centers;
   * intake_sla to the receiving center's officers (its managers if it has none).
   */
  async recipients(db: DbOrTx, t: Pick<AlertTarget, 'assigneeId' | 'unitId' | 'receivingCenterId'>, kind: AlertKind): Promise<string[]> {
    const withRole = async (role: 'center_manager' | 'officer', unitWide: boolean) => {
      const rows = await db
        .selectDistinct({ id: staffRoles.staffId })
        .from(staffRoles)
        .innerJoin(staff, eq(staff.id, staffRoles.staffId))
        .where(
          and(
            eq(staffRoles.role, role),
            eq(staff.active, true),
            or(
              eq(staffRoles.scopeCenterId, t.receivingCenterId),
              unitWide ? sql`${staffRoles.scopeCenterId} in (select id from centers where unit_id = ${t.unitId})` : undefined,
            ),
          ),
        );
      return rows.map((r) => r.id);
    };
    const assignee = t.assigneeId ? [t.assigneeId] : [];
    if (kind === 'step_overdue') return assignee;
    if (kind === 'intake_sla') {
      const officers = await withRole('officer', false);
      return officers.length ? officers : withRole('center_manager', false);
    }
    return [...new Set([...assignee, ...(await withRole('center_manager', true))])];
  },

  /** Inserts what is not there yet; returns only the rows this call created (a retry gets none). */
  async insertOnce(tx: DbOrTx, rows: readonly NewNotification[]) {
    if (!rows.length) return [];
    return tx.insert(notifications).values([...rows]).onConflictDoNothing().returning();
  },

  async markPushed(db: DbOrTx, ids: readonly string[], at: Date): Promise<void> {
    if (ids.length) await db.update(notifications).set({ pushedAt: at }).where(inArray(notifications.id, [...ids]));
  },

  /** Notifications a crash left unpushed (created before `before`), oldest first. */
  async unpushed(db: DbOrTx, before: Date, limit: number) {
    return db.select().from(notifications).where(and(isNull(notifications.pushedAt), lt(notifications.createdAt, before))).orderBy(notifications.createdAt).limit(limit);
  },

  async unreadCounts(db: DbOrTx, recipientIds: readonly string[]): Promise<Map<string, number>> {
    if (!recipientIds.length) return new Map();
    const rows = await db
      .select({ id: notifications.recipientId, n: sql<number>`count(*)::int` })
      .from(notifications)
      .where(and(inArray(notifications.recipientId, [...recipientIds]), isNull(notifications.readAt)))
      .groupBy(notifications.recipientId);
    return new Map(rows.map((r) => [r.id, r.n]));
  },

  /** Email and webhook deliveries for new notifications: email where the person has an address, each active webhook of the unit. */
  async createDeliveries(tx: DbOrTx, created: readonly { id: string; recipientId: string }[], unitId: string | null, withEmail: boolean) {
    if (!created.length) return [];
    const people = await tx.select({ id: staff.id, email: staff.email }).from(staff).where(inArray(staff.id, created.map((c) => c.recipientId)));
    const hooks = unitId ? await tx.select().from(alertWebhooks).where(and(eq(alertWebhooks.unitId, unitId), eq(alertWebhooks.active, true))) : [];
    const email = new Map(people.map((p) => [p.id, p.email]));
    const rows = created.flatMap((n) => [
      ...(withEmail && email.get(n.recipientId) ? [{ notificationId: n.id, channel: 'email', target: email.get(n.recipientId)! }] : []),
      ...hooks.map((h) => ({ notificationId: n.id, channel: `webhook:${h.id}`, target: h.url })),
    ]);
    if (!rows.length) return [];
    return tx.insert(notificationDeliveries).values(rows).onConflictDoNothing().returning({ id: notificationDeliveries.id });
  },

  /** Active leaders and the units they oversee. */
  async leaders(db: DbOrTx): Promise<{ staffId: string; unitId: string }[]> {
    const rows = await db
      .selectDistinct({ staffId: staffRoles.staffId, unitId: staffRoles.scopeUnitId })
      .from(staffRoles)
      .innerJoin(staff, eq(staff.id, staffRoles.staffId))
      .where(and(eq(staffRoles.role, 'leader'), eq(staff.active, true), sql`${staffRoles.scopeUnitId} is not null`));
    return rows.map((r) => ({ staffId: r.staffId, unitId: r.unitId! }));
  },

  /** Per commune (unit of the competent agency) under `unitId`: running dossiers overdue at `now`, and due later today (local date in `timeZone`). */
  async digest(db: DbOrTx, unitId: string, now: Date, timeZone: string): Promise<{ unit: string; overdue: number; dueToday: number }[]> {
    const rows = await digest(db, unitId, now, timeZone);
    return rows
      .map((r) => ({ unit: r.unit, overdue: r.overdue, dueToday: r.due_today }))
      .filter((r) => r.overdue + r.dueToday > 0);
  },
};
