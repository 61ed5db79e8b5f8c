/**
 * The scan's render entry (src/render/index.ts renderForScan) with the real engines (Helm 4.1.4
 * and 3.17.0, kubectl 1.35.2's Kustomize 5.7.1: test/engines.ts) over every vendored chart and
 * overlay of test/render-corpus/ (each folder with its LICENSE and a README naming the
 * repository, commit and path), each scanned as a repository of its own: it renders without a
 * problem, gives findings, and every finding names a file of the vendored tree at a line inside
 * it, never the rendered text; patch files never get one; Helm 3 and 4 agree. Slow project (it
 * runs the engines on charts of thousands of lines).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinPolicies } from '../../policies/index.js';
import type { Finding } from '../../src/engine/index.js';
import { findHelmCharts, helmFileRoles, renderHelmChart } from '../../src/render/helm.js';
import { renderForScan, type RenderForScan } from '../../src/render/index.js';
import { analyseKustomize } from '../../src/render/kustomize.js';
import { parseYaml } from '../../src/yaml/index.js';
import { engineBinaries } from '../engines.js';

const CORPUS = join(dirname(fileURLToPath(import.meta.url)), '..', 'render-corpus');
const e = engineBinaries();
/** Helm 4 and kubectl only: never the machine's own (old) kubectl. */
const PATH = [dirname(e.helm4), dirname(e.kubectl)].join(':');

/** Every file under `dir` as a tree (paths relative to it, POSIX). */
function treeOf(dir: string, base = dir, out = new Map<string, string>()): Map<string, string> {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) treeOf(p, base, out);
    else out.set(relative(base, p).split('\\').join('/'), readFileSync(p, 'utf8'));
  }
  return out;
}

/** The vendored trees: `helm/<chart>` and `kustomize/<overlay>`. */
const ITEMS = ['helm', 'kustomize'].flatMap((k) =>
  readdirSync(join(CORPUS, k))
    .sort()
    .map((n) => `${k}/${n}`),
);

const lineCount = (text: string) => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
/** The 0-based offset of a 1-based line and column of `text`, or undefined when it is not in it (the end of the text is). */
function offsetAt(text: string, line: number, column: number): number | undefined {
  const lines = text.split('\n');
  if (line < 1 || line > lines.length || column < 1 || column > lines[line - 1]!.length + 1) return undefined;
  return lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
}
const where = (f: Finding) => `${f.file}:${f.range.start.line} ${f.policyId}/${f.messageId}`;

const scans = new Map<string, Promise<{ tree: Map<string, string>; r: RenderForScan }>>();
/** renderForScan of one vendored tree as its own repository, with Helm 4 on PATH (or `helm` named), once per item and engine. */
function scan(item: string, helm?: string) {
  const key = `${item}\0${helm ?? ''}`;
  let s = scans.get(key);
  if (!s) {
    const dir = join(CORPUS, item);
    const tree = treeOf(dir);
    s = renderForScan(tree, builtinPolicies, {}, { repoRoot: dir, engines: { helm, path: PATH } }).then((r) => ({ tree, r }));
    scans.set(key, s);
  }
  return s;
}

it('the corpus holds the vendored charts and overlays of issue #16', () => {
  for (const item of ['helm/bitnami-nginx', 'helm/ingress-nginx', 'kustomize/microservices-demo']) {
    expect(ITEMS).toContain(item);
    const files = readdirSync(join(CORPUS, item));
    expect(files).toEqual(expect.arrayContaining(['LICENSE', 'README.md']));
    expect(readFileSync(join(CORPUS, item, 'LICENSE'), 'utf8')).toContain('Apache License');
    expect(readFileSync(join(CORPUS, item, 'README.md'), 'utf8')).toMatch(/https:\/\/github\.com\/\S+ .*commit [0-9a-f]{40}/);
  }
});

describe.each(ITEMS)('renderForScan of %s with the real engines', (item) => {
  const helmItem = item.startsWith('helm/');

  it('renders every chart or root without a problem and gives findings', async () => {
    const { tree, r } = await scan(item);
    expect(r.engines.problems).toEqual([]);
    expect(r.result.findings.filter((f) => f.policyId === 'file-not-scanned').map((f) => f.message)).toEqual([]);
    // Every top-level chart (a vendored subchart renders with its parent) or every Kustomize root.
    const units = helmItem ? findHelmCharts(tree).filter((c) => c.parent === undefined).length : analyseKustomize(tree).roots.length;
    expect(units).toBeGreaterThan(0);
    expect(r.rendered.charts).toBe(units);
    expect(r.rendered.objects).toBeGreaterThan(0);
    expect(r.result.findings.length).toBeGreaterThan(0);
  });

  it('every finding names a source file of the vendored tree at lines inside it, from a render', async () => {
    const { tree, r } = await scan(item);
    const roles = helmItem ? helmFileRoles(tree) : analyseKustomize(tree).roles;
    for (const f of r.result.findings) {
      const text = tree.get(f.file);
      expect({ finding: where(f), inTree: text !== undefined }).toEqual({ finding: where(f), inTree: true });
      // The start on a line of the file; start and end (exclusive: the end of the file at most) are
      // places of the source text, their offsets agreeing with their lines and columns.
      expect(f.range.start.line).toBeGreaterThanOrEqual(1);
      expect(f.range.start.line).toBeLessThanOrEqual(lineCount(text!));
      expect({ finding: where(f), start: offsetAt(text!, f.range.start.line, f.range.start.column) }).toEqual({
        finding: where(f),
        start: f.range.start.offset,
      });
      expect({ finding: where(f), end: offsetAt(text!, f.range.end.line, f.range.end.column) }).toEqual({ finding: where(f), end: f.range.end.offset });
      expect(f.range.end.offset).toBeGreaterThanOrEqual(f.range.start.offset);
      expect(f.message).toMatch(helmItem ? /\(rendered by helm template \.\)$/ : /\(rendered by kustomize build [^)]+\)$/);
      // A file a person edits: a chart's template or values, a Kustomize resource or kustomization.
      const role = roles.get(f.file) ?? [];
      expect({ finding: where(f), role }).toEqual({
        finding: where(f),
        role: helmItem
          ? expect.arrayContaining([expect.stringMatching(/^(template|values)$/)])
          : expect.arrayContaining([expect.stringMatching(/^(resource|kustomization)$/)]),
      });
    }
  });

  it('no valid-manifest finding, and none at all on a Kustomize patch file', async () => {
    const { tree, r } = await scan(item);
    expect(r.result.findings.filter((f) => f.policyId === 'valid-manifest').map(where)).toEqual([]);
    if (helmItem) return;
    const patches = new Set([...analyseKustomize(tree).roles].filter(([, roles]) => roles.includes('patch')).map(([p]) => p));
    expect(r.result.findings.filter((f) => patches.has(f.file)).map(where)).toEqual([]);
  });

  if (helmItem)
    it('Helm 3 gives the same findings at the same places as Helm 4', async () => {
      const four = await scan(item);
      const three = await scan(item, e.helm3);
      expect(three.r.result.findings.map(where)).toEqual(four.r.result.findings.map(where));
    });
});

describe('bitnami nginx with its vendored common library chart', () => {
  const item = 'helm/bitnami-nginx';

  /** The containers of the chart's default render (Helm 4), with their security contexts. */
  async function renderedContainers() {
    const dir = join(CORPUS, item);
    const engine = { kind: 'helm' as const, path: e.helm4, version: 'v4.1.4', major: 4 as const };
    const r = await renderHelmChart({ engine, repoRoot: dir, chartDir: '' });
    expect(r.problems).toEqual([]);
    type Container = { name: string; securityContext?: { readOnlyRootFilesystem?: boolean; privileged?: boolean; allowPrivilegeEscalation?: boolean } };
    type PodSpec = { containers?: Container[]; initContainers?: Container[] };
    return r.objects.flatMap((o) => {
      const data = parseYaml(o.text).documents[0]?.data as { spec?: { template?: { spec?: PodSpec } } } | undefined;
      const pod = data?.spec?.template?.spec;
      return pod ? [...(pod.initContainers ?? []), ...(pod.containers ?? [])] : [];
    });
  }

  it('renders offline: the common dependency is satisfied by charts/common', async () => {
    const { tree, r } = await scan(item);
    const [nginx] = findHelmCharts(tree).filter((c) => c.parent === undefined);
    expect(nginx!.dependencies.map((d) => d.name)).toEqual(['common']);
    expect(findHelmCharts(tree).map((c) => [c.dir, c.name])).toEqual([
      ['', 'nginx'],
      ['charts/common', 'common'],
    ]);
    expect(r.rendered.charts).toBe(1);
  });

  it('read-only root and privilege findings exactly where the render lacks the hardening, on template or values.yaml lines', async () => {
    const { r } = await scan(item);
    const containers = await renderedContainers();
    expect(containers.length).toBeGreaterThan(0);
    const checks = [
      ['read-only-root-filesystem', (c: (typeof containers)[number]) => c.securityContext?.readOnlyRootFilesystem !== true],
      ['no-privileged-container', (c: (typeof containers)[number]) => c.securityContext?.privileged === true],
      ['no-privilege-escalation', (c: (typeof containers)[number]) => c.securityContext?.allowPrivilegeEscalation !== false],
    ] as const;
    for (const [policy, lacks] of checks) {
      const found = r.result.findings.filter((f) => f.policyId === policy);
      expect({ policy, found: found.length > 0 }).toEqual({ policy, found: containers.some(lacks) });
      for (const f of found) expect(f.file).toMatch(/^(templates\/.*|values\.yaml)$/);
    }
  });
});
