/**
 * Validates request bodies and query strings against GitHub's own OpenAPI description
 * (`@octokit/openapi`, api.github.com.json). The 13 MB JSON is parsed once per process; only the schemas
 * an operation needs are resolved (`$ref` into `components`) and compiled, lazily, and cached.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

type Json = Record<string, unknown>;
interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: Json;
}
interface Operation {
  parameters?: Array<Parameter | { $ref: string }>;
  requestBody?: { required?: boolean; content?: Record<string, { schema?: Json }> };
  externalDocs?: { url?: string };
}
interface Spec {
  paths: Record<string, Record<string, Operation>>;
  components: Json;
}

let spec: Spec | undefined;

/** GitHub's OpenAPI description, parsed once per process. */
export function openApiSpec(): Spec {
  if (!spec) {
    const file = createRequire(import.meta.url).resolve('@octokit/openapi/generated/api.github.com.json');
    spec = JSON.parse(readFileSync(file, 'utf8')) as Spec;
  }
  return spec;
}

export function findOperation(template: string, method: string): Operation | undefined {
  return openApiSpec().paths[template]?.[method.toLowerCase()];
}

export function documentationUrl(template: string, method: string): string {
  return findOperation(template, method)?.externalDocs?.url ?? 'https://docs.github.com/rest';
}

function lookup(ref: string): unknown {
  if (!ref.startsWith('#/')) throw new Error(`external $ref not supported: ${ref}`);
  let node: unknown = openApiSpec();
  for (const part of ref.slice(2).split('/')) {
    node = (node as Json)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    if (node === undefined) throw new Error(`unresolvable $ref ${ref}`);
  }
  return node;
}

/** Deep copy with `$ref`s inlined and OpenAPI 3.0 `nullable` turned into JSON Schema; cycles become `{}`. */
function toJsonSchema(node: unknown, formats: Set<string>, stack: string[] = []): unknown {
  if (Array.isArray(node)) return node.map((n) => toJsonSchema(n, formats, stack));
  if (!node || typeof node !== 'object') return node;
  const obj = node as Json;
  if (typeof obj.$ref === 'string') {
    if (stack.includes(obj.$ref)) return {};
    return toJsonSchema(lookup(obj.$ref), formats, [...stack, obj.$ref]);
  }
  const out: Json = {};
  for (const [k, v] of Object.entries(obj)) {
    if (k === 'example' || k === 'examples' || k === 'description') continue; // instances / prose, not schema
    out[k] =
      k === 'properties' && v && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v).map(([name, s]) => [name, toJsonSchema(s, formats, stack)]))
        : toJsonSchema(v, formats, stack);
  }
  if (typeof out.format === 'string') formats.add(out.format);
  if (out.nullable === true) {
    delete out.nullable;
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  }
  return out;
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/i;

function makeAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false, verbose: true, coerceTypes: coerce, useDefaults: coerce });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && Math.abs(n) < 2 ** 31 });
  ajv.addFormat('date-time', DATE_TIME);
  return ajv;
}

/** Bodies are validated strictly (`"5"` is not an integer); query strings are strings, so coerced. */
const bodyAjv = makeAjv(false);
const queryAjv = makeAjv(true);
const cache = new Map<string, { body?: ValidateFunction; bodyRequired: boolean; query: ValidateFunction }>();

function compile(ajv: Ajv, schema: unknown, formats: Set<string>): ValidateFunction {
  for (const f of formats) if (!ajv.formats[f]) ajv.addFormat(f, true); // e.g. uri, email: accept
  return ajv.compile(schema as Json);
}

function validators(template: string, method: string) {
  const key = `${method.toUpperCase()} ${template}`;
  let v = cache.get(key);
  if (v) return v;
  const op = findOperation(template, method);
  if (!op) throw new Error(`no OpenAPI operation for ${key}`);
  const formats = new Set<string>();
  const params = (op.parameters ?? []).map((p) => toJsonSchema(p, formats) as Parameter).filter((p) => p.in === 'query');
  const querySchema = {
    type: 'object',
    properties: Object.fromEntries(params.map((p) => [p.name, p.schema ?? {}])),
    required: params.filter((p) => p.required).map((p) => p.name),
  };
  const bodySchema = op.requestBody?.content?.['application/json']?.schema;
  v = {
    query: compile(queryAjv, querySchema, formats),
    body: bodySchema ? compile(bodyAjv, toJsonSchema(bodySchema, formats), formats) : undefined,
    bodyRequired: op.requestBody?.required === true,
  };
  cache.set(key, v);
  return v;
}

export interface ValidationError {
  resource: 'body' | 'query';
  field: string;
  code: string;
  message: string;
}

export type ValidationResult = { ok: true; query: Record<string, unknown> } | { ok: false; message: string; errors: ValidationError[] };

const article = (t: string) => (/^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`);

/** Phrases one ajv error the way GitHub's JSON-schema validator does ("For 'properties/line', ..."). */
function phrase(e: ErrorObject): string {
  const key = e.instancePath
    .split('/')
    .filter((s) => s && !/^\d+$/.test(s))
    .pop();
  const where = key ? `For 'properties/${key}', ` : `For '${e.instancePath || 'body'}', `;
  const value = JSON.stringify(e.data);
  switch (e.keyword) {
    case 'required':
      return `"${(e.params as { missingProperty: string }).missingProperty}" wasn't supplied.`;
    case 'type':
      return `${where}${value} is not ${article(String((e.params as { type: unknown }).type))}.`;
    case 'enum':
      return `${where}${value} is not a member of ${JSON.stringify((e.params as { allowedValues: unknown[] }).allowedValues)}.`;
    default:
      return `${where}${value} ${e.message ?? 'is invalid'}.`;
  }
}

function convert(resource: 'body' | 'query', errors: ErrorObject[]): ValidationError[] {
  return errors.map((e) => ({ resource, field: e.instancePath || '/', code: e.keyword, message: phrase(e) }));
}

/**
 * Validates one request. `query` holds the raw query string values; the result carries them coerced and
 * with OpenAPI defaults applied (`per_page: 30`, `page: 1`). `body` is `undefined` when none was sent.
 */
export function validateRequest(template: string, method: string, query: Record<string, string>, body: unknown): ValidationResult {
  const v = validators(template, method);
  const q: Record<string, unknown> = { ...query };
  const errors: ValidationError[] = [];
  if (!v.query(q)) errors.push(...convert('query', v.query.errors ?? []));
  if (v.body) {
    if (body === undefined) {
      if (v.bodyRequired) errors.push({ resource: 'body', field: '/', code: 'required', message: 'Request body is required.' });
    } else if (!v.body(body)) errors.push(...convert('body', v.body.errors ?? []));
  }
  if (errors.length) return { ok: false, message: `Invalid request.\n\n${errors.map((e) => e.message).join('\n')}`, errors };
  return { ok: true, query: q };
}
