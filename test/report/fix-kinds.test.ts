/**
 * Guesses and behaviour changes in every report: the text report labels each held-back fix and
 * says how to apply it, JSON and SARIF carry its kind, and the summary line (text, JSON, job
 * summary) counts fixes vs guesses vs behaviour changes.
 */
import { formatJson, formatSarif, formatText, jobSummary, summarize, summaryLine } from '../../src/report/index.js';
import { seedPolicies } from '../seed-policies.js';
import { BARE_POD, PRIVILEGED_POD, scan } from './helpers.js';

const files = [
  { path: 'bare.yaml', text: BARE_POD },
  { path: 'priv.yaml', text: PRIVILEGED_POD },
];
/** The default options: safe fixes only. */
const result = scan(files, seedPolicies, {});

describe('guesses and behaviour changes in the reports', () => {
  it('counts them in the summary (JSON too) and the one summary line', () => {
    const s = summarize(result);
    expect({ guesses: s.guesses, behaviourChanges: s.behaviourChanges }).toEqual({ guesses: 1, behaviourChanges: 1 });
    expect(summaryLine(s)).toMatch(/; \d+ fixable, 1 guess and 1 behaviour change suggested$/);
    expect(JSON.parse(formatJson(result, files, { toolVersion: '1.2.3' })).summary).toMatchObject({ guesses: 1, behaviourChanges: 1 });
    expect(summaryLine(summarize(scan(files)))).not.toContain('suggested');
  });

  it('labels each in the text report, with the flag that applies it', () => {
    const text = formatText(result, files);
    expect(text).toContain('    Suggestion (a guess) — not applied; use --include-guesses: Set readOnlyRootFilesystem: true and mount an emptyDir at /tmp');
    expect(text).toContain('    Suggestion (a behaviour change) — not applied; use --apply-behaviour-changes no-privileged-container: Set privileged: false');
  });

  it('carries the kind and reason in JSON and the kinds in SARIF', () => {
    const json = JSON.parse(formatJson(result, files, { toolVersion: '1.2.3' }));
    const priv = json.findings.find((f: { policyId: string }) => f.policyId === 'no-privileged-container');
    expect(priv.suggestions.map((x: { kind: string; reason: string }) => [x.kind, x.reason])).toEqual([
      ['behaviour', 'a behaviour change; applied only when behaviour changes of no-privileged-container are applied'],
    ]);
    const sarif = JSON.parse(formatSarif(result, seedPolicies, { toolVersion: '1.2.3' }));
    const kinds = sarif.runs[0].results
      .filter((r: { properties?: { suggestionKinds?: string[] } }) => r.properties?.suggestionKinds)
      .map((r: { ruleId: string; properties: { suggestionKinds: string[] } }) => [r.ruleId, r.properties.suggestionKinds]);
    expect(kinds).toEqual(
      expect.arrayContaining([
        ['read-only-root-filesystem', ['guess']],
        ['no-privileged-container', ['behaviour']],
      ]),
    );
  });

  it('shows the counts in the job summary', () => {
    const md = jobSummary(result, {
      repoUrl: 'https://github.com/o/r',
      headSha: 'a'.repeat(40),
      policies: seedPolicies,
      originals: new Map(files.map((f) => [f.path, f.text])),
    });
    expect(md).toMatch(/fixable, 1 guess and 1 behaviour change suggested\./);
  });
});
