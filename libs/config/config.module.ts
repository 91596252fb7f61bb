import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from './app-config.js';
import { LOGGER, type AppLogger } from './logger.js';

/** Provides the already-validated AppConfig and the process's logger (inject with @Inject(LOGGER)) to every module. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig, logger: AppLogger): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: AppConfig, useValue: config }, { provide: LOGGER, useValue: logger }],
      exports: [AppConfig, LOGGER],
    };
  }
}
