import { defineRoute } from '../route.js';
import { ZCreatePayment, ZGatewayParams, ZIpnAnswer, ZPaymentDueView, ZPaymentLookup, ZPaymentRedirect, ZPaymentReturnView } from '../payments.js';

/** Online payment (issue #17): the citizen side is public with the tracking check, or a citizen session for one's own dossier; the IPN's auth is its signature. */
export const paymentRoutes = {
  paymentDue: defineRoute({
    method: 'GET', path: '/payments/due', tag: 'payments', summary: "What a citizen may pay online for a dossier (code + last 4 phone digits, or the signed-in citizen's own dossier by code): fee or obligation, amount, earlier attempts; another person's dossier answers 404",
    access: { kind: 'public', citizen: 'optional', rateLimit: { limit: 20, windowSeconds: 60 } }, query: ZPaymentLookup, response: ZPaymentDueView,
  }),
  createPayment: defineRoute({
    method: 'POST', path: '/payments', tag: 'payments', summary: "Start a payment attempt (code + last 4 phone digits, or the signed-in citizen's own dossier by code): a new unique transaction reference and the gateway's signed payment URL",
    access: { kind: 'public', citizen: 'optional', rateLimit: { limit: 10, windowSeconds: 60 } }, body: ZCreatePayment, response: ZPaymentRedirect,
  }),
  paymentIpn: defineRoute({
    method: 'GET', path: '/payments/vnpay/ipn', tag: 'payments', summary: "VNPay's server-to-server notice (IPN): the signature is the authentication; settles the attempt once, answers RspCode 00/01/02/04/97/99",
    // Per address, so VNPay's few servers share it: far above a province's payments, low enough to blunt a signature-guessing flood.
    access: { kind: 'public', rateLimit: { limit: 600, windowSeconds: 60 } }, query: ZGatewayParams, response: ZIpnAnswer,
  }),
  paymentReturn: defineRoute({
    method: 'GET', path: '/payments/vnpay/return', tag: 'payments', summary: "The browser's return from VNPay: checks the signature and shows the attempt's state; changes nothing",
    access: { kind: 'public', rateLimit: { limit: 60, windowSeconds: 60 } }, query: ZGatewayParams, response: ZPaymentReturnView,
  }),
} as const;
