export * from './app-config.js';
export * from './config.module.js';
export * from './env.schema.js';
export * from './logger.js';
export * from './nest-logger.js';
export * from './graceful-shutdown.js';
export * from './run-main.js';
