import { randomUUID } from 'node:crypto';
import { DynamicModule, Module, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyBaseLogger } from 'fastify';
import { AppConfig } from '#config/app-config.js';
import { ConfigModule } from '#config/config.module.js';
import { createLogger, type AppLogger } from '#config/logger.js';
import { NestLogger } from '#config/nest-logger.js';
import { DatabaseModule } from '#database/database.module.js';
import { requestContext } from '#domain/common/request-context.js';
import { DomainModule } from '#domain/domain.module.js';
import { QueueModule } from '#queue/queue.module.js';
import { ApiModule } from './api.module.js';
import { ProblemDetailsFilter } from './common/problem-details.filter.js';
import { createValidationPipe } from './common/validation.pipe.js';

export const API_PREFIX = 'api/v1';

const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'geolocation=(), camera=(), microphone=()',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
};
// Swagger UI needs inline scripts and styles; everything else gets the strict policy.
const CSP_API = "default-src 'none'; frame-ancestors 'none'";
const CSP_DOCS = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'";

/**
 * Builds the HTTP app (not yet listening). main.ts, the all-in-one entry and the tests all use this,
 * so that they run the same pipes, filters, hooks and docs.
 */
export interface ApiAppOptions {
  extraModules?: Array<Type | DynamicModule>;
  logger?: AppLogger;
}

export async function createApiApp(config: AppConfig, options: ApiAppOptions = {}): Promise<NestFastifyApplication> {
  const logger = options.logger ?? createLogger(config.LOG_LEVEL, 'api');
  const extraModules = options.extraModules ?? [];
  @Module({
    imports: [ConfigModule.forRoot(config, logger), DatabaseModule.forRoot(), DomainModule, QueueModule, ApiModule, ...extraModules],
  })
  class ApiRootModule {}

  const adapter = new FastifyAdapter({
    // Trust exactly the configured number of proxy hops for req.ip, never all (STACK.md trap 11).
    trustProxy: (_addr: string, hop: number) => hop < config.TRUST_PROXY_HOPS,
    bodyLimit: 1_048_576,
    // Honour a sane incoming X-Request-Id (from a proxy), otherwise make one.
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[A-Za-z0-9._-]{8,100}$/.test(given) ? given : randomUUID();
    },
    // Fastify's own logger is the process's pino logger; each request's child logger carries the
    // request id. Fastify's request lines are off: they print the raw URL (query string included),
    // so the one line per request is written in onResponse below, with the route pattern only.
    loggerInstance: logger,
    disableRequestLogging: true,
    childLoggerFactory: (parent: FastifyBaseLogger, bindings: { reqId?: unknown }, opts: object) => parent.child({ requestId: bindings.reqId }, opts),
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiRootModule, adapter, { logger: new NestLogger(logger), bufferLogs: false });
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health'] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (req, reply, done) => {
    (req as unknown as { startedAt: bigint }).startedAt = process.hrtime.bigint();
    void reply.header('x-request-id', String(req.id));
    requestContext.run({ requestId: String(req.id) }, done);
  });
  fastify.addHook('onSend', async (req, reply) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) void reply.header(k, v);
    void reply.header('content-security-policy', config.apiDocs && req.url.startsWith('/api/docs') ? CSP_DOCS : CSP_API);
    if (req.url.startsWith('/api/v1/') ) void reply.header('cache-control', 'no-store');
  });
  fastify.addHook('onResponse', (req, reply, done) => {
    const started = (req as unknown as { startedAt?: bigint }).startedAt;
    // The route pattern (/api/v1/places/:id), not the URL: query strings and path segments carry
    // what people typed (search text, cursors).
    req.log.info({
      method: req.method, route: req.routeOptions.url ?? null, status: reply.statusCode,
      ms: started ? Number(process.hrtime.bigint() - started) / 1e6 : undefined,
    }, 'request');
    done();
  });

  // Production publishes no API map unless asked to (API_DOCS=true).
  if (config.apiDocs) {
    const doc = SwaggerModule.createDocument(app, new DocumentBuilder()
      .setTitle('Drogenrapport API')
      .setDescription('Inter-agency coordination of the response to open drug scenes. Errors are RFC 9457 problem+json with a stable `code`. No personal data about drug users belongs in this system.')
      .setVersion('1')
      .addBearerAuth()
      .build());
    SwaggerModule.setup('api/docs', app, doc, { jsonDocumentUrl: 'api/docs/openapi.json' });
  }

  await app.init();
  await fastify.ready();
  return app;
}
