import { readFileSync } from 'node:fs';
import { applyPatch } from 'diff';
import { run, type EngineOptions, type RunResult } from '../../src/engine/index.js';
import { applyEdits } from '../../src/yaml/index.js';
import { seedPolicies } from '../seed-policies.js';
import { GROUP_POLICIES, NGINX_POD } from '../report/helpers.js';
import { renderedTags } from '../gfm-render.js';
import { parseMarker } from '../../src/report/index.js';
import {
  applySuggestions,
  hunksBetween,
  MAX_BODY_LENGTH,
  planReview,
  type ExistingComment,
  type Hunk,
  type PlannedComment,
  type ReviewInput,
  type Suggestion,
} from '../../src/review/index.js';

const NGINX = readFileSync('examples/nginx-deployment.yaml', 'utf8');
const HOLIDAY = readFileSync('examples/seeds/holiday.yaml', 'utf8');

/** The content of a comment's ```suggestion block (any fence length), or undefined. */
function suggestionOf(c: PlannedComment): Suggestion | undefined {
  const m = /^(`{3,})suggestion\n([\s\S]*?)\n\1$/m.exec(c.body);
  return m ? { startLine: c.startLine ?? c.line, line: c.line, content: m[2]! } : undefined;
}

/** A PR: the files at head with hunks against `base` (undefined: added file). */
function pr(
  files: { path: string; head: string; base?: string }[],
  overrides: Partial<ReviewInput> = {},
  opts: EngineOptions = {},
): { input: ReviewInput; result: RunResult } {
  const result = run(
    files.map((f) => ({ path: f.path, text: f.head })),
    seedPolicies,
    opts,
  );
  const map = new Map<string, { headText: string; hunks: Hunk[] }>(files.map((f) => [f.path, { headText: f.head, hunks: hunksBetween(f.base, f.head) }]));
  const input: ReviewInput = {
    result,
    files: map,
    filterMode: 'added',
    maxComments: 30,
    existing: [],
    headSha: 'a'.repeat(40),
    repoUrl: 'https://github.com/o/r',
    policies: seedPolicies,
    ...overrides,
  };
  return { input, result };
}

/** Two Deployments in one file: two fix groups far apart (no shared lines). */
const TWO_DEPLOYMENTS =
  NGINX +
  '---\n' +
  NGINX.replace(/name: web/, 'name: api')
    .replace(/app: web/g, 'app: api')
    .replace('- name: nginx', '- name: proxy') +
  '  # end\n';

describe('planReview: an added file', () => {
  it('posts ONE comment per fix group with a suggestion, severity, policies, remediation, docs and marker', () => {
    const { input, result } = pr([{ path: 'deploy/web.yaml', head: NGINX }]);
    const plan = planReview(input);
    expect(plan.comments).toHaveLength(1);
    const c = plan.comments[0]!;
    expect(c).toMatchObject({ path: 'deploy/web.yaml', line: 22, side: 'RIGHT' });
    expect(c.startLine).toBeUndefined();
    expect(c.body).toContain('**Error**');
    expect(c.body).toContain('no-privilege-escalation');
    expect(c.body).toContain('read-only-root-filesystem');
    expect(c.body).toContain('([docs](https://github.com/kube-immutable/kube-immutable/blob/main/policies/read-only-root-filesystem.md))');
    expect(c.body).toContain('emptyDir volumes on the paths');
    expect(parseMarker(c.body)).toEqual({ fingerprints: result.findings.map((f) => f.fingerprint), fixId: result.fixes[0]!.id, line: 22 });
    expect(c.fingerprints).toEqual(result.findings.map((f) => f.fingerprint));
    expect(applySuggestions(NGINX, [suggestionOf(c)!])).toBe(result.files[0]!.fixedText);
    expect(plan.bodyFindings).toEqual([]);
    expect(plan.nothingNew).toBe(false);
    expect(plan.body).toContain('1 new inline comment.');
  });

  it("a fix group's comment leads with its most severe finding: headline ids, messages and marker in that order", () => {
    const result = run([{ path: 'pod.yaml', text: NGINX_POD }], GROUP_POLICIES, {});
    expect(result.findings.map((f) => f.severity)).toEqual(['warning', 'warning', 'error', 'error']);
    const files = new Map([['pod.yaml', { headText: NGINX_POD, hunks: hunksBetween(undefined, NGINX_POD) }]]);
    const input: ReviewInput = {
      result,
      files,
      filterMode: 'added',
      maxComments: 30,
      existing: [],
      headSha: 'a'.repeat(40),
      repoUrl: 'https://github.com/o/r',
      policies: GROUP_POLICIES,
    };
    const plan = planReview(input);
    expect(plan.comments).toHaveLength(1);
    const body = plan.comments[0]!.body;
    const order = ['no-privilege-escalation', 'read-only-root-filesystem', 'seccomp-runtime-default', 'drop-all-capabilities'];
    expect(body.split('\n')[0]).toBe('**Error** · container "app" of Pod/web · 2 errors, 2 warnings · one-click fix below (known fact)');
    // The folded details list the findings most severe first.
    expect(body).toContain(`<summary>Details: 4 findings — ${order.join(', ')}</summary>`);
    const items = body.split('\n').filter((l) => l.startsWith('- ') && !l.includes('[docs]'));
    expect(items.map((l) => /^- ` ([a-z-]+) ` \((?:error|warning)\): /.exec(l)?.[1])).toEqual(order);
    const byPolicy = new Map(result.findings.map((f) => [f.policyId, f.fingerprint]));
    expect(parseMarker(body)?.fingerprints).toEqual(order.map((id) => byPolicy.get(id)));
    // In the review body too (no inline comment possible): the item's link is the lead finding's line.
    const inBody = planReview({ ...input, maxComments: 0 });
    const row = inBody.body.split('\n').find((l) => l.startsWith('| **Error** | [pod.yaml:9]('));
    expect(row).toBeDefined();
    expect(row!.match(/` ([a-z-]+) `/g)!.map((m) => m.slice(2, -2))).toEqual(order);
  });

  it('applying every planned suggestion of a file gives its fixedText when every group is inline', () => {
    const { input, result } = pr([{ path: 'two.yaml', head: TWO_DEPLOYMENTS }]);
    expect(result.fixes.filter((g) => g.verified)).toHaveLength(2);
    // Precondition of the property: the groups' edits together are the engine's fixed text.
    expect(
      applyEdits(
        TWO_DEPLOYMENTS,
        result.fixes.flatMap((g) => g.edits),
      ),
    ).toBe(result.files[0]!.fixedText);
    const plan = planReview(input);
    expect(plan.comments).toHaveLength(2);
    const suggestions = plan.comments.map((c) => suggestionOf(c)!);
    expect(applySuggestions(TWO_DEPLOYMENTS, suggestions)).toBe(result.files[0]!.fixedText);
  });

  it('a guess whose lines overlap the safe fixes (the /tmp mount after both containers) goes to the body as a labelled diff; the safe fixes stay one-click', () => {
    const { input, result } = pr([{ path: 'holiday.yaml', head: HOLIDAY }]);
    const readOnly = result.findings.filter((f) => f.policyId === 'read-only-root-filesystem');
    expect(readOnly.map((f) => [f.fixId, f.suggestions.map((x) => x.kind)])).toEqual([[undefined, ['guess']]]);
    const plan = planReview(input);
    // The suggested changes are the safe fixes only (allowPrivilegeEscalation: false), never the /tmp mount.
    expect(plan.comments.map((c) => c.suggestion)).toEqual(['safe', 'safe']);
    expect(plan.comments.map((c) => suggestionOf(c)?.content ?? '').join('\n')).not.toContain('mountPath: /tmp');
    expect(
      applySuggestions(
        HOLIDAY,
        plan.comments.map((c) => suggestionOf(c)!),
      ),
    ).toBe(result.files[0]!.fixedText);
    // The guess is in the body: a row labelled with its patch's confidence, the patch folded, the reason once.
    expect(plan.bodyFindings.map((f) => f.policyId)).toEqual(['read-only-root-filesystem']);
    expect(plan.body).toMatch(/^\| \*\*Error\*\* \| \[holiday\.yaml:8\]\(.*` read-only-root-filesystem `.* · patch below \(guess\) \| 1 \|$/m);
    expect(plan.body).toContain('1. its suggestion overlaps the lines of another');
    expect(plan.body).toMatch(
      /<details><summary>Patch for holiday\.yaml:8 · .* \(guess\)<\/summary>\n\n```diff\n--- a\/holiday\.yaml\n[\s\S]*\+ {6}mountPath: \/tmp\n[\s\S]*```\n\n<\/details>/,
    );
    expect(plan.body).not.toContain('Alternative');
    expect(plan.body).toMatch(/; 2 fixable, 1 guess suggested · /);
    expect(plan.body).toContain('· 2 new inline comments; 1 entry in the table below.');
  });

  it('with guesses included, containers whose fixes share lines (the new volumes go after the last container) get ONE suggestion', () => {
    const { input, result } = pr([{ path: 'holiday.yaml', head: HOLIDAY }], {}, { applyFixes: { guesses: true } });
    expect(result.fixes.map((g) => g.containers)).toEqual([['c1', 'c2']]);
    const plan = planReview(input);
    expect(plan.comments).toHaveLength(1);
    expect(plan.comments[0]!.body).toContain('containers "c1", "c2" of Pod/holiday');
    expect(applySuggestions(HOLIDAY, [suggestionOf(plan.comments[0]!)!])).toBe(result.files[0]!.fixedText);
    expect(plan.bodyFindings).toEqual([]);
    expect(result.findings).toHaveLength(3);
    expect(plan.fallbackBody).toContain('c1');
    expect(plan.fallbackBody).toContain('c2');
  });

  it('never posts overlapping suggestions: when two groups share lines, the second goes to the body with its diff', () => {
    const { input, result } = pr([{ path: 'deploy/web.yaml', head: NGINX }]);
    // Two groups over the same lines (the engine merges such groups unless the merge fails to verify).
    const twin = { ...result.fixes[0]!, id: 'twin', findings: ['f'.repeat(16)] };
    const twinFinding = { ...result.findings[0]!, fingerprint: 'f'.repeat(16), fixId: 'twin' };
    const doubled: RunResult = { ...result, fixes: [...result.fixes, twin], findings: [...result.findings, twinFinding] };
    const plan = planReview({ ...input, result: doubled });
    expect(plan.comments.filter((c) => suggestionOf(c))).toHaveLength(1);
    expect(plan.bodyFindings).toHaveLength(1);
    expect(plan.body).toMatch(/its suggestion overlaps the lines of another/);
    expect(plan.body).toContain('```diff\n--- a/deploy/web.yaml\n+++ b/deploy/web.yaml\n');
  });
});

describe('planReview: a guess or a behaviour change as the one-click suggested change', () => {
  /** A Pod of an image not in the table: its only finding's fix (an emptyDir at /tmp) is a guess. */
  const GUESS_POD = [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: app',
    'spec:',
    '  containers:',
    '  - name: app',
    '    image: example.com/app:1.0',
    '    securityContext:',
    '      allowPrivilegeEscalation: false',
    '',
  ].join('\n');
  /** A ConfigMap: immutable: true is a behaviour change. */
  const CONFIGMAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: "1"\n';
  const GUESS_TITLE =
    '**Error** · container "app" of Pod/app · 1 error: ` read-only-root-filesystem ` · suggested change below (a guess: check it before committing)';
  const BEHAVIOUR_TITLE =
    '**Warning** · ConfigMap/cfg · 1 warning: ` immutable-configmap-secret ` · suggested change below (a behaviour change: review it before committing)';

  it.each([
    [
      'a guess',
      'pod.yaml',
      GUESS_POD,
      { guesses: true },
      'guess',
      GUESS_TITLE,
      'The suggested change above (a guess, not applied by kube-immutable fix): Set readOnlyRootFilesystem: true and mount an emptyDir at /tmp',
    ],
    [
      'a behaviour change',
      'cm.yaml',
      CONFIGMAP,
      { behaviour: ['immutable-configmap-secret'] },
      'behaviour',
      BEHAVIOUR_TITLE,
      'The suggested change above (a behaviour change, not applied by kube-immutable fix): Set immutable: true',
    ],
  ] as const)(
    '%s: one inline comment with the change as a ```suggestion, labelled in its lead line, not repeated as an alternative',
    (_n, path, head, applyFixes, kind, title, line) => {
      const { input, result } = pr([{ path, head }]);
      // Precondition: no safe fix, one finding whose policy's fix is held back.
      expect(result.findings.map((f) => [f.fixId, f.suggestions.map((x) => [x.kind, x.reason !== undefined])])).toEqual([[undefined, [[kind, true]]]]);
      const plan = planReview(input);
      expect(plan.comments).toHaveLength(1);
      const c = plan.comments[0]!;
      expect(c.suggestion).toBe(kind);
      expect(c.body.split('\n')[0]).toBe(title);
      expect(c.body).toContain(line);
      expect(c.body).not.toContain('Alternative');
      // Committing it gives what `kube-immutable fix` writes when that kind of fix is applied.
      const applied = run([{ path, text: head }], seedPolicies, { applyFixes });
      expect(applySuggestions(head, [suggestionOf(c)!])).toBe(applied.files[0]!.fixedText);
      expect(parseMarker(c.body)).toEqual({ fingerprints: [result.findings[0]!.fingerprint], fixId: expect.stringMatching(/^[0-9a-f]{16}$/), line: c.line });
      expect(plan.bodyFindings).toEqual([]);
      const what = kind === 'guess' ? 'a guess' : 'a behaviour change';
      expect(plan.body).toContain(
        `1 new inline comment, 1 with a one-click suggested change, of which 1 is ${what} (labelled in its lead line: check it before committing).`,
      );
      // When GitHub rejects the inline comments, the fallback body shows the same change as a labelled, folded diff.
      expect(plan.fallbackBody).toContain(` · patch below (${kind === 'guess' ? 'guess' : 'behaviour change'}) | 1 |`);
      expect(plan.fallbackBody).toContain('1. GitHub did not accept the inline comments of this review');
      expect(plan.fallbackBody).toMatch(new RegExp('```diff\n--- a/' + path.replace('.', '\\.') + '\n'));
      expect(plan.fallbackBody).not.toContain('Alternative');
    },
  );

  it.each([
    ['a guess', 'pod.yaml', GUESS_POD, { guesses: true }, 'guess', 'one-click fix below (includes a guess, applied as configured: check it before committing)'],
    [
      'a behaviour change',
      'cm.yaml',
      CONFIGMAP,
      { behaviour: ['immutable-configmap-secret'] as string[] },
      'behaviour',
      'one-click fix below (includes a behaviour change, applied as configured: review it before committing)',
    ],
  ] as const)('%s applied as a fix (the run asked for it) is still labelled in the lead line and counted', (_n, path, head, applyFixes, kind, label) => {
    const { input, result } = pr([{ path, head }], {}, { applyFixes });
    expect(result.fixes.map((g) => g.kinds)).toEqual([[kind]]);
    const plan = planReview(input);
    expect(plan.comments).toHaveLength(1);
    expect(plan.comments[0]!.suggestion).toBe(kind);
    expect(plan.comments[0]!.body.split('\n')[0]).toMatch(new RegExp(` · ${label.replace(/[()]/g, '\\$&')}$`));
    expect(plan.body).toContain('of which 1 is');
  });

  it('safe fixes are unchanged: no label, no count of guesses', () => {
    const c = planReview(pr([{ path: 'web.yaml', head: NGINX }]).input);
    expect(c.comments.map((x) => [x.suggestion, x.body.split('\n')[0]])).toEqual([
      ['safe', '**Error** · container "nginx" of Deployment/web · 2 errors · one-click fix below (known fact)'],
    ]);
    expect(c.body).toContain('· 1 new inline comment.');
  });

  it('the body counts how many one-click suggested changes are guesses and behaviour changes', () => {
    const plan = planReview(
      pr([
        { path: 'pod.yaml', head: GUESS_POD },
        { path: 'cm.yaml', head: CONFIGMAP },
        { path: 'web.yaml', head: NGINX },
      ]).input,
    );
    expect(plan.comments.map((c) => [c.path, c.suggestion])).toEqual([
      ['pod.yaml', 'guess'],
      ['web.yaml', 'safe'],
      ['cm.yaml', 'behaviour'],
    ]);
    expect(plan.body).toContain(
      '3 new inline comments, 3 with a one-click suggested change, of which 1 is a guess and 1 is a behaviour change (labelled in their lead lines: check them before committing).',
    );
  });

  it('a guess whose lines are not in the diff goes to the body as a labelled diff, with the reason', () => {
    const head =
      GUESS_POD +
      '---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\nimmutable: true\ndata:\n' +
      Array.from({ length: 30 }, (_, i) => `  key${i}: "${i}"\n`).join('');
    const base = head.replace('key25: "25"', 'key25: "old"');
    const plan = planReview(pr([{ path: 'pod.yaml', head, base }], { filterMode: 'file' }).input);
    expect(plan.comments).toEqual([]);
    expect(plan.bodyFindings.map((f) => f.policyId)).toEqual(['read-only-root-filesystem']);
    expect(plan.body).toMatch(/^\| \*\*Error\*\* \| \[pod\.yaml:9\]\(.* · patch below \(guess\) \| 1 \|$/m);
    expect(plan.body).toContain('1. the suggestion cannot be placed: its line is not in a diff hunk');
    expect(plan.body).toMatch(
      /```diff\n--- a\/pod\.yaml\n\+\+\+ b\/pod\.yaml\n@@ [^\n]+ @@\n[\s\S]*\+ {6}readOnlyRootFilesystem: true\n[\s\S]*\+ {4}emptyDir: \{\}\n/,
    );
    expect(plan.body).toContain('<summary>Patch for pod.yaml:9 · container "app" of Pod/app (guess)</summary>');
    expect(plan.body).not.toContain('Alternative');
  });

  it('with neither a block nor a diff to show (its file is not in the pull request), the row has no patch label and there is no diff', () => {
    const { input } = pr([{ path: 'pod.yaml', head: GUESS_POD }], { filterMode: 'nofilter' });
    const plan = planReview({ ...input, files: new Map() });
    expect(plan.bodyFindings).toHaveLength(1);
    expect(plan.body).toMatch(/^\| \*\*Error\*\* \| \[pod\.yaml:9\]\(.*` read-only-root-filesystem `\]\([^)]*\) \| 1 \|$/m);
    expect(plan.body).toContain('1. the file is not part of this pull request');
    expect(plan.body).not.toContain('patch below');
    expect(plan.body).not.toContain('```diff');
  });

  it('the fix id in the marker stays when unrelated lines move', () => {
    const a = planReview(pr([{ path: 'pod.yaml', head: GUESS_POD }]).input).comments[0]!;
    const b = planReview(pr([{ path: 'pod.yaml', head: '# moved\n\n' + GUESS_POD }]).input).comments[0]!;
    expect(b.line).toBe(a.line + 2);
    expect(parseMarker(b.body)!.fixId).toBe(parseMarker(a.body)!.fixId);
  });

  describe('re-runs', () => {
    const files = [
      { path: 'pod.yaml', head: GUESS_POD },
      { path: 'cm.yaml', head: CONFIGMAP },
    ];
    const once = planReview(pr(files).input);
    const existing: ExistingComment[] = [
      ...once.comments.map((c, i) => ({ id: i + 1, path: c.path, line: c.line, body: c.body, hasReplies: false, mine: true })),
      { id: 99, path: '', line: null, body: once.body, hasReplies: false, mine: true },
    ];

    it('with our earlier comments on their lines, nothing new is posted and none is stale', () => {
      expect(once.comments.map((c) => c.suggestion)).toEqual(['guess', 'behaviour']);
      const again = planReview(pr(files, { existing }).input);
      expect(again.comments).toEqual([]);
      expect([...again.alreadyPosted].sort()).toEqual(once.comments.flatMap((c) => c.fingerprints).sort());
      expect(again.nothingNew).toBe(true);
      expect(again.staleCommentIds).toEqual([]);
    });

    it('when the guess is applied later (a safe fix group now), the same comment is recognised', () => {
      const again = planReview(pr(files, { existing }, { applyFixes: { guesses: true } }).input);
      expect(again.comments).toEqual([]);
      expect(again.nothingNew).toBe(true);
    });
  });
});

describe('planReview: realistic PR shapes', () => {
  /** The nginx Deployment followed by a long ConfigMap (immutable, so it has no finding). */
  const big =
    NGINX +
    '---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\nimmutable: true\ndata:\n' +
    Array.from({ length: 60 }, (_, i) => `  key${i}: "${i}"\n`).join('');
  const bigBase = big.replace('key55: "55"', 'key55: "old"');

  it('a small change far from the container: filter-mode file lists the fix in the body with its diff', () => {
    const { input } = pr([{ path: 'big.yaml', head: big, base: bigBase }], { filterMode: 'file' });
    const plan = planReview(input);
    expect(plan.comments).toEqual([]);
    expect(plan.bodyFindings).toHaveLength(2);
    expect(plan.body).toContain('its line is not in a diff hunk');
    expect(plan.body).toMatch(/```diff\n--- a\/big\.yaml\n\+\+\+ b\/big\.yaml\n@@ -20,6 \+20,19 @@/);
    expect(plan.body).toContain('[big.yaml:19](https://github.com/o/r/blob/' + 'a'.repeat(40) + '/big.yaml#L19)');
  });

  it('the same change with filter-mode added or diff_context: the findings are out of scope and only counted', () => {
    for (const filterMode of ['added', 'diff_context'] as const) {
      const plan = planReview(pr([{ path: 'big.yaml', head: big, base: bigBase }], { filterMode }).input);
      expect(plan.comments).toEqual([]);
      expect(plan.bodyFindings).toEqual([]);
      expect(plan.body).toContain(`2 findings outside the lines this pull request changes are not shown here (filter-mode: ${filterMode})`);
      expect(plan.nothingNew).toBe(true);
    }
  });

  it('a fix of a file the pull request does not change: the body shows it as a diff against its head text in unchangedTexts', () => {
    // A template's finding whose fix is in the chart's values file (not in the pull request): in
    // scope by its origin; here nofilter puts it in scope, the file is left out of `files`.
    const { input, result } = pr([{ path: 'web.yaml', head: NGINX }], { filterMode: 'nofilter' });
    const withoutText = planReview({ ...input, files: new Map() });
    expect(withoutText.comments).toEqual([]);
    expect(withoutText.body).toContain('the file is not part of this pull request');
    expect(withoutText.body).not.toContain('```diff');
    const plan = planReview({ ...input, files: new Map(), unchangedTexts: new Map([['web.yaml', NGINX]]) });
    expect(plan.comments).toEqual([]);
    expect(plan.bodyFindings).toHaveLength(2);
    expect(plan.body).toContain('the file is not part of this pull request');
    const diffs = [...plan.body.matchAll(/^(`{3,})diff\n([\s\S]*?)\n\1$/gm)].map((m) => m[2]!);
    expect(diffs).toHaveLength(1);
    expect(diffs[0]).toMatch(/^--- a\/web\.yaml\n\+\+\+ b\/web\.yaml\n@@ /);
    // The diff applied to the head text gives the run's fixed text.
    expect(applyPatch(NGINX, diffs[0]! + '\n')).toBe(result.files[0]!.fixedText);
    // A changed file's own head text wins over one in unchangedTexts.
    const changed = planReview({ ...input, unchangedTexts: new Map([['web.yaml', 'not the head text\n']]) });
    expect(changed.comments).toHaveLength(1);
    expect(changed.body).not.toContain('not the head text');
  });

  it('nofilter lists findings of files without hunks too', () => {
    const { input } = pr([{ path: 'big.yaml', head: big, base: big }], { filterMode: 'nofilter' });
    const plan = planReview(input);
    expect(plan.bodyFindings).toHaveLength(2);
  });

  it('a change next to the container: diff_context anchors the suggestion on a context line; added cannot', () => {
    const base = NGINX.replace('nginx:1.27', 'nginx:1.25');
    const ctx = planReview(pr([{ path: 'web.yaml', head: NGINX, base }], { filterMode: 'diff_context' }).input);
    expect(ctx.comments.map((c) => [c.startLine, c.line])).toEqual([[undefined, 22]]);
    const added = planReview(pr([{ path: 'web.yaml', head: NGINX, base }], { filterMode: 'added' }).input);
    expect(added.comments).toEqual([]);
    expect(added.bodyFindings).toHaveLength(2);
    expect(added.body).toContain('its line is not an added line');
  });

  it('posts a plain comment on the line of a finding without a fix', () => {
    const head = NGINX.replace('  replicas: 2\n  selector:\n    matchLabels:\n      app: web\n', '  replicas: 2\n');
    const plan = planReview(pr([{ path: 'web.yaml', head }]).input);
    const plain = plan.comments.filter((c) => !suggestionOf(c));
    expect(plain).toHaveLength(1);
    expect(plain[0]!.body).toContain('missing required field');
    expect(plain[0]!.line).toBe(8);
  });

  it('posts at most maxComments, most severe first, and lists the rest in the body with a note', () => {
    const { input } = pr(
      [
        { path: 'a.yaml', head: NGINX },
        { path: 'b.yaml', head: NGINX },
        { path: 'c.yaml', head: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: "1"\n' },
      ],
      { maxComments: 1 },
    );
    const plan = planReview(input);
    expect(plan.comments).toHaveLength(1);
    expect(plan.comments[0]!.path).toBe('a.yaml');
    expect(plan.bodyFindings.map((f) => f.file)).toEqual(['b.yaml', 'b.yaml', 'c.yaml']);
    // The reason is said once, under the table; both rows point at it.
    expect(plan.body).toMatch(/\n1\. the review already has 1 inline comment \\?\(max\\?-comments\\?\)\n/);
    expect(plan.body.match(/ \| 1 \|\n/g)).toHaveLength(2);
    // Errors come before the warning in the body.
    expect(plan.body.indexOf('b.yaml')).toBeLessThan(plan.body.indexOf('c.yaml'));
  });
});

describe('planReview: re-runs', () => {
  const first = planReview(pr([{ path: 'web.yaml', head: NGINX }]).input);
  const asExisting = (c: PlannedComment, id: number, extra: Partial<ExistingComment> = {}): ExistingComment => ({
    id,
    path: c.path,
    line: c.line,
    body: c.body,
    hasReplies: false,
    mine: true,
    ...extra,
  });

  it('does not post a comment again when ours on the same line has its fingerprints', () => {
    const plan = planReview(pr([{ path: 'web.yaml', head: NGINX }], { existing: [asExisting(first.comments[0]!, 1)] }).input);
    expect(plan.comments).toEqual([]);
    expect(plan.alreadyPosted).toEqual(first.comments[0]!.fingerprints);
    expect(plan.staleCommentIds).toEqual([]);
    expect(plan.nothingNew).toBe(true);
  });

  it('posts again when our earlier comment is outdated (no line) and marks the old one stale', () => {
    const plan = planReview(pr([{ path: 'web.yaml', head: NGINX }], { existing: [asExisting(first.comments[0]!, 1, { line: null })] }).input);
    expect(plan.comments).toHaveLength(1);
    expect(plan.staleCommentIds).toEqual([1]);
  });

  it('marks our comments whose findings are gone as stale, unless they have replies or are foreign', () => {
    const fixed = planReview(
      pr([{ path: 'web.yaml', head: run([{ path: 'web.yaml', text: NGINX }], seedPolicies).files[0]!.fixedText! }], {
        existing: [
          asExisting(first.comments[0]!, 1),
          asExisting(first.comments[0]!, 2, { hasReplies: true }),
          asExisting(first.comments[0]!, 3, { mine: false }),
          { ...asExisting(first.comments[0]!, 4), inReplyTo: 1 },
        ],
      }).input,
    );
    expect(fixed.comments).toEqual([]);
    expect(fixed.staleCommentIds).toEqual([1]);
    expect(fixed.nothingNew).toBe(true);
  });

  it('recognises body findings listed in an earlier review body (path "")', () => {
    const once = planReview(pr([{ path: 'holiday.yaml', head: HOLIDAY }]).input);
    const again = planReview(
      pr([{ path: 'holiday.yaml', head: HOLIDAY }], {
        existing: [...once.comments.map((c, i) => asExisting(c, i + 1)), { id: 99, path: '', line: null, body: once.body, hasReplies: false, mine: true }],
      }).input,
    );
    expect(again.comments).toEqual([]);
    expect(again.nothingNew).toBe(true);
    expect(again.staleCommentIds).toEqual([]);
  });

  describe('more inline-able findings than max-comments', () => {
    const CM = (n: number) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg${n}\ndata:\n  a: "1"\n`;
    const files = [1, 2, 3, 4, 5].map((n) => ({ path: `cm${n}.yaml`, head: CM(n) }));
    const once = planReview(pr(files, { maxComments: 2 }).input);
    const posted = (plan: typeof once, from: number) => plan.comments.map((c, i) => asExisting(c, from + i));
    const bodyOf = (plan: typeof once, id: number): ExistingComment => ({ id, path: '', line: null, body: plan.body, hasReplies: true, mine: true });

    it('a re-run on the same head posts nothing: the live comments count against max-comments', () => {
      expect(once.comments).toHaveLength(2);
      expect(once.bodyFindings).toHaveLength(3);
      const again = planReview(pr(files, { maxComments: 2, existing: [...posted(once, 1), bodyOf(once, 90)] }).input);
      expect(again.comments).toEqual([]);
      expect(again.alreadyPosted.sort()).toEqual(once.comments.flatMap((c) => c.fingerprints).sort());
      expect(again.staleCommentIds).toEqual([]);
      expect(again.nothingNew).toBe(true);
      // Everything stays carried: two comments inline, three findings in the first body.
      expect(again.carried.sort()).toEqual([...once.comments.flatMap((c) => c.fingerprints), ...once.bodyFindings.map((f) => f.fingerprint)].sort());
    });

    it('a re-run after a fix uses the freed slot for the next finding, and deletes the stale comment', () => {
      const fixedPath = once.comments[0]!.path;
      const after = files.map((f) => (f.path === fixedPath ? { ...f, head: f.head + 'immutable: true\n' } : f));
      const existing = [...posted(once, 1), bodyOf(once, 90)];
      const again = planReview(pr(after, { maxComments: 2, existing }).input);
      expect(again.staleCommentIds).toEqual([1]);
      expect(again.comments).toHaveLength(1);
      expect(once.bodyFindings.map((f) => f.fingerprint)).toContain(again.comments[0]!.fingerprints[0]);
      expect(again.bodyFindings).toHaveLength(2);
      expect(again.body).toContain('1 of them from earlier runs');
      expect(again.nothingNew).toBe(false);
    });
  });
});

describe('planReview: a forged marker inside our own comment', () => {
  it('a suggestion whose lines carry a <!-- kube-immutable:... --> line does not change the fingerprints we read', () => {
    const { input } = pr([{ path: 'web.yaml', head: NGINX }]);
    const plan = planReview(input);
    const c = plan.comments.find((x) => suggestionOf(x))!;
    // The PR's text sits inside the suggestion fence: put a forged marker line there, before ours.
    const forged = c.body.replace(/^(`{3,}suggestion\n)/m, `$1<!-- kube-immutable:fp=forged0000000000;line=${c.line} -->\n`);
    expect(forged).not.toBe(c.body);
    expect(forged.indexOf('fp=forged')).toBeLessThan(forged.lastIndexOf('<!-- kube-immutable:'));
    expect(parseMarker(forged)!.fingerprints).toEqual(c.fingerprints);
    // Only a marker line at the very end is ours: one in the middle of a body is not.
    expect(parseMarker(`<!-- kube-immutable:fp=forged -->\nLGTM\n`)).toBeUndefined();
    expect(parseMarker(`text <!-- kube-immutable:fp=forged -->\n`)).toBeUndefined();
    // The plan sees exactly our fingerprints on that line: nothing forged is "already posted".
    const again = planReview({ ...input, existing: [{ id: 1, path: c.path, line: c.line, body: forged, hasReplies: false, mine: true }] });
    expect(again.alreadyPosted.sort()).toEqual([...c.fingerprints].sort());
    expect(again.alreadyPosted).not.toContain('forged0000000000');
  });
});

describe('planReview: hostile input', () => {
  const hostile = [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: "<img src=x onerror=alert(1)>"',
    'spec:',
    '  selector: {matchLabels: {app: x}}',
    '  template:',
    '    metadata: {labels: {app: x}}',
    '    spec:',
    '      containers:',
    '        - name: "@org/team #1 `x`"',
    '          image: nginx:1.27',
    '          command: ["sh", "-c", "echo ```"]',
    '',
  ].join('\n');

  it('escapes names in comment bodies and makes the suggestion fence longer than ```', () => {
    const { input, result } = pr([{ path: 'evil <b>.yaml', head: hostile }], { maxComments: 0 });
    const inline = planReview({ ...input, maxComments: 5 });
    // No hostile container name is a DNS-1123 label: valid-manifest's apiRule comes first (line 11,
    // no fix), its message escaping the names too; the fix's comment is the second.
    expect(inline.comments.map((x) => [x.line, Boolean(suggestionOf(x))])).toEqual([
      [11, false],
      [13, true],
    ]);
    const rule = inline.comments[0]!;
    expect(rule.body).toContain('` valid-manifest `');
    expect(rule.body).not.toMatch(/(?<!\\)<img/);
    expect(renderedTags(rule.body)).not.toContain('img');
    expect(rule.body).toContain('\\<img src=x onerror=alert(1)>');
    expect(rule.body).toContain('@\u200Borg/team #\u200B1 \\`x\\`');
    const c = inline.comments[1]!;
    expect(c.body).not.toMatch(/(?<!\\)<img/);
    expect(renderedTags(c.body)).not.toContain('img');
    expect(c.body).toContain('\\<img src=x onerror=alert(1)>');
    expect(c.body).toContain('@\u200Borg/team #\u200B1 \\`x\\`');
    expect(c.body).toMatch(/^````suggestion\n[\s\S]*echo ```[\s\S]*\n````$/m);
    expect(applySuggestions(hostile, [suggestionOf(c)!])).toBe(result.files[0]!.fixedText);
    // In the body (maxComments 0) the path and names are escaped too.
    const body = planReview(input).body;
    // Outside fenced blocks (which show text literally) nothing is raw HTML.
    const prose = body.replace(/^(`{3,})\w*\n[\s\S]*?\n\1$/gm, '');
    expect(prose).not.toMatch(/(?<!\\)(<img|<b>)/);
    expect(renderedTags(body)).not.toContain('img');
    expect(renderedTags(body)).not.toContain('b');
    expect(body).toMatch(/^````diff\n--- a\/evil <b>\.yaml\n/m);
    expect(body).toContain('evil \\<b>.yaml');
    expect(body).toContain('/blob/' + 'a'.repeat(40) + '/evil%20%3Cb%3E.yaml#L11');
  });
});

describe('planReview: body size', () => {
  /** The run of one file copied to `n` files (f0.yaml ...), with distinct fingerprints and fix ids. */
  function replicate(one: RunResult, n: number): RunResult {
    const out: RunResult = { files: [], findings: [], fixes: [] };
    for (let i = 0; i < n; i++) {
      const path = `f${i}.yaml`;
      out.files.push(...one.files.map((f) => ({ ...f, path })));
      out.findings.push(...one.findings.map((f) => ({ ...f, file: path, fingerprint: `${f.fingerprint}${i}`, fixId: f.fixId && `${f.fixId}${i}` })));
      out.fixes.push(...one.fixes.map((g) => ({ ...g, file: path, id: `${g.id}${i}`, findings: g.findings.map((fp) => `${fp}${i}`) })));
    }
    return out;
  }

  it('stays within 65,536 characters, cuts between entries (never inside a fence) and says so', () => {
    const result = replicate(run([{ path: 'x.yaml', text: NGINX }], seedPolicies), 300);
    const files = new Map(result.files.map((f) => [f.path, { headText: NGINX, hunks: [] as Hunk[] }]));
    const input: ReviewInput = {
      result,
      files,
      filterMode: 'file',
      maxComments: 30,
      existing: [],
      headSha: 'a'.repeat(40),
      repoUrl: 'https://github.com/o/r',
      policies: seedPolicies,
    };
    const plan = planReview(input);
    expect(plan.body.length).toBeLessThanOrEqual(MAX_BODY_LENGTH);
    expect(plan.body.length).toBeGreaterThan(MAX_BODY_LENGTH / 2);
    expect(plan.bodyFindings.length).toBeGreaterThan(0);
    expect(plan.bodyFindings.length).toBeLessThan(result.findings.length);
    const fences = plan.body.split('\n').filter((l) => /^`{3,}/.test(l));
    expect(fences.length % 2).toBe(0);
    expect(plan.body).toMatch(/more entries \(\d+ findings\) did not fit in this review body \(65,536 characters\)/);
    expect(parseMarker(plan.body)!.fingerprints).toEqual(plan.bodyFindings.map((f) => f.fingerprint));
    expect(plan.fallbackBody.length).toBeLessThanOrEqual(MAX_BODY_LENGTH);
  });

  it('says where the findings it leaves out are (elsewhere), and carried lists exactly what the review holds', () => {
    const result = replicate(run([{ path: 'x.yaml', text: NGINX }], seedPolicies), 300);
    const files = new Map(result.files.map((f) => [f.path, { headText: NGINX, hunks: [] as Hunk[] }]));
    // One file outside the pull request: its findings are out of scope for filter-mode file.
    files.delete(result.files[0]!.path);
    const calls: { findings: string[]; carried: Set<string> }[] = [];
    const input: ReviewInput = {
      result,
      files,
      filterMode: 'file',
      maxComments: 30,
      existing: [],
      headSha: 'a'.repeat(40),
      repoUrl: 'https://github.com/o/r',
      policies: seedPolicies,
      elsewhere: (findings, carried) => {
        calls.push({ findings: findings.map((f) => f.fingerprint), carried: new Set(carried) });
        return `they are in channel #${calls.length} ${'y'.repeat(1_000)}`;
      },
    };
    const plan = planReview(input);
    expect(plan.body.length).toBeLessThanOrEqual(MAX_BODY_LENGTH);
    const carried = new Set(plan.carried);
    expect(carried).toEqual(new Set([...plan.comments.flatMap((c) => c.fingerprints), ...plan.bodyFindings.map((f) => f.fingerprint)]));
    // The notes name the clause for the entries that did not fit and for the out-of-scope ones, cut to 300 characters.
    expect(plan.body).toMatch(/did not fit in this review body \(65,536 characters\); they are in channel #1 y+…\._/);
    expect(plan.body).toMatch(/not shown here \(filter-mode: file\); they are in channel #2 y+…\._/);
    const left = calls[0]!;
    expect(left.carried).toEqual(carried);
    expect(left.findings.length).toBe(result.findings.length - carried.size - 2); // the 2 of the file outside the PR
    expect(left.findings.every((fp) => !carried.has(fp))).toBe(true);
    expect(calls[1]!.findings).toEqual(result.findings.filter((f) => f.file === result.files[0]!.path).map((f) => f.fingerprint));
    // The fallback body's clause is asked with its own carried set.
    expect(new Set(plan.fallbackCarried)).toEqual(new Set(parseMarker(plan.fallbackBody)!.fingerprints));
    expect(calls.some((c) => c.carried.size === plan.fallbackCarried.length && plan.fallbackCarried.every((fp) => c.carried.has(fp)))).toBe(true);
  });
});
