export * from './database.module.js';
export * from './embedded-database.js';
export * from './migration-runner.js';
export * from './prepare-database.js';
export * from './typeorm-options.js';
