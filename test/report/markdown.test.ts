import { blobUrl, escapeHtml, escapeMarkdown, fence, fingerprintMarker, inlineCode, link, parseMarker, safeUrl } from '../../src/report/index.js';

const ZWSP = '\u200B';
/** What the escaped text renders as: backslash escapes and entities undone, ZWSPs dropped. */
const rendered = (md: string) =>
  md
    .replace(/\\([\\`*_{}[\]()#+\-.!|~$^=])/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replaceAll(ZWSP, '');

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
      expect(e).not.toMatch(/[<>\n\r]/);
      // Every markup character is escaped (preceded by a backslash).
      expect(e.replace(/\\[\\`*_{}[\]()#+\-.!|~$^=]/g, '')).not.toMatch(/[`*_[\]()|~$]/);
    }
    expect(escapeMarkdown('<img src=x onerror=alert(1)>')).toBe('&lt;img src\\=x onerror\\=alert\\(1\\)&gt;');
  });

  it('neutralises mentions, references and links with a zero-width space', () => {
    expect(escapeMarkdown('@org/team')).toBe(`@${ZWSP}org/team`);
    expect(escapeMarkdown('#1')).toBe(`\\#${ZWSP}1`);
    expect(escapeMarkdown('owner/repo#12')).toBe(`owner/repo\\#${ZWSP}12`);
    expect(escapeMarkdown('GH-123')).toBe(`GH${ZWSP}\\-123`);
    expect(escapeMarkdown('https://evil.example')).toBe(`https:${ZWSP}//evil\\.example`);
    expect(escapeMarkdown('www.evil.example')).toContain(`www${ZWSP}\\.`);
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
    expect(escapeMarkdown(name)).toBe(`app&lt;U\\+${h}&gt;exe\\.gpj`);
    expect(rendered(escapeMarkdown(name))).toBe(`app<U+${h}>exe.gpj`);
    expect(escapeHtml(name)).toBe(`app&#60;U+${h}&#62;exe.gpj`);
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
    expect(escapeMarkdown('a\x1b[31mb\0c\x85d\te')).toBe('a&lt;U\\+001B&gt;\\[31mb&lt;U\\+0000&gt;c&lt;U\\+0085&gt;d\te');
  });

  it('a suggestion fence keeps its content exactly (it is the file text)', () => {
    expect(fence('name: a\u202Eb', 'suggestion')).toBe('```suggestion\nname: a\u202Eb\n```');
  });
});

describe('escapeHtml', () => {
  it('escapes tags and quotes and neutralises mentions', () => {
    expect(escapeHtml(`<b title="x">'@me'</b>`)).toBe(`&#60;b title=&#34;x&#34;&#62;&#39;@${ZWSP}me&#39;&#60;/b&#62;`);
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
