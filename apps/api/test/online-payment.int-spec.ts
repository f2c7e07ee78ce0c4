import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPaymentSandbox, vnpDate } from '../../../scripts/lib/payment-sandbox.mjs';
import { json, openCounters, seed, signIn, startStack, type Stack } from './harness.js';

/**
 * Online payment against the real local VNPay sandbox (scripts/lib/payment-sandbox.mjs), the
 * compiled API and worker, PostgreSQL and Redis: pay end to end, tampered notices, a storm of
 * identical IPNs, reconciliation of a lost IPN, and the online-payment indicator from the rows.
 * Requests carry no x-test-now: the gateway's notices come at real time, so the dossiers do too.
 */
describe('online payment (VNPay 2.1.0 sandbox)', () => {
  let stack: Stack;
  let sandbox: Awaited<ReturnType<typeof startPaymentSandbox>>;
  const cookie: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const phone = '0912345678';

  const send = (who: string | null, method: string, path: string, body?: unknown) =>
    fetch(`${stack.baseUrl}/api${path}`, {
      method,
      headers: { ...(who ? { cookie: cookie[who]! } : {}), 'content-type': 'application/json', 'accept-language': 'en' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const ok = async (res: Response, status = 200) => {
    const body = await json(res);
    expect(res.status, JSON.stringify(body)).toBe(status);
    return body;
  };
  /** A dossier of "Đăng ký thường trú" (fee 20,000 ₫) accepted at the An Xuyên counter. */
  const feeDossier = async () =>
    ok(await send('canbo.anxuyen1', 'POST', `/centers/${ids.anXuyen}/dossiers`, { procedureId: ids['CTR-TT'], applicant: { name: 'Nguyễn Thị Lan', phone }, applicantUnitId: ids.unit32002, outcome: { kind: 'accept' } }), 201);
  const startPayment = async (code: string) => ok(await send(null, 'POST', '/payments', { code, phoneLast4: '5678', locale: 'vi' }), 201);
  /** The citizen on the sandbox's page: opens it, presses "Thanh toán" (or "Hủy"); returns where the browser is sent back to. */
  const payInSandbox = async (redirectUrl: string, outcome: 'pay' | 'cancel' = 'pay', ipn: 'send' | 'skip' = 'send') => {
    const page = await fetch(redirectUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Thanh toán');
    const txnRef = new URL(redirectUrl).searchParams.get('vnp_TxnRef')!;
    const res = await fetch(`${sandbox.url}/sandbox/decide`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ txnRef, outcome, ipn }).toString() });
    expect(res.status).toBe(302);
    return new URL(res.headers.get('location')!);
  };
  const rowsOf = async (dossierId: string) => {
    const sql = stack.database.sql;
    const [payments, ledger, events, dossier] = await Promise.all([
      sql`select txn_ref, status, amount_vnd, gateway_transaction_no, bank_code, settled_by from payments where dossier_id = ${dossierId} order by created_at`,
      sql`select amount_vnd, method, purpose from dossier_payments where dossier_id = ${dossierId}`,
      sql`select kind, data from dossier_events where dossier_id = ${dossierId} order by at, created_at`,
      sql`select status, due_at, paused_since from dossiers where id = ${dossierId}`,
    ]);
    return { payments: [...payments], ledger: [...ledger], events: [...events], dossier: dossier[0]! };
  };
  /** A notice for an attempt signed like the gateway signs it (the sandbox's own signer and secret). */
  const notice = (txnRef: string, amountVnd: number, extra: Record<string, string> = {}) =>
    sandbox.signNotice({ vnp_Amount: String(amountVnd * 100), vnp_BankCode: 'NCB', vnp_OrderInfo: 'Le phi', vnp_PayDate: vnpDate(new Date()), vnp_ResponseCode: '00', vnp_TmnCode: sandbox.tmnCode, vnp_TransactionNo: '15000001', vnp_TransactionStatus: '00', vnp_TxnRef: txnRef, ...extra });
  const ipn = async (params: Record<string, string>) => json(await fetch(`${stack.baseUrl}/api/payments/vnpay/ipn?${new URLSearchParams(params)}`));

  beforeAll(async () => {
    sandbox = await startPaymentSandbox();
    stack = await startStack({ worker: true, env: { ...sandbox.env(), PUBLIC_URL: 'http://motcua.test', PAYMENT_RECONCILE_EVERY_MS: '1000', PAYMENT_RECONCILE_AFTER_MINUTES: '15', PAYMENT_EXPIRE_AFTER_MINUTES: '60' } });
    sandbox.ipnUrl = `${stack.baseUrl}/api/payments/vnpay/ipn`;
    const accounts = await seed(stack);
    for (const u of ['canbo.anxuyen1', 'quanly.tanthanh', 'quanly.tinh', 'lanhdao.tinh']) cookie[u] = await signIn(stack, u, accounts.find((a) => a.username === u)!.password);
    const sql = stack.database.sql;
    for (const r of await sql`select code, id from centers`) ids[r.code === 'TT-32002' ? 'anXuyen' : r.code === 'TT-32014' ? 'tanThanh' : r.code] = r.id;
    for (const r of await sql`select code, id from procedures`) ids[r.code] = r.id;
    for (const r of await sql`select code, id from administrative_units`) ids[`unit${r.code}`] = r.id;
    await openCounters(stack);
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
    await sandbox?.stop();
  });

  it('pays a fee end to end: due → signed redirect → sandbox page → IPN settles once → the return page shows it', async () => {
    const d = await feeDossier();
    const due = await ok(await send(null, 'GET', `/payments/due?code=${d.code}&phoneLast4=5678`));
    expect(due).toMatchObject({ code: d.code, due: { purpose: 'fee', amountVnd: 20_000 }, online: true, attempts: [] });
    expect(JSON.stringify(due)).not.toMatch(/Lan|0912/);
    // The phone check of the tracking page guards both routes.
    expect((await send(null, 'GET', `/payments/due?code=${d.code}&phoneLast4=0000`)).status).toBe(404);
    expect((await send(null, 'POST', '/payments', { code: d.code, phoneLast4: '0000' })).status).toBe(404);

    const start = await startPayment(d.code);
    const url = new URL(start.redirectUrl);
    expect(url.origin + url.pathname).toBe(sandbox.payUrl);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ vnp_Version: '2.1.0', vnp_Command: 'pay', vnp_Amount: '2000000', vnp_CurrCode: 'VND', vnp_TxnRef: start.txnRef, vnp_ReturnUrl: 'http://motcua.test/pay/result' });
    expect((await rowsOf(d.id)).payments).toEqual([expect.objectContaining({ txn_ref: start.txnRef, status: 'pending', amount_vnd: 20_000 })]);

    const back = await payInSandbox(start.redirectUrl);
    expect(back.origin + back.pathname).toBe('http://motcua.test/pay/result');
    expect(sandbox.ipnAnswers.at(-1)).toEqual({ txnRef: start.txnRef, answer: { RspCode: '00', Message: 'Confirm Success' } });
    const rows = await rowsOf(d.id);
    expect(rows.payments).toEqual([expect.objectContaining({ status: 'paid', settled_by: 'ipn', bank_code: 'NCB', gateway_transaction_no: expect.stringMatching(/^\d+$/) })]);
    expect(rows.ledger).toEqual([{ amount_vnd: 20_000, method: 'gateway', purpose: 'fee' }]);
    expect(rows.events.at(-1)).toMatchObject({ kind: 'payment', data: { purpose: 'fee', method: 'gateway', online: true, txnRef: start.txnRef } });

    // The return page verifies and shows; the same query again changes nothing.
    const shown = await ok(await send(null, 'GET', `/payments/vnpay/return${back.search}`));
    expect(shown).toEqual({ verified: true, code: d.code, txnRef: start.txnRef, amountVnd: 20_000, gatewaySaysPaid: true, status: 'paid' });
    const forged = new URLSearchParams(back.search);
    forged.set('vnp_Amount', '1');
    expect(await ok(await send(null, 'GET', `/payments/vnpay/return?${forged}`))).toMatchObject({ verified: false, status: null });
    expect((await rowsOf(d.id)).events).toHaveLength(rows.events.length);

    // Paid: nothing more is due, another attempt is refused, the staff page shows it.
    expect((await ok(await send(null, 'GET', `/payments/due?code=${d.code}&phoneLast4=5678`))).due).toBeNull();
    expect((await send(null, 'POST', '/payments', { code: d.code, phoneLast4: '5678' })).status).toBe(409);
    const detail = await ok(await send('canbo.anxuyen1', 'GET', `/dossiers/${d.id}`));
    expect(detail.payments).toEqual([expect.objectContaining({ amountVnd: 20_000, method: 'gateway' })]);
    // The staff page shows the attempt with its e-receipt reference (the gateway's transaction number).
    expect(detail.feeVnd).toBe(20_000);
    expect(detail.paymentAttempts).toEqual([expect.objectContaining({ txnRef: start.txnRef, purpose: 'fee', status: 'paid', gateway: 'vnpay', bankCode: 'NCB', transactionNo: rows.payments[0]!.gateway_transaction_no })]);
  });

  it('a cancelled payment fails the attempt and leaves the fee due', async () => {
    const d = await feeDossier();
    const start = await startPayment(d.code);
    const back = await payInSandbox(start.redirectUrl, 'cancel');
    expect(back.searchParams.get('vnp_ResponseCode')).toBe('24');
    const rows = await rowsOf(d.id);
    expect(rows.payments).toEqual([expect.objectContaining({ status: 'failed' })]);
    expect(rows.ledger).toEqual([]);
    expect((await ok(await send(null, 'GET', `/payments/vnpay/return${back.search}`))).status).toBe('failed');
    expect((await ok(await send(null, 'GET', `/payments/due?code=${d.code}&phoneLast4=5678`))).due).toEqual({ purpose: 'fee', amountVnd: 20_000 });
  });

  it('refuses a tampered IPN (wrong hash, changed amount, wrong amount signed) and changes nothing', async () => {
    const d = await feeDossier();
    const start = await startPayment(d.code);
    const before = await rowsOf(d.id);
    const good = notice(start.txnRef, 20_000);
    expect(await ipn({ ...good, vnp_SecureHash: good.vnp_SecureHash!.replace(/^./, (c: string) => (c === 'a' ? 'b' : 'a')) })).toEqual({ RspCode: '97', Message: 'Invalid signature' });
    expect(await ipn({ ...good, vnp_Amount: '100' })).toMatchObject({ RspCode: '97' });
    expect(await ipn({ ...good, vnp_SecureHash: '' })).toMatchObject({ RspCode: '97' });
    // Signed by the gateway but for another amount than the attempt's.
    expect(await ipn(notice(start.txnRef, 2_000))).toEqual({ RspCode: '04', Message: 'Invalid amount' });
    expect(await ipn(notice('NOSUCHREF', 20_000))).toEqual({ RspCode: '01', Message: 'Order not found' });
    expect(await rowsOf(d.id)).toEqual(before);
    expect(before.payments).toEqual([expect.objectContaining({ status: 'pending' })]);
  });

  it('the same IPN 20 times at once settles once; the 19 others are answered "already confirmed"', async () => {
    const d = await feeDossier();
    const start = await startPayment(d.code);
    const same = notice(start.txnRef, 20_000);
    const answers = await Promise.all(Array.from({ length: 20 }, () => ipn(same)));
    expect(answers.filter((a) => a.RspCode === '00')).toHaveLength(1);
    expect(answers.filter((a) => a.RspCode === '02')).toHaveLength(19);
    const rows = await rowsOf(d.id);
    expect(rows.payments).toEqual([expect.objectContaining({ status: 'paid' })]);
    expect(rows.ledger).toHaveLength(1);
    expect(rows.events.filter((e) => e.kind === 'payment')).toHaveLength(1);
  });

  it('an obligation paid online ends the pause: the dossier resumes and the due time moves by the paused working time', async () => {
    const d = await ok(await send('quanly.tanthanh', 'POST', `/centers/${ids.tanThanh}/dossiers`, { procedureId: ids['DD-BD'], applicant: { name: 'Lê Văn Đất', phone: '0909005678' }, returnCenterId: ids.anXuyen, outcome: { kind: 'accept' } }), 201);
    await ok(await send('quanly.tinh', 'POST', `/dossiers/${d.id}/actions`, { action: 'assign', staffId: (await stack.database.sql`select id from staff where username = 'quanly.tinh'`)[0]!.id }));
    const o = await ok(await send('quanly.tinh', 'POST', `/dossiers/${d.id}/actions`, { action: 'notify_obligation', amountVnd: 500_000, note: 'Lệ phí trước bạ' }));
    expect(o.status).toBe('awaiting_obligation');
    const due = await ok(await send(null, 'GET', `/payments/due?code=${d.code}&phoneLast4=5678`));
    expect(due.due).toEqual({ purpose: 'obligation', amountVnd: 500_000 });
    const start = await startPayment(d.code);
    await payInSandbox(start.redirectUrl);
    const rows = await rowsOf(d.id);
    expect(rows.dossier).toMatchObject({ status: 'in_process', paused_since: null });
    expect(new Date(rows.dossier.due_at).getTime()).toBeGreaterThanOrEqual(new Date(o.dueAt).getTime());
    expect(rows.ledger).toEqual([{ amount_vnd: 500_000, method: 'gateway', purpose: 'obligation' }]);
    expect(rows.events.at(-1)).toMatchObject({ kind: 'obligation_paid', data: { purpose: 'obligation', method: 'gateway', dueAt: new Date(rows.dossier.due_at).toISOString() } });
    // Next the fee of the procedure (28,000 ₫) is what is due.
    expect((await ok(await send(null, 'GET', `/payments/due?code=${d.code}&phoneLast4=5678`))).due).toEqual({ purpose: 'fee', amountVnd: 28_000 });
  });

  it('reconciles a payment whose IPN was lost (querydr → paid) and expires an attempt the gateway never saw', async () => {
    const d = await feeDossier();
    const start = await startPayment(d.code);
    await payInSandbox(start.redirectUrl, 'pay', 'skip');
    expect((await rowsOf(d.id)).payments).toEqual([expect.objectContaining({ status: 'pending' })]);
    const lost = await feeDossier();
    const never = await startPayment(lost.code);
    // Both attempts made in the past (the gateway's record of the first moves with it): 20 minutes and 2 hours ago.
    const sql = stack.database.sql;
    const twentyAgo = new Date(Date.now() - 20 * 60_000);
    await sql`update payments set created_at = ${twentyAgo.toISOString()} where txn_ref = ${start.txnRef}`;
    sandbox.transactions.get(start.txnRef)!.createDate = vnpDate(twentyAgo);
    await sql`update payments set created_at = now() - interval '2 hours' where txn_ref = ${never.txnRef}`;

    await expect.poll(async () => (await rowsOf(d.id)).payments[0]!.status, { timeout: 30_000, interval: 500 }).toBe('paid');
    const rows = await rowsOf(d.id);
    expect(rows.payments[0]).toMatchObject({ settled_by: 'reconciliation', gateway_transaction_no: expect.stringMatching(/^\d+$/) });
    expect(rows.ledger).toEqual([{ amount_vnd: 20_000, method: 'gateway', purpose: 'fee' }]);
    await expect.poll(async () => (await rowsOf(lost.id)).payments[0]!.status, { timeout: 30_000, interval: 500 }).toBe('expired');
    // The IPN that finally arrives is told it was already confirmed.
    expect(await ipn(notice(start.txnRef, 20_000))).toMatchObject({ RspCode: '02' });
    expect((await rowsOf(d.id)).ledger).toHaveLength(1);
  });

  it('the online-payment indicator counts the fees paid through the gateway, matching a direct count of payment rows', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    const [direct] = await stack.database.sql`
      select count(*) filter (where pv.fee_vnd > 0)::int as with_fee,
             count(*) filter (where pv.fee_vnd > 0 and exists (select 1 from payments p where p.dossier_id = d.id and p.purpose = 'fee' and p.status = 'paid'))::int as paid_online
      from dossiers d join procedure_versions pv on pv.id = d.procedure_version_id
      where (d.received_at at time zone 'Asia/Ho_Chi_Minh')::date = ${today}::date`;
    // Fees paid this session: end to end, 20 identical IPNs, reconciled.
    expect(direct!.paid_online).toBe(3);
    await expect
      .poll(async () => (await ok(await send('lanhdao.tinh', 'GET', `/analytics/indicators?from=${today}&to=${today}`))).total.counts, { timeout: 60_000, interval: 1000 })
      .toMatchObject({ withFee: direct!.with_fee, paidOnline: direct!.paid_online });
  });
});
