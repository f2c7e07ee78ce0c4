/** Injection tokens for infrastructure handles (the classes come from other packages). */
export const DATABASE = Symbol('DATABASE');
export const REDIS = Symbol('REDIS');
export const BULL_REDIS = Symbol('BULL_REDIS');
