export * from './errors.js';
export * from './enums.js';
export * from './http/route.js';
export * from './http/routes.js';
export * from './http/health.js';
export * from './http/system.js';
export * from './realtime/events.js';
export * from './jobs/jobs.js';
