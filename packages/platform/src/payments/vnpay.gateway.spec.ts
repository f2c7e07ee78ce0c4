import { describe, expect, it } from 'vitest';
import { hmacSha512, parseVnpDate, VnpayGateway, vnpDate, vnpSignedData } from './vnpay.gateway.js';

const gateway = new VnpayGateway({ tmnCode: 'MOTCUA01', hashSecret: 'demo-secret-123456', payUrl: 'https://pay.example/vpcpay.html', apiUrl: 'https://pay.example/api', outbound: { allow: [] } });
const order = { txnRef: 'P1A2B3', amountVnd: 50_000, orderInfo: 'Le phi ho so 000-1', ipAddr: '203.0.113.9', createdAt: new Date('2026-12-06T02:00:00Z'), locale: 'vi' as const, returnUrl: 'https://motcua.example/pay/result' };

describe('VNPay 2.1.0 adapter', () => {
  it('signs a redirect URL over the sorted, encoded query with HMAC-SHA512', () => {
    const url = new URL(gateway.redirectUrl(order));
    const q = Object.fromEntries(url.searchParams);
    expect(q).toMatchObject({ vnp_Version: '2.1.0', vnp_Command: 'pay', vnp_TmnCode: 'MOTCUA01', vnp_Amount: '5000000', vnp_CurrCode: 'VND', vnp_TxnRef: 'P1A2B3', vnp_IpAddr: '203.0.113.9' });
    // GMT+7: 02:00 UTC is 09:00 in Hà Nội; expiry 15 minutes later.
    expect(q.vnp_CreateDate).toBe('20261206090000');
    expect(q.vnp_ExpireDate).toBe('20261206091500');
    const raw = url.search.slice(1).split('&vnp_SecureHash=')[0]!;
    const names = raw.split('&').map((kv) => kv.split('=')[0]);
    expect(names).toEqual([...names].sort());
    // Spaces are "+" and the URL is encoded like VNPay's reference code.
    expect(raw).toContain('vnp_OrderInfo=Le+phi+ho+so+000-1');
    expect(raw).toContain('vnp_ReturnUrl=https%3A%2F%2Fmotcua.example%2Fpay%2Fresult');
    expect(q.vnp_SecureHash).toBe(hmacSha512('demo-secret-123456', raw));
  });

  it('accepts a notice signed with the secret and refuses a tampered or foreign one', () => {
    const params: Record<string, string> = { vnp_Amount: '5000000', vnp_BankCode: 'NCB', vnp_OrderInfo: 'Le phi', vnp_PayDate: '20261206091000', vnp_ResponseCode: '00', vnp_TmnCode: 'MOTCUA01', vnp_TransactionNo: '14000001', vnp_TransactionStatus: '00', vnp_TxnRef: 'P1A2B3' };
    const signed = { ...params, vnp_SecureHashType: 'HmacSHA512', vnp_SecureHash: hmacSha512('demo-secret-123456', vnpSignedData(params)) };
    const notice = gateway.verifyNotice(signed);
    expect(notice).toMatchObject({ txnRef: 'P1A2B3', amountVnd: 50_000, success: true, transactionNo: '14000001', bankCode: 'NCB' });
    expect(notice!.paidAt!.toISOString()).toBe('2026-12-06T02:10:00.000Z');
    expect(gateway.verifyNotice({ ...signed, vnp_Amount: '100' })).toBeNull();
    expect(gateway.verifyNotice({ ...signed, vnp_SecureHash: hmacSha512('another-secret', vnpSignedData(params)) })).toBeNull();
    expect(gateway.verifyNotice({ ...params })).toBeNull();
    const foreign = { ...params, vnp_TmnCode: 'OTHER' };
    expect(gateway.verifyNotice({ ...foreign, vnp_SecureHash: hmacSha512('demo-secret-123456', vnpSignedData(foreign)) })).toBeNull();
    const cancelled = { ...params, vnp_ResponseCode: '24', vnp_TransactionStatus: '02' };
    expect(gateway.verifyNotice({ ...cancelled, vnp_SecureHash: hmacSha512('demo-secret-123456', vnpSignedData(cancelled)) })!.success).toBe(false);
  });

  it('answers the IPN with the documented codes', () => {
    expect(['confirmed', 'order_not_found', 'already_confirmed', 'invalid_amount', 'invalid_signature', 'unknown_error'].map((o) => gateway.ipnAnswer(o as never).RspCode)).toEqual(['00', '01', '02', '04', '97', '99']);
  });

  it('reads VNPay dates in GMT+7 both ways', () => {
    const at = new Date('2026-12-31T17:30:05Z');
    expect(vnpDate(at)).toBe('20270101003005');
    expect(parseVnpDate('20270101003005')!.toISOString()).toBe(at.toISOString());
    expect(parseVnpDate('2027')).toBeNull();
  });
});
