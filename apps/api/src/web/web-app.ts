import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Where the built web interface (apps/web, `vite build`) lies: dist/web. Compiled, this file is
 * dist/apps/api/src/web/web-app.js (four levels below dist/); under jest it is the source file,
 * four levels below the repository root.
 */
export function webRoot(): string | undefined {
  const up = fileURLToPath(new URL('../../../../', import.meta.url));
  return [`${up}web`, `${up}dist/web`].find((dir) => existsSync(`${dir}/index.html`));
}

/** Paths that belong to the API: an unknown one stays a problem+json 404, never the interface. */
function isApiPath(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url === '/health' || url.startsWith('/health/') || url.startsWith('/health?');
}

/**
 * The web interface from the same origin as the API: the built files (hashed names under
 * /assets/, cached for a year), and index.html for every other GET outside /api and /health, so
 * that a reload on /meldungen opens the interface there. Answers false when it is not built.
 */
export async function serveWebApp(app: NestFastifyApplication): Promise<boolean> {
  const root = webRoot();
  if (!root) return false;
  const index = readFileSync(`${root}/index.html`);
  const fastify = app.getHttpAdapter().getInstance();
  // wildcard: false registers one route per file found now (the build does not change while the
  // process runs); everything else is left to the routes and the hook below.
  await app.register(fastifyStatic, {
    root, prefix: '/', wildcard: false, index: false, decorateReply: false, cacheControl: false,
    // The build wrote <file>.br and <file>.gz beside each text file (scripts/build.mjs): sent to
    // browsers that ask for them, instead of compressing on every request; not routes of their own.
    preCompressed: true, globIgnore: ['**/*.br', '**/*.gz'],
    setHeaders: (reply: FastifyReply, path: string) => {
      void reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  // Every GET that no route answers and that is not the API's: the interface's own paths. Done
  // in a hook on the 404 path rather than with a `/*` route, so that the router's own answers for
  // API paths (a path parameter over its length limit: 414) stay what they were.
  fastify.addHook('onRequest', (req: FastifyRequest, reply: FastifyReply, done: () => void) => {
    if (!req.is404 || (req.method !== 'GET' && req.method !== 'HEAD') || isApiPath(req.url)) return done();
    void reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-cache').send(index);
  });
  return true;
}
