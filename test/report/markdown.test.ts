import fc from 'fast-check';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { parse, type HTMLElement } from 'node-html-parser';
import { blobUrl, escapeHtml, escapeMarkdown, fence, fingerprintMarker, inlineCode, link, parseMarker, safeUrl } from '../../src/report/index.js';
import { showInvisible } from '../../src/report/markdown.js';

const ZWSP = '\u200B';
/** Markdown rendered as GitHub-flavoured Markdown (CommonMark + GFM), raw HTML let through so that it would show. */
const toHtml = (md: string) => micromark(md, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });
/** What the escaped text renders as in a paragraph: its text (entities decoded, ZWSPs dropped), or undefined when the result is not one plain `<p>`. */
const rendered = (md: string): string | undefined => {
  const elements = parse(toHtml(md)).querySelectorAll('*');
  if (elements.length !== 1 || elements[0]!.tagName !== 'P') return undefined;
  return elements[0]!.text.replaceAll(ZWSP, '');
};

describe('escapeMarkdown', () => {
  const hostile = [
    '<img src=x onerror=alert(1)>',
    '@org/team please look',
    'fixes #1 and owner/repo#12 and GH-7',
    'see https://evil.example/x and www.evil.example',
    '**bold** _it_ [link](http://x) ![img](http://y) `code` ~~s~~ $x$',
    '<!-- comment --> &amp; <script>alert(1)</script>',
    '| a | b |',
    'line1\nline2\r\nline3',
    'a\\b',
  ];

  it.each(hostile)('renders %j as the literal text', (s) => {
    expect(rendered(escapeMarkdown(s))).toBe(s.replace(/\r?\n/g, ' '));
  });

  it('leaves no HTML, no raw markup characters and no line breaks', () => {
    for (const s of hostile) {
      const e = escapeMarkdown(s);
      expect(e).not.toMatch(/[\n\r]/);
      expect(e).not.toMatch(/(^|[^\\])</); // every `<` here opens something: escaped
      // Every character that is markup wherever it stands is escaped (preceded by a backslash).
      expect(e.replace(/\\[\\`*_[\]|~$<&]/g, '')).not.toMatch(/[`*[\]|~$]/);
    }
    expect(escapeMarkdown('<img src=x onerror=alert(1)>')).toBe('\\<img src=x onerror=alert(1)>');
    expect(escapeMarkdown('<!-- comment --> &amp; <script>alert(1)</script>')).toBe('\\<!-- comment --> \\&amp; \\<script>alert(1)\\</script>');
  });

  it('neutralises mentions, references and links with a zero-width space', () => {
    expect(escapeMarkdown('@org/team')).toBe(`@${ZWSP}org/team`);
    expect(escapeMarkdown('#1')).toBe(`#${ZWSP}1`);
    expect(escapeMarkdown('owner/repo#12')).toBe(`owner/repo#${ZWSP}12`);
    expect(escapeMarkdown('GH-123')).toBe(`GH${ZWSP}-123`);
    expect(escapeMarkdown('https://evil.example')).toBe(`https:${ZWSP}//evil.example`);
    expect(escapeMarkdown('www.evil.example')).toBe(`www${ZWSP}.evil.example`);
    // GFM autolinks `www.` after `_`, `*`, `~` or `(` too.
    expect(escapeMarkdown('x _www.evil.example')).toBe(`x \\_www${ZWSP}.evil.example`);
    expect(escapeMarkdown('(GH-1)')).toBe(`(GH${ZWSP}-1)`);
    // An e-mail address is not left as a@b.
    expect(escapeMarkdown('a@b.example')).toContain(`@${ZWSP}b`);
  });
});

describe('bidi controls and zero-width characters', () => {
  const BIDI = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C'];
  const ZERO_WIDTH = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF'];
  const hex = (c: string) => c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');

  it.each([...BIDI, ...ZERO_WIDTH].map((c) => [hex(c), c]))('U+%s in a name is shown, escaped, in Markdown, HTML and code spans', (h, c) => {
    const name = `app${c}exe.gpj`;
    expect(escapeMarkdown(name)).toBe(`app\\<U+${h}>exe.gpj`);
    expect(rendered(escapeMarkdown(name))).toBe(`app<U+${h}>exe.gpj`);
    expect(escapeHtml(name)).toBe(`app&lt;U+${h}>exe.gpj`);
    expect(inlineCode(name)).toBe(`\` app<U+${h}>exe.gpj \``);
  });

  it('leaves none of them in escaped text, and our own zero-width spaces (autolink breaks) are the only ones', () => {
    const hostile = `@org/team ${BIDI.join('')} #${ZERO_WIDTH.join('')}1 \u202Etxt.exe`;
    const e = escapeMarkdown(hostile);
    expect(e).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200c-\u200f\u061c\u2060\ufeff]/);
    expect(e.match(/\u200B/g)).toHaveLength(1); // the one after "@" that breaks the mention
    expect(escapeHtml(hostile)).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200c-\u200f\u061c\u2060\ufeff]/);
    expect(inlineCode(hostile)).not.toMatch(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c\u2060\ufeff]/);
  });

  it('control characters (ESC, NUL, C1) are shown too; tabs stay', () => {
    expect(escapeMarkdown('a\x1b[31mb\0c\x85d\te')).toBe('a\\<U+001B>\\[31mb\\<U+0000>c\\<U+0085>d\te');
  });

  it('a suggestion fence keeps its content exactly (it is the file text)', () => {
    expect(fence('name: a\u202Eb', 'suggestion')).toBe('```suggestion\nname: a\u202Eb\n```');
  });
});

describe('escapeHtml', () => {
  it('escapes tags and quotes and neutralises mentions', () => {
    expect(escapeHtml(`<b title="x">'@me'</b>`)).toBe(`&lt;b title="x">'@${ZWSP}me'&lt;/b>`);
    expect(escapeHtml('R&D &amp; <!-- x -->')).toBe('R&amp;D &amp;amp; &lt;!-- x -->');
  });
});

describe('inlineCode', () => {
  it('uses a fence longer than any backtick run, padded', () => {
    expect(inlineCode('abc')).toBe('` abc `');
    expect(inlineCode('a`b')).toBe('`` a`b ``');
    expect(inlineCode('```')).toBe('```` ``` ````');
    expect(inlineCode('`x`')).toBe('`` `x` ``');
  });
  it('puts line breaks on one line and escapes pipes in tables', () => {
    expect(inlineCode('a\nb')).toBe('` a b `');
    expect(inlineCode('a|b', true)).toBe('` a\\|b `');
  });
});

describe('fence', () => {
  it('is at least three backticks, longer than any run in the content', () => {
    expect(fence('a: 1', 'suggestion')).toBe('```suggestion\na: 1\n```');
    expect(fence('x: "```"', 'suggestion')).toBe('````suggestion\nx: "```"\n````');
    expect(fence('`````', 'diff')).toBe('``````diff\n`````\n``````');
    expect(fence('', 'suggestion')).toBe('```suggestion\n\n```');
  });
  it('rejects an info string that could break the fence', () => {
    expect(() => fence('a', 'x`y')).toThrow(TypeError);
    expect(() => fence('a', 'a b')).toThrow(TypeError);
  });
});

describe('fingerprintMarker / parseMarker', () => {
  it('round-trips fingerprints, the fix id and the line', () => {
    const m = fingerprintMarker({ fingerprint: ['0123456789abcdef', 'fedcba9876543210'], fixId: '89ebe470f7558060', line: 22 });
    expect(m).toBe('<!-- kube-immutable:fp=0123456789abcdef,fedcba9876543210;fix=89ebe470f7558060;line=22 -->');
    expect(parseMarker(`some text\n\n${m}\n`)).toEqual({ fingerprints: ['0123456789abcdef', 'fedcba9876543210'], fixId: '89ebe470f7558060', line: 22 });
    expect(parseMarker(fingerprintMarker({ fingerprint: 'abc' }))).toEqual({ fingerprints: ['abc'] });
  });
  it('encodes odd values so they cannot end the comment or split fields', () => {
    const m = fingerprintMarker({ fingerprint: ['a,b;c=d-->'], fixId: 'x -->' });
    expect(m.match(/-->/g)).toHaveLength(1);
    expect(parseMarker(m)).toEqual({ fingerprints: ['a,b;c=d-->'], fixId: 'x -->' });
  });
  it('returns undefined for foreign comments', () => {
    expect(parseMarker('LGTM')).toBeUndefined();
    expect(parseMarker('<!-- other-tool:fp=1 -->')).toBeUndefined();
    expect(parseMarker('<!-- kube-immutable:fp= -->')).toBeUndefined();
  });
});

describe('links', () => {
  it('accepts only http(s) URLs and encodes parentheses', () => {
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl('https://x.example/a b')).toBeUndefined();
    expect(safeUrl('https://x.example/a(b)')).toBe('https://x.example/a%28b%29');
    expect(link('[x]', 'javascript:alert(1)')).toBe('\\[x\\]');
  });
  it('builds blob URLs with encoded path segments', () => {
    expect(blobUrl('https://github.com/o/r', 'abc', 'dir/my file(1).yaml', 7)).toBe('https://github.com/o/r/blob/abc/dir/my%20file%281%29.yaml#L7');
  });
});

describe('escapeMarkdown escapes only what Markdown or HTML would interpret', () => {
  it.each([
    'Deployment/default/web-app',
    'nginx:1.25.3',
    '(see docs).',
    'my_app_name',
    'a.b-c+d=e!',
    'R & D, R&1 50% {x} "q" \'q\' ^1 :tada: a > b < c',
    'C:\\Users\\x',
  ])('%j stays plain', (s) => {
    expect(escapeMarkdown(s)).toBe(s);
  });

  it.each([
    ['- item', '\\- item'],
    ['+ item', '\\+ item'],
    ['-flag', '-flag'],
    ['# title', '\\# title'],
    ['#tag', '#tag'],
    ['> quote', '\\> quote'],
    ['1. first', '1\\. first'],
    ['2) second', '2\\) second'],
    ['1.25', '1.25'],
    ['---', '\\---'],
    ['-- -', '\\-- -'],
    ['===', '\\==='],
    [':-:', '\\:-:'],
    ['title #', 'title \\#'],
    ['C#', 'C#'],
    ['    indented', 'indented'],
    ['_x_ __y__ a_b', '\\_x\\_ \\_\\_y\\_\\_ a_b'],
    ['a_', 'a\\_'],
    ['&copy; &#169; & x', `\\&copy; \\&#${ZWSP}169; & x`],
    ['<b> < b', '\\<b> < b'],
    ['a\\*', 'a\\\\\\*'],
    ['end\\', 'end\\\\'],
    ['$x$', '\\$x\\$'],
  ])('%j becomes %j', (s, e) => {
    expect(escapeMarkdown(s)).toBe(e);
  });

  /** The elements of rendered HTML, and the text (entities decoded, ZWSPs dropped) of the one expected at `tag`. */
  function only(md: string, tags: readonly string[]): { tags: string[]; text: string | undefined } {
    const root = parse(toHtml(md));
    const all = root.querySelectorAll('*');
    const leaf: HTMLElement | undefined = all.find((e) => e.tagName === tags[tags.length - 1]!.toUpperCase());
    return { tags: all.map((e) => e.tagName.toLowerCase()), text: leaf?.text.replaceAll(ZWSP, '') };
  }

  /** ASCII punctuation, letters, digits, blanks, and some Unicode (accents, CJK, a symbol, a combining mark, an emoji, NBSP, bidi and zero-width characters, line breaks). */
  const ALPHABET = [
    ...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'.split(''),
    ...'aAzZgGhHwWU019'.split(''),
    ' ',
    ' ',
    '\t',
    ...['é', '中', '€', '—', '\u0301', '🙂', '\u00a0', '\u202e', '\u200b', '\n', '\r\n'],
  ];
  /** Pieces that make structure more likely than random characters do. */
  const TOKENS = [
    'www.',
    'http://',
    'https://x.example',
    'a@b.example',
    '@org/team',
    '#1',
    'GH-2',
    '1.',
    '2)',
    '---',
    '***',
    '___',
    '===',
    ':-:',
    '- ',
    '+ ',
    '> ',
    '# ',
    ' #',
    '    ',
    '<a>',
    '</a>',
    '<!--',
    '<?',
    '<!X',
    '<![CDATA[',
    '<x@y.z>',
    '&amp;',
    '&#65;',
    '&#x41;',
    '[x]',
    '[^1]',
    '[ ] ',
    '](u)',
    '![',
    '`',
    '``',
    '~~',
    '$$',
    '**',
    '__',
    '\\',
    ':tada:',
    'my_app',
  ];
  const mixed = fc
    .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ALPHABET) }, { weight: 1, arbitrary: fc.constantFrom(...TOKENS) }), { maxLength: 24 })
    .map((a) => a.join(''));
  /** Short strings of block-marker characters: thematic breaks, setext underlines, table delimiter rows, list markers. */
  const markers = fc
    .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom('-', ':', '=') }, { weight: 1, arbitrary: fc.constantFrom(...' \t#1.)+>*_`~'.split('')) }), {
      maxLength: 6,
    })
    .map((a) => a.join(''));
  const text = fc.oneof({ weight: 2, arbitrary: mixed }, { weight: 1, arbitrary: markers });
  /** What a reader sees: one line, invisible characters shown, outer blanks dropped (they never render). */
  const visible = (s: string) =>
    showInvisible(s.replace(/\r\n|[\r\n\u2028\u2029]/g, ' '))
      .replace(/^[ \t]+/, '')
      .replace(/[ \t]+$/, '');
  const runs = { numRuns: 600, seed: 18 };

  it('renders as the literal text in a paragraph, with no element but the <p>', () => {
    fc.assert(
      fc.property(text, (s) => {
        const e = escapeMarkdown(s);
        const v = visible(s);
        expect(only(e, ['p'])).toEqual(v === '' ? { tags: [], text: undefined } : { tags: ['p'], text: v });
        // GitHub's math ($…$, $$) is not in micromark: every `$` is escaped by rule.
        expect(e).not.toMatch(/(^|[^\\])(\\\\)*\$/);
      }),
      runs,
    );
  });

  it('renders as the literal text on a paragraph line after another one (no setext heading, no table)', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(only(`lead\n${escapeMarkdown(s)}`, ['p'])).toEqual({ tags: ['p'], text: `lead\n${visible(s)}`.replace(/\n$/, '') });
      }),
      runs,
    );
  });

  it('renders as the literal text in a list item', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(only(`- ${escapeMarkdown(s)}`, ['ul', 'li'])).toEqual({ tags: ['ul', 'li'], text: visible(s) });
      }),
      runs,
    );
  });

  it('renders as the literal text in a table cell (header and body)', () => {
    fc.assert(
      fc.property(text, (s) => {
        const e = escapeMarkdown(s);
        const body = only(`| h |\n| - |\n| ${e} |`, ['td']);
        expect(body).toEqual({ tags: ['table', 'thead', 'tr', 'th', 'tbody', 'tr', 'td'], text: visible(s) });
        const head = only(`| ${e} |\n| - |`, ['th']);
        expect(head).toEqual({ tags: ['table', 'thead', 'tr', 'th'], text: visible(s) });
      }),
      runs,
    );
  });

  it('renders as the literal text in a heading, a link text and the caller’s emphasis', () => {
    fc.assert(
      fc.property(text, (s) => {
        const e = escapeMarkdown(s);
        expect(only(`## ${e}`, ['h2'])).toEqual({ tags: ['h2'], text: visible(s) });
        if (e !== '') expect(only(`[${e}](https://x.example/)`, ['p', 'a'])).toEqual({ tags: ['p', 'a'], text: visible(s) });
        expect(only(`_Exempted by ${e}: why_`, ['p', 'em'])).toEqual({ tags: ['p', 'em'], text: `Exempted by ${visible(s)}: why` });
      }),
      runs,
    );
  });
});

describe('escapeHtml inside <summary> (no Markdown there)', () => {
  it('shows the literal text, with no element but the <details> and <summary>', () => {
    const chars = fc.constantFrom(
      ...'<>&"\';#@/!?-=:abcAZ09 '.split(''),
      '<a>',
      '&amp;',
      '&#65;',
      '<!--',
      '-->',
      '</summary>',
      '</details>',
      '\u202e',
      '\n',
      '**',
    );
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 20 }), (a) => {
        const s = a.join('');
        const html = toHtml(`<details><summary>${escapeHtml(s)}</summary>\n\nbody\n\n</details>`);
        const root = parse(html);
        expect(root.querySelectorAll('*').map((e) => e.tagName.toLowerCase())).toEqual(['details', 'summary', 'p']);
        expect(root.querySelector('summary')!.text.replaceAll(ZWSP, '')).toBe(showInvisible(s.replace(/\r\n|[\r\n]/g, ' ')));
      }),
      { numRuns: 500, seed: 18 },
    );
  });
});
