import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { DynamicModule, Module, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import { LogController, type FastifyBaseLogger, type FastifyReply, type FastifyRequest } from 'fastify';
import { AppConfig } from '#config/app-config.js';
import { ConfigModule } from '#config/config.module.js';
import { createLogger, type AppLogger } from '#config/logger.js';
import { NestLogger } from '#config/nest-logger.js';
import { DatabaseModule } from '#database/database.module.js';
import { requestContext } from '#domain/common/request-context.js';
import { QueueModule } from '#queue/queue.module.js';
import { ApiModule } from './api.module.js';
import { useJsonBodiesOnly } from './common/json-body.parser.js';
import { assertCleanTextInput } from './common/text-input.check.js';
import { responseSchemasOf, useResponseSchemas } from './common/response-schemas.js';
import { problem, ProblemDetailsFilter, sendProblem, toProblem } from './common/problem-details.filter.js';
import { securityHeaders } from './common/security-headers.js';
import { createValidationPipe } from './common/validation.pipe.js';
import { serveWebApp } from './web/web-app.js';

export const API_PREFIX = 'api/v1';

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
    imports: [ConfigModule.forRoot(config, logger), DatabaseModule.forRoot(), QueueModule, ApiModule, ...extraModules],
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
    // The top-level disableRequestLogging option is deprecated (FSTDEP023): a warning on every start.
    logController: new LogController({ disableRequestLogging: true }),
    childLoggerFactory: (parent: FastifyBaseLogger, bindings: { reqId?: unknown }, opts: object) => parent.child({ requestId: bindings.reqId }, opts),
    // The router's own errors (broken %-encoding, a path parameter over maxParamLength) come
    // before any hook: answered here as problem+json with the request id and security headers.
    frameworkErrors: (error: Error, req: FastifyRequest, reply: FastifyReply) => sendProblem(req, reply, toProblem(error)),
    clientErrorHandler: answerClientError,
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiRootModule, adapter, { logger: new NestLogger(logger), bufferLogs: false, bodyParser: false });
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health'] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());

  const fastify = app.getHttpAdapter().getInstance();
  useJsonBodiesOnly(fastify);
  // The browser's refresh token travels in a cookie (auth/browser-session.controller.ts).
  await app.register(fastifyCookie);
  // Answers of 1 KB and more, compressed when the client asks (br, else gzip; brotli at the
  // plugin's quality 4, which is fast): the whole-city trends are 1.6 MB of JSON (issue 11).
  // Registered before the routes exist, so that its onSend hook covers them all. It leaves alone
  // what is compressed already: PDFs (not a compressible type) and the web interface's files, which
  // the build compressed beforehand (web-app.ts). Ahead of an answer carrying a secret (tokens)
  // there is no text an attacker chose, so compression reveals nothing (BREACH).
  await app.register(fastifyCompress, { threshold: 1024, encodings: ['br', 'gzip'] });
  const tileOrigin = config.MAP_TILE_URL ? new URL(config.MAP_TILE_URL.replace(/\{[a-z]\}/g, '0')).origin : undefined;
  fastify.addHook('onRequest', (req, reply, done) => {
    (req as unknown as { startedAt: bigint }).startedAt = process.hrtime.bigint();
    void reply.header('x-request-id', String(req.id));
    requestContext.run({ requestId: String(req.id) }, done);
  });
  // After parsing, before guards and pipes: the login guard reads the body before any pipe runs.
  fastify.addHook('preValidation', (req, _reply, done) => {
    try {
      assertCleanTextInput(req);
      done();
    } catch (err) {
      done(err as Error);
    }
  });
  fastify.addHook('onSend', (req, reply, payload, done) => {
    void reply.headers(securityHeaders(req.url, tileOrigin));
    done(null, payload);
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

  // The OpenAPI document describes every answer: built in every mode, before app.init() registers
  // the routes, so that each route gets its response schemas from it (compiled serializers).
  const doc = SwaggerModule.createDocument(app, new DocumentBuilder()
    .setTitle('Drogenrapport API')
    .setDescription('Inter-agency coordination of the response to open drug scenes. Errors are RFC 9457 problem+json with a stable `code`. No personal data about drug users belongs in this system.')
    .setVersion('1')
    .addBearerAuth()
    .build());
  useResponseSchemas(fastify, responseSchemasOf(doc), { check: config.SERIALIZER_CHECK });
  // Production publishes no API map unless asked to (API_DOCS=true).
  if (config.apiDocs) SwaggerModule.setup('api/docs', app, doc, { jsonDocumentUrl: 'api/docs/openapi.json' });

  // The web interface (apps/web) from the same origin, when it is built (npm run build).
  await serveWebApp(app);

  await app.init();
  await fastify.ready();
  return app;
}

/**
 * Requests Node's HTTP parser refuses (an address or headers over its size limit: 431; broken
 * HTTP: 400) never reach Fastify's routing: answered on the socket as problem+json too, with a
 * request id of their own and the security headers (Fastify's default answers plain JSON).
 */
function answerClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, detail] = err.code === 'HPE_HEADER_OVERFLOW' ? [431, 'HEADERS_TOO_LARGE', 'The address or the headers of the request are too long.'] as const
    : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, 'REQUEST_TIMEOUT', 'The request took too long to arrive.'] as const
      : [400, 'BAD_REQUEST', 'The request could not be read.'] as const;
  const requestId = randomUUID();
  const body = JSON.stringify({ ...problem(status, code, detail), requestId });
  const headers = { ...securityHeaders(''), 'cache-control': 'no-store', 'x-request-id': requestId, 'content-type': 'application/problem+json; charset=utf-8', 'content-length': String(Buffer.byteLength(body)), connection: 'close' };
  if (socket.writable) socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n${body}`);
  socket.destroy(err);
}
