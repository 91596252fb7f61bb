// The bare servers bench/http.bench.ts measures the API against: Fastify + pg, nothing else, started
// as a child process with the path of a plan file (JSON, BarePlan) as its argument.
//
// - "same" runs, for each request, the statements the product ran for that route (captured from
//   the product's own connections by bench/pg-capture.ts): the same texts, parameters and
//   transactions, on as many pooled connections as the product used, statements that overlapped in
//   the product overlapping here too; the id in the path replaces the captured one in the parameters. It checks the bearer token's HS256 signature and expiry like
//   any JWT server and answers with the product's answer (JSON.stringify per request).
// - "single" runs one statement per request: for a write the INSERT (or UPDATE) of the row, for a
//   read the SELECT that fetched the data (the slowest one the product ran), and answers its rows.
//
// A request names its route in the x-bench-route header (the API ignores it); paths and query
// strings are the API's, so that Fastify parses the same input.
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import pg from 'pg';
import { statementName } from '#domain/common/statement-name.js';
import type { CapturedStatement } from './pg-capture.js';

export interface BareRoute {
  key: string;
  method: 'GET' | 'POST';
  /** Fastify route pattern, e.g. /api/v1/developments/:id */
  pattern: string;
  statements: CapturedStatement[];
  /** The :id the captured request named: replaced by the request's own in every parameter (a write then touches its own row). */
  pathId?: string;
  /** Index into statements of the one statement "single" runs. */
  single: number;
  status: number;
  body: unknown;
}

export interface BarePlan {
  mode: 'same' | 'single';
  port: number;
  databaseUrl: string;
  jwtSecret: string;
  poolSize: number;
  routes: BareRoute[];
}

/** For each statement, the ones it waits for: earlier ones on its connection and every one that had ended before it began. */
export function dependencies(statements: CapturedStatement[]): number[][] {
  return statements.map((s, i) => {
    const deps: number[] = [];
    for (let j = 0; j < i; j++) {
      const o = statements[j]!;
      if (o.client === s.client || o.end <= s.start) deps.push(j);
    }
    return deps;
  });
}

/** Runs the captured statements of one request: each connection checked out at its first statement and returned after its last. */
/**
 * The statement as the API sends it: named (prepared once per connection, as the product's
 * preparedQuery does) where PostgreSQL can prepare it; transaction control as it is.
 */
function statement(text: string, values: Array<string | null>): pg.QueryConfig {
  return /^\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\b/i.test(text) ? { name: statementName(text), text, values } : { text, values };
}

/** The captured parameters with each [captured, own] pair swapped in. */
function swapped(values: Array<string | null>, swaps: Array<[string, string]>): Array<string | null> {
  return swaps.length ? values.map((v) => swaps.reduce<string | null>((acc, [from, to]) => (acc?.includes(from) ? acc.split(from).join(to) : acc), v)) : values;
}

async function replay(pool: pg.Pool, statements: CapturedStatement[], deps: number[][], lastOf: Map<number, number>, swaps: Array<[string, string]>): Promise<void> {
  const clients = new Map<number, Promise<pg.PoolClient>>();
  const done: Array<Promise<void>> = [];
  let failed: unknown = null;
  statements.forEach((s, i) => {
    done[i] = Promise.all(deps[i]!.map((d) => done[d])).then(async () => {
      if (!clients.has(s.client)) clients.set(s.client, pool.connect());
      const client = await clients.get(s.client)!;
      try {
        await client.query(statement(s.text, swapped(s.values, swaps)));
      } catch (err) {
        failed ??= err;
        if (lastOf.get(s.client) !== i) {
          // A failed statement aborts its transaction; end it so that the connection is clean.
          await client.query('ROLLBACK').catch(() => undefined);
        }
      } finally {
        if (lastOf.get(s.client) === i) client.release();
      }
    });
  });
  await Promise.all(done);
  if (failed) throw failed;
}

function verifyBearer(header: string | undefined, secret: Buffer): boolean {
  const m = /^Bearer ([\w-]+)\.([\w-]+)\.([\w-]+)$/.exec(header ?? '');
  if (!m) return false;
  const expected = createHmac('sha256', secret).update(`${m[1]}.${m[2]}`).digest();
  const given = Buffer.from(m[3]!, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
  const claims = JSON.parse(Buffer.from(m[2]!, 'base64url').toString('utf8')) as { exp?: number };
  return typeof claims.exp === 'number' && claims.exp * 1000 > Date.now();
}

async function main() {
  const plan = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as BarePlan;
  const pool = new pg.Pool({ connectionString: plan.databaseUrl, max: plan.poolSize });
  const secret = Buffer.from(plan.jwtSecret, 'utf8');
  const app = Fastify({ logger: false, bodyLimit: 1_048_576 });
  const byKey = new Map(plan.routes.map((r) => {
    const lastOf = new Map<number, number>();
    r.statements.forEach((s, i) => lastOf.set(s.client, i));
    return [r.key, { route: r, deps: dependencies(r.statements), lastOf }];
  }));
  const patterns = new Set(plan.routes.map((r) => `${r.method} ${r.pattern}`));
  for (const p of patterns) {
    const [method, url] = p.split(' ') as ['GET' | 'POST', string];
    app.route({
      method, url,
      handler: async (req, reply) => {
        const entry = byKey.get(String(req.headers['x-bench-route']));
        if (!entry) return reply.code(404).send({ code: 'NO_SUCH_BENCH_ROUTE' });
        const { route, deps, lastOf } = entry;
        const id = (req.params as { id?: string }).id;
        const swaps: Array<[string, string]> = route.pathId && id ? [[route.pathId, id]] : [];
        // A create's id is made in Node and sent with the INSERT: each replay creates a row of its own.
        const createdId = route.status === 201 ? (route.body as { id?: unknown } | null)?.id : undefined;
        if (typeof createdId === 'string') swaps.push([createdId, randomUUID()]);
        if (plan.mode === 'single') {
          const s = route.statements[route.single]!;
          const r = await pool.query(statement(s.text, swapped(s.values, swaps)));
          return reply.code(route.status).send(r.rows);
        }
        if (!verifyBearer(req.headers.authorization, secret)) return reply.code(401).send({ code: 'TOKEN_INVALID' });
        await replay(pool, route.statements, deps, lastOf, swaps);
        return reply.code(route.status).send(route.body);
      },
    });
  }
  app.get('/health', async () => ({ status: 'ok' }));
  const shutdown = () => { void app.close().then(() => pool.end()).finally(() => process.exit(0)); };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  await app.listen({ port: plan.port, host: '127.0.0.1' });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
