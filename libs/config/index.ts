export * from './app-config.js';
export * from './config.module.js';
export * from './env.schema.js';
export * from './json-logger.js';
export * from './graceful-shutdown.js';
export * from './run-main.js';
