import { findingCommand, findingLine, formatGithub, formatText, neutraliseTerminal, planAnnotations, safeLine, safeText } from '../../src/report/index.js';
import { DANGEROUS, HOSTILE_POD, scan } from './helpers.js';

const HOSTILE_PATH = 'deploy/\x1b[31mred\n::warning::forged.yaml';

describe('safeText / safeLine', () => {
  it('shows control, bidi and zero-width characters as escapes, one line, other text unchanged', () => {
    expect(safeText('a\x1b[31mb\nc\rd\te\0f\x07g\x7fh\x85i')).toBe('a\\e[31mb\\nc\\rd\\te\\0f\\ag\\x7fh\\x85i');
    expect(safeText('\u202Eabc\u2066\u200B\uFEFF\u061C\u2028')).toBe('\\u{202E}abc\\u{2066}\\u{200B}\\u{FEFF}\\u{061C}\\u{2028}');
    expect(safeText('plain ü 名前 \\ back')).toBe('plain ü 名前 \\ back');
    expect(safeText('a\tb', { keepTabs: true })).toBe('a\tb');
    expect(safeText('a\nb\x1b', { keepLineBreaks: true })).toBe('a\nb\\e');
  });

  it('a line can never start a workflow command (::, or the older ##[), blanks before it included', () => {
    expect(safeLine('::error::x')).toBe('\\x3a:error::x');
    expect(safeLine('   ::set-output name=a::b')).toBe('   \\x3a:set-output name=a::b');
    expect(safeLine('##[error]x')).toBe('\\x23#[error]x');
    expect(safeLine('a ::error::x')).toBe('a ::error::x');
    expect(neutraliseTerminal('x\n::error::forged')).toBe('x\\n::error::forged');
    expect(neutraliseTerminal('::stop-commands::tok')).toBe('\\x3a:stop-commands::tok');
  });
});

describe('terminal formats with hostile names, images and paths', () => {
  const files = [{ path: HOSTILE_PATH, text: HOSTILE_POD }];
  const result = scan(files);

  it('has findings that embed the hostile strings', () => {
    expect(result.findings.length).toBeGreaterThan(0);
    expect(result.findings.some((f) => f.message.includes('\x1b') || f.message.includes('\n'))).toBe(true);
  });

  it('text: no ESC, newline, bidi or zero-width character from the input, no line starting a workflow command', () => {
    for (const verbose of [false, true]) {
      const out = formatText(result, files, { verbose });
      const lines = out.replace(/\n$/, '').split('\n');
      for (const l of lines) {
        expect({ l, dangerous: DANGEROUS.test(l) }).toEqual({ l, dangerous: false });
        expect(l).not.toMatch(/^\s*(::|##\[)/);
      }
      expect(out).toContain('deploy/\\e[31mred\\n::warning::forged.yaml:');
      expect(out).toContain('app\\n::error file=x::forged\\r\\u{202E}gpj.exe\\u{200B}\\x85');
    }
    // With colour on, the only ESC sequences are our own colours.
    const coloured = formatText(result, files, { color: true });
    for (const l of coloured.replace(/\n$/, '').split('\n')) expect(l.replace(/\x1b\[\d+m/g, '')).not.toMatch(DANGEROUS);
  });

  it('findingLine (fix --dry-run, the step log): one safe line', () => {
    for (const f of result.findings) {
      const l = findingLine(f);
      expect(l).not.toMatch(DANGEROUS);
      expect(l).not.toMatch(/^\s*::/);
    }
  });

  it('workflow commands and annotations: one command each, ESC and bidi characters shown as escapes', () => {
    const out = formatGithub(result);
    for (const l of out.replace(/\n$/, '').split('\n')) {
      expect(l).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u200b]/);
      if (l.startsWith('::')) expect(l).toMatch(/^::(error|warning|notice) [^:]*(?:%3A[^:]*)*::/);
    }
    for (const f of result.findings) expect(findingCommand(f)).not.toContain('\x1b');
    for (const a of planAnnotations(result.findings).annotations) expect(a.message).not.toMatch(/[\x1b\u202e\u200b\x85]/);
  });
});
