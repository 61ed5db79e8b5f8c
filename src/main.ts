import * as core from '@actions/core';
import { builtinPolicies } from '../policies/index.js';
import { run as runPolicies, SEVERITY_RANK, type Severity } from './engine/index.js';
import { collectFiles } from './files.js';

/**
 * The action's orchestration (the only place that calls core.setFailed). For now it scans the
 * workspace (`GITHUB_WORKSPACE`, else the current directory) and reports findings as workflow
 * annotations; the pull-request review comes with the GitHub layer.
 */
export async function run(): Promise<void> {
  try {
    const root = process.env.GITHUB_WORKSPACE || process.cwd();
    const failLevel = (core.getInput('fail-level') || 'error') as Severity | 'none';
    const { files, errors } = collectFiles([root], { cwd: root });
    for (const e of errors) core.warning(e);
    const result = runPolicies(files, builtinPolicies);
    for (const f of result.findings) {
      const props = { title: f.policyId, file: f.file, startLine: f.range.start.line, startColumn: f.range.start.column };
      if (f.severity === 'error') core.error(f.message, props);
      else if (f.severity === 'warning') core.warning(f.message, props);
      else core.notice(f.message, props);
    }
    const failing = result.findings.filter((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failLevel]).length;
    core.setOutput('findings', result.findings.length);
    core.info(`${result.findings.length} findings in ${files.length} files`);
    if (failing > 0) core.setFailed(`${failing} findings at or above ${failLevel}`);
  } catch (err) {
    core.setFailed(err instanceof Error ? err.message : String(err));
  }
}
