export * from './config.js';
export * from './redis.js';
export * from './probe.js';
export * from './realtime-publisher.js';
export * from './job-producer.js';
export * from './logger.js';
export * from './deadline-scheduler.js';
