/**
 * The pure steps of the pull-request flow (src/action/pull-request.ts), as tables: which changed
 * files are manifests, which paths a pull request touches, git changes as the API's files, and
 * what is said when the review cannot be posted. The flow itself runs end to end in test/e2e.
 */
import { readFileSync } from 'node:fs';
import { changedManifests, fromGit, MAX_UNCHANGED_FIX_FILES, pathsChanged, reviewFailure, unchangedFixFiles } from '../../src/action/pull-request.js';
import { run } from '../../src/engine/index.js';
import type { ChangedFile } from '../../src/github/pull-files.js';
import { seedPolicies } from '../seed-policies.js';

const file = (path: string, status = 'modified', previousPath?: string): ChangedFile => ({ path, previousPath, status, blobSha: 'b', patch: undefined });

describe('changedManifests', () => {
  const changes = [
    file('k8s/a.yaml'),
    file('k8s/gone.yaml', 'removed'),
    file('k8s/new.yml', 'added'),
    file('README.md'),
    file('k8s/b.yaml', 'renamed', 'old/b.yaml'),
    file('vendor/c.yaml'),
  ];
  it.each([
    ['yaml files, not removed ones', ['**/*.yaml', '**/*.yml'], [], ['k8s/a.yaml', 'k8s/new.yml', 'k8s/b.yaml', 'vendor/c.yaml']],
    ['an exclude glob wins', ['**/*.yaml'], ['vendor/**'], ['k8s/a.yaml', 'k8s/b.yaml']],
    ['a renamed file by its new path only', ['old/**'], [], []],
    ['no include: nothing', [], [], []],
    ['a removed file is never a candidate', ['k8s/gone.yaml'], [], []],
  ] as const)('%s', (_name, include, exclude, expected) => {
    expect(changedManifests(changes, include, exclude).map((f) => f.path)).toEqual(expected);
  });

  it('with rendering on, a changed extensionless Kustomization is a candidate too (not when excluded or removed)', () => {
    const roots = [file('overlays/prod/Kustomization'), file('vendor/Kustomization'), file('old/Kustomization', 'removed'), file('docs/Kustomization.md')];
    expect(changedManifests(roots, ['**/*.yaml'], ['vendor/**'], true).map((f) => f.path)).toEqual(['overlays/prod/Kustomization']);
    expect(changedManifests(roots, ['**/*.yaml'], ['vendor/**']).map((f) => f.path)).toEqual([]);
  });
});

describe('pathsChanged', () => {
  it.each([
    ['no change', [], []],
    ['paths as listed', [file('a'), file('b', 'removed')], ['a', 'b']],
    ['a rename names both paths', [file('new', 'renamed', 'old')], ['new', 'old']],
    ['duplicates once', [file('a'), file('b', 'renamed', 'a')], ['a', 'b']],
  ] as const)('%s', (_name, changes, expected) => {
    expect([...pathsChanged(changes)].sort()).toEqual([...expected].sort());
  });
});

describe('unchangedFixFiles', () => {
  const NGINX = readFileSync('examples/nginx-deployment.yaml', 'utf8');
  const result = run(
    ['a.yaml', 'b.yaml', 'c.yaml'].map((path) => ({ path, text: NGINX })),
    seedPolicies,
    {},
  );
  it('the files verified fix groups edit that are not among the review files, each once, in order', () => {
    expect(result.fixes.filter((g) => g.verified).map((g) => g.file)).toEqual(['a.yaml', 'b.yaml', 'c.yaml']);
    expect(unchangedFixFiles(result, new Map([['b.yaml', {}]]))).toEqual(['a.yaml', 'c.yaml']);
    expect(unchangedFixFiles(result, new Map(['a.yaml', 'b.yaml', 'c.yaml'].map((p) => [p, {}])))).toEqual([]);
  });
  it('not for a group whose findings are all suppressed, nor for an unverified group', () => {
    const suppressed = {
      ...result,
      findings: result.findings.map((f) => (f.file === 'a.yaml' ? { ...f, suppressed: { kind: 'inSource' as const, reason: 'r' } } : f)),
    };
    expect(unchangedFixFiles(suppressed as typeof result, new Map())).toEqual(['b.yaml', 'c.yaml']);
    const unverified = { ...result, fixes: result.fixes.map((g) => (g.file === 'c.yaml' ? { ...g, verified: false } : g)) };
    expect(unchangedFixFiles(unverified, new Map())).toEqual(['a.yaml', 'b.yaml']);
  });
  it(`at most ${MAX_UNCHANGED_FIX_FILES} files`, () => {
    const many = run(
      Array.from({ length: MAX_UNCHANGED_FIX_FILES + 5 }, (_, i) => ({ path: `f${i}.yaml`, text: NGINX })),
      seedPolicies,
      {},
    );
    expect(unchangedFixFiles(many, new Map())).toEqual(Array.from({ length: MAX_UNCHANGED_FIX_FILES }, (_, i) => `f${i}.yaml`));
  });
});

describe('fromGit', () => {
  it('keeps path, previous path, status and patch; no blob SHA', () => {
    expect(
      fromGit([
        { path: 'b', previousPath: 'a', status: 'renamed', patch: '@@ -1 +1 @@\n-x\n+y' },
        { path: 'c', previousPath: undefined, status: 'added', patch: undefined },
      ] as never),
    ).toEqual([
      { path: 'b', previousPath: 'a', status: 'renamed', blobSha: '', patch: '@@ -1 +1 @@\n-x\n+y' },
      { path: 'c', previousPath: undefined, status: 'added', blobSha: '', patch: undefined },
    ]);
  });
});

describe('reviewFailure', () => {
  const err = (status: number | undefined, message: string) => Object.assign(new Error(message), status === undefined ? {} : { status });
  const readOnly = 'Resource not accessible by integration';
  it.each([
    [
      'a fork: read-only token',
      err(403, readOnly),
      true,
      `kube-immutable could not post its review: this pull request comes from a fork, and its token is read-only (GitHub answered 403 "${readOnly}"). Findings are reported in the job summary instead. To get review comments on fork pull requests, run kube-immutable from a pull_request_target workflow (see the README: fork-safe setup).`,
      'No review was posted: this pull request comes from a fork, and its token is read-only. See the README for a fork-safe setup.',
    ],
    [
      'not a fork: a token that may not write',
      err(403, readOnly),
      false,
      `kube-immutable could not post its review: the token may not write to this repository (GitHub answered 403 "${readOnly}"). Findings are reported in the job summary instead. To get review comments on fork pull requests, run kube-immutable from a pull_request_target workflow (see the README: fork-safe setup).`,
      'No review was posted: the token may not write to this repository. See the README for a fork-safe setup.',
    ],
    [
      'a 403 for the rate limit is no read-only token',
      err(403, 'API rate limit exceeded'),
      true,
      'kube-immutable could not post its review (GitHub answered 403: API rate limit exceeded). Findings are reported in the job summary instead.',
      'No review was posted (GitHub answered 403: API rate limit exceeded).',
    ],
    [
      'a 502 after the retries',
      err(502, 'Bad Gateway'),
      false,
      'kube-immutable could not post its review (GitHub answered 502: Bad Gateway). Findings are reported in the job summary instead.',
      'No review was posted (GitHub answered 502: Bad Gateway).',
    ],
    [
      'no status (a reset connection)',
      err(undefined, 'socket hang up'),
      true,
      'kube-immutable could not post its review (GitHub failed: socket hang up). Findings are reported in the job summary instead.',
      'No review was posted (GitHub failed: socket hang up).',
    ],
  ] as const)('%s', (_name, e, fromFork, warning, note) => {
    expect(reviewFailure(e, fromFork, 'in the job summary')).toEqual({ warning, note });
  });
});
