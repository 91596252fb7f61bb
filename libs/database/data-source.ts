import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '#config/app-config.js';
import { dataSourceOptions } from './typeorm-options.js';

/** For the TypeORM CLI (npm run migration:generate|run|revert); needs DATABASE_URL. */
export default new DataSource(dataSourceOptions(loadConfig(process.env, { requireServerDatabase: true })));
