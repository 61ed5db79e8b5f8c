/**
 * Markdown as GitHub renders it, for tests: CommonMark + GFM (tables, strikethrough, autolink
 * literals, task lists, footnotes, tag filter) with micromark, raw HTML let through so that any
 * HTML an escape failed to neutralise shows up as an element.
 */
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { parse } from 'node-html-parser';

/** `md` rendered to HTML (GFM, raw HTML kept). */
export function renderGfm(md: string): string {
  return micromark(md, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });
}

/** The lower-case tag names of every element `md` renders to, in document order. */
export function renderedTags(md: string): string[] {
  return parse(renderGfm(md))
    .querySelectorAll('*')
    .map((e) => e.tagName.toLowerCase());
}
