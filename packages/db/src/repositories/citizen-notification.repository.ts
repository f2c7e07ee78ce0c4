import { and, count, desc, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../client.js';
import { query } from '../statement.js';
import { citizenContacts, citizenDeliveries, citizenTemplates, ticketContacts, type NewCitizenDelivery } from '../schema/citizen-notifications.js';
import { dossierEvents, dossiers } from '../schema/dossiers.js';
import { centers, counters } from '../schema/organisation.js';
import { procedureVersions } from '../schema/procedures.js';
import { tickets } from '../schema/queue.js';
import type { CenterFilter } from './center.repository.js';

type TemplateKey = { event: string; channel: string; language: string };
const templateWhere = (k: TemplateKey) => and(eq(citizenTemplates.event, k.event), eq(citizenTemplates.channel, k.channel), eq(citizenTemplates.language, k.language));

const purgeTicketContacts = query(
  'citizenNotification.purgeTicketContacts',
  z.object({ ticket_id: z.string() }),
  (now: Date) => sql`
      delete from ticket_contacts tc using tickets t, centers c
      where t.id = tc.ticket_id and c.id = t.center_id
        and t.business_date < (${now.toISOString()}::timestamptz at time zone c.time_zone)::date
      returning tc.ticket_id`,
);

const ticketsNearTheFront = query(
  'citizenNotification.ticketsNearTheFront',
  z.object({ id: z.string() }),
  (centerId: string, maxAhead: number) => sql`
      select f.id from (
        select t.id, (select count(*) from tickets o where o.center_id = t.center_id and o.service_id = t.service_id and o.business_date = t.business_date
                        and o.status = 'waiting' and (o.arrived_at, o.number) < (t.arrived_at, t.number) and o.id <> t.id) as ahead
        from ticket_contacts tc join tickets t on t.id = tc.ticket_id
        where t.center_id = ${centerId} and t.status = 'waiting'
          and not exists (select 1 from citizen_deliveries d where d.event_key = 'ticket-soon:' || t.id::text)
      ) f where f.ahead between 1 and ${maxAhead}`,
);

const aheadOfTicket = query(
  'citizenNotification.aheadOfTicket',
  z.object({ n: z.number() }),
  (ticketId: string) => sql`
      select count(*)::int as n from tickets t join tickets o on o.center_id = t.center_id and o.service_id = t.service_id and o.business_date = t.business_date
      where t.id = ${ticketId} and o.status = 'waiting' and (o.arrived_at, o.number) < (t.arrived_at, t.number) and o.id <> t.id`,
);

const eventsWithoutDeliveries = query(
  'citizenNotification.eventsWithoutDeliveries',
  z.object({ id: z.string(), kind: z.string(), dossier_id: z.string() }),
  (q: { from: Date; before: Date; kinds: readonly string[]; phone: boolean; email: boolean; limit: number }) => sql`
      select e.id, e.kind, e.dossier_id from dossier_events e join dossiers d on d.id = e.dossier_id
      where e.created_at >= ${q.from.toISOString()}::timestamptz and e.created_at < ${q.before.toISOString()}::timestamptz
        and e.kind in ${q.kinds}
        and ((${q.phone} and coalesce(d.applicant_phone, '') <> '') or (${q.email} and coalesce(d.applicant_email, '') <> ''))
        and not exists (select 1 from citizen_deliveries c where c.event_key = e.id::text)
      order by e.created_at
      limit ${q.limit}`,
);

export const citizenNotificationRepository = {
  // ───── kiosk phone ─────
  async saveTicketContact(db: DbOrTx, ticketId: string, phone: string, language: string): Promise<void> {
    await db.insert(ticketContacts).values({ ticketId, phone, language }).onConflictDoNothing();
  },

  /** Contacts of tickets whose business day is over in their center's time zone: they served their purpose. */
  async purgeTicketContacts(tx: DbOrTx, now: Date): Promise<number> {
    const rows = await purgeTicketContacts(tx, now);
    return rows.length;
  },

  /**
   * Waiting tickets of a center that left a phone and now have 1 to `maxAhead` people ahead (same
   * service and day, arrived earlier: the count the tracking page shows), not yet told so.
   */
  async ticketsNearTheFront(db: DbOrTx, centerId: string, maxAhead: number): Promise<string[]> {
    const rows = await ticketsNearTheFront(db, centerId, maxAhead);
    return rows.map((r) => r.id);
  },

  /** People still waiting ahead of a ticket (the number a "3 ahead" text says). */
  async aheadOfTicket(db: DbOrTx, ticketId: string): Promise<number> {
    const [r] = await aheadOfTicket(db, ticketId);
    return r?.n ?? 0;
  },

  async hasTicketContact(db: DbOrTx, ticketId: string): Promise<boolean> {
    const [r] = await db.select({ id: ticketContacts.ticketId }).from(ticketContacts).where(eq(ticketContacts.ticketId, ticketId));
    return !!r;
  },

  // ───── what a message is about ─────
  async ticketContext(db: DbOrTx, ticketId: string) {
    const [r] = await db
      .select({ ticket: tickets, phone: ticketContacts.phone, language: ticketContacts.language, counterLabel: counters.label, centerName: centers.name })
      .from(tickets)
      .innerJoin(ticketContacts, eq(ticketContacts.ticketId, tickets.id))
      .innerJoin(centers, eq(centers.id, tickets.centerId))
      .leftJoin(counters, eq(counters.id, tickets.counterId))
      .where(eq(tickets.id, ticketId));
    return r;
  },

  async dossierContext(db: DbOrTx, dossierId: string, eventId: string) {
    const [r] = await db
      .select({ dossier: dossiers, event: dossierEvents, obligationPausesClock: procedureVersions.obligationPausesClock })
      .from(dossiers)
      .innerJoin(dossierEvents, and(eq(dossierEvents.dossierId, dossiers.id), eq(dossierEvents.id, eventId)))
      .innerJoin(procedureVersions, eq(procedureVersions.id, dossiers.procedureVersionId))
      .where(eq(dossiers.id, dossierId));
    if (!r) return undefined;
    const rows = await db.select().from(centers).where(inArray(centers.id, [r.dossier.receivingCenterId, r.dossier.returnCenterId]));
    return { ...r, receiving: rows.find((c) => c.id === r.dossier.receivingCenterId)!, returning: rows.find((c) => c.id === r.dossier.returnCenterId)! };
  },

  // ───── templates ─────
  async templates(db: DbOrTx) {
    return db.select().from(citizenTemplates);
  },

  async template(db: DbOrTx, k: TemplateKey) {
    const [r] = await db.select().from(citizenTemplates).where(templateWhere(k));
    return r;
  },

  async saveTemplate(db: DbOrTx, row: TemplateKey & { subject: string; body: string; updatedById: string }) {
    const [r] = await db
      .insert(citizenTemplates)
      .values(row)
      .onConflictDoUpdate({ target: [citizenTemplates.event, citizenTemplates.channel, citizenTemplates.language], set: { subject: row.subject, body: row.body, updatedById: row.updatedById, updatedAt: new Date() } })
      .returning();
    return r!;
  },

  async removeTemplate(db: DbOrTx, k: TemplateKey): Promise<void> {
    await db.delete(citizenTemplates).where(templateWhere(k));
  },

  // ───── contacts and opt-out ─────
  /** The contact row of a phone/address, made on first use with the given token. */
  async contact(db: DbOrTx, contact: string, newToken: string) {
    await db.insert(citizenContacts).values({ contact, optOutToken: newToken }).onConflictDoNothing({ target: citizenContacts.contact });
    const [r] = await db.select().from(citizenContacts).where(eq(citizenContacts.contact, contact));
    return r!;
  },

  async contactByToken(db: DbOrTx, token: string) {
    const [r] = await db.select({ contact: citizenContacts.contact, optedOutAt: citizenContacts.optedOutAt }).from(citizenContacts).where(eq(citizenContacts.optOutToken, token));
    return r;
  },

  /** Idempotent; false when no contact has this token. */
  async optOut(db: DbOrTx, token: string, at: Date): Promise<boolean> {
    const rows = await db
      .update(citizenContacts)
      .set({ optedOutAt: sql`coalesce(${citizenContacts.optedOutAt}, ${at.toISOString()}::timestamptz)` })
      .where(eq(citizenContacts.optOutToken, token))
      .returning({ id: citizenContacts.id });
    return rows.length > 0;
  },

  // ───── deliveries ─────
  /** Rows already made for this event (a re-run job) are left as they are: the unique key is (event key, channel). */
  async insertDeliveries(db: DbOrTx, rows: NewCitizenDelivery[]): Promise<void> {
    if (rows.length) await db.insert(citizenDeliveries).values(rows).onConflictDoNothing({ target: [citizenDeliveries.eventKey, citizenDeliveries.channel] });
  },

  async pendingOf(db: DbOrTx, eventKey: string): Promise<string[]> {
    const rows = await db.select({ id: citizenDeliveries.id }).from(citizenDeliveries).where(and(eq(citizenDeliveries.eventKey, eventKey), eq(citizenDeliveries.status, 'pending')));
    return rows.map((r) => r.id);
  },

  /**
   * Control-slip rows made in [from, before) that a citizen hears about and that have no
   * delivery yet: their `citizen.notify` job was lost (Redis unreachable at commit).
   * Only dossiers with a phone or address that a configured channel can reach.
   */
  async eventsWithoutDeliveries(db: DbOrTx, q: { from: Date; before: Date; kinds: readonly string[]; phone: boolean; email: boolean; limit: number }) {
    if (!q.kinds.length || (!q.phone && !q.email)) return [];
    return eventsWithoutDeliveries(db, q);
  },

  /** Pending deliveries not touched since `before`, whose job a crash or a Redis loss may have taken away. */
  async stalePending(db: DbOrTx, before: Date, limit: number): Promise<string[]> {
    const rows = await db
      .select({ id: citizenDeliveries.id })
      .from(citizenDeliveries)
      .where(and(eq(citizenDeliveries.status, 'pending'), lt(citizenDeliveries.updatedAt, before)))
      .limit(limit);
    return rows.map((r) => r.id);
  },

  async delivery(db: DbOrTx, id: string) {
    const [r] = await db
      .select({ d: citizenDeliveries, optedOutAt: citizenContacts.optedOutAt, optOutToken: citizenContacts.optOutToken, ticketPhone: ticketContacts.phone })
      .from(citizenDeliveries)
      .leftJoin(citizenContacts, eq(citizenContacts.id, citizenDeliveries.contactId))
      .leftJoin(ticketContacts, eq(ticketContacts.ticketId, citizenDeliveries.ticketId))
      .where(eq(citizenDeliveries.id, id));
    return r;
  },

  async markDelivery(db: DbOrTx, id: string, patch: { status: 'sent' | 'failed' | 'pending' | 'opted_out'; error?: string; at?: Date; attempted: boolean }): Promise<void> {
    await db
      .update(citizenDeliveries)
      .set({
        status: patch.status,
        attempts: patch.attempted ? sql`${citizenDeliveries.attempts} + 1` : citizenDeliveries.attempts,
        lastError: patch.error?.slice(0, 1000) ?? null,
        ...(patch.at ? { deliveredAt: patch.at } : {}),
      })
      .where(eq(citizenDeliveries.id, id));
  },

  /** The log, newest first, limited to the centers the caller's grants reach. */
  async page(db: DbOrTx, filter: CenterFilter, q: { page: number; pageSize: number; status?: string; event?: string; channel?: string }) {
    const conds: (SQL | undefined)[] = [
      q.status ? eq(citizenDeliveries.status, q.status) : undefined,
      q.event ? eq(citizenDeliveries.event, q.event) : undefined,
      q.channel ? eq(citizenDeliveries.channel, q.channel) : undefined,
    ];
    if (!('all' in filter)) {
      const underUnits = filter.unitIds.length
        ? sql`${centers.unitId} in (with recursive down as (select id from administrative_units where id in ${filter.unitIds} union all select u.id from administrative_units u join down on u.parent_id = down.id) select id from down)`
        : sql`false`;
      conds.push(or(underUnits, filter.centerIds.length ? inArray(centers.id, filter.centerIds) : sql`false`));
    }
    const where = and(...conds);
    const [items, [total]] = await Promise.all([
      db
        .select({ d: citizenDeliveries, centerName: centers.name })
        .from(citizenDeliveries)
        .innerJoin(centers, eq(centers.id, citizenDeliveries.centerId))
        .where(where)
        .orderBy(desc(citizenDeliveries.createdAt), desc(citizenDeliveries.id))
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize),
      db.select({ n: count() }).from(citizenDeliveries).innerJoin(centers, eq(centers.id, citizenDeliveries.centerId)).where(where),
    ]);
    return { items, total: total!.n };
  },
};
