import type { OpenAPIObject, ReferenceObject, SchemaObject } from '@nestjs/swagger';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Answers serialised by fast-json-stringify through Fastify's route response schemas (issue 11),
 * the schemas derived from the OpenAPI document, which is the one description of the answers.
 *
 * Nest registers its routes with Fastify in app.init(), after the document is built
 * (api-app.factory.ts), so an onRoute hook gives each documented route its response schemas and
 * Fastify compiles them once while it starts. A route keeps JSON.stringify when its documented
 * answer is not JSON or its schema would not carry every field: fast-json-stringify writes only
 * what the schema names, so a free-form object (additionalProperties: true), an untyped part or
 * an object without properties would lose or change fields.
 *
 * Check mode (SERIALIZER_CHECK=1, set by scripts/test.mjs): every compiled answer is compared with
 * JSON.stringify of the same value, parsed; a difference is logged (route, status, where) and
 * answered 500, so that the e2e suites prove the schemas faithful.
 */

/** The part of JSON Schema that fast-json-stringify acts on while serialising. */
export interface SerializationSchema {
  type: string | string[];
  format?: 'date-time';
  properties?: Record<string, SerializationSchema>;
  additionalProperties?: SerializationSchema;
  items?: SerializationSchema;
}

export interface ResponseSchemaPlan {
  /** Fastify's route key ("GET /api/v1/developments/:id") -> its 2xx statuses' schemas. */
  compiled: Map<string, Record<string, SerializationSchema>>;
  /** Route key -> why its answers keep JSON.stringify. */
  kept: Map<string, string>;
}

/** Why a schema cannot describe every field of an answer. */
class Incomplete extends Error {}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

export function responseSchemasOf(doc: OpenAPIObject): ResponseSchemaPlan {
  const plan: ResponseSchemaPlan = { compiled: new Map(), kept: new Map() };
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      // Fastify's pattern for the document's path template: {id} -> :id
      const key = `${method.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ':$1')}`;
      const response: Record<string, SerializationSchema> = {};
      try {
        for (const [status, answer] of Object.entries(op.responses)) {
          if (!/^2\d\d$/.test(status) || !answer || '$ref' in answer || !answer.content) continue;
          const types = Object.keys(answer.content);
          const json = answer.content['application/json']?.schema;
          if (types.length !== 1 || !json) throw new Incomplete(`answers ${types.join(', ')}`);
          response[status] = toSerializationSchema(doc, json, `${status}`, []);
        }
        if (Object.keys(response).length) plan.compiled.set(key, response);
        else plan.kept.set(key, 'no JSON body');
      } catch (err) {
        if (!(err instanceof Incomplete)) throw err;
        plan.kept.set(key, err.message);
      }
    }
  }
  return plan;
}

/**
 * The OpenAPI 3.0 schema as JSON Schema for fast-json-stringify: references resolved, nullable
 * as a type list with 'null', only date-time kept of the formats (its Date handling is
 * toISOString, as JSON.stringify's; a Date under 'date' would lose its time). `required` is left
 * out on purpose: fast-json-stringify throws on a missing required property where JSON.stringify
 * leaves it out, and without it both leave out undefined. Enums, lengths and ranges do not change
 * how a value is written.
 */
function toSerializationSchema(doc: OpenAPIObject, given: SchemaObject | ReferenceObject, where: string, refs: string[]): SerializationSchema {
  if ('$ref' in given) {
    const name = given.$ref.replace('#/components/schemas/', '');
    if (refs.includes(name)) throw new Incomplete(`${where}: ${name} refers to itself`);
    const target = doc.components?.schemas?.[name];
    if (!target) throw new Incomplete(`${where}: ${given.$ref} does not resolve`);
    return toSerializationSchema(doc, target, name, [...refs, name]);
  }
  const s = given;
  // @nestjs/swagger writes a nullable or described reference as allOf around the one reference.
  if (s.allOf) {
    if (s.allOf.length !== 1 || s.properties || s.items) throw new Incomplete(`${where}: allOf of several schemas`);
    const inner = toSerializationSchema(doc, s.allOf[0]!, where, refs);
    return s.nullable ? nullable(inner) : inner;
  }
  if (s.oneOf || s.anyOf || s.not) throw new Incomplete(`${where}: alternatives`);
  if (typeof s.type !== 'string') throw new Incomplete(`${where}: untyped`);
  const out: SerializationSchema = { type: s.type };
  if (s.type === 'string' && s.format === 'date-time') out.format = 'date-time';
  if (s.type === 'array') {
    if (!s.items) throw new Incomplete(`${where}: array without items`);
    out.items = toSerializationSchema(doc, s.items, `${where}[]`, refs);
  }
  if (s.type === 'object') {
    if (s.additionalProperties === true || (typeof s.additionalProperties === 'object' && Object.keys(s.additionalProperties).length === 0)) {
      throw new Incomplete(`${where}: free-form object`);
    }
    if (!s.properties && !s.additionalProperties) throw new Incomplete(`${where}: object without properties`);
    if (s.properties) {
      out.properties = Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, toSerializationSchema(doc, v, `${where}.${k}`, refs)]));
    }
    if (typeof s.additionalProperties === 'object') out.additionalProperties = toSerializationSchema(doc, s.additionalProperties, `${where}{}`, refs);
  }
  return s.nullable ? nullable(out) : out;
}

function nullable(s: SerializationSchema): SerializationSchema {
  return { ...s, type: [...[s.type].flat().filter((t) => t !== 'null'), 'null'] };
}

/**
 * Gives each route of the plan its response schemas as Nest registers it. Fails the start when a
 * documented route was never registered under the expected pattern (its answers would silently
 * keep JSON.stringify).
 */
export function useResponseSchemas(fastify: FastifyInstance, plan: ResponseSchemaPlan, options: { check: boolean }): void {
  const unseen = new Set(plan.compiled.keys());
  fastify.addHook('onRoute', (route) => {
    if (typeof route.method !== 'string') return;
    const key = `${route.method} ${route.url}`;
    const response = plan.compiled.get(key);
    if (!response) return;
    route.schema = { ...route.schema, response };
    unseen.delete(key);
  });
  fastify.addHook('onReady', (done) => {
    done(unseen.size ? new Error(`response schemas for routes that were not registered: ${[...unseen].join(', ')}`) : undefined);
  });
  if (options.check) fastify.addHook('preSerialization', compareWithJsonStringify);
}

/** Check mode: the compiled serializer's answer must parse to what JSON.stringify's parses to. */
function compareWithJsonStringify(req: FastifyRequest, reply: FastifyReply, payload: unknown, done: (err: null, payload: unknown) => void): void {
  const compiled = reply.getSerializationFunction(String(reply.statusCode)) as ((value: unknown) => string) | undefined;
  // Without a compiled one, what Fastify does then: an error answer after a failed check is sent
  // through the same reply.
  void reply.serializer(compiled ? (value: unknown) => {
    const out = compiled(value);
    const at = firstDifference(JSON.parse(JSON.stringify(value)) as unknown, JSON.parse(out) as unknown, '$');
    if (at !== null) {
      req.log.error({ route: req.routeOptions.url ?? null, status: reply.statusCode, at }, 'compiled response serializer differs from JSON.stringify');
      throw new Error(`SERIALIZER_CHECK: the compiled answer differs at ${at}`);
    }
    return out;
  } : JSON.stringify);
  done(null, payload);
}

/** Where two parsed JSON values first differ (a JSON path, no values: they may be free text), or null. */
export function firstDifference(expected: unknown, actual: unknown, at: string): string | null {
  if (expected === actual) return null;
  if (typeof expected !== 'object' || typeof actual !== 'object' || expected === null || actual === null || Array.isArray(expected) !== Array.isArray(actual)) return at;
  if (Array.isArray(expected)) {
    const a = actual as unknown[];
    if (a.length !== expected.length) return `${at}.length`;
    for (let i = 0; i < expected.length; i++) {
      const d = firstDifference(expected[i], a[i], `${at}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  const e = expected as Record<string, unknown>;
  const a = actual as Record<string, unknown>;
  for (const k of new Set([...Object.keys(e), ...Object.keys(a)])) {
    if (!(k in e) || !(k in a)) return `${at}.${k}`;
    const d = firstDifference(e[k], a[k], `${at}.${k}`);
    if (d) return d;
  }
  return null;
}
