import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps } from './_helpers.js';
import { dossiers } from './dossiers.js';

const tz = { withTimezone: true, mode: 'date' } as const;

/**
 * Online payment attempts through a gateway (issue #17). One row per attempt, with its own
 * `txn_ref`; the gateway's IPN (or the reconciliation job's query) settles it. A settled attempt
 * also writes the dossier's ledger row (`dossier_payments`, method `gateway`) in the same
 * transaction. At most one paid attempt per obligation: the partial unique index is the last
 * guard against a double settlement.
 */
export const payments = pgTable(
  'payments',
  {
    id: id(),
    dossierId: uuid().notNull().references(() => dossiers.id),
    /** `fee` (the procedure's phí/lệ phí) or `obligation` (a financial obligation notified during processing). */
    purpose: text().notNull(),
    /** What is being paid: `fee`, or `obligation:<id of the obligation_notified event>`. */
    obligationKey: text().notNull(),
    amountVnd: integer().notNull(),
    txnRef: text().notNull(),
    /** `pending` → `paid` | `failed` | `expired`. */
    status: text().notNull().default('pending'),
    gateway: text().notNull(),
    gatewayTransactionNo: text(),
    bankCode: text(),
    responseCode: text(),
    paidAt: timestamp(tz),
    settledAt: timestamp(tz),
    /** `ipn` or `reconciliation`: who settled it. */
    settledBy: text(),
    /** The gateway's last signed notice or query answer, as received. */
    rawResponse: jsonb().$type<Record<string, string>>(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('payments_txn_ref_key').on(t.txnRef),
    uniqueIndex('payments_one_paid_key').on(t.dossierId, t.obligationKey).where(sql`${t.status} = 'paid'`),
    index('payments_dossier_idx').on(t.dossierId),
    index('payments_pending_idx').on(t.createdAt).where(sql`${t.status} = 'pending'`),
    check('payments_status_check', sql`${t.status} in ('pending', 'paid', 'failed', 'expired')`),
    check('payments_purpose_check', sql`${t.purpose} in ('fee', 'obligation')`),
    check('payments_amount_positive', sql`${t.amountVnd} > 0`),
  ],
);
export type Payment = typeof payments.$inferSelect;
