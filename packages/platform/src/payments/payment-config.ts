import { z } from 'zod';
import { parseOutboundAllow } from '../outbound-guard.js';
import { parseConfig } from '../config.js';
import type { PaymentGateway } from './payment-gateway.js';
import { VnpayGateway } from './vnpay.gateway.js';

/**
 * Payment gateway settings from the environment (README "Online payment"). Without
 * PAYMENT_GATEWAY the product takes no online payments and the pay page says so.
 */
export const ZPaymentEnv = z.object({
  PAYMENT_GATEWAY: z.enum(['none', 'vnpay']).default('none'),
  VNPAY_TMN_CODE: z.string().min(1).optional(),
  VNPAY_HASH_SECRET: z.string().min(8, { error: 'must be the secret VNPay gave with the terminal code' }).optional(),
  VNPAY_PAY_URL: z.url().default('https://sandbox.vnpayment.vn/paymentv2/vpcpay.html'),
  VNPAY_API_URL: z.url().default('https://sandbox.vnpayment.vn/merchant_webapi/api/transaction'),
  /** The local sandbox listens on a loopback address: its host is allowed for the query call only. */
  PAYMENT_SANDBOX: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  OUTBOUND_ALLOW: z.string().default(''),
  /** An attempt still pending after this many minutes is asked about by the reconciliation job. */
  PAYMENT_RECONCILE_AFTER_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  /** …and expired when the gateway still knows nothing of it after this many. */
  PAYMENT_EXPIRE_AFTER_MINUTES: z.coerce.number().int().min(1).max(10080).default(60),
}).superRefine((v, ctx) => {
  if (v.PAYMENT_GATEWAY !== 'vnpay') return;
  if (!v.VNPAY_TMN_CODE) ctx.addIssue({ code: 'custom', path: ['VNPAY_TMN_CODE'], message: 'required when PAYMENT_GATEWAY=vnpay' });
  if (!v.VNPAY_HASH_SECRET) ctx.addIssue({ code: 'custom', path: ['VNPAY_HASH_SECRET'], message: 'required when PAYMENT_GATEWAY=vnpay' });
});
export type PaymentEnv = z.infer<typeof ZPaymentEnv>;

export const loadPaymentEnv = (env: NodeJS.ProcessEnv): PaymentEnv => parseConfig(ZPaymentEnv, env);

/** The configured gateway, or null when online payment is off. */
export function paymentGatewayFrom(env: PaymentEnv): PaymentGateway | null {
  if (env.PAYMENT_GATEWAY !== 'vnpay') return null;
  const allow = parseOutboundAllow(env.OUTBOUND_ALLOW);
  if (env.PAYMENT_SANDBOX) allow.push(new URL(env.VNPAY_API_URL).hostname);
  return new VnpayGateway({ tmnCode: env.VNPAY_TMN_CODE!, hashSecret: env.VNPAY_HASH_SECRET!, payUrl: env.VNPAY_PAY_URL, apiUrl: env.VNPAY_API_URL, outbound: { allow } });
}
