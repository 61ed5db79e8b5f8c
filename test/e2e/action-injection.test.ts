/**
 * Markdown and HTML injection end to end: a pull request controls file paths, resource and
 * container names, images and annotation values. What the local GitHub server RECEIVED (review
 * body, inline comments) and the job summary must render those as literal text: no HTML, no
 * link, no @mention, no #reference, and no suggestion fence closed from inside.
 */
import { run } from '../../src/engine/index.js';
import { SEED_CONFIG } from '../cli/helpers.js';
import { createPullRequestFixture } from '../github-api/fixture.js';
import { startGitHubApiServer } from '../github-api/server.js';
import { seedPolicies } from '../seed-policies.js';
import { renderedTags } from '../gfm-render.js';
import { applySuggestion, expectNothingLost, runAction, suggestionOf } from './helpers.js';

const EVIL = '<img src=x onerror=alert(1)> [x](javascript:alert(1)) @org/team #123 `tick`';
const HOSTILE_PATH = 'k8s/@org team #123 `tick` <img src=x onerror=alert(1)> [x](javascript:alert(1)).yaml';
const ODD_PATH = '-odd name ü.yaml';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: "web <img src=x onerror=alert(1)>"
  annotations:
    note: "${EVIL.replace(/"/g, '\\"')} \`\`\`\`\`\` fence"
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: "app @org/team #123"
          image: "nginx:1.27](javascript:alert(1))"
          # a comment inside the suggestion's lines: \`\`\`\`
          args: ["\`\`\`", "\`\`\`\`\`\`\`\`"]
`;

/** The prose of GitHub Markdown: fenced blocks, code spans and our hidden markers removed (they render literally). */
function proseOf(md: string): string {
  let out = md.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, '');
  out = out.replace(/(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, '');
  return out.replace(/<!-- kube-immutable:[^>]*? -->/g, '');
}

/** The elements kube-immutable's own Markdown renders to (a link is checked by its destination below). */
const OUR_ELEMENTS = new Set([
  'p',
  'ul',
  'ol',
  'li',
  'strong',
  'em',
  'code',
  'pre',
  'a',
  'blockquote',
  'h2',
  'h3',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'details',
  'summary',
  'br',
  'hr',
]);

/** What must never appear in rendered prose. */
function expectInert(md: string, where: string) {
  const prose = proseOf(md);
  const problems: string[] = [];
  // A `<` after an even number of backslashes is not escaped.
  const tags = [...prose.matchAll(/(?<=(?:^|[^\\])(?:\\\\)*)<\/?([a-zA-Z][\w-]*)/g)]
    .map((m) => m[1]!.toLowerCase())
    .filter((t) => !['details', 'summary'].includes(t));
  if (tags.length > 0) problems.push(`raw HTML tags: ${tags.join(', ')}`);
  // As GitHub renders it (CommonMark + GFM): only the elements our own Markdown makes.
  const rendered = renderedTags(md).filter((t) => !OUR_ELEMENTS.has(t));
  if (rendered.length > 0) problems.push(`rendered elements: ${rendered.join(', ')}`);
  // Inside an HTML block (our `<details><summary>` lines) Markdown is not rendered: only tags matter there.
  const markdown = prose
    .split('\n')
    .filter((l) => !/^<(details|summary)>/.test(l))
    .join('\n');
  if (/(?<!\\)\]\(\s*javascript:/i.test(markdown)) problems.push('a javascript: link');
  if (/(^|[^\w\\])@[A-Za-z0-9]/.test(prose)) problems.push('an @mention');
  if (/(^|[^\w&\\])#\d/.test(prose)) problems.push('a #reference');
  for (const m of markdown.matchAll(/(?<!\\)\[(?:\\.|[^\]\\])*(?<!\\)\]\(([^)\s]*)/g)) if (!/^https?:\/\//.test(m[1]!)) problems.push(`a link to ${m[1]}`);
  expect({ where, problems }).toEqual({ where, problems: [] });
}

describe('hostile names, images, annotation values and paths', () => {
  it('reach the review, its comments and the job summary escaped; suggestions keep their fence; paths with odd characters anchor', async () => {
    const fx = createPullRequestFixture({ base: { '.github/kube-immutable.yaml': SEED_CONFIG }, head: { [HOSTILE_PATH]: DEPLOYMENT, [ODD_PATH]: DEPLOYMENT } });
    const gh = await startGitHubApiServer(fx.state());
    try {
      const r = await runAction(fx, gh, { 'fail-level': 'none' });
      expect(gh.rejections).toEqual([]);
      expect(r.code).toBe(0);
      const engine = run(
        [
          { path: HOSTILE_PATH, text: DEPLOYMENT },
          { path: ODD_PATH, text: DEPLOYMENT },
        ],
        seedPolicies,
      );
      expectNothingLost(r, gh, engine.findings, { headSha: fx.headSha, failLevel: 'none' });

      const comments = gh.state.reviewComments;
      expect(new Set(comments.map((c) => c.path))).toEqual(new Set([HOSTILE_PATH, ODD_PATH]));
      expect(gh.state.reviews).toHaveLength(1);
      expectInert(gh.state.reviews[0]!.body, 'review body');
      for (const c of comments) expectInert(c.body, `comment on ${c.path}:${c.line}`);
      expectInert(r.summary, 'job summary');
      // The hostile text is there, escaped (so a reader sees what the manifest says).
      expect(comments.some((c) => c.body.includes('@\u200Borg/team #\u200B123'))).toBe(true);

      // Each suggestion's fence is longer than every backtick run inside, and applying the
      // suggestions gives exactly the engine's fixed file (nothing cut at a ``` inside).
      for (const path of [HOSTILE_PATH, ODD_PATH]) {
        let text = DEPLOYMENT;
        const withSuggestion = comments.filter((c) => c.path === path && suggestionOf(c.body) !== undefined).sort((a, b) => b.line! - a.line!);
        expect(withSuggestion.length).toBeGreaterThan(0);
        for (const c of withSuggestion) {
          const fence = /^(`{3,})suggestion$/m.exec(c.body)![1]!;
          const inner = suggestionOf(c.body)!;
          const longest = Math.max(0, ...[...inner.matchAll(/`+/g)].map((m) => m[0].length));
          expect(fence.length).toBeGreaterThan(longest);
          expect(inner).toContain('````````');
          text = applySuggestion(text, c.start_line ?? c.line!, c.line!, inner);
        }
        expect(text).toBe(engine.files.find((f) => f.path === path)!.fixedText);
      }
    } finally {
      await gh.close();
      fx.cleanup();
    }
  });

  it('the same names in annotations (read-only token): workflow-command escaping keeps each annotation one command', async () => {
    const fx = createPullRequestFixture({
      base: { '.github/kube-immutable.yaml': SEED_CONFIG },
      head: { [HOSTILE_PATH]: DEPLOYMENT.replace('name: "app @org/team #123"', 'name: "app%0A::error::forged,x=1"') },
      fork: true,
    });
    const gh = await startGitHubApiServer(fx.state());
    gh.state.readOnly = true;
    try {
      const r = await runAction(fx, gh, { 'fail-level': 'none' });
      expect(r.stdout).not.toMatch(/^::error::forged/m);
      expect(r.stdout).toContain('%250A::error::forged');
      expectInert(r.summary, 'job summary');
    } finally {
      await gh.close();
      fx.cleanup();
    }
  });
});
