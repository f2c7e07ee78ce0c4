export * from './client.js';
export * from './migrate.js';
export * as schema from './schema/index.js';
export * from './schema/index.js';
export * from './passwords.js';
export * from './seed/demo.js';
export * from './repositories/system-ping.repository.js';
