/**
 * Issue #18: the review as a person sees it. The action runs on a pull request that adds 8
 * manifests (test/e2e/review-pr.ts) with its default inputs; the review body, the inline
 * comments and the job summary it writes are rendered as GitHub-flavoured Markdown (micromark +
 * its GFM extension) and their structure is checked: the lead line, the suggestion block right
 * after it, the folded explanations, the body's table.
 */
import { createPullRequestFixture, type PullRequestFixture } from '../github-api/fixture.js';
import { startGitHubApiServer, type GitHubApiServer } from '../github-api/server.js';
import { runAction, type ActionRun } from './helpers.js';
import { renderGfm, reviewPullRequestFiles } from './review-pr.js';

describe('the review of a pull request adding 8 manifests, rendered as GitHub renders it', () => {
  let fx: PullRequestFixture;
  let gh: GitHubApiServer;
  let run: ActionRun;
  beforeAll(async () => {
    fx = createPullRequestFixture({ base: { 'README.md': '# deployments\n' }, head: reviewPullRequestFiles() });
    gh = await startGitHubApiServer(fx.state());
    run = await runAction(fx, gh, { 'max-comments': '30' });
  }, 120_000);
  afterAll(async () => {
    await gh.close();
    fx.cleanup();
  });

  it('posts one review; inline only errors and comments that carry a suggested change (comment-level error)', () => {
    expect(gh.rejections).toEqual([]);
    expect(run.code).toBe(1);
    expect(gh.state.reviews).toHaveLength(1);
    const comments = gh.state.reviewComments;
    expect(comments.length).toBeGreaterThan(4);
    for (const c of comments) {
      const suggested = c.body.includes('\n```suggestion\n');
      expect(suggested || c.body.startsWith('**Error** · ')).toBe(true);
    }
    // The warnings without a suggested change are rows of the body, not comments.
    const body = gh.state.reviews[0]!.body;
    expect(body).toMatch(/it has no suggested change and is below comment-level \(error\)/);
  });

  it('every inline comment leads with one line, and a suggestion block comes right after it', () => {
    for (const c of gh.state.reviewComments) {
      const lines = c.body.split('\n');
      const block = lines.indexOf('```suggestion');
      if (block >= 0) expect(block).toBe(2); // the lead line, a blank line, the block
      const dom = renderGfm(c.body);
      const first = dom.childNodes.find((n) => n.toString().trim() !== '')!.toString();
      expect(first).toMatch(/^<p><strong>(Error|Warning|Info)<\/strong> · /);
      expect(first).toMatch(
        / · (one-click fix below \((known fact|includes a (guess|behaviour change)[^)]*)\)|suggested change below \(a (guess|behaviour change)[^)]*\)|no suggested change)<\/p>$/,
      );
      const elements = dom.childNodes.filter((n) => 'tagName' in n) as unknown as { tagName: string; toString(): string }[];
      if (block >= 0) {
        expect(elements[1]!.tagName).toBe('PRE');
        expect(elements[1]!.toString()).toMatch(/^<pre><code class="language-suggestion">/);
        // The explanations are folded after the suggestion.
        expect(elements[2]!.tagName).toBe('DETAILS');
        expect(dom.querySelector('details > summary')!.text).toMatch(/^Details: \d+ findings? — [a-z-]+(, [a-z-]+)*$/);
        expect(dom.querySelector('details')!.querySelectorAll('li').length).toBeGreaterThan(0);
      } else {
        expect(dom.querySelector('ul')).not.toBeNull(); // the messages, unfolded
        expect(dom.querySelector('details > summary')?.text).toBe('How to fix it, and why');
      }
      // Nothing interpreted by accident: no stray emphasis, heading or link apart from the docs links.
      expect(dom.querySelectorAll('h1, h2, h3, em').length).toBe(0);
      for (const a of dom.querySelectorAll('a'))
        expect(a.getAttribute('href')).toMatch(/^https:\/\/github\.com\/kube-immutable\/kube-immutable\/blob\/main\/policies\/[a-z-]+\.md$/);
    }
  });

  it('the review body is a lead line, a table, the reasons once, and folded patches', () => {
    const body = gh.state.reviews[0]!.body;
    const dom = renderGfm(body);
    const lead = dom.querySelector('p')!;
    expect(lead.toString()).toMatch(
      /^<p><strong>kube-immutable<\/strong> · \d+ findings \(\d+ errors?, \d+ warnings?, \d+ info\) in 8 files; .* · \d+ new inline comments?.*; \d+ entr(y|ies) in the table below\.<\/p>$/,
    );
    const tables = dom.querySelectorAll('table');
    expect(tables).toHaveLength(1);
    expect(tables[0]!.querySelectorAll('thead th').map((th) => th.text)).toEqual(['Severity', 'Where', 'Object', 'Policies', 'Not inline']);
    const rows = tables[0]!.querySelectorAll('tbody tr');
    const entries = Number(/; (\d+) entr(?:y|ies) in the table below/.exec(lead.text)![1]);
    expect(rows).toHaveLength(entries);
    // Each row names its reason by number; each reason is said once, in the list under the table.
    const reasons = dom.querySelectorAll('ol > li').map((li) => li.text);
    expect(new Set(reasons).size).toBe(reasons.length);
    for (const r of rows) {
      const n = Number(r.querySelectorAll('td')[4]!.text);
      expect(n).toBeGreaterThanOrEqual(1);
      expect(n).toBeLessThanOrEqual(reasons.length);
      expect(r.querySelectorAll('td')[1]!.querySelector('a')!.getAttribute('href')).toMatch(
        new RegExp(`^https://github\\.com/octo-org/deployments/blob/${fx.headSha}/k8s/`),
      );
    }
    // The reason is never repeated per row (issue #18).
    expect(body.match(/comment-level/g)!.length).toBe(1);
    // Patches of rows that have one are folded diffs.
    const folded = dom.querySelectorAll('details');
    expect(folded.length).toBe(rows.filter((r) => r.text.includes('patch below')).length);
    for (const d of folded) {
      expect(d.querySelector('summary')!.text).toMatch(/^Patch for k8s\/\S+:\d+ · .+ \((known fact|guess|behaviour change)\)$/);
      expect(d.querySelector('pre > code.language-diff')!.text).toMatch(/^--- a\/k8s\//);
    }
  });

  it('the job summary renders with its heading, counts table and findings table', () => {
    const dom = renderGfm(run.summary);
    expect(dom.querySelector('h2')!.text).toBe('kube-immutable');
    const heads = dom.querySelectorAll('table').map((t) => t.querySelectorAll('thead th').map((th) => th.text));
    expect(heads).toContainEqual(['Policy', 'Errors', 'Warnings', 'Info', 'Total']);
    expect(heads).toContainEqual(['Severity', 'Policy', 'Message', 'Location']);
    expect(dom.querySelectorAll('details > summary').length).toBeGreaterThan(0);
  });
});
