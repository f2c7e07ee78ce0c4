import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { TZDate } from '@date-fns/tz';
import { addMinutes, format, parse } from 'date-fns';
import { postGuarded, type OutboundPolicy } from '../outbound-guard.js';
import type { IpnOutcome, PaymentGateway, PaymentNotice, PaymentOrder, PaymentQueryResult } from './payment-gateway.js';

/** VNPay reads and writes dates as yyyyMMddHHmmss in Vietnam's time (GMT+7). */
/** VNPay 2.1.0 writes its timestamps (vnp_CreateDate, vnp_PayDate) in GMT+7 whatever the center's zone. */
const VN_TZ = 'Asia/Ho_Chi_Minh';
export const vnpDate = (at: Date): string => format(new TZDate(at.getTime(), VN_TZ), 'yyyyMMddHHmmss');
export const parseVnpDate = (s: string): Date | null => {
  if (!/^\d{14}$/.test(s)) return null;
  const d = parse(s, 'yyyyMMddHHmmss', new TZDate(0, VN_TZ));
  return Number.isNaN(d.getTime()) ? null : new Date(d.getTime());
};

export interface VnpayConfig {
  tmnCode: string;
  hashSecret: string;
  /** https://sandbox.vnpayment.vn/paymentv2/vpcpay.html, or the production address VNPay gives. */
  payUrl: string;
  /** https://sandbox.vnpayment.vn/merchant_webapi/api/transaction (querydr, refund). */
  apiUrl: string;
  /** Outbound guard for the query call (the local sandbox is on a loopback address). */
  outbound: OutboundPolicy;
  timeoutMs?: number;
}

/** IPN answers of the VNPay 2.1.0 documentation. */
const IPN: Record<IpnOutcome, { RspCode: string; Message: string }> = {
  confirmed: { RspCode: '00', Message: 'Confirm Success' },
  order_not_found: { RspCode: '01', Message: 'Order not found' },
  already_confirmed: { RspCode: '02', Message: 'Order already confirmed' },
  invalid_amount: { RspCode: '04', Message: 'Invalid amount' },
  invalid_signature: { RspCode: '97', Message: 'Invalid signature' },
  unknown_error: { RspCode: '99', Message: 'Unknown error' },
};

/**
 * The signed data of a redirect URL or a notice: vnp_* fields sorted by name, each name and value
 * URL-encoded with spaces as "+" (what VNPay's reference code does), joined by "&".
 */
export function vnpSignedData(params: Record<string, string>): string {
  return Object.keys(params)
    .filter((k) => k.startsWith('vnp_') && k !== 'vnp_SecureHash' && k !== 'vnp_SecureHashType' && params[k] !== '' && params[k] !== undefined && params[k] !== null)
    .sort()
    .map((k) => `${encodeURIComponent(k)}=${encodeURIComponent(params[k]!).replace(/%20/g, '+')}`)
    .join('&');
}

export const hmacSha512 = (secret: string, data: string): string => createHmac('sha512', secret).update(data, 'utf8').digest('hex');

function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a.toLowerCase(), 'utf8');
  const y = Buffer.from(b.toLowerCase(), 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The VNPay 2.1.0 protocol: pay (signed redirect), IPN, querydr. */
export class VnpayGateway implements PaymentGateway {
  readonly name = 'vnpay';
  constructor(private readonly config: VnpayConfig) {}

  redirectUrl(order: PaymentOrder): string {
    if (!Number.isInteger(order.amountVnd) || order.amountVnd <= 0) throw new Error('amount must be a positive whole number of VND');
    const params: Record<string, string> = {
      vnp_Version: '2.1.0',
      vnp_Command: 'pay',
      vnp_TmnCode: this.config.tmnCode,
      vnp_Amount: String(order.amountVnd * 100),
      vnp_CurrCode: 'VND',
      vnp_TxnRef: order.txnRef,
      vnp_OrderInfo: order.orderInfo,
      vnp_OrderType: 'other',
      vnp_Locale: order.locale === 'en' ? 'en' : 'vn',
      vnp_ReturnUrl: order.returnUrl,
      vnp_IpAddr: order.ipAddr,
      vnp_CreateDate: vnpDate(order.createdAt),
      vnp_ExpireDate: vnpDate(addMinutes(order.createdAt, 15)),
    };
    const data = vnpSignedData(params);
    return `${this.config.payUrl}?${data}&vnp_SecureHash=${hmacSha512(this.config.hashSecret, data)}`;
  }

  verifyNotice(params: Record<string, string>): PaymentNotice | null {
    const given = params.vnp_SecureHash;
    if (typeof given !== 'string' || !/^[0-9a-fA-F]{128}$/.test(given)) return null;
    if (!sameHex(hmacSha512(this.config.hashSecret, vnpSignedData(params)), given)) return null;
    if (params.vnp_TmnCode !== this.config.tmnCode) return null;
    return this.notice(params);
  }

  ipnAnswer(outcome: IpnOutcome): Record<string, string> {
    return { ...IPN[outcome] };
  }

  async query(order: Pick<PaymentOrder, 'txnRef' | 'createdAt' | 'orderInfo'>, now: Date): Promise<PaymentQueryResult> {
    const request = {
      vnp_RequestId: randomUUID().replace(/-/g, '').slice(0, 32),
      vnp_Version: '2.1.0',
      vnp_Command: 'querydr',
      vnp_TmnCode: this.config.tmnCode,
      vnp_TxnRef: order.txnRef,
      vnp_OrderInfo: `Truy van giao dich ${order.txnRef}`,
      vnp_TransactionDate: vnpDate(order.createdAt),
      vnp_CreateDate: vnpDate(now),
      vnp_IpAddr: '127.0.0.1',
    };
    const signed = [request.vnp_RequestId, request.vnp_Version, request.vnp_Command, request.vnp_TmnCode, request.vnp_TxnRef, request.vnp_TransactionDate, request.vnp_CreateDate, request.vnp_IpAddr, request.vnp_OrderInfo].join('|');
    const body = JSON.stringify({ ...request, vnp_SecureHash: hmacSha512(this.config.hashSecret, signed) });
    const res = await postGuarded(this.config.apiUrl, {}, body, this.config.outbound, this.config.timeoutMs ?? 10_000);
    if (res.status !== 200) throw new Error(`querydr: HTTP ${res.status} from the gateway`);
    const answer = JSON.parse(res.body) as Record<string, string>;
    const r = (k: string) => String(answer[k] ?? '');
    const answerData = ['vnp_ResponseId', 'vnp_Command', 'vnp_ResponseCode', 'vnp_Message', 'vnp_TmnCode', 'vnp_TxnRef', 'vnp_Amount', 'vnp_BankCode', 'vnp_PayDate', 'vnp_TransactionNo', 'vnp_TransactionType', 'vnp_TransactionStatus', 'vnp_OrderInfo', 'vnp_PromotionCode', 'vnp_PromotionAmount']
      .map(r)
      .join('|');
    if (!/^[0-9a-fA-F]{128}$/.test(r('vnp_SecureHash')) || !sameHex(hmacSha512(this.config.hashSecret, answerData), r('vnp_SecureHash'))) throw new Error('querydr: the answer does not carry a valid signature');
    // 91: transaction not found (the citizen never reached the payment page).
    if (r('vnp_ResponseCode') === '91') return { state: 'not_found', raw: answer };
    if (r('vnp_ResponseCode') !== '00') throw new Error(`querydr: gateway answered ${r('vnp_ResponseCode')} ${r('vnp_Message')}`);
    const notice = this.notice(answer);
    // Transaction status 01: not finished yet; 00 paid; anything else failed or reversed.
    if (r('vnp_TransactionStatus') === '01') return { state: 'pending', raw: answer };
    return { state: notice.success ? 'paid' : 'failed', notice };
  }

  private notice(params: Record<string, string>): PaymentNotice {
    const amount = Number(params.vnp_Amount);
    return {
      txnRef: String(params.vnp_TxnRef ?? ''),
      amountVnd: Number.isInteger(amount) && amount % 100 === 0 ? amount / 100 : Number.NaN,
      // querydr answers carry no vnp_ResponseCode of the payment itself, only its transaction status.
      success: params.vnp_TransactionStatus === '00' && (params.vnp_Command === 'querydr' || params.vnp_ResponseCode === '00'),
      responseCode: String(params.vnp_ResponseCode ?? ''),
      transactionNo: params.vnp_TransactionNo && params.vnp_TransactionNo !== '0' ? String(params.vnp_TransactionNo) : null,
      bankCode: params.vnp_BankCode ? String(params.vnp_BankCode) : null,
      paidAt: params.vnp_PayDate ? parseVnpDate(String(params.vnp_PayDate)) : null,
      raw: Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])),
    };
  }
}
