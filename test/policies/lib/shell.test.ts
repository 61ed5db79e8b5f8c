/**
 * parseShell (policies/lib/shell.ts) on a table: a shell text -> its pipelines of simple commands
 * (each command's source text, its words with quotes removed, its redirections as [op, target]).
 * The rows pin today's behaviour, limits included (`${A:-x y}` is two words, a `)` in double
 * quotes inside `$(...)` ends it): the policies that read commands (no-runtime-mutation, the
 * package-install checks) rest on it.
 */
import { parseShell, type Pipeline, type SimpleCommand } from '../../../policies/lib/shell.js';

/** A simple command: its source text (trimmed), its words, its redirections as [op, target]. */
const c = (text: string, words: string[], redirects: [string, string][] = []): SimpleCommand => ({
  words,
  redirects: redirects.map(([op, target]) => ({ op, target })),
  text,
});

/** [name, shell text, pipelines]. */
const ROWS: [string, string, Pipeline[]][] = [
  // words and blanks
  ['empty text', '', []],
  ['only blanks', '   \t  ', []],
  ['one command', 'echo hi', [[c('echo hi', ['echo', 'hi'])]]],
  ['blanks around and between words; text trimmed', '  echo \t hi  ', [[c('echo \t hi', ['echo', 'hi'])]]],
  ['assignments are words', 'FOO=bar cmd arg', [[c('FOO=bar cmd arg', ['FOO=bar', 'cmd', 'arg'])]]],
  ['non-ASCII words', 'echo héllo wörld', [[c('echo héllo wörld', ['echo', 'héllo', 'wörld'])]]],
  ['braces are words', '{ a; b; }', [[c('{ a', ['{', 'a'])], [c('b', ['b'])], [c('}', ['}'])]]],
  // operators
  ['&& ends a pipeline', 'a && b', [[c('a', ['a'])], [c('b', ['b'])]]],
  ['|| ends a pipeline', 'a || b', [[c('a', ['a'])], [c('b', ['b'])]]],
  ['; ends a pipeline', 'a; b', [[c('a', ['a'])], [c('b', ['b'])]]],
  ['& ends a pipeline', 'a & b', [[c('a', ['a'])], [c('b', ['b'])]]],
  ['| joins commands into a pipeline', 'a | b', [[c('a', ['a']), c('b', ['b'])]]],
  ['|& joins like |', 'a |& b', [[c('a', ['a']), c('b', ['b'])]]],
  [';; is one operator', 'a ;; b', [[c('a', ['a'])], [c('b', ['b'])]]],
  ['operators without blanks', 'a&&b||c;d|e', [[c('a', ['a'])], [c('b', ['b'])], [c('c', ['c'])], [c('d', ['d']), c('e', ['e'])]]],
  ['mixed operators', 'a && b || c; d | e | f', [[c('a', ['a'])], [c('b', ['b'])], [c('c', ['c'])], [c('d', ['d']), c('e', ['e']), c('f', ['f'])]]],
  ['three-command pipeline without blanks', 'a|b|c', [[c('a', ['a']), c('b', ['b']), c('c', ['c'])]]],
  ['a newline ends a pipeline', 'a\nb', [[c('a', ['a'])], [c('b', ['b'])]]],
  ['CRLF line ends', 'a\r\nb', [[c('a', ['a'])], [c('b', ['b'])]]],
  ['parentheses end pipelines', '(cd /x && make)', [[c('cd /x', ['cd', '/x'])], [c('make', ['make'])]]],
  ['if/then/fi split on ;', 'if true; then echo y; fi', [[c('if true', ['if', 'true'])], [c('then echo y', ['then', 'echo', 'y'])], [c('fi', ['fi'])]]],
  [
    'for loop',
    'for i in 1 2; do echo $i; done',
    [[c('for i in 1 2', ['for', 'i', 'in', '1', '2'])], [c('do echo $i', ['do', 'echo', '$i'])], [c('done', ['done'])]],
  ],
  ['only operators: no command', '&&', []],
  ['only ;;', ';;', []],
  ['only |', '|', []],
  ['only ; and blanks', '  ;  ; ', []],
  // escapes
  ['backslash-newline continues the line', 'echo a \\\n  b', [[c('echo a \\\n  b', ['echo', 'a', 'b'])]]],
  ['continuation before an operator (text ends at the operator)', 'echo a\\\n&& b', [[c('echo a\\', ['echo', 'a'])], [c('b', ['b'])]]],
  ['escaped blank joins words', 'echo a\\ b', [[c('echo a\\ b', ['echo', 'a b'])]]],
  ['escaped $ and quotes', 'echo \\$HOME \\"x\\"', [[c('echo \\$HOME \\"x\\"', ['echo', '$HOME', '"x"'])]]],
  ['trailing backslash', 'echo a\\', [[c('echo a\\', ['echo', 'a'])]]],
  ['a lone trailing backslash is an empty word', 'echo \\', [[c('echo \\', ['echo', ''])]]],
  ['escaped operator is a word character', 'echo a\\;b \\| c', [[c('echo a\\;b \\| c', ['echo', 'a;b', '|', 'c'])]]],
  // single quotes
  ['quoted blanks and double quote', "echo 'a b' 'c\"d'", [[c("echo 'a b' 'c\"d'", ['echo', 'a b', 'c"d'])]]],
  ['quotes inside a word', "echo 'a'b'c'", [[c("echo 'a'b'c'", ['echo', 'abc'])]]],
  ['unterminated: to the end', "echo 'abc", [[c("echo 'abc", ['echo', 'abc'])]]],
  ['empty quotes are an empty word', "echo '' x", [[c("echo '' x", ['echo', '', 'x'])]]],
  ['no escapes inside', "echo 'a\\'", [[c("echo 'a\\'", ['echo', 'a\\'])]]],
  ['operators inside are text', "echo 'a && b; c | d'", [[c("echo 'a && b; c | d'", ['echo', 'a && b; c | d'])]]],
  // double quotes
  ['escaped double quote', 'echo "a \\" b"', [[c('echo "a \\" b"', ['echo', 'a " b'])]]],
  ['escapes of $ and \\ only; \\n stays', 'echo "\\$x \\\\ \\n"', [[c('echo "\\$x \\\\ \\n"', ['echo', '$x \\ \\n'])]]],
  ['backslash-newline inside is removed', 'echo "a\\\nb"', [[c('echo "a\\\nb"', ['echo', 'ab'])]]],
  ['substitution with its own quotes', 'echo "$(echo "x y")"', [[c('echo "$(echo "x y")"', ['echo', '$(echo "x y")'])]]],
  ['unterminated: to the end', 'echo "abc', [[c('echo "abc', ['echo', 'abc'])]]],
  ['empty quotes are an empty word', 'echo "" x', [[c('echo "" x', ['echo', '', 'x'])]]],
  ['mixed quoting in one word', 'echo "a"\'b\'c', [[c('echo "a"\'b\'c', ['echo', 'abc'])]]],
  ['trailing backslash inside', 'echo "a\\', [[c('echo "a\\', ['echo', 'a\\'])]]],
  ['unterminated substitution inside', 'echo "$(abc def', [[c('echo "$(abc def', ['echo', '$(abc def'])]]],
  ['operators inside are text', 'echo "a && b > c"', [[c('echo "a && b > c"', ['echo', 'a && b > c'])]]],
  // substitutions
  ['$(...) stays in its word', 'echo $(a; b) c', [[c('echo $(a; b) c', ['echo', '$(a; b)', 'c'])]]],
  ['nested $(...)', 'echo $(a $(b c)) d', [[c('echo $(a $(b c)) d', ['echo', '$(a $(b c))', 'd'])]]],
  ['single-quoted ) inside $(...)', "echo $(echo ')') x", [[c("echo $(echo ')') x", ['echo', "$(echo ')')", 'x'])]]],
  ['double-quoted ) inside $(...) ends it (not tracked)', 'echo $(echo ")") x', [[c('echo $(echo ")") x', ['echo', '$(echo ")) x'])]]],
  ['escaped ) inside $(...)', 'echo $(echo \\)) x', [[c('echo $(echo \\)) x', ['echo', '$(echo \\))', 'x'])]]],
  ['process substitutions at a word start', 'cat <(ls /) >(tee x)', [[c('cat <(ls /) >(tee x)', ['cat', '<(ls /)', '>(tee x)'])]]],
  ['< before ( inside a word is a redirection', 'a<(b)', [[c('a<', ['a'])], [c('b', ['b'])]]],
  ['arithmetic', 'echo $((1 + 2))', [[c('echo $((1 + 2))', ['echo', '$((1 + 2))'])]]],
  ['${...} is not grouped', 'echo ${A:-x y}', [[c('echo ${A:-x y}', ['echo', '${A:-x', 'y}'])]]],
  ['assignment from a substitution', 'x=$(cd /a && pwd)', [[c('x=$(cd /a && pwd)', ['x=$(cd /a && pwd)'])]]],
  ['unterminated $(', 'echo $(abc def', [[c('echo $(abc def', ['echo', '$(abc def'])]]],
  ['backquotes', 'echo `date +%s` x', [[c('echo `date +%s` x', ['echo', '`date +%s`', 'x'])]]],
  ['unterminated backquote', 'echo `date', [[c('echo `date', ['echo', '`date'])]]],
  ['backquotes inside a word', 'echo a`b c`d', [[c('echo a`b c`d', ['echo', 'a`b c`d'])]]],
  // comments
  ['comment after a command (kept in text)', 'echo a # comment', [[c('echo a # comment', ['echo', 'a'])]]],
  ['# inside a word', 'echo a#b', [[c('echo a#b', ['echo', 'a#b'])]]],
  ['comment line', '# whole line\necho b', [[c('echo b', ['echo', 'b'])]]],
  ['operators in a comment', 'echo a #c && d\ne', [[c('echo a #c && d', ['echo', 'a'])], [c('e', ['e'])]]],
  // redirections
  ['>', 'echo a > f', [[c('echo a > f', ['echo', 'a'], [['>', 'f']])]]],
  ['>>', 'echo a >> f', [[c('echo a >> f', ['echo', 'a'], [['>>', 'f']])]]],
  ['2>&1 is dropped', 'cmd 2>&1', [[c('cmd 2>&1', ['cmd'])]]],
  ['2> drops the descriptor', 'cmd 2> err', [[c('cmd 2> err', ['cmd'], [['>', 'err']])]]],
  ['&>', 'cmd &> all', [[c('cmd &> all', ['cmd'], [['&>', 'all']])]]],
  ['&>>', 'cmd &>> all', [[c('cmd &>> all', ['cmd'], [['&>>', 'all']])]]],
  ['>& file writes like &>', 'cmd >& file', [[c('cmd >& file', ['cmd'], [['&>', 'file']])]]],
  ['>&- closes', 'cmd >&-', [[c('cmd >&-', ['cmd'])]]],
  ['<', 'cmd < in', [[c('cmd < in', ['cmd'], [['<', 'in']])]]],
  ['<>', 'cmd <> rw', [[c('cmd <> rw', ['cmd'], [['<>', 'rw']])]]],
  ['>|', 'cmd >| f', [[c('cmd >| f', ['cmd'], [['>|', 'f']])]]],
  ['<<< here-string', 'cat <<< word', [[c('cat <<< word', ['cat'], [['<<<', 'word']])]]],
  [
    'without blanks',
    'cmd >f<g',
    [
      [
        c(
          'cmd >f<g',
          ['cmd'],
          [
            ['>', 'f'],
            ['<', 'g'],
          ],
        ),
      ],
    ],
  ],
  ['digits before > are a descriptor', 'echo 2>f', [[c('echo 2>f', ['echo'], [['>', 'f']])]]],
  ['a word ending in digits is a word', 'echo a2>f', [[c('echo a2>f', ['echo', 'a2'], [['>', 'f']])]]],
  ['<&3 is dropped', 'cmd <&3', [[c('cmd <&3', ['cmd'])]]],
  ['<& file reads like <', 'cmd <& file', [[c('cmd <& file', ['cmd'], [['<', 'file']])]]],
  ['quoted target', 'cmd > "a b"', [[c('cmd > "a b"', ['cmd'], [['>', 'a b']])]]],
  ['operator without target', 'cmd >', [[c('cmd >', ['cmd'])]]],
  ['redirection without words', '> f', [[c('> f', [], [['>', 'f']])]]],
  ['&> then &&', 'cmd &>f && x', [[c('cmd &>f', ['cmd'], [['&>', 'f']])], [c('x', ['x'])]]],
  ['redirection then pipe', 'cmd 2>&1 | tee log', [[c('cmd 2>&1', ['cmd']), c('tee log', ['tee', 'log'])]]],
  // here-documents
  ['body skipped to the delimiter', 'cat <<EOF\nbody $x\nEOF\necho after', [[c('cat <<EOF', ['cat'])], [c('echo after', ['echo', 'after'])]]],
  ['<<- with indented delimiter', 'cat <<-EOF\n\tbody\n\tEOF\necho after', [[c('cat <<-EOF', ['cat'])], [c('echo after', ['echo', 'after'])]]],
  [
    'quoted delimiter, with a redirection',
    "cat <<'EOF' > /etc/x\nbody\nEOF\nrun",
    [[c("cat <<'EOF' > /etc/x", ['cat'], [['>', '/etc/x']])], [c('run', ['run'])]],
  ],
  ['two here-documents on one line', 'cat <<A <<B\na\nA\nb\nB\nafter', [[c('cat <<A <<B', ['cat'])], [c('after', ['after'])]]],
  ['unterminated: the rest is body', 'cat <<EOF\nbody\nno end', [[c('cat <<EOF', ['cat'])]]],
  ['operator after the here-document', 'cat <<EOF && echo x\nbody\nEOF', [[c('cat <<EOF', ['cat'])], [c('echo x', ['echo', 'x'])]]],
  ['<< -EOF: the dash is dropped', 'cat << -EOF\nbody\nEOF\nafter', [[c('cat << -EOF', ['cat'])], [c('after', ['after'])]]],
  ['CRLF lines', 'cat <<EOF\r\nbody\r\nEOF\r\nafter', [[c('cat <<EOF', ['cat'])], [c('after', ['after'])]]],
  // nested shells
  ["sh -c '...' is one word", "sh -c 'apk add curl && curl x | sh'", [[c("sh -c 'apk add curl && curl x | sh'", ['sh', '-c', 'apk add curl && curl x | sh'])]]],
  ['sh -c "..." with escapes', 'sh -c "echo \\"a b\\" > /etc/x"', [[c('sh -c "echo \\"a b\\" > /etc/x"', ['sh', '-c', 'echo "a b" > /etc/x'])]]],
];

describe('parseShell', () => {
  test.each(ROWS)('%s: %j', (_name, text, expected) => {
    expect(parseShell(text)).toEqual(expected);
  });

  test('a `sh -c` script is one word; parsed again, it gives the commands it would run', () => {
    const [[outer]] = parseShell(`sh -c 'apt-get update && apt-get install -y curl | tee /var/log/x'`) as [[SimpleCommand]];
    expect(outer.words.slice(0, 2)).toEqual(['sh', '-c']);
    expect(parseShell(outer.words[2]!)).toEqual([
      [c('apt-get update', ['apt-get', 'update'])],
      [c('apt-get install -y curl', ['apt-get', 'install', '-y', 'curl']), c('tee /var/log/x', ['tee', '/var/log/x'])],
    ]);
  });

  test('two levels of nesting: sh -c "sh -c \'...\'"', () => {
    const [[outer]] = parseShell(`sh -c "sh -c 'rm -rf /usr/bin/x; echo \\"done\\"'"`) as [[SimpleCommand]];
    const [[inner]] = parseShell(outer.words[2]!) as [[SimpleCommand]];
    expect(inner.words).toEqual(['sh', '-c', 'rm -rf /usr/bin/x; echo "done"']);
    expect(parseShell(inner.words[2]!)).toEqual([[c('rm -rf /usr/bin/x', ['rm', '-rf', '/usr/bin/x'])], [c('echo "done"', ['echo', 'done'])]]);
  });

  describe('very long input (linear, no stack depth)', () => {
    test('100,000 words in one command', () => {
      const [[cmd]] = parseShell(`echo ${'a '.repeat(100_000)}`) as [[SimpleCommand]];
      expect(cmd.words).toHaveLength(100_001);
    });
    test('a pipeline of 20,001 commands', () => {
      const pipelines = parseShell(`x${' | sh'.repeat(20_000)}`);
      expect(pipelines).toHaveLength(1);
      expect(pipelines[0]).toHaveLength(20_001);
      expect(pipelines[0]![20_000]).toEqual(c('sh', ['sh']));
    });
    test('10,000 pipelines', () => {
      const pipelines = parseShell('a && b;'.repeat(5_000));
      expect(pipelines).toHaveLength(10_000);
    });
    test('a 1 MB single-quoted word, and the same unterminated', () => {
      const body = 'x y;'.repeat(250_000);
      expect(parseShell(`echo '${body}' z`)).toEqual([[c(`echo '${body}' z`, ['echo', body, 'z'])]]);
      expect(parseShell(`echo '${body}`)).toEqual([[c(`echo '${body}`, ['echo', body])]]);
    });
    test('10,000 nested $( … )', () => {
      const sub = `${'$('.repeat(10_000)}x${')'.repeat(10_000)}`;
      expect(parseShell(`echo ${sub} y`)).toEqual([[c(`echo ${sub} y`, ['echo', sub, 'y'])]]);
    });
    test('10,000 here-documents', () => {
      const text = `cat${' <<E'.repeat(10_000)}\n${'b\nE\n'.repeat(10_000)}after`;
      expect(parseShell(text)).toEqual([[c(`cat${' <<E'.repeat(10_000)}`, ['cat'])], [c('after', ['after'])]]);
    });
  });
});
