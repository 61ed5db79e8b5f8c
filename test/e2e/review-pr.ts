/**
 * The pull request of issue #18 ("a pull request that adds 8 manifests"): five Deployments of
 * Docker's example voting app (test/corpus/real, Apache-2.0) and the three bundled examples,
 * added under `k8s/` of a repository without a configuration file (the default policies). Used
 * by test/e2e/review-rendered.test.ts and by scripts/review-pictures.ts (the README's pictures).
 */
import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { renderGfm as renderGfmHtml } from '../gfm-render.js';

const ROOT = resolve('.');
const VOTING = 'test/corpus/real/dockersamples+example-voting-app/k8s-specifications';

/** The files the pull request adds: repository path → text. */
export function reviewPullRequestFiles(): Record<string, string> {
  const paths = [
    ...['db', 'redis', 'result', 'vote', 'worker'].map((n) => `${VOTING}/${n}-deployment.yaml`),
    'examples/nginx-deployment.yaml',
    'examples/postgres-statefulset.json',
    'examples/privileged-daemonset.yaml',
  ];
  return Object.fromEntries(paths.map((p) => [`k8s/${basename(p)}`, readFileSync(join(ROOT, p), 'utf8')]));
}

/** GitHub-flavoured Markdown rendered to HTML (test/gfm-render.ts: micromark + GFM, raw HTML kept, as GitHub keeps `<details>`). */
export const gfmToHtml = renderGfmHtml;

/**
 * {@link gfmToHtml} parsed into a DOM (node-html-parser) to check its structure; `<pre>` is parsed
 * as elements (node-html-parser keeps it as raw text by default), so `pre > code` can be found.
 */
export function renderGfm(markdown: string): HTMLElement {
  return parse(`<article>${gfmToHtml(markdown)}</article>`, { blockTextElements: { script: true, noscript: true, style: true } }).querySelector('article')!;
}
