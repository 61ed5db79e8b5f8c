import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPullRequestFixture } from '../github-api/fixture.js';
import { startGitHubApiServer } from '../github-api/server.js';
import { runAction, type ActionRun } from './helpers.js';
import { nodeShellPod } from '../fixtures/node-shell.js';

/**
 * A privileged, hostPID Pod mounting the node's `/` (issue #13): with `annotation` (a line under
 * metadata.annotations, or '') and an image tag to vary.
 */
const shellPod = (annotation: string, tag = '1.36') => nodeShellPod({ annotations: `    owner: team-ops\n${annotation}`, tag });

const SELF_EXEMPTION = '    ignore.kube-immutable.io/all: "debug shell for the on-call team"\n';
/** The pull request also tries to loosen the rules in its own copy of the configuration. */
const PR_CONFIG = 'preset: recommended\nexemptions:\n  annotations: allowed\n  maxDays: false\npolicies:\n  exemption: "off"\n';

interface SarifResult {
  ruleId: string;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { region: { startLine: number } } }[];
  suppressions?: { kind: string; status: string; justification: string }[];
}

/** Run the action on a PR (base → head) with the workspace's SARIF; returns the run, SARIF results and the review body. */
async function scanPr(
  base: Record<string, string>,
  head: Record<string, string>,
  inputs: Record<string, string> = {},
): Promise<{ r: ActionRun; results: SarifResult[]; body: string }> {
  const fx = createPullRequestFixture({ base, head });
  const gh = await startGitHubApiServer(fx.state());
  try {
    const sarifPath = join(fx.dir, '..', 'exemptions.sarif');
    const r = await runAction(fx, gh, { 'sarif-file': sarifPath, ...inputs });
    expect(gh.rejections).toEqual([]);
    const results = JSON.parse(readFileSync(sarifPath, 'utf8')).runs[0].results as SarifResult[];
    const body = gh.state.reviews.map((x) => x.body ?? '').join('\n');
    return { r, results, body };
  } finally {
    await gh.close();
    fx.cleanup();
  }
}

const ruleIds = (results: SarifResult[], active: boolean) =>
  [...new Set(results.filter((x) => (x.suppressions?.some((s) => s.status === 'accepted') ?? false) !== active).map((x) => x.ruleId))].sort();

describe('self-exemption (issue #13): the base configuration decides', () => {
  it('base-only: a pull request that adds ignore.kube-immutable.io/all only requests the exemption; the findings count, exit 1', async () => {
    const { r, results, body } = await scanPr(
      { '.github/kube-immutable.yaml': 'preset: strict\nexemptions:\n  annotations: base-only\n', 'ops/shell.yaml': shellPod('') },
      { '.github/kube-immutable.yaml': PR_CONFIG, 'ops/shell.yaml': shellPod(SELF_EXEMPTION) },
      { 'fail-level': 'warning' },
    );
    // The base configuration is in force (the PR's copy would have honoured the annotation).
    expect(r.stdout).toMatch(/this pull request changes \.github\/kube-immutable\.yaml; the configuration and custom policies of the base commit were used/);
    expect(ruleIds(results, true)).toEqual(expect.arrayContaining(['no-host-namespaces', 'no-privileged-container', 'no-writable-host-path']));
    expect(ruleIds(results, false)).toEqual([]);
    // SARIF: the findings the annotation names are marked as an exemption under review, still active.
    const privileged = results.find((x) => x.ruleId === 'no-privileged-container')!;
    expect(privileged.level).toBe('error');
    expect(privileged.suppressions).toEqual([expect.objectContaining({ kind: 'inSource', status: 'underReview' })]);
    // The review body lists the request for the human reviewer: object, policy, reason, status, line.
    expect(body).toContain('### Exemptions this pull request requests or changes');
    const row = body.split('\n').find((l) => l.startsWith('| Pod/node-shell'))!;
    expect(row).toContain('| ` all ` | all | debug shell for the on-call team | — |');
    expect(row).toMatch(/not honoured — it is not at the base commit/);
    expect(row).toContain('ops/shell.yaml:7](');
    expect(r.summary).toContain('### Exemptions this pull request requests or changes');
    expect(r.outputs.errors).not.toBe('0');
    expect(r.code).toBe(1);
  }, 60_000);

  it('base-only: the same annotation already at the base commit is honoured (nothing to list), exit 0', async () => {
    const { r, results, body } = await scanPr(
      { '.github/kube-immutable.yaml': 'preset: strict\nexemptions:\n  annotations: base-only\n', 'ops/shell.yaml': shellPod(SELF_EXEMPTION) },
      { 'ops/shell.yaml': shellPod(SELF_EXEMPTION, '1.37') },
      { 'fail-level': 'warning' },
    );
    expect(ruleIds(results, true)).toEqual([]);
    expect(ruleIds(results, false)).toEqual(expect.arrayContaining(['no-host-namespaces', 'no-privileged-container', 'no-writable-host-path']));
    expect(body).not.toContain('Exemptions this pull request requests or changes');
    expect(r.code).toBe(0);
  }, 60_000);

  it('base-only: changing the value (here: a later expiry) is a new request, not honoured', async () => {
    const { r, body } = await scanPr(
      {
        '.github/kube-immutable.yaml': 'exemptions: {annotations: base-only}\n',
        'ops/shell.yaml': shellPod('    ignore.kube-immutable.io/all: "expires=2026-12-31; debug shell"\n'),
      },
      { 'ops/shell.yaml': shellPod('    ignore.kube-immutable.io/all: "expires=2027-06-30; debug shell"\n') },
    );
    expect(body).toMatch(/\| Pod\/node-shell \|[^\n]*2027-06-30[^\n]*not honoured — it is not at the base commit/);
    expect(r.code).toBe(1);
  }, 60_000);

  it('disabled: never honoured, even when at the base commit; an exemption finding at the annotation; exit 1', async () => {
    const { r, results, body } = await scanPr(
      { '.github/kube-immutable.yaml': 'preset: strict\nexemptions:\n  annotations: disabled\n', 'ops/shell.yaml': shellPod(SELF_EXEMPTION) },
      { '.github/kube-immutable.yaml': PR_CONFIG, 'ops/shell.yaml': shellPod(SELF_EXEMPTION, '1.37') },
      { 'fail-level': 'warning' },
    );
    expect(ruleIds(results, false)).toEqual([]);
    const exemption = results.filter((x) => x.ruleId === 'exemption');
    expect(exemption.map((x) => [x.level, x.locations[0]!.physicalLocation.region.startLine])).toEqual([['error', 7]]); // preset strict: every check is an error
    expect(exemption[0]!.message.text).toMatch(/is not honoured: the configuration disables exemption annotations \(exemptions\.annotations: disabled\)/);
    expect(results.find((x) => x.ruleId === 'no-privileged-container')!.suppressions).toEqual([expect.objectContaining({ status: 'rejected' })]);
    expect(body).toMatch(/\| Pod\/node-shell \|[^\n]*not honoured — the configuration disables exemption annotations/);
    expect(r.code).toBe(1);
  }, 60_000);

  it('the default maxDays (365): expires=9999-12-31 is refused even where annotations are allowed; exit 1', async () => {
    const { r, results, body } = await scanPr(
      { '.github/kube-immutable.yaml': 'exemptions:\n  annotations: allowed\n', 'ops/shell.yaml': shellPod('') },
      { 'ops/shell.yaml': shellPod('    ignore.kube-immutable.io/all: "expires=9999-12-31; forever"\n') },
    );
    expect(ruleIds(results, false)).toEqual([]);
    const exemption = results.filter((x) => x.ruleId === 'exemption');
    expect(exemption.map((x) => x.message.text)).toEqual([expect.stringMatching(/expires=9999-12-31 is more than 365 days away \(exemptions\.maxDays: 365\)/)]);
    expect(body).toMatch(/\| Pod\/node-shell \|[^\n]*9999-12-31[^\n]*not honoured/);
    expect(r.code).toBe(1);
  }, 60_000);

  it('without a configuration file the defaults apply: base-only on pull requests', async () => {
    const { r, results } = await scanPr({ 'ops/shell.yaml': shellPod('') }, { 'ops/shell.yaml': shellPod(SELF_EXEMPTION) });
    expect(ruleIds(results, false)).toEqual([]);
    expect(r.summary).toContain('### Exemptions this pull request requests or changes');
    expect(r.code).toBe(1);
  }, 60_000);

  it('allowed: an exemption the pull request adds applies, and is still listed in the review body and the job summary', async () => {
    const { r, results, body } = await scanPr(
      { '.github/kube-immutable.yaml': 'exemptions: {annotations: allowed}\n', 'ops/shell.yaml': shellPod('') },
      { 'ops/shell.yaml': shellPod('    ignore.kube-immutable.io/all: "expires=2027-01-31; debug shell until the January rebuild"\n') },
    );
    expect(ruleIds(results, true)).toEqual([]);
    for (const text of [body, r.summary]) {
      expect(text).toContain('### Exemptions this pull request requests or changes');
      expect(text).toMatch(/\| Pod\/node-shell \|[^\n]*2027-01-31 \| honoured \(new or changed in this change\); suppresses \d+ findings/);
    }
    expect(r.code).toBe(0);
  }, 60_000);

  it('base-only: a renamed file keeps the exemption its old path had at the base commit', async () => {
    const fx = createPullRequestFixture({
      base: { '.github/kube-immutable.yaml': 'exemptions: {annotations: base-only}\n', 'ops/shell.yaml': shellPod(SELF_EXEMPTION) },
      renames: { 'ops/debug/shell.yaml': 'ops/shell.yaml' },
      head: { 'ops/debug/shell.yaml': shellPod(SELF_EXEMPTION, '1.37') },
    });
    const gh = await startGitHubApiServer(fx.state());
    try {
      const r = await runAction(fx, gh, { 'fail-level': 'warning' });
      expect(r.outputs.findings).toBe('0');
      expect(r.summary).not.toContain('Exemptions this pull request requests or changes');
      expect(r.code).toBe(0);
    } finally {
      await gh.close();
      fx.cleanup();
    }
  }, 60_000);
});

describe('merge_group and push', () => {
  const eventFile = (payload: unknown): string => {
    const path = join(mkdtempSync(join(tmpdir(), 'ki-ev-')), 'event.json');
    writeFileSync(path, JSON.stringify(payload));
    return path;
  };
  const fx = createPullRequestFixture({
    base: { '.github/kube-immutable.yaml': 'exemptions: {annotations: base-only}\n', 'ops/shell.yaml': shellPod('') },
    head: { 'ops/shell.yaml': shellPod(SELF_EXEMPTION) },
  });
  afterAll(() => fx.cleanup());

  it('merge_group: the queued change is judged against its base, as on the pull request (exit 1, listed in the summary)', async () => {
    const r = await runAction(
      { ...fx, eventPath: eventFile({ merge_group: { base_sha: fx.baseSha, head_sha: fx.headSha }, repository: { full_name: 'octo-org/deployments' } }) },
      undefined,
      {},
      { GITHUB_EVENT_NAME: 'merge_group' },
    );
    expect(r.stdout).toMatch(/::error title=no-privileged-container,file=ops\/shell\.yaml/);
    expect(r.summary).toContain('### Exemptions this pull request requests or changes');
    expect(r.code).toBe(1);
  }, 60_000);

  it('push: the commit is already merged, so base-only acts as allowed (the exemption applies)', async () => {
    const r = await runAction(
      { ...fx, eventPath: eventFile({ before: fx.baseSha, after: fx.headSha, repository: { full_name: 'octo-org/deployments' } }) },
      undefined,
      {},
      { GITHUB_EVENT_NAME: 'push' },
    );
    expect(r.outputs.errors).toBe('0');
    expect(r.summary).not.toContain('Exemptions this pull request requests or changes');
    expect(r.code).toBe(0);
  }, 60_000);
});
