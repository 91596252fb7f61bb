import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from './app-config.js';
import { JsonLogger } from './json-logger.js';

/** Provides the already-validated AppConfig and the process's logger to every module. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig, logger: JsonLogger): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: AppConfig, useValue: config }, { provide: JsonLogger, useValue: logger }],
      exports: [AppConfig, JsonLogger],
    };
  }
}
