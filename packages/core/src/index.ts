export * from './clock.js';
export * from './business-day.js';
export * from './calendar.js';
export * from './holidays.js';
export * from './deadline.js';
export * from './dossier-state.js';
export * from './queue-routing.js';
export * from './wait-estimate.js';
