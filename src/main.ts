import * as core from '@actions/core';
import { readEvent } from './github/event.js';
import { readInputs } from './github/inputs.js';

/**
 * The action's orchestration, and the only place that calls `core.setFailed`. Dispatches on
 * the event: `pull_request`/`pull_request_target` post one review; `push`/`merge_group` scan the
 * changed files; `workflow_dispatch` scans the workspace; other events end with a notice. The
 * exit status follows `fail-level`, applied after everything was reported. Each flow's modules are
 * imported when its event comes, so an event the action ignores loads none of them.
 */
export async function run(): Promise<void> {
  try {
    const inputs = readInputs();
    const event = readEvent();
    const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
    let failing = 0;
    if (event.pullRequest) failing = (await (await import('./action/pull-request.js')).pullRequestFlow(event, event.pullRequest, inputs, workspace)).failing;
    else if (event.range) failing = await (await import('./action/other-events.js')).rangeFlow(event, inputs, workspace);
    else if (event.name === 'workflow_dispatch' || event.name === '')
      failing = await (await import('./action/other-events.js')).workspaceFlow(event, inputs, workspace);
    else {
      core.notice(
        `kube-immutable does nothing on "${event.name}" events; it runs on pull_request, pull_request_target, merge_group, push and workflow_dispatch.`,
      );
      return;
    }
    if (failing > 0) core.setFailed(`kube-immutable: ${failing} finding${failing === 1 ? '' : 's'} at or above fail-level ${inputs.failLevel}.`);
  } catch (err) {
    core.setFailed(`kube-immutable: ${err instanceof Error ? err.message : String(err)}`);
  }
}
