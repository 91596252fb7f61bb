import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig } from '#config/app-config.js';
import { ConfigModule } from '#config/config.module.js';
import { createLogger, type AppLogger } from '#config/logger.js';
import { NestLogger } from '#config/nest-logger.js';
import { DatabaseModule } from '#database/database.module.js';
import { QueueModule } from '#queue/queue.module.js';
import { WorkerModule } from './worker.module.js';

/** The worker as a Nest application context (no HTTP); main.ts and the tests use this. */
export async function createWorkerContext(config: AppConfig, logger: AppLogger = createLogger(config.LOG_LEVEL, 'worker')): Promise<INestApplicationContext> {
  @Module({
    imports: [ConfigModule.forRoot(config, logger), DatabaseModule.forRoot(), QueueModule, WorkerModule],
  })
  class WorkerRootModule {}

  const ctx = await NestFactory.createApplicationContext(WorkerRootModule, { logger: new NestLogger(logger) });
  await ctx.init();
  return ctx;
}
