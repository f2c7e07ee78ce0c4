// A local payment gateway speaking the VNPay 2.1.0 protocol, for `npm start` and the tests: the
// citizen's browser lands on its pay page, presses "Thanh toán" or "Hủy", the sandbox sends the
// IPN to the API (GET, signed, like VNPay) and then sends the browser back to the return URL.
// It answers querydr for reconciliation. It signs with its own code, independently of the
// product's adapter, so a mistake on either side shows up as a refused signature.
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import http from 'node:http';

const html = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const pad = (n, w = 2) => String(n).padStart(w, '0');
/** yyyyMMddHHmmss in GMT+7 (Vietnam has no daylight saving, so a fixed offset is exact). */
export const vnpDate = (at) => {
  const d = new Date(at.getTime() + 7 * 3600_000);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
};
export const signedData = (params) =>
  Object.keys(params)
    .filter((k) => k.startsWith('vnp_') && k !== 'vnp_SecureHash' && k !== 'vnp_SecureHashType' && params[k] !== '' && params[k] !== undefined && params[k] !== null)
    .sort()
    .map((k) => `${encodeURIComponent(k)}=${encodeURIComponent(params[k]).replace(/%20/g, '+')}`)
    .join('&');
const hmac = (secret, data) => createHmac('sha512', secret).update(data, 'utf8').digest('hex');
const sameHex = (a, b) => a.length === b.length && timingSafeEqual(Buffer.from(a.toLowerCase()), Buffer.from(b.toLowerCase()));

/**
 * Starts the sandbox. `ipnUrl` is where VNPay would send its IPN (registered with the merchant);
 * it may be set later (`sandbox.ipnUrl = …`). Returns { url, payUrl, apiUrl, tmnCode, hashSecret, stop, transactions, signNotice }.
 */
/** @param {{ port?: number, host?: string, tmnCode?: string, hashSecret?: string, ipnUrl?: string | null, log?: (message: string) => void }} [options] */
export async function startPaymentSandbox({ port = 0, host = '127.0.0.1', tmnCode = 'MOTCUA01', hashSecret = 'motcua-sandbox-secret', ipnUrl = null, log = () => {} } = {}) {
  /** txnRef → the order and what became of it. */
  const transactions = new Map();
  let nextNo = 14_000_000 + randomInt(100_000);

  const sign = (params) => ({ ...params, vnp_SecureHashType: 'HmacSHA512', vnp_SecureHash: hmac(hashSecret, signedData(params)) });
  const noticeOf = (t) => {
    const params = {
      vnp_Amount: t.amount, vnp_BankCode: 'NCB', vnp_CardType: 'ATM', vnp_OrderInfo: t.orderInfo, vnp_PayDate: t.payDate, vnp_ResponseCode: t.responseCode,
      vnp_TmnCode: tmnCode, vnp_TransactionNo: t.transactionNo, vnp_TransactionStatus: t.transactionStatus, vnp_TxnRef: t.txnRef,
    };
    if (t.transactionStatus === '00') params.vnp_BankTranNo = `VNP${t.transactionNo}`;
    return sign(params);
  };
  const sandbox = {
    /** @type {string | null} */ ipnUrl,
    /** @type {Map<string, { txnRef: string, amount: string, orderInfo: string, returnUrl: string, createDate: string, transactionNo: string, transactionStatus: string, responseCode: string, payDate: string }>} */ transactions,
    /** @type {(params: Record<string, string>) => Record<string, string>} */ signNotice: sign,
    tmnCode,
    hashSecret,
    /** @type {Array<{ txnRef: string, answer: unknown }>} */ ipnAnswers: [],
  };

  async function sendIpn(t) {
    if (!sandbox.ipnUrl) return null;
    const query = new URLSearchParams(noticeOf(t)).toString();
    try {
      const res = await fetch(`${sandbox.ipnUrl}?${query}`, { signal: AbortSignal.timeout(10_000) });
      const answer = await res.json().catch(() => null);
      sandbox.ipnAnswers.push({ txnRef: t.txnRef, answer });
      log(`IPN ${t.txnRef} → ${answer?.RspCode ?? res.status}`);
      return answer;
    } catch (e) {
      log(`IPN ${t.txnRef} failed: ${e.message}`);
      return null;
    }
  }

  function payPage(t, error) {
    const vnd = (Number(t.amount) / 100).toLocaleString('vi-VN');
    return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Cổng thanh toán thử nghiệm</title><style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
.box{border:1px solid #ccc;border-radius:8px;padding:1rem}button{font-size:1.1rem;padding:.8rem 1.2rem;margin:.5rem .5rem 0 0;border-radius:6px;border:1px solid #888;cursor:pointer}
.pay{background:#0a5;color:#fff;border-color:#0a5}.note{color:#555;font-size:.9rem}</style></head><body>
<h1>Cổng thanh toán thử nghiệm <small lang="en">(sandbox)</small></h1>
<p class="note">Không có tiền thật. Trang này thay cho VNPay khi chạy thử. <span lang="en">No real money: this page stands in for VNPay.</span></p>
${error ? `<p role="alert">${html(error)}</p>` : ''}
<div class="box"><p>Đơn vị: <strong>${html(tmnCode)}</strong></p><p>Nội dung: ${html(t.orderInfo)}</p><p>Số tiền: <strong data-testid="sandbox-amount">${html(vnd)} ₫</strong></p><p class="note">Mã giao dịch: ${html(t.txnRef)}</p></div>
<form method="post" action="/sandbox/decide"><input type="hidden" name="txnRef" value="${html(t.txnRef)}">
<button class="pay" name="outcome" value="pay">Thanh toán</button><button name="outcome" value="cancel">Hủy</button></form></body></html>`;
  }

  async function readBody(req) {
    const chunks = [];
    for await (const c of req) chunks.push(c);
    return Buffer.concat(chunks).toString('utf8');
  }
  const send = (res, status, type, body, headers = {}) => {
    res.writeHead(status, { 'content-type': type, ...headers });
    res.end(body);
  };

  const handle = async (req, res) => {
    try {
      const url = new URL(req.url, 'http://sandbox');
      if (req.method === 'GET' && url.pathname === '/paymentv2/vpcpay.html') {
        const q = Object.fromEntries(url.searchParams);
        if (!q.vnp_SecureHash || !sameHex(hmac(hashSecret, signedData(q)), q.vnp_SecureHash)) return send(res, 400, 'text/html; charset=utf-8', payPage({ amount: q.vnp_Amount ?? 0, orderInfo: '', txnRef: q.vnp_TxnRef ?? '' }, 'Sai chữ ký (code 97). Invalid signature.'));
        if (q.vnp_TmnCode !== tmnCode || q.vnp_Version !== '2.1.0' || q.vnp_Command !== 'pay' || q.vnp_CurrCode !== 'VND') return send(res, 400, 'text/plain; charset=utf-8', 'Invalid request (code 03)');
        let t = transactions.get(q.vnp_TxnRef);
        if (t && t.transactionStatus !== '01') return send(res, 400, 'text/plain; charset=utf-8', 'Transaction already processed (code 02)');
        t ??= { txnRef: q.vnp_TxnRef, amount: q.vnp_Amount, orderInfo: q.vnp_OrderInfo, returnUrl: q.vnp_ReturnUrl, createDate: q.vnp_CreateDate, transactionNo: '0', transactionStatus: '01', responseCode: '99', payDate: '' };
        transactions.set(t.txnRef, t);
        return send(res, 200, 'text/html; charset=utf-8', payPage(t));
      }
      if (req.method === 'POST' && url.pathname === '/sandbox/decide') {
        const form = Object.fromEntries(new URLSearchParams(await readBody(req)));
        const t = transactions.get(form.txnRef);
        if (!t || t.transactionStatus !== '01') return send(res, 404, 'text/plain; charset=utf-8', 'No such pending transaction');
        if (form.outcome === 'pay') Object.assign(t, { transactionNo: String(nextNo++), transactionStatus: '00', responseCode: '00', payDate: vnpDate(new Date()) });
        else Object.assign(t, { transactionStatus: '02', responseCode: '24', payDate: vnpDate(new Date()) });
        // Like VNPay: the IPN goes server to server; `ipn=skip` lets a test lose it, so reconciliation has something to do.
        if (form.ipn !== 'skip') await sendIpn(t);
        const back = new URL(t.returnUrl);
        for (const [k, v] of Object.entries(noticeOf(t))) back.searchParams.set(k, v);
        return send(res, 302, 'text/plain', '', { location: back.toString() });
      }
      if (req.method === 'POST' && url.pathname === '/merchant_webapi/api/transaction') {
        const q = JSON.parse(await readBody(req));
        const data = [q.vnp_RequestId, q.vnp_Version, q.vnp_Command, q.vnp_TmnCode, q.vnp_TxnRef, q.vnp_TransactionDate, q.vnp_CreateDate, q.vnp_IpAddr, q.vnp_OrderInfo].join('|');
        const answer = { vnp_ResponseId: q.vnp_RequestId ?? '', vnp_Command: 'querydr', vnp_TmnCode: tmnCode, vnp_TxnRef: q.vnp_TxnRef ?? '', vnp_Amount: '', vnp_BankCode: '', vnp_PayDate: '', vnp_TransactionNo: '', vnp_TransactionType: '01', vnp_TransactionStatus: '', vnp_OrderInfo: '', vnp_PromotionCode: '', vnp_PromotionAmount: '' };
        const t = transactions.get(q.vnp_TxnRef);
        if (typeof q.vnp_SecureHash !== 'string' || !sameHex(hmac(hashSecret, data), q.vnp_SecureHash)) Object.assign(answer, { vnp_ResponseCode: '97', vnp_Message: 'Invalid checksum' });
        else if (!t || t.createDate !== q.vnp_TransactionDate) Object.assign(answer, { vnp_ResponseCode: '91', vnp_Message: 'Transaction not found' });
        else Object.assign(answer, { vnp_ResponseCode: '00', vnp_Message: 'QueryDR Success', vnp_Amount: t.amount, vnp_BankCode: 'NCB', vnp_PayDate: t.payDate, vnp_TransactionNo: t.transactionNo, vnp_TransactionStatus: t.transactionStatus, vnp_OrderInfo: t.orderInfo });
        const signed = ['vnp_ResponseId', 'vnp_Command', 'vnp_ResponseCode', 'vnp_Message', 'vnp_TmnCode', 'vnp_TxnRef', 'vnp_Amount', 'vnp_BankCode', 'vnp_PayDate', 'vnp_TransactionNo', 'vnp_TransactionType', 'vnp_TransactionStatus', 'vnp_OrderInfo', 'vnp_PromotionCode', 'vnp_PromotionAmount'].map((k) => answer[k] ?? '').join('|');
        return send(res, 200, 'application/json', JSON.stringify({ ...answer, vnp_SecureHash: hmac(hashSecret, signed) }));
      }
      if (req.method === 'GET' && url.pathname === '/') {
        const rows = [...transactions.values()].map((t) => `<li>${html(t.txnRef)} · ${html(Number(t.amount) / 100)} ₫ · ${t.transactionStatus === '00' ? 'đã thanh toán' : t.transactionStatus === '01' ? 'đang chờ' : 'không thành công'}</li>`).join('');
        return send(res, 200, 'text/html; charset=utf-8', `<!doctype html><meta charset="utf-8"><title>Payment sandbox</title><h1>Cổng thanh toán thử nghiệm (VNPay 2.1.0)</h1><p>TMN code ${html(tmnCode)} · IPN → ${html(sandbox.ipnUrl ?? '—')}</p><ul>${rows || '<li>Chưa có giao dịch</li>'}</ul>`);
      }
      send(res, 404, 'text/plain', 'Not found');
    } catch (e) {
      send(res, 500, 'text/plain', `sandbox error: ${e.message}`);
    }
  };
  // Every failure is answered inside `handle`.
  const server = http.createServer((req, res) => void handle(req, res));
  await new Promise((resolve, reject) => server.once('error', reject).listen(port, host, resolve));
  const url = `http://${host}:${server.address().port}`;
  return Object.assign(sandbox, {
    url,
    payUrl: `${url}/paymentv2/vpcpay.html`,
    apiUrl: `${url}/merchant_webapi/api/transaction`,
    /** The environment that points the API and the worker at this sandbox. */
    env: () => ({ PAYMENT_GATEWAY: 'vnpay', PAYMENT_SANDBOX: 'true', VNPAY_TMN_CODE: tmnCode, VNPAY_HASH_SECRET: hashSecret, VNPAY_PAY_URL: `${url}/paymentv2/vpcpay.html`, VNPAY_API_URL: `${url}/merchant_webapi/api/transaction` }),
    stop: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(() => resolve()); }),
  });
}
