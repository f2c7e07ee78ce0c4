import { and, asc, desc, eq, lt, sql } from 'drizzle-orm';
import { Namespace, Room, ServerEvent, type DossierStatus } from '@motcua/contracts';
import { paymentDue, shiftByPause, transition, type PaymentDue } from '@motcua/core';
import type { DbOrTx, Tx } from '../client.js';
import { dossierEvents, dossierPayments, type Dossier } from '../schema/dossiers.js';
import { payments, type Payment } from '../schema/payments.js';
import { procedureVersions } from '../schema/procedures.js';
import { agencies } from '../schema/organisation.js';
import type { NewDossierEvent } from './dossier.repository.js';
import { calendarRepository } from './calendar.repository.js';
import { dossierRepository } from './dossier.repository.js';
import { outboxRepository } from './outbox.repository.js';

/** A gateway's verified word on an attempt (IPN or query answer). */
export interface SettlementNotice {
  txnRef: string;
  amountVnd: number;
  success: boolean;
  responseCode: string;
  transactionNo: string | null;
  bankCode: string | null;
  paidAt: Date | null;
  raw: Record<string, string>;
}

export type SettlementOutcome =
  | { kind: 'not_found' }
  | { kind: 'already'; payment: Payment }
  | { kind: 'invalid_amount'; payment: Payment }
  | { kind: 'failed'; payment: Payment }
  | { kind: 'paid'; payment: Payment; dossier: Dossier; events: NewDossierEvent[] };

export const paymentRepository = {
  async insert(tx: DbOrTx, row: typeof payments.$inferInsert): Promise<Payment> {
    const [p] = await tx.insert(payments).values(row).returning();
    return p!;
  },

  async byTxnRef(db: DbOrTx, txnRef: string): Promise<Payment | undefined> {
    const [p] = await db.select().from(payments).where(eq(payments.txnRef, txnRef));
    return p;
  },

  async forDossier(db: DbOrTx, dossierId: string): Promise<Payment[]> {
    return db.select().from(payments).where(eq(payments.dossierId, dossierId)).orderBy(desc(payments.createdAt));
  },

  /** Attempts the gateway has not told us about for a while: the reconciliation job asks for them. */
  async stalePending(db: DbOrTx, createdBefore: Date, limit: number): Promise<Payment[]> {
    return db.select().from(payments).where(and(eq(payments.status, 'pending'), lt(payments.createdAt, createdBefore))).orderBy(asc(payments.createdAt)).limit(limit);
  },

  /** An attempt the gateway knows nothing of after the expiry time: it cannot be paid any more. */
  async expire(tx: DbOrTx, id: string, raw: Record<string, string>, now: Date): Promise<boolean> {
    const rows = await tx.update(payments).set({ status: 'expired', settledAt: now, settledBy: 'reconciliation', rawResponse: raw }).where(and(eq(payments.id, id), eq(payments.status, 'pending'))).returning({ id: payments.id });
    return rows.length > 0;
  },

  /**
   * What the citizen may pay now: a notified obligation while the dossier waits for it, else the
   * procedure's fee until a fee payment exists (at the counter or online).
   */
  async dueOf(db: DbOrTx, d: Dossier): Promise<PaymentDue | null> {
    const [version] = await db.select({ feeVnd: procedureVersions.feeVnd }).from(procedureVersions).where(eq(procedureVersions.id, d.procedureVersionId));
    const [fee] = await db.select({ n: sql<number>`count(*)::int` }).from(dossierPayments).where(and(eq(dossierPayments.dossierId, d.id), eq(dossierPayments.purpose, 'fee')));
    let obligation: { eventId: string; amountVnd: number } | null = null;
    if (d.status === 'awaiting_obligation') {
      const [e] = await db.select({ id: dossierEvents.id, data: dossierEvents.data }).from(dossierEvents)
        .where(and(eq(dossierEvents.dossierId, d.id), eq(dossierEvents.kind, 'obligation_notified'))).orderBy(desc(dossierEvents.at), desc(dossierEvents.createdAt)).limit(1);
      const amount = (e?.data as { amountVnd?: unknown } | null)?.amountVnd;
      if (e && typeof amount === 'number') obligation = { eventId: e.id, amountVnd: amount };
    }
    return paymentDue({ status: d.status as DossierStatus, feeVnd: version?.feeVnd ?? 0, feePaid: fee!.n > 0, obligation });
  },

  /**
   * Settles an attempt from the gateway's verified notice, in the caller's transaction: the attempt
   * row is locked first, so of concurrent notices for one attempt one settles and the others find it
   * settled. A paid attempt writes the dossier's ledger row and a control-slip event; an obligation
   * ends the dossier's pause as the counter's "record payment" does (the due time moves by the
   * working time paused when the procedure's obligation pauses the clock).
   */
  async settle(tx: Tx, notice: SettlementNotice, settledBy: 'ipn' | 'reconciliation', now: Date): Promise<SettlementOutcome> {
    const [p] = await tx.select().from(payments).where(eq(payments.txnRef, notice.txnRef)).for('update');
    if (!p) return { kind: 'not_found' };
    if (p.status !== 'pending') return { kind: 'already', payment: p };
    if (notice.amountVnd !== p.amountVnd) return { kind: 'invalid_amount', payment: p };
    const gatewayFields = { gatewayTransactionNo: notice.transactionNo, bankCode: notice.bankCode, responseCode: notice.responseCode, rawResponse: notice.raw, settledAt: now, settledBy };
    if (!notice.success) {
      const [failed] = await tx.update(payments).set({ status: 'failed', ...gatewayFields }).where(eq(payments.id, p.id)).returning();
      return { kind: 'failed', payment: failed! };
    }
    const paidAt = notice.paidAt ?? now;
    const d = (await dossierRepository.lock(tx, p.dossierId))!;
    const [paid] = await tx.update(payments).set({ status: 'paid', paidAt, ...gatewayFields }).where(eq(payments.id, p.id)).returning();
    await dossierRepository.addPayment(tx, { dossierId: d.id, amountVnd: p.amountVnd, method: 'gateway', purpose: p.purpose, paidAt, recordedById: null });
    const [agency] = await tx.select({ unitId: agencies.unitId }).from(agencies).where(eq(agencies.id, d.currentAgencyId ?? d.agencyId));
    const payment = { amountVnd: p.amountVnd, method: 'gateway', online: true, purpose: p.purpose, gateway: p.gateway, txnRef: p.txnRef, transactionNo: notice.transactionNo };
    const base = { dossierId: d.id, fromStatus: d.status, at: now, fromUnitId: agency?.unitId ?? null, toUnitId: agency?.unitId ?? null };
    let event: NewDossierEvent;
    let dossier = d;
    // The obligation this attempt was for is still the one the dossier waits for: the pause ends.
    const current = d.status === 'awaiting_obligation' && p.purpose === 'obligation' ? await paymentRepository.dueOf(tx, d) : null;
    if (current && current.obligationKey === p.obligationKey) {
      const t = transition(d.status, 'obligation_paid');
      if (!t.ok) throw new Error(t.reason.en);
      let patch: Partial<Dossier> = { status: t.to, pausedSince: null };
      if (d.pausedSince) {
        const cal = await calendarRepository.forUnit(tx, agency?.unitId ?? null);
        const shift = (at: Date | null) => (at ? shiftByPause(cal, at, d.pausedSince!, now) : null);
        patch = { ...patch, dueAt: shift(d.dueAt), stepDueAt: shift(d.stepDueAt), extendedDueAt: shift(d.extendedDueAt), deadlineVersion: d.deadlineVersion + 1 };
      }
      dossier = await dossierRepository.update(tx, d.id, patch);
      event = { ...base, kind: 'obligation_paid', toStatus: t.to, data: { ...payment, dueAt: dossier.dueAt?.toISOString() ?? null } };
    } else {
      // A fee, or money for an obligation that was meanwhile settled otherwise: recorded as received, nothing else moves (a refund is the agency's call).
      event = { ...base, kind: 'payment', toStatus: d.status, data: { ...payment, ...(p.purpose === 'obligation' ? { obligationAlreadySettled: true } : {}) } };
    }
    await dossierRepository.appendEvents(tx, [event]);
    const data = { dossierId: dossier.id, code: dossier.code, status: dossier.status, deadlineVersion: dossier.deadlineVersion };
    const rooms = new Set([Room.center(dossier.receivingCenterId), Room.center(dossier.returnCenterId), ...(dossier.assigneeId ? [Room.user(dossier.assigneeId)] : [])]);
    await outboxRepository.add(tx, [...rooms].map((room) => ({ namespace: Namespace.staff, room, event: ServerEvent.dossierUpdated, data })));
    return { kind: 'paid', payment: paid!, dossier, events: [event] };
  },
};
