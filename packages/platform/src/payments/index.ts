export * from './payment-gateway.js';
export * from './vnpay.gateway.js';
export * from './payment-config.js';
