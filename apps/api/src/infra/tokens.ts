/** Injection tokens for infrastructure handles (the classes come from other packages). */
export const DATABASE = Symbol('DATABASE');
/** Where analytics reads: a replica when DATABASE_READ_URL is set, else the same handle as DATABASE. */
export const READ_DATABASE = Symbol('READ_DATABASE');
export const REDIS = Symbol('REDIS');
export const BULL_REDIS = Symbol('BULL_REDIS');
/** The Socket.IO adapter's publishing and subscribing connections ({ pub, sub }). */
export const SOCKET_REDIS = Symbol('SOCKET_REDIS');
