import {
  type Container,
  containerLabel,
  definePolicy,
  isLikelyTypo,
  type Manifest,
  normalisePath,
  type PathKey,
  type PolicyContext,
  type SchemaProblem,
  validateDefinition,
  validateObject,
  validateObjectRules,
  volumeSources,
  windowsForbiddenFields,
  type YNode,
} from '../src/api/policy.js';

/**
 * Manifests are valid: YAML parses; fields and types match the Kubernetes OpenAPI schema of the
 * object's apiVersion (generated from @kubernetes/client-node, see src/k8s/schema); every
 * volumeMount names a defined volume; volumes have unique names; mountPaths are unique; the API
 * server's cross-field pod spec rules hold (src/k8s/api-validation.ts, message `apiRule`).
 */
export default definePolicy({
  id: 'valid-manifest',
  meta: {
    description: 'Manifests parse and match the Kubernetes schema; volumes and volumeMounts agree.',
    category: 'validity',
    defaultSeverity: 'error',
    fixable: false,
    messages: {
      parseError: 'YAML syntax error: {{message}}{{hint}}',
      invalidObject: 'Invalid Kubernetes object: {{message}}.',
      invalidJson: 'JSON syntax error: {{message}}.',
      kubectlDifference: 'kubectl reads this differently from YAML: {{message}}.',
      schema: '{{message}} (at {{path}})',
      unknownFieldHint: '{{message}} (at {{path}}): did you mean "{{suggestion}}"?',
      undefinedVolume: '{{container}} mounts volume "{{volume}}", which the pod does not define in spec.volumes.',
      volumeWithoutName: 'Volume #{{index}} has no name, so no volumeMount can use it{{hint}}.',
      duplicateVolume: 'Volume name "{{volume}}" is defined more than once.',
      duplicateMountPath: '{{container}} mounts {{mountPath}} more than once.',
      windowsField: '{{field}} cannot be set in a Windows pod (spec.os.name: windows): the API server rejects it.',
      duplicateContainerName:
        'Container name "{{name}}" is used more than once in the pod: container names must be unique across containers, initContainers and ephemeralContainers.',
      apiRule: '{{message}} (at {{path}}): the API server rejects this object ({{source}}).',
    },
    remediation:
      'Fix the reported field: the API server rejects unknown fields and wrong types (kubectl apply --validate=strict), and a pod whose volumeMount names a missing volume never starts.',
  },
  checkFile(context) {
    // One finding per line: the first error there (the parser's follow-on errors add noise).
    const lines = new Set<string>();
    for (const p of context.problems) {
      // Documents and flow items past the limits are file-not-scanned findings (the engine's).
      if (p.severity !== 'error' || NOT_READ.has(p.code) || lines.has(`${p.docIndex}:${p.line}`)) continue;
      lines.add(`${p.docIndex}:${p.line}`);
      const start = { line: p.line, column: p.column, offset: p.offset };
      const messageId =
        p.code === 'invalid-object'
          ? 'invalidObject'
          : p.code === 'json-syntax'
            ? 'invalidJson'
            : KUBECTL_DIFFERENCES.has(p.code)
              ? 'kubectlDifference'
              : 'parseError';
      context.report({
        messageId,
        // Indentation explains structure errors, not limits (aliases, nesting) nor duplicate keys.
        data: { message: p.message, hint: STRUCTURE_UNRELATED.has(p.code) || messageId !== 'parseError' ? '' : indentationHint(context.text, p.line) },
        range: { start, end: start },
        detail: `${p.docIndex}:${p.code}:${p.offset}`,
      });
    }
  },
  check(context) {
    const m = context.manifest;
    const problems: SchemaProblem[] = [];
    const result = validateObject(m.data);
    if (result.known) problems.push(...result.problems);
    else if (context.workload) {
      const templatePath = context.workload.kind.podSpecPath.slice(0, -1);
      const template = m.node.at(templatePath)?.value;
      if (template !== undefined) {
        for (const p of validateDefinition('V1PodTemplateSpec', template)) problems.push({ ...p, path: [...templatePath, ...p.path] });
      }
    }
    checkWindowsFields(context);
    const covered = checkVolumes(context);
    checkApiRules(context);
    reportSchemaProblems(
      context,
      m,
      problems.filter((p) => !covered.has(pathText(p.path))),
    );
  },
});

/** Parse problems of what was not read, reported by file-not-scanned. */
const NOT_READ = new Set(['document-limit', 'flow-limit']);

/** Parse problems that an indentation hint never explains. */
const STRUCTURE_UNRELATED = new Set(['alias-limit', 'nesting-limit', 'duplicate-key']);
/** Problem codes of src/yaml/kubectl-compat.ts: kubectl would apply other objects than the file shows. */
const KUBECTL_DIFFERENCES = new Set(['document-separator', 'merge-key-order', 'alias-key', 'line-break']);

/**
 * A hint when line `line` (1-based) is indented to a column that no enclosing block uses, the
 * usual cause of YAML structure errors (the seed's `volumes:` indented by 3 spaces).
 */
function indentationHint(text: string, line: number): string {
  const lines = text.split(/\r?\n/);
  const indentOf = (l: string) => l.length - l.trimStart().length;
  const isContent = (l: string | undefined) => l !== undefined && l.trim() !== '' && !l.trimStart().startsWith('#');
  let at = line - 1;
  while (at < lines.length && !isContent(lines[at])) at++;
  const target = lines[at];
  if (!isContent(target)) return '';
  const n = indentOf(target!);
  const above = new Set<number>();
  for (let i = 0; i < at; i++) {
    const l = lines[i]!;
    if (!isContent(l) || l.startsWith('---')) continue;
    above.add(indentOf(l));
    const dash = l.trimStart().match(/^-\s+/);
    if (dash) above.add(indentOf(l) + dash[0].length);
  }
  if (above.has(n)) return '';
  const key = target!.trim().split(/\s/)[0];
  return ` (line ${at + 1}: "${key}" is indented by ${n} spaces, which matches no enclosing block: check its indentation)`;
}

function pathText(path: readonly PathKey[]): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('') || '(root)';
}

function deepest(root: YNode, path: readonly PathKey[]): YNode {
  let cur = root;
  for (const k of path) {
    const next = typeof k === 'number' ? cur.item(k) : cur.get(k);
    if (!next) break;
    cur = next;
  }
  return cur;
}

function isVolumeNamePath(p: SchemaProblem): boolean {
  const n = p.path.length;
  return p.code === 'missing-required' && /"name"/.test(p.message) && n >= 2 && p.path[n - 2] === 'volumes' && typeof p.path[n - 1] === 'number';
}

function reportSchemaProblems(context: PolicyContext, m: Manifest, problems: SchemaProblem[]): void {
  const missingByParent = new Map<string, string[]>();
  for (const p of problems) {
    if (p.code !== 'missing-required') continue;
    const field = p.message.match(/"([^"]+)"/)?.[1];
    if (field) missingByParent.set(pathText(p.path), [...(missingByParent.get(pathText(p.path)) ?? []), field]);
  }
  for (const p of problems) {
    if (isVolumeNamePath(p) && context.workload) continue; // reported as volumeWithoutName
    const node = deepest(m.node, p.path);
    const where = pathText(p.path);
    let suggestion: string | undefined;
    if (p.code === 'unknown-field') {
      const key = String(p.path[p.path.length - 1]);
      suggestion = (missingByParent.get(pathText(p.path.slice(0, -1))) ?? []).find((f) => closeTo(key, f));
    }
    context.report({
      messageId: suggestion ? 'unknownFieldHint' : 'schema',
      data: { message: p.message, path: where, suggestion: suggestion ?? '' },
      node,
      key: p.code !== 'wrong-type',
      detail: `${p.code}:${where}`,
    });
  }
}

/** On Windows pods, the securityContext fields the API reference says cannot be set there. */
function checkWindowsFields(context: PolicyContext): void {
  const w = context.workload;
  if (!w?.isWindows) return;
  const report = (sc: YNode | undefined, definition: string, prefix: string, container?: Container) => {
    if (sc?.kind !== 'map') return;
    for (const field of windowsForbiddenFields(definition)) {
      const node = sc.get(field);
      if (node)
        context.report({
          messageId: 'windowsField',
          data: { field: `${prefix}securityContext.${field}` },
          node,
          key: true,
          container,
          detail: `windows:${prefix}${field}`,
        });
    }
  };
  report(w.podSpec.get('securityContext'), 'V1PodSecurityContext', 'spec.');
  for (const c of w.containers) report(c.securityContext, 'V1SecurityContext', `${containerLabel(c)}: `, c);
}

/** Checks volumes and mounts; returns the paths it reported (schema problems there are not repeated). */
function checkVolumes(context: PolicyContext): Set<string> {
  const covered = new Set<string>();
  const w = context.workload;
  if (!w) return covered;
  const volumes = w.podSpec.get('volumes')?.items() ?? [];
  const seen = new Set<string>();
  volumes.forEach((v, i) => {
    const name = v.get('name');
    if (typeof name?.value !== 'string') {
      const near = v.keys().find((k) => k !== 'name' && closeTo(k, 'name'));
      if (near) covered.add(pathText([...v.path.slice(context.manifest.node.path.length), near]));
      context.report({
        messageId: 'volumeWithoutName',
        data: { index: i + 1, hint: near ? ` ("${near}:" is not a field: did you mean "name:"?)` : '' },
        node: near ? v.get(near)! : v,
        key: true,
        detail: `volume:${i}`,
      });
      return;
    }
    if (seen.has(name.value)) context.report({ messageId: 'duplicateVolume', data: { volume: name.value }, node: name, detail: `dup:${name.value}:${i}` });
    seen.add(name.value);
  });
  const names = new Set<string>();
  for (const c of w.containers) {
    if (!c.name) continue;
    if (names.has(c.name))
      context.report({
        messageId: 'duplicateContainerName',
        data: { name: c.name },
        node: c.node.get('name') ?? c.node,
        container: c,
        detail: `container:${c.type}:${c.index}`,
      });
    names.add(c.name);
  }
  const defined = volumeSources(w);
  for (const c of w.containers) {
    const mounts = c.node.get('volumeMounts')?.items() ?? [];
    const paths = new Set<string>();
    for (const mnt of mounts) {
      const name = mnt.get('name');
      if (typeof name?.value === 'string' && !defined.has(name.value)) {
        context.report({
          messageId: 'undefinedVolume',
          data: { container: containerLabel(c), volume: name.value },
          node: name,
          container: c,
          detail: `mount:${name.value}`,
        });
      }
      const mp = mnt.get('mountPath');
      if (typeof mp?.value === 'string') {
        const norm = normalisePath(mp.value);
        if (paths.has(norm))
          context.report({
            messageId: 'duplicateMountPath',
            data: { container: containerLabel(c), mountPath: mp.value },
            node: mp,
            container: c,
            detail: `path:${norm}`,
          });
        paths.add(norm);
      }
    }
  }
  return covered;
}

/**
 * The API server's cross-field rules (src/k8s/api-validation.ts) the schema cannot express, each
 * pointed at its field. Left out: the rules checkVolumes already reports (its own messages), and
 * a required name that is absent (the schema, or volumeWithoutName, reports it).
 */
const API_RULES_REPORTED_ELSEWHERE = new Set(['volume-name-unique', 'mount-volume-exists', 'mount-path-unique', 'container-name-unique']);
function checkApiRules(context: PolicyContext): void {
  const w = context.workload;
  if (!w) return;
  for (const v of validateObjectRules(context.manifest.data)) {
    if (API_RULES_REPORTED_ELSEWHERE.has(v.rule)) continue;
    const node = deepest(context.manifest.node, v.path);
    if (node.path.length - context.manifest.node.path.length !== v.path.length) continue; // the field is absent
    const where = pathText(v.path);
    const container = w.containers.find((c) => c.path.length <= v.path.length && c.path.every((k, i) => v.path[i] === k));
    context.report({
      messageId: 'apiRule',
      data: { message: v.message, path: where, source: v.source },
      node,
      key: typeof v.path[v.path.length - 1] === 'string',
      container,
      detail: `api:${v.rule}:${where}`,
    });
  }
}

/** A likely typo of a field name: within 1 edit for short names, 2 otherwise. */
function closeTo(a: string, b: string): boolean {
  return isLikelyTypo(a, b, Math.min(a.length, b.length) <= 4 ? 1 : 2);
}
