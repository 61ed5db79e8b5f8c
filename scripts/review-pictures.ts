/**
 * `npm run pictures`: the README's pictures of a review (issue #18), rendered locally. Builds the
 * bundle into a temporary folder, runs the action (as test/e2e does: a local GitHub API server,
 * a git fixture) on the pull request of test/e2e/review-pr.ts with the default inputs, renders
 * one inline review comment, the review body and the job summary as GitHub-flavoured Markdown
 * (micromark + GFM) into HTML pages with a small GitHub-like stylesheet of ours, and screenshots
 * them with headless Chromium (Debian's `chromium` package: `apt-get install chromium`) into
 * docs/images/review-comment.png, review-body.png and job-summary.png (the HTML beside them in
 * a temporary folder). A local rendering: GitHub's own styles differ in detail.
 *
 * Options: `--chromium <path>` (default `chromium`, then `chromium-browser`, on PATH),
 * `--out <folder>` (default docs/images).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({ options: { chromium: { type: 'string' }, out: { type: 'string' } } });
const root = resolve('.');
const out = resolve(args.out ?? 'docs/images');
const work = mkdtempSync(join(tmpdir(), 'ki-pictures-'));

/** The first of the candidates that runs (`--version`), or an Error naming them. */
function findChromium(): string {
  const candidates = args.chromium ? [args.chromium] : ['chromium', 'chromium-browser'];
  for (const c of candidates) {
    try {
      execFileSync(c, ['--version'], { stdio: 'pipe' });
      return c;
    } catch {
      // next
    }
  }
  throw new Error(`no Chromium found (tried ${candidates.join(', ')}): apt-get install chromium, or pass --chromium <path>`);
}

/** The page around rendered Markdown: GitHub-like type, tables, code blocks, and a note that this is a local rendering. */
function page(title: string, html: string, width: number): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title><style>
body{margin:0;background:#f6f8fa;font:14px/1.5 -apple-system,"Segoe UI","Noto Sans",Helvetica,Arial,sans-serif;color:#1f2328}
.frame{width:${width}px;margin:16px;border:1px solid #d1d9e0;border-radius:6px;background:#fff}
.head{padding:8px 16px;border-bottom:1px solid #d1d9e0;background:#f6f8fa;font-size:13px;color:#59636e}
.head b{color:#1f2328}.body{padding:8px 16px}
code,pre{font:12px/1.45 ui-monospace,SFMono-Regular,"DejaVu Sans Mono",Menlo,monospace}
:not(pre)>code{padding:.2em .4em;background:#eff1f3;border-radius:6px}
pre{padding:12px;background:#f6f8fa;border-radius:6px;overflow:auto}
pre code.language-suggestion{display:block;background:#dafbe1}
table{border-collapse:collapse;display:block;overflow:auto}th,td{border:1px solid #d1d9e0;padding:4px 10px}th{background:#f6f8fa}
details summary{cursor:pointer;color:#0969da}a{color:#0969da;text-decoration:none}
.note{margin:0 16px 16px;font-size:12px;color:#59636e}
</style></head><body><div class="frame"><div class="head"><b>kube-immutable</b> · ${title}</div><div class="body">${html}</div></div>
<p class="note">Local rendering (micromark + GFM, our stylesheet) of what the action posted in test/e2e/review-rendered.test.ts's pull request; GitHub's styles differ in detail.</p></body></html>`;
}

async function main(): Promise<void> {
  const chromium = findChromium();
  const bundle = join(work, 'bundle');
  execFileSync(process.execPath, ['scripts/build.mjs', '--outdir', bundle], { cwd: root, stdio: 'inherit' });
  process.env.KI_TEST_BUNDLE = bundle;
  // Loaded after KI_TEST_BUNDLE is set: test/bundle.ts reads it when imported.
  const [{ createPullRequestFixture }, { startGitHubApiServer }, { runAction }, { gfmToHtml, reviewPullRequestFiles }] = await Promise.all([
    import('../test/github-api/fixture.js'),
    import('../test/github-api/server.js'),
    import('../test/e2e/helpers.js'),
    import('../test/e2e/review-pr.js'),
  ]);
  const fx = createPullRequestFixture({ base: { 'README.md': '# deployments\n' }, head: reviewPullRequestFiles() });
  const gh = await startGitHubApiServer(fx.state());
  try {
    const run = await runAction(fx, gh);
    const review = gh.state.reviews[0];
    if (!review) throw new Error(`the action posted no review (exit ${run.code}):\n${run.stderr}${run.stdout}`);
    // The comment shown: the first with a suggestion (the one-click fix a person applies).
    const comment = gh.state.reviewComments.find((c) => c.body.includes('\n```suggestion\n')) ?? gh.state.reviewComments[0];
    if (!comment) throw new Error('the review has no inline comment');
    mkdirSync(out, { recursive: true });
    const pictures: [string, string, string, number][] = [
      ['review-comment', `review comment on ${comment.path} line ${comment.line ?? ''}`, comment.body, 760],
      ['review-body', 'review body', review.body, 1000],
      ['job-summary', 'job summary', run.summary, 1000],
    ];
    for (const [name, title, markdown, width] of pictures) {
      const html = join(work, `${name}.html`);
      writeFileSync(html, page(title, gfmToHtml(markdown), width));
      const png = join(out, `${name}.png`);
      execFileSync(
        chromium,
        [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--hide-scrollbars',
          `--window-size=${width + 40},${name === 'review-comment' ? 480 : 1400}`,
          `--screenshot=${png}`,
          `file://${html}`,
        ],
        { stdio: 'pipe' },
      );
      console.log(`wrote ${png}`);
    }
  } finally {
    await gh.close();
    fx.cleanup();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
