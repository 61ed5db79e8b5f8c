#!/usr/bin/env node
/**
 * Generate src/k8s/schema/k8s-schema.json, a JSON Schema (draft-07) of the Kubernetes objects the
 * linter understands, from the models published in the official Kubernetes JS client
 * `@kubernetes/client-node` (itself generated from the Kubernetes OpenAPI spec).
 *
 * Source of truth, per model `dist/gen/models/<Model>.js` / `.d.ts`:
 *   - the static `attributeTypeMap` (JSON field name `baseName`, TS `type`, OpenAPI `format`);
 *   - the `.d.ts` class body: `'name': T;` is required, `'name'?: T;` is optional;
 *   - the file header `OpenAPI spec version: release-1.NN` gives the Kubernetes version.
 *
 * Type mapping (TS type in attributeTypeMap -> JSON Schema):
 *   string -> string; boolean -> boolean; number -> integer (format int32/int64) or number;
 *   Date -> string (RFC 3339, not format-checked); IntOrString -> string or integer;
 *   any -> {} (anything: RawExtension / free-form JSON); Array<T> -> array of T;
 *   { [key: string]: T; } -> object with additionalProperties T; <Model> -> $ref.
 * Model definitions are `type: object` with `additionalProperties: false`, `required`, and a
 * `title` holding the Kubernetes type name (V1Volume -> Volume) for messages; properties whose
 * documentation says they "cannot be set when spec.os.name is windows" are listed in
 * `x-kubernetes-windows-forbidden`.
 * Optional properties also accept null (kubectl accepts `foo: null` / `foo:`).
 *
 * Two documented corrections to the client's flattened types (see QUANTITY_FIELDS and the
 * status rule below); both are checked against the models so they cannot silently rot.
 *
 * Usage: node scripts/gen-k8s-schema.mjs          (write the file, print its size)
 *        node scripts/gen-k8s-schema.mjs --check  (exit 1 if the committed file is stale)
 */
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { Ajv } from 'ajv';
import standaloneCodeModule from 'ajv/dist/standalone/index.js';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_FILE = join(ROOT, 'src/k8s/schema/k8s-schema.json');
const standaloneCode = standaloneCodeModule.default ?? standaloneCodeModule;
const VALIDATORS_FILE = join(ROOT, 'src/k8s/schema/k8s-validators.js');
const VALIDATORS_TYPES_FILE = join(ROOT, 'src/k8s/schema/k8s-validators.d.ts');
const PKG_NAME = '@kubernetes/client-node';

/** Top-level kinds: "<apiVersion>/<Kind>" -> model name in the client. */
const KINDS = {
  'v1/Pod': 'V1Pod',
  'v1/PodTemplate': 'V1PodTemplate',
  'v1/ReplicationController': 'V1ReplicationController',
  'v1/ConfigMap': 'V1ConfigMap',
  'v1/Secret': 'V1Secret',
  'v1/ServiceAccount': 'V1ServiceAccount',
  'v1/Service': 'V1Service',
  'apps/v1/Deployment': 'V1Deployment',
  'apps/v1/StatefulSet': 'V1StatefulSet',
  'apps/v1/DaemonSet': 'V1DaemonSet',
  'apps/v1/ReplicaSet': 'V1ReplicaSet',
  'batch/v1/Job': 'V1Job',
  'batch/v1/CronJob': 'V1CronJob',
  'rbac.authorization.k8s.io/v1/Role': 'V1Role',
  'rbac.authorization.k8s.io/v1/ClusterRole': 'V1ClusterRole',
  'rbac.authorization.k8s.io/v1/RoleBinding': 'V1RoleBinding',
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': 'V1ClusterRoleBinding',
};

/**
 * Fields whose upstream OpenAPI type is `io.k8s.apimachinery.pkg.api.resource.Quantity`
 * (`x-kubernetes-int-or-string`: a string such as "512Mi" or a number such as 1 or 0.5).
 * The JS client flattens Quantity to `string`, which would reject `cpu: 1`, so these are
 * widened to string-or-number. Every entry must exist and be string-typed (checked below).
 */
const QUANTITY_FIELDS = new Set([
  'V1ResourceRequirements.limits',
  'V1ResourceRequirements.requests',
  'V1VolumeResourceRequirements.limits',
  'V1VolumeResourceRequirements.requests',
  'V1PodSpec.overhead',
  'V1EmptyDirVolumeSource.sizeLimit',
  'V1ResourceFieldSelector.divisor',
]);

/**
 * Status rule: a property named `status` whose type is a `*Status` model is written by the
 * server and ignored on create/apply; exported manifests carry it, so it accepts anything
 * (this also keeps the status models, which are large, out of the file).
 */
function isServerStatus(attr) {
  return attr.baseName === 'status' && /Status$/.test(attr.type);
}

const require = createRequire(import.meta.url);
const pkgJsonPath = require.resolve(`${PKG_NAME}/package.json`);
const pkgDir = dirname(pkgJsonPath);
const modelsDir = join(pkgDir, 'dist/gen/models');
const pkgVersion = JSON.parse(readFileSync(pkgJsonPath, 'utf8')).version;

/** Read one model: its attributes (JSON name, TS type, format), required names and spec version. */
async function loadModel(name) {
  const jsFile = join(modelsDir, `${name}.js`);
  const dtsFile = join(modelsDir, `${name}.d.ts`);
  if (!existsSync(jsFile) || !existsSync(dtsFile)) throw new Error(`model ${name} not found in ${modelsDir}`);
  const mod = await import(pathToFileURL(jsFile).href);
  const cls = mod[name];
  if (!cls || !Array.isArray(cls.attributeTypeMap)) throw new Error(`model ${name} has no attributeTypeMap`);
  const dts = readFileSync(dtsFile, 'utf8');
  const body = dts.match(new RegExp(`export declare class ${name} \\{([\\s\\S]*?)\\n\\}`));
  if (!body) throw new Error(`cannot find class body of ${name} in ${dtsFile}`);
  const required = new Set();
  const declared = new Set();
  const windowsForbidden = new Set();
  // Each property: an optional /** doc comment */ then `'name'?: T;`.
  for (const m of body[1].matchAll(/(?:\/\*\*([\s\S]*?)\*\/\s*)?^ {4}'([^']+)'(\?)?:/gm)) {
    declared.add(m[2]);
    if (!m[3]) required.add(m[2]);
    if (m[1] && /cannot be set when spec\.os\.name is windows/.test(m[1])) windowsForbidden.add(m[2]);
  }
  for (const a of cls.attributeTypeMap) {
    if (!declared.has(a.name)) throw new Error(`${name}.${a.name} is in attributeTypeMap but not declared in ${name}.d.ts`);
  }
  const header = readFileSync(jsFile, 'utf8').match(/OpenAPI spec version: (\S+)/);
  return {
    name,
    attrs: cls.attributeTypeMap.map((a) => ({ ...a, required: required.has(a.name), windowsForbidden: windowsForbidden.has(a.name) })),
    specVersion: header ? header[1] : 'unknown',
  };
}

const ARRAY_RE = /^Array<(.+)>$/;
const MAP_RE = /^\{ \[key: string\]: (.+); \}$/;
const MODEL_RE = /^[A-Z][A-Za-z0-9]*$/;

/**
 * Properties the Kubernetes API reference documents as "cannot be set when spec.os.name is
 * windows" whose type is a model reference: the JS client drops the description of referenced
 * properties, so the note cannot be read from its .d.ts. Checked below: each entry must exist,
 * be model-typed and be undocumented in the client (else it is read from the client itself).
 */
const WINDOWS_FORBIDDEN_REFS = new Set([
  'V1SecurityContext.appArmorProfile',
  'V1SecurityContext.capabilities',
  'V1SecurityContext.seLinuxOptions',
  'V1SecurityContext.seccompProfile',
  'V1PodSecurityContext.appArmorProfile',
  'V1PodSecurityContext.seLinuxOptions',
  'V1PodSecurityContext.seccompProfile',
]);

/** Model names referenced by a TS type string. */
function referencedModels(type) {
  let m;
  if ((m = type.match(ARRAY_RE)) || (m = type.match(MAP_RE))) return referencedModels(m[1]);
  if (['string', 'boolean', 'number', 'Date', 'any', 'IntOrString'].includes(type)) return [];
  if (MODEL_RE.test(type)) return [type];
  throw new Error(`unsupported type ${JSON.stringify(type)}`);
}

/** JSON Schema for a TS type string (not null-accepting). `quantity` widens string to string|number. */
function typeSchema(type, format, quantity) {
  let m;
  if ((m = type.match(ARRAY_RE))) return { type: 'array', items: typeSchema(m[1], '', quantity) };
  if ((m = type.match(MAP_RE))) return { type: 'object', additionalProperties: typeSchema(m[1], '', quantity) };
  switch (type) {
    case 'string':
      return quantity ? { type: ['string', 'number'] } : { type: 'string' };
    case 'boolean':
      return { type: 'boolean' };
    case 'number':
      return { type: format === 'int32' || format === 'int64' ? 'integer' : 'number' };
    case 'Date':
      return { type: 'string' };
    case 'IntOrString':
      return { type: ['integer', 'string'] };
    case 'any':
      return {};
    default:
      return { $ref: `#/definitions/${type}` };
  }
}

/** Make a property schema also accept null (optional fields). */
function nullable(schema) {
  if (Object.keys(schema).length === 0) return schema; // anything already includes null
  if (schema.$ref) return { anyOf: [{ type: 'null' }, schema] };
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  return { ...schema, type: [...types, 'null'] };
}

/** Kubernetes type name of a client model: V1Volume -> Volume, RbacV1Subject -> Subject. */
function kubernetesTypeName(model) {
  return model.replace(/^(?:[A-Z][a-z]+)*V\d+(?:(?:alpha|beta)\d+)?(?=[A-Z])/, '');
}

/** Recursively sort object keys so the output is byte-stable. */
function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out = {};
    for (const k of Object.keys(value).sort()) out[k] = sortKeys(value[k]);
    return out;
  }
  return value;
}

async function generate() {
  const models = new Map();
  const queue = Object.values(KINDS);
  while (queue.length > 0) {
    const name = queue.shift();
    if (models.has(name)) continue;
    const model = await loadModel(name);
    models.set(name, model);
    for (const a of model.attrs) {
      if (isServerStatus(a)) continue;
      for (const ref of referencedModels(a.type)) if (!models.has(ref)) queue.push(ref);
    }
  }

  const usedQuantity = new Set();
  const usedWindowsRefs = new Set();
  const definitions = {};
  for (const model of models.values()) {
    const properties = {};
    const required = [];
    for (const a of model.attrs) {
      const key = `${model.name}.${a.baseName}`;
      let schema;
      if (isServerStatus(a)) {
        schema = {};
      } else {
        const quantity = QUANTITY_FIELDS.has(key);
        if (quantity) {
          if (!/^(string|\{ \[key: string\]: string; \})$/.test(a.type)) {
            throw new Error(`QUANTITY_FIELDS: ${key} has type ${a.type}, expected a string or map of strings`);
          }
          usedQuantity.add(key);
        }
        schema = typeSchema(a.type, a.format, quantity);
      }
      if (a.required) required.push(a.baseName);
      else schema = nullable(schema);
      properties[a.baseName] = schema;
    }
    const def = { title: kubernetesTypeName(model.name), type: 'object', additionalProperties: false, properties };
    if (required.length > 0) def.required = required.sort();
    // The API reference says these fields "cannot be set when spec.os.name is windows".
    for (const a of model.attrs) {
      const key = `${model.name}.${a.baseName}`;
      if (!WINDOWS_FORBIDDEN_REFS.has(key)) continue;
      if (a.windowsForbidden || !MODEL_RE.test(a.type))
        throw new Error(`WINDOWS_FORBIDDEN_REFS: ${key} is documented or not model-typed; drop it from the list`);
      a.windowsForbidden = true;
      usedWindowsRefs.add(key);
    }
    const forbidden = model.attrs
      .filter((a) => a.windowsForbidden)
      .map((a) => a.baseName)
      .sort();
    if (forbidden.length > 0) def['x-kubernetes-windows-forbidden'] = forbidden;
    definitions[model.name] = def;
  }
  for (const w of WINDOWS_FORBIDDEN_REFS) {
    if (!usedWindowsRefs.has(w)) throw new Error(`WINDOWS_FORBIDDEN_REFS: ${w} is not a field of a reachable model`);
  }
  for (const q of QUANTITY_FIELDS) {
    if (!usedQuantity.has(q)) throw new Error(`QUANTITY_FIELDS: ${q} is not a field of a reachable model`);
  }

  // Kubernetes version: the spec version stamped on the models we use (e.g. "release-1.36").
  const specVersions = [...new Set([...models.values()].map((m) => m.specVersion))].sort();
  if (specVersions.length !== 1) throw new Error(`models come from several spec versions: ${specVersions.join(', ')}`);
  const vm = specVersions[0].match(/^(?:release-|v)?(\d+\.\d+(?:\.\d+)?)$/);
  if (!vm) throw new Error(`cannot read a Kubernetes version from "${specVersions[0]}"`);

  const schema = sortKeys({
    $schema: 'http://json-schema.org/draft-07/schema#',
    $comment: 'Generated by scripts/gen-k8s-schema.mjs from @kubernetes/client-node models. Do not edit.',
    source: { package: PKG_NAME, version: pkgVersion, kubernetesVersion: vm[1], openapiSpecVersion: specVersions[0] },
    kinds: KINDS,
    definitions,
  });
  return JSON.stringify(schema, null, 1) + '\n';
}

/**
 * The validators of every definition, compiled ahead of time with ajv's standalone code (the
 * SAME ajv options as src/k8s/schema-validate.ts uses at run time): compiling the PodSpec tree on
 * first use cost ~0.3 s in every process and worker thread. An ES module exporting
 * `validators`: definition name → validate function.
 */
function generateValidators(schemaText) {
  const schema = JSON.parse(schemaText);
  const ajv = new Ajv({ allErrors: true, strict: false, verbose: true, code: { source: true, esm: true } });
  ajv.addSchema(schema, 'k8s');
  const names = Object.keys(schema.definitions);
  const refs = Object.fromEntries(names.map((d, i) => [`v${i}`, `k8s#/definitions/${d}`]));
  const code = standaloneCode(ajv, refs);
  const map = names.map((d, i) => `  ${JSON.stringify(d)}: v${i},`).join('\n');
  return (
    '// Generated by scripts/gen-k8s-schema.mjs (ajv standalone code of k8s-schema.json). Do not edit.\n' +
    code.trimEnd() +
    `\n\n/** Validate functions by definition name. */\nexport const validators = {\n${map}\n};\n`
  );
}

const VALIDATORS_TYPES = `// Generated by scripts/gen-k8s-schema.mjs. Do not edit.
import type { ValidateFunction } from 'ajv';
/** ajv validate functions compiled ahead of time, by definition name of k8s-schema.json. */
export declare const validators: Readonly<Record<string, ValidateFunction>>;
`;

const text = await generate();
const outputs = [
  [OUT_FILE, text],
  [VALIDATORS_FILE, generateValidators(text)],
  [VALIDATORS_TYPES_FILE, VALIDATORS_TYPES],
];
if (process.argv.includes('--check')) {
  for (const [file, content] of outputs) {
    const rel = relative(ROOT, file);
    const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    if (current !== content) {
      console.error(`${rel} is out of date (or missing); run: npm run gen:schema`);
      process.exit(1);
    }
    console.log(`${rel} is up to date (${Buffer.byteLength(content)} bytes)`);
  }
} else {
  mkdirSync(dirname(OUT_FILE), { recursive: true });
  for (const [file, content] of outputs) {
    writeFileSync(file, content);
    console.log(`wrote ${relative(ROOT, file)}: ${Buffer.byteLength(content)} bytes`);
  }
  console.log(`${Object.keys(JSON.parse(text).definitions).length} definitions`);
}
