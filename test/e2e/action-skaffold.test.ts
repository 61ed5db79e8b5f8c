/**
 * Skaffold build artifacts in the action (issue #17): an image naming an artifact of the trusted
 * skaffold.yaml is an info finding, but the skaffold.yaml is read from the BASE commit only — a
 * pull request that adds or changes one to list `nginx` as an artifact must not switch the
 * unpinned-image check off for `nginx:latest`.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPullRequestFixture, type PullRequestFixture } from '../github-api/fixture.js';
import { startGitHubApiServer } from '../github-api/server.js';
import { runAction, shallowCheckout } from './helpers.js';

let n = 0;

const skaffold = (images: string[]) =>
  `apiVersion: skaffold/v4beta11\nkind: Config\nbuild:\n  artifacts:\n${images.map((i) => `    - image: ${i}\n`).join('')}manifests:\n  rawYaml:\n    - k8s/*.yaml\n`;

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: gcr.io/acme/web:dev
    - name: proxy
      image: nginx:latest
`;

/** The image-digest results of the SARIF file: container image and level. */
function imageDigestResults(sarifPath: string): [string, string][] {
  const sarif = JSON.parse(readFileSync(sarifPath, 'utf8'));
  return (sarif.runs[0].results as { ruleId: string; level: string; message: { text: string } }[])
    .filter((r) => r.ruleId === 'image-digest')
    .map((r) => [/image "([^"]+)"/.exec(r.message.text)?.[1] ?? '?', r.level]);
}

async function runOn(fx: PullRequestFixture, workspace: string) {
  const gh = await startGitHubApiServer(fx.state());
  const sarifPath = join(tmpdir(), `ki-skaffold-${process.pid}-${n++}.sarif`);
  try {
    const r = await runAction({ ...fx, dir: workspace }, gh, { 'sarif-file': sarifPath }, { GITHUB_EVENT_NAME: 'pull_request_target' });
    expect(gh.rejections).toEqual([]);
    return { r, sarifPath };
  } finally {
    await gh.close();
  }
}

describe('Skaffold artifacts come from the base commit only', () => {
  // The base lists gcr.io/acme/web; the pull request adds nginx to the list and a Pod using both.
  const fx = createPullRequestFixture({
    base: { 'skaffold.yaml': skaffold(['gcr.io/acme/web']), 'README.md': 'x\n' },
    head: { 'skaffold.yaml': skaffold(['gcr.io/acme/web', 'nginx']), 'k8s/pod.yaml': POD },
  });
  const shallow = shallowCheckout(fx.dir);
  afterAll(() => {
    fx.cleanup();
    rmSync(shallow, { recursive: true, force: true });
  });

  it.each([
    ['git objects (fetch-depth: 0)', () => fx.dir],
    ['the contents API (shallow checkout)', () => shallow],
  ])('a skaffold.yaml changed by the PR to list nginx does not downgrade nginx:latest; the base artifact is info (%s)', async (_, workspace) => {
    const { r, sarifPath } = await runOn(fx, workspace());
    expect(imageDigestResults(sarifPath)).toEqual([
      ['gcr.io/acme/web:dev', 'note'],
      ['nginx:latest', 'error'],
    ]);
    expect(r.stdout).toContain('kube-immutable: this pull request changes skaffold.yaml; Skaffold build artifacts were read from the base commit only');
    expect(r.code).toBe(1);
  });
});

describe('a skaffold.yaml the pull request adds is not used', () => {
  const fx = createPullRequestFixture({
    base: { 'README.md': 'x\n' },
    head: { 'skaffold.yaml': skaffold(['gcr.io/acme/web', 'nginx']), 'k8s/pod.yaml': POD },
  });
  afterAll(() => fx.cleanup());

  it('both images stay errors', async () => {
    const { r, sarifPath } = await runOn(fx, fx.dir);
    expect(imageDigestResults(sarifPath)).toEqual([
      ['gcr.io/acme/web:dev', 'warning'],
      ['nginx:latest', 'error'],
    ]);
    expect(r.code).toBe(1);
  });
});

describe('push and merge_group read Skaffold projects where they read the configuration', () => {
  // The base lists gcr.io/acme/web; the change adds nginx to the list and a Pod using both.
  const fx = createPullRequestFixture({
    base: { 'skaffold.yaml': skaffold(['gcr.io/acme/web']), 'README.md': 'x\n' },
    head: { 'skaffold.yaml': skaffold(['gcr.io/acme/web', 'nginx']), 'k8s/pod.yaml': POD },
  });
  afterAll(() => fx.cleanup());
  const eventFile = (payload: unknown): string => {
    const path = join(tmpdir(), `ki-skaffold-event-${process.pid}-${n++}.json`);
    writeFileSync(path, JSON.stringify(payload));
    return path;
  };

  it('push: the pushed commit is merged code, so its skaffold.yaml is trusted (both images are artifacts)', async () => {
    const sarifPath = join(tmpdir(), `ki-skaffold-${process.pid}-${n++}.sarif`);
    const eventPath = eventFile({ before: fx.baseSha, after: fx.headSha, repository: { full_name: 'octo-org/deployments' } });
    const r = await runAction({ ...fx, eventPath }, undefined, { 'sarif-file': sarifPath }, { GITHUB_EVENT_NAME: 'push' });
    expect(imageDigestResults(sarifPath)).toEqual([
      ['gcr.io/acme/web:dev', 'note'],
      ['nginx:latest', 'note'],
    ]);
    expect(r.stdout).not.toContain('Skaffold build artifacts were read from the base commit only');
  });

  it('merge_group: the base commit is trusted, the skaffold.yaml the merge group changes is not', async () => {
    const sarifPath = join(tmpdir(), `ki-skaffold-${process.pid}-${n++}.sarif`);
    const eventPath = eventFile({ merge_group: { base_sha: fx.baseSha, head_sha: fx.headSha }, repository: { full_name: 'octo-org/deployments' } });
    const r = await runAction({ ...fx, eventPath }, undefined, { 'sarif-file': sarifPath }, { GITHUB_EVENT_NAME: 'merge_group' });
    expect(imageDigestResults(sarifPath)).toEqual([
      ['gcr.io/acme/web:dev', 'note'],
      ['nginx:latest', 'error'],
    ]);
    expect(r.stdout).toContain('kube-immutable: this merge group changes skaffold.yaml; Skaffold build artifacts were read from the base commit only');
    expect(r.code).toBe(1);
  });
});
