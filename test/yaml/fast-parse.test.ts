/**
 * The fast reader (src/yaml/fast-parse.ts) is a fast path only: wherever it reads a text, its
 * documents, ranges, scalars and data must be those of the `yaml` library; everywhere else it
 * must give up. Compared on the whole corpus, on generated manifests, on seeded mutations of
 * the corpus (which produce plenty of invalid YAML) and on hand-picked edge cases.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { LineCounter } from 'yaml';
import { fastParseAll } from '../../src/yaml/fast-parse.js';
import { parseYaml } from '../../src/yaml/index.js';
import { deployment } from '../../scripts/bench-manifests.js';
import { generatedFileArb } from '../property/arbitraries.js';
import { compareFast } from './fast-compare.js';
import { CORPUS } from '../corpus-path.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function yamlFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yamlFiles(p, out);
    else if (/\.(ya?ml|json)$/i.test(name)) out.push(p);
  }
  return out;
}

const corpus = [...yamlFiles(CORPUS), ...yamlFiles(join(ROOT, 'examples'))].map((f) => ({ file: f, text: readFileSync(f, 'utf8') }));

const accepts = (text: string) => fastParseAll(text, new LineCounter()) !== undefined;

describe('fast reader', () => {
  it('reads the corpus exactly as the yaml library does, and most of it', () => {
    let accepted = 0;
    const differing: string[] = [];
    for (const { file, text } of corpus) {
      const c = compareFast(text);
      if (c.accepted) accepted++;
      if (c.differences.length > 0) differing.push(`${file}: ${c.differences.slice(0, 3).join('; ')}`);
    }
    expect(differing).toEqual([]);
    // The share it reads is what makes it worth having (785 of 1,049 files when written).
    expect(accepted / corpus.length).toBeGreaterThan(0.7);
  });

  it('reads the benchmark Deployments, one file of many documents', () => {
    const text = Array.from({ length: 50 }, (_, i) => deployment(i)).join('---\n');
    const c = compareFast(text);
    expect(c).toEqual({ accepted: true, differences: [] });
  });

  it('reads generated manifests of every style as yaml does, or gives up', () => {
    const sample = fc.sample(generatedFileArb, { numRuns: 400, seed: 7 });
    let accepted = 0;
    for (const g of sample) {
      const c = compareFast(g.text);
      expect(c.differences).toEqual([]);
      if (c.accepted) accepted++;
    }
    expect(accepted).toBeGreaterThan(0);
  });

  it('never reads a mutated corpus text differently from yaml (invalid YAML included)', () => {
    const bases = corpus.map((c) => c.text).filter((t) => t.length < 20_000 && accepts(t));
    const pieces = [
      ' ',
      '  ',
      '\n',
      ':',
      ': ',
      '- ',
      '-',
      '#',
      ' #',
      '"',
      "'",
      '|',
      '|-',
      '{}',
      '[]',
      '---\n',
      'x: y',
      '\\',
      '0',
      '~',
      'yes',
      '0x1F',
      '017',
      '1e3',
      '@',
      '%',
      '? ',
      ',',
      '&a ',
      '*a',
      '!t ',
      '\n  ',
      '\n- ',
      '\n#c\n',
      '"a\\nb"',
      "'it''s'",
    ];
    let seed = 20261121;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    let accepted = 0;
    const differing: string[] = [];
    for (let n = 0; n < 3000; n++) {
      let t = bases[Math.floor(rnd() * bases.length)]!;
      for (let i = 0, k = 1 + Math.floor(rnd() * 3); i < k; i++) {
        const at = Math.floor(rnd() * (t.length + 1));
        const r = rnd();
        if (r < 0.4) t = t.slice(0, at) + pieces[Math.floor(rnd() * pieces.length)] + t.slice(at);
        else if (r < 0.7) t = t.slice(0, at) + t.slice(at + 1 + Math.floor(rnd() * 3));
        else {
          const b = Math.floor(rnd() * t.length);
          t = t.slice(0, at) + t.slice(b, b + Math.floor(rnd() * 20)) + t.slice(at);
        }
      }
      const c = compareFast(t);
      if (c.accepted) accepted++;
      if (c.differences.length > 0) differing.push(`${JSON.stringify(t.slice(0, 300))}: ${c.differences.slice(0, 2).join('; ')}`);
    }
    expect(differing).toEqual([]);
    expect(accepted).toBeGreaterThan(500);
  });

  it.each([
    ['a tab', 'a:\tb\n'],
    ['CRLF line ends', 'a: 1\r\nb: 2\r\n'],
    ['a byte order mark', '\ufeffa: 1\n'],
    ['an anchor and an alias', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a merge key', 'base:\n  a: 1\nc:\n  <<: {}\n'],
    ['flow content', 'a: [1, 2]\n'],
    ['a flow map', 'a: {b: 1}\n'],
    ['a folded scalar', 'a: >\n  x\n'],
    ['a kept block scalar', 'a: |+\n  x\n'],
    ['an indentation indicator', 'a: |2\n   x\n'],
    ['a block scalar without a final line break', 'a: |\n  x'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a key that is not a string', '1: a\n'],
    ['a YAML 1.1 boolean key', 'yes: a\n'],
    ['a one-letter YAML 1.1 boolean key', 'y: a\n'],
    ['a multi-line plain scalar', 'a: one\n  two\n'],
    ['a nested mapping on one line', 'a: b: c\n'],
    ['an empty document', '---\n---\na: 1\n'],
    ['a directive', '%YAML 1.1\n---\na: 1\n'],
    ['a document end marker', 'a: 1\n...\n'],
    ['a comment after an empty value', 'a:\n# c\nb: 1\n'],
    ['a comment closing a nested map at its own column', 'a:\n  b: 1\n  # c\nz: 1\n'],
    ['a comment more indented than its map after a value', 'a:\n  b: 1\n    # c\n  d: 2\n'],
    ['a timestamp', 'a: 2001-12-14\n'],
    ['a compact nested sequence', '- - a\n'],
    ['a root scalar', 'just text\n'],
    ['a root at a column other than 0', '  a: 1\n'],
    ['content after ---', '--- a: 1\n'],
    ['an unknown escape', 'a: "\\q"\n'],
    ['a quoted scalar over two lines', 'a: "x\n  y"\n'],
    ['a lone surrogate', 'a: "\ud800"\n'],
    ['a key of more than 1024 characters', `${'k'.repeat(1100)}: v\n`],
    ['junk after a quoted scalar', 'a: "x" y\n'],
  ])('gives up on %s', (_what, text) => {
    expect(accepts(text)).toBe(false);
  });

  it.each([
    [
      'plain scalars of every YAML 1.1 type',
      'a: 1\nb: 0x1F\nc: 017\nd: 1e3\ne: .inf\nf: yes\ng: Off\nh: ~\ni: null\nj: 1_000\nk: 190:20:30\nl: -.5\nm: text # c\nnn: -Xmx1g\no: a:b\np: http://x/y#z\n',
    ],
    ['quoted scalars and keys', '"a": "x\\ty\\n\\u"\n\'b\': \'it\'\'s\'\nc: "\\\\ \\" \\/"\n'.replace('\\u"', '"')],
    ['empty values and items', 'a:\nb:   \nc:\n- \n-\nd: 1\n'],
    ['literal block scalars', 'a: |\n  one\n\n   two\nb: |-\n  x\n  \nc: 1\n'],
    ['empty flow collections', 'a: {}\nb: [] # c\nc:\n- {}\n'],
    ['indentless and indented sequences, compact maps', 'a:\n- x: 1\n  why:\n  - 2\nb:\n    - z\n    -\n      - w\n'],
    [
      'comments where they change no range',
      '# head\n---\n# before\na: 1 # t\n# between\nb:\n  # inside\n  c: 2\n# col 0 before a key\n  d: 3\n---\nz: 1\n# tail\n',
    ],
    ['documents with and without markers', 'a: 1\n---\nb: 2\n--- # c\nc: 3\n'],
    ['a last empty value', 'a:\n  b:\n'],
  ])('reads %s as yaml does', (_what, text) => {
    expect(compareFast(text)).toEqual({ accepted: true, differences: [] });
  });

  it('is what parseYaml uses, with the same documents as the yaml library', () => {
    const text = Array.from({ length: 3 }, (_, i) => deployment(i)).join('---\n');
    const fast = parseYaml(text);
    const plain = parseYaml(text, { fastReader: false });
    expect(fast.documents.map((d) => [d.data, d.span, d.hasErrors])).toEqual(plain.documents.map((d) => [d.data, d.span, d.hasErrors]));
    expect(fast.problems).toEqual(plain.problems);
    const name = (p: typeof fast) => p.documents[2]!.root!.at(['metadata', 'name'])!;
    expect(name(fast).range).toEqual(name(plain).range);
    expect(fast.position(text.length)).toEqual(plain.position(text.length));
  });

  it('leaves nesting past half the limit to the yaml library and its nesting-limit problem', () => {
    let text = '';
    for (let i = 0; i < 30; i++) text += `${'  '.repeat(i)}k${i}:\n`;
    text += `${'  '.repeat(30)}v: 1\n`;
    expect(fastParseAll(text, new LineCounter(), 40)).toBeDefined();
    expect(fastParseAll(text, new LineCounter(), 20)).toBeUndefined();
    expect(parseYaml(text, { maxNestingDepth: 20 }).problems.map((p) => p.code)).toEqual(['nesting-limit']);
  });
});
