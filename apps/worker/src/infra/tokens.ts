export const DATABASE = Symbol('DATABASE');
export const REDIS = Symbol('REDIS');
export const LOGGER = Symbol('LOGGER');
export const FILE_STORE = Symbol('FILE_STORE');
