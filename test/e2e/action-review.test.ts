import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../../src/engine/index.js';
import { seedPolicies } from '../seed-policies.js';
import { createPullRequestFixture } from '../github-api/fixture.js';
import { startGitHubApiServer, type GitHubApiServer } from '../github-api/server.js';
import { SEED_CONFIG } from '../cli/helpers.js';
import { parseMarker } from '../../src/report/index.js';
import { applySuggestion, expectNothingLost, ROOT, runAction, suggestionOf } from './helpers.js';

const seed = (name: string) => readFileSync(join(ROOT, 'examples', 'seeds', name), 'utf8');

describe('the action on a pull request that adds the seed manifests', () => {
  const head: Record<string, string> = {
    'k8s/nginx-pod-typos.yaml': seed('nginx-pod-typos.yaml'),
    'k8s/nginx-pod-readonly.yaml': seed('nginx-pod-readonly.yaml'),
    'k8s/holiday.yaml': seed('holiday.yaml'),
    'k8s/nginx-pod-misindented-volumes.yaml': seed('nginx-pod-misindented-volumes.yaml'),
    'README.md': '# not a manifest\n',
  };
  const fx = createPullRequestFixture({ base: { '.github/kube-immutable.yaml': SEED_CONFIG, 'README.md': '# app\n' }, head });
  afterAll(() => fx.cleanup());

  it('posts ONE review whose suggestions, applied, give exactly the engine fixed files, which pass the policies', async () => {
    const gh = await startGitHubApiServer(fx.state());
    try {
      const r = await runAction(fx, gh);
      expect(gh.rejections).toEqual([]);
      expect(r.code).toBe(1); // error findings, fail-level error
      expect(r.stdout).toMatch(/::error::kube-immutable: \d+ findings? at or above fail-level error/);
      expect(gh.state.reviews).toHaveLength(1);
      expect(gh.state.reviews[0]!.state).toBe('COMMENTED');
      expect(gh.state.reviews[0]!.commit_id).toBe(fx.headSha);
      expect(r.outputs['review-url']).toMatch(/^http/);

      const engine = run(
        Object.keys(head)
          .filter((p) => p.endsWith('.yaml'))
          .map((p) => ({ path: p, text: head[p]! })),
        seedPolicies,
      );
      expect(Number(r.outputs.findings)).toBe(engine.findings.length);
      const comments = gh.state.reviewComments;
      expect(comments.length).toBeGreaterThan(0);
      const byFile = new Map<string, typeof comments>();
      for (const c of comments) byFile.set(c.path, [...(byFile.get(c.path) ?? []), c]);
      for (const [path, list] of byFile) {
        const withSuggestion = list.filter((c) => suggestionOf(c.body) !== undefined);
        // Apply bottom-up so earlier line numbers stay valid.
        let text = head[path]!;
        for (const c of [...withSuggestion].sort((a, b) => b.line! - a.line!)) {
          text = applySuggestion(text, c.start_line ?? c.line!, c.line!, suggestionOf(c.body)!);
        }
        const fixed = engine.files.find((f) => f.path === path)!.fixedText ?? head[path];
        expect(text).toBe(fixed);
        const again = run([{ path, text }], seedPolicies);
        const fixedBefore = engine.findings.filter((f) => f.file === path && f.fixId).map((f) => f.fingerprint);
        expect(again.findings.filter((f) => fixedBefore.includes(f.fingerprint))).toEqual([]);
      }
      // The mis-indented file has no fix: its parse error is an inline comment without a suggestion.
      const broken = comments.filter((c) => c.path === 'k8s/nginx-pod-misindented-volumes.yaml');
      expect(broken.map((c) => [c.line, suggestionOf(c.body)])).toEqual([[18, undefined]]);
      // Every comment carries our hidden marker; the summary was written.
      expect(comments.every((c) => /<!-- kube-immutable:/.test(c.body))).toBe(true);
      expect(r.summary).toMatch(/kube-immutable/);

      // A re-run posts nothing new.
      const before = gh.counts().contentCreating;
      const r2 = await runAction(fx, gh);
      expect(r2.code).toBe(1);
      expect(gh.counts().contentCreating).toBe(before);
      expect(gh.state.reviews).toHaveLength(1);
    } finally {
      await gh.close();
    }
  });
});

describe('a pull request adding a Pod of an image not in the table (its read-only fix is a guess)', () => {
  const pod = [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: app',
    'spec:',
    '  containers:',
    '  - name: app',
    '    image: registry.example/team/app:1.0',
    '    securityContext:',
    '      allowPrivilegeEscalation: false',
    '',
  ].join('\n');
  const fx = createPullRequestFixture({ base: { '.github/kube-immutable.yaml': SEED_CONFIG }, head: { 'pod.yaml': pod } });
  afterAll(() => fx.cleanup());

  it('posts the guess as a one-click ```suggestion labelled a guess in its lead line and the body; a re-run posts nothing new', async () => {
    const gh = await startGitHubApiServer(fx.state());
    try {
      const r = await runAction(fx, gh);
      expect(gh.rejections).toEqual([]);
      expect(r.code).toBe(1);
      const comments = gh.state.reviewComments;
      expect(comments).toHaveLength(1);
      const c = comments[0]!;
      expect(c.body.split('\n')[0]).toBe(
        '**Error** · container "app" of Pod/app · 1 error: ` read-only-root-filesystem ` · suggested change below (a guess: check it before committing)',
      );
      expect(c.body).not.toContain('Alternative');
      const block = suggestionOf(c.body);
      expect(block).toContain('mountPath: /tmp');
      // Committing it writes what `kube-immutable fix --include-guesses` writes.
      const applied = run([{ path: 'pod.yaml', text: pod }], seedPolicies, { applyFixes: { guesses: true } });
      expect(applySuggestion(pod, c.start_line ?? c.line!, c.line!, block!)).toBe(applied.files[0]!.fixedText);
      expect(gh.state.reviews).toHaveLength(1);
      expect(gh.state.reviews[0]!.body).toContain('1 with a one-click suggested change, of which 1 is a guess');

      const before = gh.counts().contentCreating;
      await runAction(fx, gh);
      expect(gh.counts().contentCreating).toBe(before);
      expect(gh.state.reviewComments).toHaveLength(1);
    } finally {
      await gh.close();
    }
  });
});

describe('a pull request with more inline-able findings than max-comments (3 of 6), run twice on the same head', () => {
  // Six ConfigMaps, each with its own finding and suggested change on its own lines.
  const many = Array.from({ length: 6 }, (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg-${i}\ndata:\n  a: "${i}"\n`).join('---\n');
  const fx = createPullRequestFixture({ base: { '.github/kube-immutable.yaml': SEED_CONFIG }, head: { 'k8s/many.yaml': many } });
  afterAll(() => fx.cleanup());
  const expected = run([{ path: 'k8s/many.yaml', text: many }], seedPolicies).findings;

  it('the first run posts 3 inline and lists the other 3 in the body; the re-run posts nothing (max-comments counts the live comments)', async () => {
    const gh = await startGitHubApiServer(fx.state());
    try {
      const r = await runAction(fx, gh, { 'max-comments': '3' });
      expect(gh.rejections).toEqual([]);
      expect(expected).toHaveLength(6);
      expect(gh.state.reviews).toHaveLength(1);
      const inline = gh.state.reviewComments;
      expect(inline).toHaveLength(3);
      const inlineFps = inline.flatMap((c) => parseMarker(c.body)!.fingerprints);
      // The body lists exactly the other three, with the note on max-comments.
      const body = gh.state.reviews[0]!.body;
      const rest = expected.map((f) => f.fingerprint).filter((fp) => !inlineFps.includes(fp));
      expect(rest).toHaveLength(3);
      expect(parseMarker(body)!.fingerprints.sort()).toEqual([...rest].sort());
      // One row each, pointing at the one reason listed under the table.
      expect(body.match(/^\| \*\*Warning\*\* \|.* \| 1 \|$/gm)).toHaveLength(3);
      expect(body).toMatch(/\n1\. the review already has 3 inline comments \\?\(max\\?-comments\\?\)\n/);
      expectNothingLost(r, gh, expected, { headSha: fx.headSha, failLevel: 'error' });

      const before = gh.counts().contentCreating;
      const r2 = await runAction(fx, gh, { 'max-comments': '3' });
      expect(r2.code).toBe(r.code);
      expect(r2.stdout).toContain('kube-immutable: every finding is already commented on; no new review.');
      // No review, no comment, nothing deleted.
      expect(gh.counts().contentCreating).toBe(before);
      expect(gh.state.reviews).toHaveLength(1);
      expect(gh.state.reviewComments.map((c) => c.id)).toEqual(inline.map((c) => c.id));
      expect(r2.outputs['review-url']).toBe('');
      expectNothingLost(r2, gh, expected, { headSha: fx.headSha, failLevel: 'error' });
    } finally {
      await gh.close();
    }
  });
});

describe('a push that fixes a finding', () => {
  const bad = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  a: b\n';
  const good = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  a: b\nimmutable: true\n';

  /**
   * Run the action on a PR whose ConfigMap is not immutable, call `between` on the server, then
   * run it again after a push that fixes it (the same PR: the server keeps reviews and comments).
   */
  async function fixedByAPush(between: (gh: GitHubApiServer) => void): Promise<{ gh: GitHubApiServer; second: Awaited<ReturnType<typeof runAction>> }> {
    const fx1 = createPullRequestFixture({ base: { '.github/kube-immutable.yaml': SEED_CONFIG }, head: { 'cm.yaml': bad } });
    const fx2 = createPullRequestFixture({ base: { '.github/kube-immutable.yaml': SEED_CONFIG }, head: { 'cm.yaml': good } });
    const gh = await startGitHubApiServer(fx1.state());
    try {
      const first = await runAction(fx1, gh, { 'fail-level': 'error' });
      expect(first.code).toBe(0); // a warning only
      expect(gh.state.reviewComments).toHaveLength(1);
      between(gh);
      const state2 = fx2.state();
      Object.assign(gh.state, { pullRequest: state2.pullRequest, files: state2.files, trees: state2.trees, blobs: state2.blobs });
      for (const c of gh.state.reviewComments) c.commit_id = fx1.headSha;
      const second = await runAction({ ...fx2 }, gh);
      expect(second.code).toBe(0);
      expect(gh.rejections).toEqual([]);
      return { gh, second };
    } finally {
      await gh.close();
      fx1.cleanup();
      fx2.cleanup();
    }
  }

  it('removes our stale comment and posts nothing twice', async () => {
    const { gh } = await fixedByAPush(() => {});
    expect(gh.state.reviewComments).toHaveLength(0);
    expect(gh.log.filter((l) => l.method === 'DELETE')).toHaveLength(1);
    expect(gh.state.reviews).toHaveLength(1);
  });

  it("never deletes a person's comment that copies our marker, only our own stale one", async () => {
    let ours = 0;
    let forged = 0;
    const { gh } = await fixedByAPush((server) => {
      const comment = server.state.reviewComments[0]!;
      ours = comment.id;
      forged = comment.id + 1000;
      // A person pastes our comment, marker included, as a comment of their own on the same line.
      server.state.reviewComments.push({ ...structuredClone(comment), id: forged, node_id: 'forged', user: { login: 'mallory', id: 666, type: 'User' } });
    });
    // Ours (finding gone) is deleted; the person's stays, whatever its body says.
    expect(gh.log.filter((l) => l.method === 'DELETE').map((l) => l.path)).toEqual([expect.stringMatching(new RegExp(`/pulls/comments/${ours}$`))]);
    expect(gh.state.reviewComments.map((c) => [c.id, c.user.login])).toEqual([[forged, 'mallory']]);
  });
});

describe('a fork pull request with a read-only token', () => {
  it('degrades to annotations, the job summary and SARIF, and exits per fail-level', async () => {
    const fx = createPullRequestFixture({
      base: { '.github/kube-immutable.yaml': SEED_CONFIG },
      head: { 'pod.yaml': seed('nginx-pod-readonly.yaml') },
      fork: true,
    });
    const gh = await startGitHubApiServer(fx.state());
    gh.state.readOnly = true;
    try {
      const r = await runAction(fx, gh, { 'sarif-file': join(fx.dir, '..', 'out.sarif'), 'patch-file': join(fx.dir, '..', 'out.patch') });
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/::warning::kube-immutable could not post its review: this pull request comes from a fork/);
      expect(r.stdout).toMatch(/::error title=writable-paths-mounted,file=pod\.yaml,line=12,endLine=12,col=7,/);
      expect(r.summary).toMatch(/writable-paths-mounted/);
      const sarif = JSON.parse(readFileSync(join(fx.dir, '..', 'out.sarif'), 'utf8'));
      expect(sarif.version).toBe('2.1.0');
      expect(sarif.runs[0].results.length).toBe(2);
      expect(readFileSync(join(fx.dir, '..', 'out.patch'), 'utf8')).toMatch(/^diff --git a\/pod\.yaml b\/pod\.yaml/);
      expect(gh.state.reviews).toHaveLength(0);
      const findings = run([{ path: 'pod.yaml', text: seed('nginx-pod-readonly.yaml') }], seedPolicies).findings;
      expectNothingLost(r, gh, findings, { headSha: fx.headSha, sarifFile: join(fx.dir, '..', 'out.sarif') });

      const none = await runAction(fx, gh, { 'fail-level': 'none' });
      expect(none.code).toBe(0);
      expectNothingLost(none, gh, findings, { headSha: fx.headSha, failLevel: 'none' });
    } finally {
      await gh.close();
      fx.cleanup();
    }
  });
});

describe('events and fast exits', () => {
  it('exits 0 with a notice when no manifest changed', async () => {
    const fx = createPullRequestFixture({
      base: { '.github/kube-immutable.yaml': SEED_CONFIG },
      head: { 'src/app.ts': 'export {};\n', '.github/workflows/ci.yml': 'on: push\njobs: {}\n' },
    });
    const gh = await startGitHubApiServer(fx.state());
    try {
      const r = await runAction(fx, gh);
      expect(r.code).toBe(0);
      // It says why: the two changed files are not manifests by the globs (ci.yml is excluded).
      expect(r.stdout).toContain(
        '::notice::kube-immutable: no Kubernetes manifest changed in this pull request: each of the 2 changed files is removed or does not match the include globs ("**/*.[yY][aA][mM][lL]", "**/*.[yY][mM][lL]", "**/*.[jJ][sS][oO][nN]") outside the exclude globs (".github/**").',
      );
      expect(gh.counts().total).toBe(1);
    } finally {
      await gh.close();
      fx.cleanup();
    }
  });

  it('a pull request whose changed YAML holds no Kubernetes object says nothing was checked, and passes', async () => {
    const fx = createPullRequestFixture({
      base: { '.github/kube-immutable.yaml': SEED_CONFIG },
      head: { 'config/app-settings.yaml': 'replicas: 2\nfeatures:\n  search: true\n' },
    });
    const gh = await startGitHubApiServer(fx.state());
    try {
      const r = await runAction(fx, gh);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(
        '::notice::kube-immutable: no Kubernetes manifest was checked: the 1 file found holds no Kubernetes object; no finding was reported.',
      );
      expect(r.outputs).toMatchObject({ findings: '0', errors: '0' });
    } finally {
      await gh.close();
      fx.cleanup();
    }
  });

  it('without a configuration file, ends as it does with one (the early exit loads no policy)', async () => {
    const head = { 'README.md': '# deployments\n\nNotes.\n', 'docs/setup.md': 'Setup.\n' };
    const runs = [];
    const bases: Record<string, string>[] = [
      { 'README.md': '# deployments\n' },
      { 'README.md': '# deployments\n', '.github/kube-immutable.yaml': 'preset: recommended\n' },
    ];
    for (const base of bases) {
      const fx = createPullRequestFixture({ base, head });
      const gh = await startGitHubApiServer(fx.state());
      try {
        const r = await runAction(fx, gh);
        runs.push({ code: r.code, stdout: r.stdout, stderr: r.stderr, outputs: r.outputs, summary: r.summary, requests: gh.counts().total });
      } finally {
        await gh.close();
        fx.cleanup();
      }
    }
    expect(runs[0]).toEqual(runs[1]);
    expect(runs[0]).toMatchObject({
      code: 0,
      stderr: '',
      requests: 1,
      outputs: { findings: '0', errors: '0', warnings: '0', 'sarif-file': '', 'patch-file': '', 'review-url': '' },
    });
    expect(runs[0]!.stdout).toMatch(/::notice::kube-immutable: no Kubernetes manifest changed in this pull request: each of the 2 changed files /);
  });

  it('a configuration input naming an absent file fails the step even when no manifest changed', async () => {
    const fx = createPullRequestFixture({ base: { 'README.md': '# deployments\n' }, head: { 'README.md': '# deployments\n\nNotes.\n' } });
    const gh = await startGitHubApiServer(fx.state());
    try {
      const r = await runAction(fx, gh, { config: 'ci/kube-immutable.yaml' });
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('::error::kube-immutable configuration: ci/kube-immutable.yaml: configuration file "ci/kube-immutable.yaml" not found');
      expect(r.stdout).toMatch(/::notice::kube-immutable: no Kubernetes manifest changed/);
    } finally {
      await gh.close();
      fx.cleanup();
    }
  });

  it('ends other events with a notice', async () => {
    const fx = createPullRequestFixture({ base: { '.github/kube-immutable.yaml': SEED_CONFIG }, head: { 'a.yaml': 'a: 1\n' } });
    try {
      const r = await runAction(fx, undefined, {}, { GITHUB_EVENT_NAME: 'issues' });
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/::notice::kube-immutable does nothing on "issues" events/);
    } finally {
      fx.cleanup();
    }
  });
});
