export * from './clock.js';
export * from './business-day.js';
