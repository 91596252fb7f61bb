import { RequestMethod, type INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { ACCESS_KEY, type AccessRule } from '#api/auth/access.decorators.js';

/**
 * Reading the API's own OpenAPI document in tests: its operations, its schemas (resolved), a
 * structural check of the document, and a check of a value against a schema. Written for the
 * subset of OpenAPI 3.0 that @nestjs/swagger emits; no validator package is needed for it.
 */

export type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  nullable?: boolean;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  default?: unknown;
  example?: unknown;
  description?: string;
  [extra: string]: unknown;
};

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
  description?: string;
}

export interface Response {
  description?: string;
  content?: Record<string, { schema?: Schema }>;
}

export interface Operation {
  operationId?: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: Schema }> };
  responses: Record<string, Response>;
  security?: Array<Record<string, string[]>>;
  tags?: string[];
}

export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema>; securitySchemes?: Record<string, unknown> };
}

export interface DocumentedOperation {
  method: string;
  /** The path template, e.g. /api/v1/measures/{id} */
  path: string;
  op: Operation;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export function operationsOf(doc: OpenApiDocument): DocumentedOperation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).filter(([m]) => METHODS.includes(m)).map(([method, op]) => ({ method: method.toUpperCase(), path, op })));
}

/** Follows a `#/components/schemas/X` reference (and a lone allOf around one, as swagger writes nullable refs). */
export function deref(doc: OpenApiDocument, s: Schema): Schema {
  if (s.$ref) {
    const name = s.$ref.replace('#/components/schemas/', '');
    const target = doc.components.schemas[name];
    if (!target) throw new Error(`unresolved $ref ${s.$ref}`);
    return deref(doc, target);
  }
  return s;
}

const SCHEMA_KEYWORDS = new Set([
  '$ref', 'type', 'format', 'nullable', 'enum', 'properties', 'required', 'additionalProperties', 'items', 'allOf', 'oneOf', 'anyOf',
  'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'pattern',
  'default', 'example', 'description', 'title', 'readOnly', 'writeOnly', 'deprecated', 'uniqueItems', 'multipleOf',
]);
const TYPES = new Set(['string', 'number', 'integer', 'boolean', 'array', 'object']);

/**
 * Structural problems of the document (OpenAPI 3.0): what a client generator or validator would
 * choke on. Empty when the document is sound.
 */
export function structuralProblems(doc: OpenApiDocument): string[] {
  const out: string[] = [];
  if (!/^3\.0\.\d+$/.test(doc.openapi)) out.push(`openapi version ${doc.openapi} is not 3.0.x`);
  if (!doc.info?.title || !doc.info?.version) out.push('info.title and info.version are required');
  const checkSchema = (s: unknown, where: string): void => {
    if (typeof s !== 'object' || s === null || Array.isArray(s)) {
      out.push(`${where}: a schema must be an object`);
      return;
    }
    const schema = s as Schema;
    for (const k of Object.keys(schema)) if (!SCHEMA_KEYWORDS.has(k) && !k.startsWith('x-')) out.push(`${where}: unknown keyword "${k}"`);
    if (schema.$ref !== undefined) {
      if (!/^#\/components\/schemas\/[A-Za-z0-9._-]+$/.test(schema.$ref)) out.push(`${where}: $ref ${schema.$ref} is not a local schema reference`);
      else if (!doc.components.schemas[schema.$ref.slice('#/components/schemas/'.length)]) out.push(`${where}: $ref ${schema.$ref} does not resolve`);
    }
    if (schema.type !== undefined && !TYPES.has(schema.type)) out.push(`${where}: type "${String(schema.type)}" is not an OpenAPI 3.0 type`);
    if (schema.type === 'array' && !schema.items) out.push(`${where}: an array needs items`);
    if (schema.nullable !== undefined && typeof schema.nullable !== 'boolean') out.push(`${where}: nullable must be a boolean`);
    if (schema.enum !== undefined && (!Array.isArray(schema.enum) || schema.enum.length === 0)) out.push(`${where}: enum must be a non-empty array`);
    if (schema.required !== undefined) {
      if (!Array.isArray(schema.required)) out.push(`${where}: required must be an array`);
      else for (const r of schema.required) if (!schema.properties?.[r]) out.push(`${where}: required "${r}" is not among the properties`);
    }
    for (const [k, v] of Object.entries(schema.properties ?? {})) checkSchema(v, `${where}.properties.${k}`);
    if (schema.items) checkSchema(schema.items, `${where}.items`);
    if (typeof schema.additionalProperties === 'object') checkSchema(schema.additionalProperties, `${where}.additionalProperties`);
    for (const key of ['allOf', 'oneOf', 'anyOf'] as const) {
      const list = schema[key];
      if (list === undefined) continue;
      if (!Array.isArray(list) || list.length === 0) out.push(`${where}: ${key} must be a non-empty array`);
      else list.forEach((x, i) => checkSchema(x, `${where}.${key}[${i}]`));
    }
  };
  for (const [name, s] of Object.entries(doc.components?.schemas ?? {})) checkSchema(s, `components.schemas.${name}`);
  const operationIds = new Set<string>();
  for (const { method, path, op } of operationsOf(doc)) {
    const where = `${method} ${path}`;
    if (!path.startsWith('/')) out.push(`${where}: paths start with /`);
    if (op.operationId) {
      if (operationIds.has(op.operationId)) out.push(`${where}: operationId ${op.operationId} is not unique`);
      operationIds.add(op.operationId);
    }
    const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
    const params = op.parameters ?? [];
    const seen = new Set<string>();
    for (const p of params) {
      if (!['path', 'query', 'header', 'cookie'].includes(p.in)) out.push(`${where}: parameter ${p.name} has in "${p.in}"`);
      if (seen.has(`${p.in}:${p.name}`)) out.push(`${where}: parameter ${p.in} ${p.name} is declared twice`);
      seen.add(`${p.in}:${p.name}`);
      if (p.in === 'path' && (!templated.includes(p.name) || p.required !== true)) out.push(`${where}: path parameter ${p.name} must be in the template and required`);
      if (!p.schema) out.push(`${where}: parameter ${p.name} has no schema`);
      else checkSchema(p.schema, `${where} parameter ${p.name}`);
    }
    for (const t of templated) if (!params.some((p) => p.in === 'path' && p.name === t)) out.push(`${where}: {${t}} is not declared as a path parameter`);
    if (op.requestBody) {
      for (const [type, media] of Object.entries(op.requestBody.content ?? {})) {
        if (!media.schema) out.push(`${where}: request body ${type} has no schema`);
        else checkSchema(media.schema, `${where} request body`);
      }
    }
    if (!op.responses || Object.keys(op.responses).length === 0) out.push(`${where}: no responses`);
    for (const [status, r] of Object.entries(op.responses ?? {})) {
      if (!/^([1-5]\d\d|[1-5]XX|default)$/.test(status)) out.push(`${where}: response key ${status} is not a status`);
      if (typeof r.description !== 'string') out.push(`${where} ${status}: a response needs a description`);
      for (const [type, media] of Object.entries(r.content ?? {})) {
        if (media.schema) checkSchema(media.schema, `${where} ${status} ${type}`);
      }
    }
    for (const req of op.security ?? []) {
      for (const name of Object.keys(req)) if (!doc.components.securitySchemes?.[name]) out.push(`${where}: security scheme ${name} is not declared`);
    }
  }
  return out;
}

/** Every schema node in the document, with where it is (for checks over all of them). */
export function allSchemas(doc: OpenApiDocument): Array<{ where: string; schema: Schema }> {
  const out: Array<{ where: string; schema: Schema }> = [];
  const walk = (s: Schema | undefined, where: string): void => {
    if (!s || typeof s !== 'object') return;
    out.push({ where, schema: s });
    for (const [k, v] of Object.entries(s.properties ?? {})) walk(v, `${where}.${k}`);
    if (s.items) walk(s.items, `${where}[]`);
    if (typeof s.additionalProperties === 'object') walk(s.additionalProperties, `${where}{}`);
    for (const key of ['allOf', 'oneOf', 'anyOf'] as const) (s[key] ?? []).forEach((x, i) => walk(x, `${where}.${key}[${i}]`));
  };
  for (const [name, s] of Object.entries(doc.components.schemas)) walk(s, name);
  for (const { method, path, op } of operationsOf(doc)) {
    for (const p of op.parameters ?? []) walk(p.schema, `${method} ${path} ?${p.name}`);
    for (const [t, m] of Object.entries(op.requestBody?.content ?? {})) walk(m.schema, `${method} ${path} body ${t}`);
    for (const [status, r] of Object.entries(op.responses)) for (const [t, m] of Object.entries(r.content ?? {})) walk(m.schema, `${method} ${path} ${status} ${t}`);
  }
  return out;
}

/**
 * Where `value` does not fit `schema` (empty when it fits). Objects may not carry properties the
 * schema does not list (unless additionalProperties allows them): an undocumented field in an
 * answer is a documentation bug too.
 */
export function schemaMismatches(doc: OpenApiDocument, schema: Schema, value: unknown, where = '$'): string[] {
  const s = deref(doc, schema);
  if (value === null) return s.nullable ? [] : [`${where}: null, but the schema is not nullable`];
  if (s.allOf) return s.allOf.flatMap((x) => schemaMismatches(doc, { ...x, nullable: s.nullable }, value, where));
  if (s.oneOf || s.anyOf) {
    const options = (s.oneOf ?? s.anyOf)!;
    return options.some((x) => schemaMismatches(doc, x, value, where).length === 0) ? [] : [`${where}: fits none of the alternatives`];
  }
  const out: string[] = [];
  if (s.enum && !s.enum.includes(value)) out.push(`${where}: ${JSON.stringify(value)} is not one of ${JSON.stringify(s.enum)}`);
  switch (s.type) {
    case 'string':
      if (typeof value !== 'string') return [`${where}: expected a string, got ${JSON.stringify(value)}`];
      if (s.format === 'date-time' && Number.isNaN(Date.parse(value))) out.push(`${where}: ${value} is not a date-time`);
      if (s.format === 'uuid' && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) out.push(`${where}: ${value} is not a uuid`);
      return out;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? out : [`${where}: expected a number, got ${JSON.stringify(value)}`];
    case 'integer':
      return Number.isInteger(value) ? out : [`${where}: expected an integer, got ${JSON.stringify(value)}`];
    case 'boolean':
      return typeof value === 'boolean' ? out : [`${where}: expected a boolean, got ${JSON.stringify(value)}`];
    case 'array':
      if (!Array.isArray(value)) return [`${where}: expected an array`];
      return value.flatMap((v, i) => schemaMismatches(doc, s.items ?? {}, v, `${where}[${i}]`));
    case 'object':
    case undefined: {
      if (s.type === undefined && !s.properties) return out;
      if (typeof value !== 'object' || Array.isArray(value)) return [`${where}: expected an object`];
      const obj = value as Record<string, unknown>;
      for (const r of s.required ?? []) if (!(r in obj)) out.push(`${where}.${r}: required, but missing`);
      for (const [k, v] of Object.entries(obj)) {
        const ps = s.properties?.[k];
        if (ps) out.push(...schemaMismatches(doc, ps, v, `${where}.${k}`));
        else if (typeof s.additionalProperties === 'object') out.push(...schemaMismatches(doc, s.additionalProperties, v, `${where}.${k}`));
        else if (s.additionalProperties !== true) out.push(`${where}.${k}: not in the documented schema`);
      }
      return out;
    }
    default:
      return [`${where}: unknown type ${String(s.type)}`];
  }
}

/**
 * The access rule of each route, from the same metadata the guard reads, keyed like the document:
 * "GET /api/v1/measures/{id}" -> rule.
 */
export function accessRules(app: INestApplication): Map<string, AccessRule | undefined> {
  const reflector = app.get(Reflector);
  const scanner = new MetadataScanner();
  const out = new Map<string, AccessRule | undefined>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const ctrl = wrapper.metatype as (new (...a: unknown[]) => unknown) | undefined;
      if (!ctrl) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, ctrl) ?? '');
      for (const name of scanner.getAllMethodNames(ctrl.prototype)) {
        const handler = (ctrl.prototype as Record<string, (...a: unknown[]) => unknown>)[name]!;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        if (path === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number]!;
        const full = `/${[base, String(path)].filter((p) => p && p !== '/').join('/')}`.replace(/\/+/g, '/').replace(/:([A-Za-z]+)/g, '{$1}');
        // The prefix itself is '/api/v1', not '/api/v1/' (the index route).
        out.set(`${method} ${base === 'health' ? '' : '/api/v1'}${full === '/' && base !== 'health' ? '' : full}`, reflector.getAllAndOverride<AccessRule>(ACCESS_KEY, [handler, ctrl]));
      }
    }
  }
  return out;
}
