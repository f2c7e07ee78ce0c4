/**
 * The one interface behind which an online payment gateway lives (docs/architecture.md "Outside
 * parts"). The first adapter speaks VNPay 2.1.0 (`vnpay.gateway.ts`); the national payment
 * platform or a bank can follow with the same four operations. The gateway's server-to-server
 * notice (IPN) is the proof of payment; the browser's return only shows it.
 */
export interface PaymentOrder {
  /** Unique per attempt (a new one for every retry), at most 100 characters of [A-Za-z0-9_-]. */
  txnRef: string;
  amountVnd: number;
  /** What the citizen pays for, without diacritics (VNPay refuses them) and without personal data. */
  orderInfo: string;
  /** The citizen's address, as the gateway asks for it. */
  ipAddr: string;
  /** When the attempt was made; the gateway's transaction date (querydr needs it again). */
  createdAt: Date;
  locale: 'vi' | 'en';
  returnUrl: string;
}

/** A notice (IPN or browser return) whose signature checked out. */
export interface PaymentNotice {
  txnRef: string;
  amountVnd: number;
  /** Paid: response code and transaction status both say success. */
  success: boolean;
  responseCode: string;
  transactionNo: string | null;
  bankCode: string | null;
  paidAt: Date | null;
  raw: Record<string, string>;
}

/** What the gateway says of an attempt when asked (reconciliation). */
export type PaymentQueryResult =
  | { state: 'paid'; notice: PaymentNotice }
  | { state: 'failed'; notice: PaymentNotice }
  | { state: 'pending'; raw: Record<string, string> }
  | { state: 'not_found'; raw: Record<string, string> };

/** The answers the gateway expects to its IPN, by meaning. */
export type IpnOutcome = 'confirmed' | 'order_not_found' | 'already_confirmed' | 'invalid_amount' | 'invalid_signature' | 'unknown_error';

export interface PaymentGateway {
  /** Stored with every attempt (`payments.gateway`). */
  readonly name: string;
  /** The URL the citizen's browser is sent to. */
  redirectUrl(order: PaymentOrder): string;
  /** Checks a notice's signature; null when it does not verify (forged, tampered or from another merchant). */
  verifyNotice(params: Record<string, string>): PaymentNotice | null;
  /** The body the gateway expects in answer to its IPN. */
  ipnAnswer(outcome: IpnOutcome): Record<string, string>;
  /** Asks the gateway what became of an attempt. */
  query(order: Pick<PaymentOrder, 'txnRef' | 'createdAt' | 'orderInfo'>, now: Date): Promise<PaymentQueryResult>;
}
