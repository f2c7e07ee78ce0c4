import { z } from 'zod';
import { ZDossierStatus } from '../enums.js';
import { msg } from '../i18n.js';
import { ZPaymentAttemptView, ZPaymentPurpose, ZPaymentStatus, ZTrackQuery } from './dossiers.js';

/** Online payment of a dossier's fee or financial obligation through a gateway (issue #17). */
/**
 * The citizen proves they know the dossier as on the tracking page (its code and the phone's last 4
 * digits), or is signed in as its applicant: then the digits may be left out (the service checks).
 */
export const ZPaymentLookup = ZTrackQuery.extend({ phoneLast4: ZTrackQuery.shape.phoneLast4.optional() });
export type PaymentLookup = z.infer<typeof ZPaymentLookup>;

/** What the pay page shows: nothing personal. */
export const ZPaymentDueView = z.object({
  code: z.string(),
  title: z.string(),
  status: ZDossierStatus,
  /** What may be paid now, or null (nothing due, or already paid). */
  due: z.object({ purpose: ZPaymentPurpose, amountVnd: z.number().int().positive() }).nullable(),
  /** Whether this installation takes online payments at all. */
  online: z.boolean(),
  attempts: z.array(ZPaymentAttemptView),
});
export type PaymentDueView = z.infer<typeof ZPaymentDueView>;

export const ZCreatePayment = ZPaymentLookup.extend({
  locale: z.enum(['vi', 'en']).default('vi'),
});
export type CreatePayment = z.infer<typeof ZCreatePayment>;

export const ZPaymentRedirect = z.object({
  txnRef: z.string(),
  amountVnd: z.number().int(),
  /** Send the browser here: the gateway's payment page. */
  redirectUrl: z.string(),
});

/** The gateway's parameters as it sends them (IPN, browser return): all strings, checked by signature. */
export const ZGatewayParams = z.record(z.string().max(100), z.string().max(2000, { error: msg('Tham số quá dài', 'Parameter too long') }));

/** The IPN answer in the gateway's own format (VNPay: RspCode + Message). */
export const ZIpnAnswer = z.record(z.string(), z.string());

/** The browser's return from the gateway: the outcome as the product knows it (the IPN decides, not this page). */
export const ZPaymentReturnView = z.object({
  /** The return parameters carried a valid signature. */
  verified: z.boolean(),
  code: z.string().nullable(),
  txnRef: z.string().nullable(),
  amountVnd: z.number().int().nullable(),
  /** What the gateway told the browser; `status` is what the IPN settled (pending until it arrives). */
  gatewaySaysPaid: z.boolean(),
  status: ZPaymentStatus.nullable(),
});
export type PaymentReturnView = z.infer<typeof ZPaymentReturnView>;
