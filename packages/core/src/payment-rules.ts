import type { DossierStatus } from '@motcua/contracts';

/** What a citizen may pay online now for a dossier, if anything (docs/domain.md "Online payment"). */
export interface PaymentDue {
  purpose: 'fee' | 'obligation';
  /** `fee`, or `obligation:<id of the obligation_notified event>`: one paid attempt per key. */
  obligationKey: string;
  amountVnd: number;
}

/** States in which the procedure's fee may be paid (those the counter's "record payment" accepts). */
export const FEE_PAYABLE_STATES: readonly DossierStatus[] = ['received', 'in_process', 'resolved'];

/**
 * A notified financial obligation comes first (the dossier waits for it); otherwise the procedure's
 * fee while it is not paid yet. Nothing once the dossier is closed or before it is accepted.
 */
export function paymentDue(input: {
  status: DossierStatus;
  feeVnd: number;
  feePaid: boolean;
  obligation: { eventId: string; amountVnd: number } | null;
}): PaymentDue | null {
  if (input.status === 'awaiting_obligation') {
    if (!input.obligation || input.obligation.amountVnd <= 0) return null;
    return { purpose: 'obligation', obligationKey: `obligation:${input.obligation.eventId}`, amountVnd: input.obligation.amountVnd };
  }
  if (input.feeVnd > 0 && !input.feePaid && FEE_PAYABLE_STATES.includes(input.status)) return { purpose: 'fee', obligationKey: 'fee', amountVnd: input.feeVnd };
  return null;
}

/** What the gateway shows the citizen: ASCII only (VNPay refuses diacritics), no personal data. */
export function paymentOrderInfo(purpose: PaymentDue['purpose'], dossierCode: string): string {
  return `${purpose === 'fee' ? 'Le phi ho so' : 'Nghia vu tai chinh ho so'} ${dossierCode}`.replace(/[^A-Za-z0-9 .:_-]/g, '');
}
