import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readEvent } from '../../src/github/event.js';

const require = createRequire(import.meta.url);
const examples = require('@octokit/webhooks-examples') as { name: string; examples: any[] }[];
const example = (name: string, action?: string) => structuredClone(examples.find((e) => e.name === name)!.examples.find((x) => !action || x.action === action));

function envFor(name: string, payload: unknown): NodeJS.ProcessEnv {
  const dir = mkdtempSync(join(tmpdir(), 'ki-event-'));
  const path = join(dir, 'event.json');
  writeFileSync(path, JSON.stringify(payload));
  return { GITHUB_EVENT_NAME: name, GITHUB_EVENT_PATH: path, GITHUB_REPOSITORY: 'octo/repo', GITHUB_SHA: 'f'.repeat(40) };
}

describe('readEvent (real webhook payloads from @octokit/webhooks-examples)', () => {
  it('reads a pull_request: number, head and base SHAs, not a fork', () => {
    const p = example('pull_request', 'opened');
    const e = readEvent(envFor('pull_request', p));
    expect(e).toMatchObject({ name: 'pull_request', owner: 'octo', repo: 'repo' });
    expect(e.pullRequest).toEqual({
      number: p.pull_request.number,
      headSha: p.pull_request.head.sha,
      baseSha: p.pull_request.base.sha,
      htmlUrl: p.pull_request.html_url,
      fromFork: p.pull_request.head.repo.full_name !== p.pull_request.base.repo.full_name,
    });
    expect(e.sha).toBe(p.pull_request.head.sha);
  });

  it('knows a fork pull request under pull_request_target', () => {
    const p = example('pull_request', 'synchronize');
    p.pull_request.head.repo = { ...p.pull_request.head.repo, full_name: 'someone/fork' };
    expect(readEvent(envFor('pull_request_target', p)).pullRequest?.fromFork).toBe(true);
  });

  it('reads merge_group and push ranges', () => {
    const mg = example('merge_group');
    expect(readEvent(envFor('merge_group', mg)).range).toEqual({ base: mg.merge_group.base_sha, head: mg.merge_group.head_sha });
    const push = example('push');
    expect(readEvent(envFor('push', push)).range).toEqual({ base: push.before, head: push.after });
  });

  it('other events have neither a pull request nor a range', () => {
    const e = readEvent(envFor('workflow_dispatch', example('workflow_dispatch')));
    expect(e.pullRequest).toBeUndefined();
    expect(e.range).toBeUndefined();
    expect(e.sha).toBe('f'.repeat(40));
  });

  it('names the variable when the payload cannot be read', () => {
    expect(() => readEvent({ GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: '/nonexistent/event.json' })).toThrow(/GITHUB_EVENT_PATH/);
  });
});
