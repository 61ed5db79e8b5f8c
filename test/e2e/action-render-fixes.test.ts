/**
 * Issue #16's end-to-end requirement: pull requests that change a Helm chart's values.yaml, only a
 * template of a chart, a Kustomize base resource and an overlay patch each get ONE review (the
 * bundle against the local GitHub API server, real Helm 4 and kubectl's Kustomize from
 * test/engines.ts on the runner's PATH); its suggested changes — inline ```suggestion blocks, and
 * ```diff blocks of the review body for a fix in a file the pull request does not change — are
 * applied to the head files as GitHub (or a person) applies them, and the tree is scanned again by
 * the CLI (`scan --format json`, rendering with the same engines and the same configuration): the
 * findings the suggestions were for are gone, and no finding appears that was not there before.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { applyPatch, parsePatch } from 'diff';
import { engineBinaries } from '../engines.js';
import { createPullRequestFixture, type PullRequestFixture } from '../github-api/fixture.js';
import { startGitHubApiServer } from '../github-api/server.js';
import type { ReviewComment } from '../github-api/types.js';
import { cli, SEED_CONFIG } from '../cli/helpers.js';
import { applySuggestion, runAction, suggestionOf } from './helpers.js';

const e = engineBinaries();
/** The runner's PATH: the test engines first (this machine's /usr/bin/kubectl is too old for the render layer). */
const PATH = `${dirname(e.helm4)}:${dirname(e.kubectl)}:/usr/bin:/bin`;
const PODINFO = new URL('../render-corpus/helm/podinfo/', import.meta.url).pathname;

/** Every file under `dir` as fixture files under `prefix/`. */
function filesUnder(dir: string, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const abs = join(d, n);
      if (statSync(abs).isDirectory()) walk(abs);
      else out[`${prefix}/${relative(dir, abs)}`] = readFileSync(abs, 'utf8');
    }
  };
  walk(dir);
  return out;
}

/** The files of the fixture's head commit (its work tree is checked out there). */
function headFiles(fx: PullRequestFixture): Map<string, string> {
  const paths = execFileSync('git', ['ls-tree', '-r', '-z', '--name-only', fx.headSha], { cwd: fx.dir, encoding: 'utf8' }).split('\0').filter(Boolean);
  return new Map(paths.map((p) => [p, readFileSync(join(fx.dir, p), 'utf8')]));
}

/** The fingerprints of a body's or comment's hidden markers. */
const markerFingerprints = (body: string): string[] =>
  [...body.matchAll(/<!-- kube-immutable:([^>]*?) -->/g)].flatMap((m) => /(?:^|;)fp=([^;]*)/.exec(m[1]!)?.[1]!.split(',').map(decodeURIComponent) ?? []);

/** An inline suggestion of the review: replace head lines `start`..`end` (1-based) of `path` by `content`. */
interface InlineSuggestion {
  path: string;
  start: number;
  end: number;
  content: string;
  fingerprints: string[];
}

/** A ```diff block of the review body: a unified diff of one file, against its head text. */
interface BodyDiff {
  path: string;
  patch: string;
}

/** What the one review of a run suggests. */
interface Suggested {
  inline: InlineSuggestion[];
  diffs: BodyDiff[];
  /** The fingerprints the review body lists. */
  bodyFingerprints: string[];
  body: string;
  comments: ReviewComment[];
}

/** The ONE submitted review of the server (asserted), its inline suggestions and its body's diffs. */
function theReview(gh: { state: { reviews: { id: number; body: string; state: string }[]; reviewComments: ReviewComment[] } }): Suggested {
  const reviews = gh.state.reviews.filter((r) => r.state !== 'PENDING');
  expect(reviews).toHaveLength(1);
  const review = reviews[0]!;
  const comments = gh.state.reviewComments.filter((c) => c.pull_request_review_id === review.id);
  expect(comments).toHaveLength(gh.state.reviewComments.length);
  const inline = comments.flatMap((c): InlineSuggestion[] => {
    const content = suggestionOf(c.body);
    return content === undefined ? [] : [{ path: c.path, start: c.start_line ?? c.line!, end: c.line!, content, fingerprints: markerFingerprints(c.body) }];
  });
  const diffs = [...review.body.matchAll(/^(`{3,})diff\n([\s\S]*?)\n\1$/gm)].map((m) => {
    const patch = `${m[2]!}\n`;
    const parsed = parsePatch(patch);
    expect(parsed).toHaveLength(1);
    return { path: parsed[0]!.newFileName!.replace(/^b\//, ''), patch };
  });
  return { inline, diffs, bodyFingerprints: markerFingerprints(review.body), body: review.body, comments };
}

/**
 * The head files with every suggestion applied: a file's inline suggestions from the bottom up
 * (none may overlap: GitHub applies each to the lines it names), then the body's diffs (each
 * must apply cleanly to the head text of a file no inline suggestion changed).
 */
function applyAll(head: ReadonlyMap<string, string>, s: Pick<Suggested, 'inline' | 'diffs'>): Map<string, string> {
  const out = new Map(head);
  const byPath = new Map<string, InlineSuggestion[]>();
  for (const x of s.inline) byPath.set(x.path, [...(byPath.get(x.path) ?? []), x]);
  for (const [path, list] of byPath) {
    const sorted = [...list].sort((a, b) => b.start - a.start);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.end).toBeLessThan(sorted[i - 1]!.start);
    let text = out.get(path);
    expect(text).toBeDefined();
    for (const x of sorted) text = applySuggestion(text!, x.start, x.end, x.content);
    out.set(path, text!);
  }
  for (const d of s.diffs) {
    expect(byPath.has(d.path)).toBe(false);
    const text = out.get(d.path);
    expect(text).toBeDefined();
    const applied = applyPatch(text!, d.patch);
    expect(applied).not.toBe(false);
    out.set(d.path, applied as string);
  }
  return out;
}

/** A finding of the CLI's JSON report. */
interface ReportedFinding {
  policyId: string;
  file: string;
  fingerprint: string;
  fixId: string | null;
  range: { start: { line: number } };
  origin?: { file: string; range: { start: { line: number } } };
}

/** The CLI's JSON report of `kube-immutable scan .` over `files` (rendering with the test engines on PATH, the tree's own configuration). */
async function scanTree(files: ReadonlyMap<string, string>): Promise<{ findings: ReportedFinding[]; fixes: { id: string; file: string }[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'ki-rescan-'));
  try {
    for (const [p, t] of files) {
      mkdirSync(dirname(join(dir, p)), { recursive: true });
      writeFileSync(join(dir, p), t);
    }
    const r = await cli(['scan', '--format', 'json', '--fail-level', 'none', '.'], dir, { env: { PATH } });
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    return JSON.parse(r.stdout) as { findings: ReportedFinding[]; fixes: { id: string; file: string }[] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Run the action on the fixture's pull request, take its one review, apply its suggestions and
 * scan again. Asserts the loop closes: every finding a suggestion (inline, or a body diff) was for
 * is a finding of the head scan with a fix in that file, and is gone after; every finding after
 * was there before (by fingerprint). Returns the review and both scans for the case's own checks.
 */
async function reviewApplyRescan(fx: PullRequestFixture) {
  const gh = await startGitHubApiServer(fx.state());
  let s: Suggested;
  try {
    const run = await runAction(fx, gh, { 'fail-level': 'warning' }, { PATH });
    expect(gh.rejections).toEqual([]);
    // fail-level warning: the findings fail the step.
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/kube-immutable: rendered [1-9]\d* chart\(s\) and Kustomize root\(s\)/);
    s = theReview(gh);
  } finally {
    await gh.close();
  }
  const head = headFiles(fx);
  const before = await scanTree(head);
  const fixFile = new Map(before.fixes.map((g) => [g.id, g.file]));
  const byFp = new Map(before.findings.map((f) => [f.fingerprint, f]));
  // The findings each suggestion is for: an inline one's marker; a body diff's, the body's findings whose fix is in that file.
  const targeted = [
    ...s.inline.flatMap((x) => x.fingerprints.map((fp) => ({ fp, file: x.path }))),
    ...s.diffs.flatMap((d) => s.bodyFingerprints.filter((fp) => fixFile.get(byFp.get(fp)?.fixId ?? '') === d.path).map((fp) => ({ fp, file: d.path }))),
  ];
  expect(targeted.length).toBeGreaterThan(0);
  for (const t of targeted) {
    const f = byFp.get(t.fp);
    expect(f && { fp: t.fp, fixFile: fixFile.get(f.fixId ?? '') }).toEqual({ fp: t.fp, fixFile: t.file });
  }
  const fixed = applyAll(head, s);
  const after = await scanTree(fixed);
  const afterFps = new Set(after.findings.map((f) => f.fingerprint));
  expect(targeted.filter((t) => afterFps.has(t.fp))).toEqual([]);
  const key = (f: ReportedFinding) => `${f.policyId} ${f.file}:${f.range.start.line} ${f.fingerprint}`;
  expect(after.findings.filter((f) => !byFp.has(f.fingerprint)).map(key)).toEqual([]);
  return { review: s, before, after, head, fixed, targeted };
}

describe('a pull request changing a chart’s values.yaml (podinfo)', () => {
  const podinfo = filesUnder(PODINFO, 'charts/podinfo');
  const values = podinfo['charts/podinfo/values.yaml']!;
  // The pull request edits the comment next to the placeholder the fix fills: `securityContext: {}` is a context line of its hunk.
  const fx = createPullRequestFixture({
    base: { '.github/kube-immutable.yaml': SEED_CONFIG, ...podinfo },
    head: {
      'charts/podinfo/values.yaml': values
        .replace('replicaCount: 1', 'replicaCount: 2')
        .replace('# set pod security context', '# set the pod security context'),
    },
  });
  afterAll(() => fx.cleanup());

  it('gets an inline suggestion on the values line; applied, the chart renders again without the finding', async () => {
    const { review, before, fixed, targeted } = await reviewApplyRescan(fx);
    expect(review.diffs).toEqual([]);
    expect(review.inline.map((x) => x.path)).toEqual(['charts/podinfo/values.yaml']);
    const line = values.split('\n').indexOf('securityContext: {}') + 1;
    expect(review.inline[0]).toMatchObject({ start: line, end: line });
    const npe = before.findings.find((f) => f.policyId === 'no-privilege-escalation')!;
    expect(npe).toMatchObject({ file: 'charts/podinfo/values.yaml', range: { start: { line } }, origin: { file: 'charts/podinfo/templates/deployment.yaml' } });
    expect(targeted.map((t) => t.fp)).toContain(npe.fingerprint);
    expect(fixed.get('charts/podinfo/values.yaml')).toContain('securityContext:\n  allowPrivilegeEscalation: false\n');
  });
});

describe('a pull request changing only a template of a chart (podinfo; values.yaml untouched)', () => {
  const podinfo = filesUnder(PODINFO, 'charts/podinfo');
  const tpl = podinfo['charts/podinfo/templates/deployment.yaml']!;
  // A change on the container's lines: the line the finding renders from is in the hunk, its fix is in values.yaml.
  const changed = tpl.replace('imagePullPolicy: {{ .Values.image.pullPolicy }}', 'imagePullPolicy: {{ .Values.image.pullPolicy | quote }}');
  const fx = createPullRequestFixture({
    base: { '.github/kube-immutable.yaml': SEED_CONFIG, ...podinfo },
    head: { 'charts/podinfo/templates/deployment.yaml': changed },
  });
  afterAll(() => fx.cleanup());

  it('is reviewed by the template line; the values fix is a diff in the body that applies and clears the finding', async () => {
    expect(changed).not.toBe(tpl);
    const { review, before, fixed } = await reviewApplyRescan(fx);
    const npe = before.findings.find((f) => f.policyId === 'no-privilege-escalation')!;
    expect(npe).toMatchObject({ file: 'charts/podinfo/values.yaml', origin: { file: 'charts/podinfo/templates/deployment.yaml' } });
    // In the review's scope by its origin: the template line it renders from is in the pull request's hunk.
    const patch = fx.files.find((f) => f.filename === 'charts/podinfo/templates/deployment.yaml')!.patch!;
    const [, from, count] = /^@@ -\d+(?:,\d+)? \+(\d+),(\d+) @@/.exec(patch)!.map(Number);
    expect(npe.origin!.range.start.line).toBeGreaterThanOrEqual(from!);
    expect(npe.origin!.range.start.line).toBeLessThan(from! + count!);
    // The values file is not in the pull request: no comment can sit on it, so the body carries the finding and its fix.
    expect(review.comments.some((c) => c.path === 'charts/podinfo/values.yaml')).toBe(false);
    expect(review.bodyFingerprints).toContain(npe.fingerprint);
    expect(review.body).toContain('the file is not part of this pull request');
    expect(review.diffs.map((d) => d.path)).toEqual(['charts/podinfo/values.yaml']);
    expect(review.diffs[0]!.patch).toContain('+  allowPrivilegeEscalation: false');
    expect(fixed.get('charts/podinfo/values.yaml')).toContain('securityContext:\n  allowPrivilegeEscalation: false\n');
    // The template itself is left as the pull request has it.
    expect(fixed.get('charts/podinfo/templates/deployment.yaml')).toBe(changed);
  });
});

const deployment = (containers: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: app
        image: nginx:1.27
        securityContext:
          readOnlyRootFilesystem: true
          allowPrivilegeEscalation: false
        volumeMounts:
        - {name: cache, mountPath: /var/cache/nginx}
        - {name: run, mountPath: /var/run}
${containers}      volumes:
      - {name: cache, emptyDir: {}}
      - {name: run, emptyDir: {}}
`;

const SIDECAR = `      - name: sidecar
        image: busybox:1.36
        securityContext:
          readOnlyRootFilesystem: true
`;

const patchSetting = (value: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n        securityContext:\n          allowPrivilegeEscalation: ${value}\n`;

const kustomizeBase = {
  '.github/kube-immutable.yaml': SEED_CONFIG,
  'base/kustomization.yaml': 'resources:\n- deployment.yaml\n',
  'base/deployment.yaml': deployment(''),
  'overlays/prod/kustomization.yaml': 'resources:\n- ../../base\nnamePrefix: prod-\npatches:\n- path: replicas.yaml\n',
  'overlays/prod/replicas.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n',
  'overlays/dev/kustomization.yaml': 'resources:\n- ../../base\nnamePrefix: dev-\n',
};

describe('a pull request changing a Kustomize base resource (a new container without allowPrivilegeEscalation: false)', () => {
  const fx = createPullRequestFixture({ base: kustomizeBase, head: { 'base/deployment.yaml': deployment(SIDECAR) } });
  afterAll(() => fx.cleanup());

  it('gets an inline suggestion on the base, proven by rebuilding both overlays; applied, both builds are clean of it', async () => {
    const { review, before, fixed } = await reviewApplyRescan(fx);
    expect(review.diffs).toEqual([]);
    const npe = before.findings.filter((f) => f.policyId === 'no-privilege-escalation');
    expect(npe.map((f) => f.file)).toEqual(['base/deployment.yaml']);
    const onBase = review.inline.filter((x) => x.fingerprints.includes(npe[0]!.fingerprint));
    expect(onBase.map((x) => x.path)).toEqual(['base/deployment.yaml']);
    // The comment says which builds the object comes from.
    const comment = review.comments.find((c) => c.body.includes('no-privilege-escalation'))!;
    expect(comment.body).toContain('kustomize build overlays/prod');
    expect(comment.body).toContain('kustomize build overlays/dev');
    expect(fixed.get('base/deployment.yaml')).toContain(
      '      - name: sidecar\n        image: busybox:1.36\n        securityContext:\n          readOnlyRootFilesystem: true\n          allowPrivilegeEscalation: false\n',
    );
  });
});

describe('a pull request changing an overlay patch to allowPrivilegeEscalation: true', () => {
  const fx = createPullRequestFixture({
    base: {
      ...kustomizeBase,
      'overlays/prod/kustomization.yaml': 'resources:\n- ../../base\nnamePrefix: prod-\npatches:\n- path: replicas.yaml\n- path: ape.yaml\n',
      'overlays/prod/ape.yaml': patchSetting('false'),
    },
    head: { 'overlays/prod/ape.yaml': patchSetting('true') },
  });
  afterAll(() => fx.cleanup());

  it('gets an inline suggestion on the patch line; applied, the rebuild clears the finding', async () => {
    const { review, before, fixed } = await reviewApplyRescan(fx);
    expect(review.diffs).toEqual([]);
    const npe = before.findings.filter((f) => f.policyId === 'no-privilege-escalation');
    expect(npe.map((f) => [f.file, f.range.start.line])).toEqual([['overlays/prod/ape.yaml', 11]]);
    expect(review.inline.map((x) => [x.path, x.start, x.end, x.content])).toEqual([
      ['overlays/prod/ape.yaml', 11, 11, '          allowPrivilegeEscalation: false'],
    ]);
    expect(fixed.get('overlays/prod/ape.yaml')).toBe(patchSetting('false'));
    // The base was never touched.
    expect(fixed.get('base/deployment.yaml')).toBe(kustomizeBase['base/deployment.yaml']);
  });
});
