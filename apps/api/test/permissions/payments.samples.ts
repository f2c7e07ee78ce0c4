import type { MatrixPart } from './matrix.js';

/** Online payment routes: public (the tracking check, or the gateway's signature); no fixtures needed. */
export const paymentsMatrix: MatrixPart = {
  samples: {
    // An unknown dossier: 404 for everyone.
    paymentDue: () => ({ path: '/payments/due?code=H12.32002-990101-0009&phoneLast4=5678' }),
    createPayment: () => ({ path: '/payments', body: { code: 'H12.32002-990101-0009', phoneLast4: '5678' } }),
    // No valid signature: answered (RspCode 97 / unverified) for everyone, nothing written.
    paymentIpn: () => ({ path: '/payments/vnpay/ipn?vnp_TxnRef=X&vnp_SecureHash=00' }),
    paymentReturn: () => ({ path: '/payments/vnpay/return?vnp_TxnRef=X&vnp_SecureHash=00' }),
  },
};
