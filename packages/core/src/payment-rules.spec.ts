import { describe, expect, it } from 'vitest';
import { paymentDue, paymentOrderInfo } from './payment-rules.js';

describe('paymentDue', () => {
  const base = { feeVnd: 50_000, feePaid: false, obligation: null };
  it('asks for the fee of an accepted dossier until it is paid', () => {
    expect(paymentDue({ ...base, status: 'in_process' })).toEqual({ purpose: 'fee', obligationKey: 'fee', amountVnd: 50_000 });
    expect(paymentDue({ ...base, status: 'in_process', feePaid: true })).toBeNull();
    expect(paymentDue({ ...base, status: 'submitted' })).toBeNull();
    expect(paymentDue({ ...base, status: 'returned' })).toBeNull();
    expect(paymentDue({ ...base, status: 'in_process', feeVnd: 0 })).toBeNull();
  });
  it('asks for a notified obligation first, keyed by its notice', () => {
    expect(paymentDue({ ...base, status: 'awaiting_obligation', obligation: { eventId: 'e1', amountVnd: 1_200_000 } })).toEqual({ purpose: 'obligation', obligationKey: 'obligation:e1', amountVnd: 1_200_000 });
    expect(paymentDue({ ...base, status: 'awaiting_obligation' })).toBeNull();
  });
  it('describes the order in ASCII without personal data', () => {
    expect(paymentOrderInfo('fee', 'H40.22-261206-0001')).toBe('Le phi ho so H40.22-261206-0001');
  });
});
