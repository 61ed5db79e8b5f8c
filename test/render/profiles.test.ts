/**
 * Render profiles (issue #16) through src/render/index.ts renderForScan with the real Helm 4
 * (test/engines.ts) on the vendored podinfo chart (test/render-corpus/helm/podinfo): a chart
 * listed in `helmCharts` renders once per profile, each render named in the findings; a values
 * file outside the chart folder is a chart file, and changing it renders the chart; a bad
 * profile is a visible finding.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { builtinPolicies } from '../../policies/index.js';
import { collectFiles } from '../../src/files.js';
import { renderForScan, type HelmChartProfiles, type RenderOptions } from '../../src/render/index.js';
import { engineBinaries } from '../engines.js';

const PODINFO = new URL('../render-corpus/helm/podinfo/', import.meta.url).pathname;
const helm = engineBinaries().helm4;

/** A repository with podinfo at charts/podinfo and its production values at deploy/podinfo-prod.yaml (outside the chart). */
function repo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ki-profiles-'));
  cpSync(PODINFO, join(dir, 'charts/podinfo'), { recursive: true });
  mkdirSync(join(dir, 'deploy'));
  writeFileSync(join(dir, 'deploy/podinfo-prod.yaml'), readFileSync(join(PODINFO, 'values-prod.yaml')));
  writeFileSync(join(dir, 'deploy/notes.yaml'), 'unrelated: true\n');
  return dir;
}

const TWO_PROFILES: HelmChartProfiles[] = [
  {
    path: 'charts/podinfo',
    profiles: [
      { name: 'dev', releaseName: 'dev', namespace: 'dev' },
      { name: 'prod', valuesFiles: ['deploy/podinfo-prod.yaml'], releaseName: 'podinfo', namespace: 'shop' },
    ],
  },
];

async function render(dir: string, opts: Partial<RenderOptions> = {}) {
  const tree = new Map(collectFiles(['.'], { include: ['**'], cwd: dir }).files.map((f) => [f.path, f.text]));
  return renderForScan(tree, builtinPolicies, {}, { repoRoot: dir, engines: { path: dirname(helm), cwd: dir }, ...opts });
}

describe('render profiles', () => {
  const dir = repo();

  it('a chart with two profiles renders twice; each finding names the profiles that show it', async () => {
    const r = await render(dir, { helmCharts: TWO_PROFILES });
    expect(r.rendered.charts).toBe(2);
    expect(r.result.findings.filter((f) => f.policyId === 'file-not-scanned')).toEqual([]);
    // Both renders give the podinfo Deployment's finding: one finding, naming both.
    const podinfo = r.result.findings.find((f) => f.policyId === 'read-only-root-filesystem' && f.file === 'charts/podinfo/templates/deployment.yaml')!;
    expect(podinfo.message).toMatch(/\(rendered by helm template charts\/podinfo \(dev\), helm template charts\/podinfo \(prod\)\)$/);
    // Only the prod values enable Redis: its findings name prod alone.
    const redis = r.result.findings.filter((f) => f.file === 'charts/podinfo/templates/redis/deployment.yaml');
    expect(redis.length).toBeGreaterThan(0);
    for (const f of redis) expect(f.message).toMatch(/\(rendered by helm template charts\/podinfo \(prod\)\)$/);
    // The values file outside the chart is a chart file: never scanned as a plain manifest.
    expect(r.excluded.has('deploy/podinfo-prod.yaml')).toBe(true);
    expect(r.excluded.has('deploy/notes.yaml')).toBe(false);
  });

  it('a chart not listed renders once with its own values.yaml (the default profile)', async () => {
    const r = await render(dir);
    expect(r.rendered.charts).toBe(1);
    const labels = new Set(r.result.findings.map((f) => /\(rendered by (.*)\)$/.exec(f.message)?.[1]));
    expect([...labels]).toEqual(['helm template charts/podinfo']);
    expect(r.result.findings.some((f) => f.file.includes('/redis/'))).toBe(false);
    expect(r.excluded.has('deploy/podinfo-prod.yaml')).toBe(false);
  });

  it('in pull-request mode a changed values file outside the chart renders the chart; an unrelated change does not', async () => {
    const changed = await render(dir, { helmCharts: TWO_PROFILES, changed: new Set(['deploy/podinfo-prod.yaml']) });
    expect(changed.rendered.charts).toBe(2);
    expect(changed.result.findings.some((f) => f.message.endsWith('(rendered by helm template charts/podinfo (prod))'))).toBe(true);
    const unrelated = await render(dir, { helmCharts: TWO_PROFILES, changed: new Set(['deploy/notes.yaml']) });
    expect(unrelated.rendered.charts).toBe(0);
    expect(unrelated.result.findings).toEqual([]);
    // Without the profiles, that values file belongs to no chart.
    const unlisted = await render(dir, { changed: new Set(['deploy/podinfo-prod.yaml']) });
    expect(unlisted.rendered.charts).toBe(0);
  });

  it('a bad profile (a release name Helm refuses) is a visible finding naming the profile; the good one still renders', async () => {
    const r = await render(dir, {
      helmCharts: [{ path: 'charts/podinfo', profiles: [{ name: 'broken', releaseName: 'Not_A_Release' }, { name: 'ok' }] }],
    });
    const problems = r.result.findings.filter((f) => f.policyId === 'file-not-scanned');
    expect(problems.map((f) => `${f.file}:${f.range.start.line} ${f.severity}`)).toEqual(['charts/podinfo/Chart.yaml:1 error']);
    expect(problems[0]!.message).toContain('(helm template, profile broken)');
    expect(problems[0]!.message).toContain('release name Not_A_Release is not a lowercase DNS-1123 name');
    expect(r.rendered.charts).toBe(1);
    expect(r.result.findings.some((f) => f.message.endsWith('(rendered by helm template charts/podinfo (ok))'))).toBe(true);
  });

  it('profiles given for a vendored subchart are a warning at its Chart.yaml (it renders with its parent)', async () => {
    const app = mkdtempSync(join(tmpdir(), 'ki-profiles-sub-'));
    const files: Record<string, string> = {
      'app/Chart.yaml': 'apiVersion: v2\nname: app\nversion: 0.1.0\ndependencies:\n  - name: db\n    version: 0.1.0\n',
      'app/templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\nimmutable: true\ndata: {a: b}\n',
      'app/charts/db/Chart.yaml': 'apiVersion: v2\nname: db\nversion: 0.1.0\n',
    };
    for (const [p, text] of Object.entries(files)) {
      mkdirSync(dirname(join(app, p)), { recursive: true });
      writeFileSync(join(app, p), text);
    }
    const r = await render(app, { helmCharts: [{ path: 'app/charts/db', profiles: [{ name: 'prod' }] }] });
    const problems = r.result.findings.filter((f) => f.policyId === 'file-not-scanned');
    expect(problems.map((f) => `${f.file}:${f.range.start.line} ${f.severity}`)).toEqual(['app/charts/db/Chart.yaml:1 warning']);
    expect(problems[0]!.message).toContain('it renders with its parent app');
    expect(r.rendered.charts).toBe(1);
  });

  it('two profiles failing alike are two findings (their fingerprints differ)', async () => {
    const r = await render(dir, {
      helmCharts: [
        {
          path: 'charts/podinfo',
          profiles: [
            { name: 'a', valuesFiles: ['deploy/missing.yaml'] },
            { name: 'b', valuesFiles: ['deploy/missing.yaml'] },
          ],
        },
      ],
    });
    const problems = r.result.findings.filter((f) => f.policyId === 'file-not-scanned');
    expect(problems.map((f) => f.file)).toEqual(['deploy/missing.yaml', 'deploy/missing.yaml']);
    expect(new Set(problems.map((f) => f.fingerprint)).size).toBe(2);
    expect(problems.map((f) => /profile (\w+)/.exec(f.message)?.[1])).toEqual(['a', 'b']);
  });
});
