import { randomBytes } from 'node:crypto';
import type { CreatePayment, PaymentAttemptView, PaymentDueView, PaymentLookup, PaymentReturnView } from '@motcua/contracts';
import { paymentOrderInfo } from '@motcua/core';
import { dossierRepository, paymentRepository, type DatabaseHandle, type Dossier, type Payment } from '@motcua/db';
import type { PaymentGateway } from '@motcua/platform';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { CitizenActor } from '../../common/actor.js';
import { ApiError } from '../../common/api-error.js';
import { CONFIG, type ApiConfig } from '../../config/config.js';
import { DATABASE } from '../../infra/tokens.js';
import { DossiersService } from '../dossiers/dossiers.service.js';

export const PAYMENT_GATEWAY = Symbol('PAYMENT_GATEWAY');

const view = (p: Payment): PaymentAttemptView => ({
  txnRef: p.txnRef, purpose: p.purpose as PaymentAttemptView['purpose'], amountVnd: p.amountVnd, status: p.status as PaymentAttemptView['status'], gateway: p.gateway,
  transactionNo: p.gatewayTransactionNo, bankCode: p.bankCode, createdAt: p.createdAt.toISOString(), paidAt: p.paidAt?.toISOString() ?? null,
});

/**
 * Online payment (docs/domain.md "Online payment"): the citizen starts an attempt with the
 * tracking check; the gateway's IPN settles it (the signature is its authentication) in one
 * transaction with the dossier; the browser's return only shows what is known.
 */
@Injectable()
export class PaymentsService {
  readonly #log = new Logger('payments');

  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(PAYMENT_GATEWAY) private readonly gateway: PaymentGateway | null,
    @Inject(DossiersService) private readonly dossiers: DossiersService,
    @Inject(CONFIG) private readonly config: ApiConfig,
  ) {}

  /**
   * Which dossier the caller may pay for: the tracking check when the digits are given; otherwise the
   * signed-in citizen's own dossier (applicant ID number = the verified one), another's answering 404
   * as in the portal; with neither, the digits are asked for as before.
   */
  private async payable(lookup: PaymentLookup, citizen: CitizenActor | undefined, field: string): Promise<Dossier> {
    if (lookup.phoneLast4) return this.dossiers.identify(lookup.code, lookup.phoneLast4);
    if (!citizen) throw ApiError.validation([{ path: field, message: { vi: 'Nhập 4 số cuối điện thoại, hoặc đăng nhập để thanh toán hồ sơ của bạn', en: 'Enter the last 4 digits of the phone, or sign in to pay for your own dossier' } }]);
    const d = await dossierRepository.byCode(this.database.db, lookup.code.trim());
    if (!d || d.applicantIdNumber !== citizen.idNumber) throw ApiError.notFound({ vi: 'hồ sơ này trong danh sách hồ sơ của bạn', en: 'This dossier among your dossiers' });
    return d;
  }

  async due(lookup: PaymentLookup, citizen: CitizenActor | undefined): Promise<PaymentDueView> {
    const d = await this.payable(lookup, citizen, 'query.phoneLast4');
    const db = this.database.db;
    const [due, attempts] = await Promise.all([paymentRepository.dueOf(db, d), paymentRepository.forDossier(db, d.id)]);
    return { code: d.code, title: d.title, status: d.status, due: due && { purpose: due.purpose, amountVnd: due.amountVnd }, online: this.gateway !== null, attempts: attempts.map(view) };
  }

  async create(input: CreatePayment, citizen: CitizenActor | undefined, ip: string, now: Date) {
    const d = await this.payable(input, citizen, 'body.phoneLast4');
    if (!this.gateway) throw ApiError.conflict({ vi: 'Nơi này chưa nhận thanh toán trực tuyến: hãy nộp phí tại quầy khi nhận kết quả', en: 'Online payment is not available here yet: pay the fee at the counter when you collect the result' });
    const payment = await this.database.db.transaction(async (tx) => {
      // Under the dossier's lock, so two clicks cannot read "due" at once for different obligations.
      const locked = (await dossierRepository.lock(tx, d.id))!;
      const due = await paymentRepository.dueOf(tx, locked);
      if (!due) throw ApiError.conflict({ vi: 'Hồ sơ này hiện không có khoản phí nào cần nộp trực tuyến', en: 'Nothing is due for online payment on this dossier now' });
      // A new reference per attempt (VNPay refuses a reused one); 20 hex characters, no personal data.
      return paymentRepository.insert(tx, { dossierId: d.id, purpose: due.purpose, obligationKey: due.obligationKey, amountVnd: due.amountVnd, txnRef: randomBytes(10).toString('hex').toUpperCase(), gateway: this.gateway!.name, createdAt: now, updatedAt: now });
    });
    const redirectUrl = this.gateway.redirectUrl({
      txnRef: payment.txnRef, amountVnd: payment.amountVnd, orderInfo: paymentOrderInfo(payment.purpose as 'fee' | 'obligation', d.code), ipAddr: ip || '127.0.0.1',
      createdAt: payment.createdAt, locale: input.locale, returnUrl: new URL('/pay/result', this.config.PUBLIC_URL).toString(),
    });
    return { txnRef: payment.txnRef, amountVnd: payment.amountVnd, redirectUrl };
  }

  /** The IPN: never throws (the gateway reads only RspCode), every outcome is answered with its code. */
  async ipn(params: Record<string, string>, now: Date): Promise<Record<string, string>> {
    const gateway = this.gateway;
    if (!gateway) return { RspCode: '99', Message: 'Payments are not configured' };
    const notice = gateway.verifyNotice(params);
    if (!notice) return gateway.ipnAnswer('invalid_signature');
    try {
      const outcome = await this.database.db.transaction((tx) => paymentRepository.settle(tx, notice, 'ipn', now));
      switch (outcome.kind) {
        case 'not_found':
          return gateway.ipnAnswer('order_not_found');
        case 'already':
          return gateway.ipnAnswer('already_confirmed');
        case 'invalid_amount':
          this.#log.warn(`IPN for ${notice.txnRef} with amount ${notice.amountVnd} instead of ${outcome.payment.amountVnd}: refused`);
          return gateway.ipnAnswer('invalid_amount');
        case 'failed':
          return gateway.ipnAnswer('confirmed');
        case 'paid':
          await this.dossiers.announce(outcome.dossier, outcome.events);
          return gateway.ipnAnswer('confirmed');
      }
    } catch (e) {
      this.#log.error(`IPN for ${notice.txnRef} failed: ${(e as Error).message}`);
      return gateway.ipnAnswer('unknown_error');
    }
  }

  /** The browser's return: shows the attempt as the IPN left it; writes nothing. */
  async returned(params: Record<string, string>): Promise<PaymentReturnView> {
    const notice = this.gateway?.verifyNotice(params) ?? null;
    if (!notice) return { verified: false, code: null, txnRef: null, amountVnd: null, gatewaySaysPaid: false, status: null };
    const p = await paymentRepository.byTxnRef(this.database.db, notice.txnRef);
    const d = p ? await dossierRepository.byId(this.database.db, p.dossierId) : undefined;
    return { verified: true, code: d?.code ?? null, txnRef: notice.txnRef, amountVnd: p?.amountVnd ?? null, gatewaySaysPaid: notice.success, status: (p?.status as PaymentReturnView['status']) ?? null };
  }
}
