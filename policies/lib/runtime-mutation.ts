import { basename, cleanPath, isFlag, optionValue, type Word } from './command-words.js';
import { isPackageInstall } from './package-installs.js';
import { parseShell, WRITE_REDIRECTS, type SimpleCommand } from './shell.js';

/** What a command does to the container. */
export type MutationKind = 'packageInstall' | 'pipeToShell' | 'deleteBinary' | 'systemPath';

/** One change a command makes. `word` is the argv index of the offending word (exec form only). */
export interface Mutation {
  kind: MutationKind;
  /** The simple command, as written. */
  command: string;
  /** The system path concerned (deleteBinary, systemPath). */
  path?: string;
  /** What is done to the path: `deletes`, `edits` … (systemPath). */
  action?: string;
  word?: number;
}

/** Context of a container: its mount paths (writes there change a volume, not the image) and working directory. */
export interface CommandContext {
  /** True when `path` lies in a volume mounted into the container. */
  inVolume: (path: string) => boolean;
  workingDir: string | undefined;
}

/** Directories of the image's system files. */
const SYSTEM_DIRS = ['/bin', '/sbin', '/usr', '/lib', '/lib32', '/lib64', '/libx32', '/etc', '/boot'];
/** Directories of executables: deleting there is the "remove the tool" pattern (a probe or command that deletes a binary so nobody can run it later). */
const BINARY_DIRS = ['/bin', '/sbin', '/usr/bin', '/usr/sbin', '/usr/local/bin', '/usr/local/sbin'];
const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh']);
const INTERPRETERS = /^(sh|bash|ash|dash|zsh|ksh|mksh|python[0-9.]*|perl|ruby|node|php)$/;
const DOWNLOADERS = new Set(['curl', 'wget']);

const under = (p: string, dirs: readonly string[]) => dirs.some((d) => p === d || p.startsWith(d + '/'));

/** The system path `word` names, when it is one and not inside a mounted volume. */
function systemPath(word: string, ctx: CommandContext): string | undefined {
  if (!word.startsWith('/')) return undefined;
  const p = cleanPath(word);
  if (!under(p, SYSTEM_DIRS) || ctx.inVolume(p)) return undefined;
  return p;
}

/**
 * Remove wrappers (`sudo`, `exec`, `env VAR=x`, `nohup`, `busybox` …) and leading assignments.
 * Linear in the number of words (an index moves; `sudo -a -a …` with 100,000 flags is not
 * copied once per flag).
 */
function unwrap(words: Word[]): { words: Word[]; assignments: Map<string, string> } {
  const assignments = new Map<string, string>();
  let k = 0;
  for (let guard = 0; guard < 10 && k < words.length; guard++) {
    const first = words[k]!.text;
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(first);
    if (m) {
      assignments.set(m[1]!, m[2]!);
      k++;
      continue;
    }
    const name = basename(first);
    if (
      ['exec', 'nohup', 'time', 'command', 'builtin', 'busybox', 'stdbuf', '{', '!', 'then', 'do', 'else'].includes(name) ||
      name === 'if' ||
      name === 'while' ||
      name === 'until'
    ) {
      k++;
      while (k < words.length && isFlag(words[k]!.text) && name !== 'busybox') k++;
      continue;
    }
    if (name === 'sudo' || name === 'env' || name === 'nice' || name === 'timeout' || name === 'su-exec' || name === 'gosu') {
      k++;
      // Options with a value (sudo -u user, env -u NAME, nice -n 10), then a duration or user.
      while (k < words.length && isFlag(words[k]!.text)) k += /^-[ugnCDhpr]$/.test(words[k]!.text) ? 2 : 1;
      if ((name === 'timeout' || name === 'su-exec' || name === 'gosu') && k < words.length) k++;
      continue;
    }
    break;
  }
  return { words: k === 0 ? words : words.slice(k), assignments };
}

/** Operands of a command (words that are not options; everything after `--`). */
function operands(args: readonly Word[]): Word[] {
  const out: Word[] = [];
  let done = false;
  for (const a of args) {
    if (!done && a.text === '--') {
      done = true;
      continue;
    }
    if (!done && isFlag(a.text)) continue;
    out.push(a);
  }
  return out;
}

/** Paths a command changes, with the action (deletes, edits …). */
function pathChanges(program: string, args: readonly Word[]): { word: Word; action: string }[] {
  const ops = operands(args);
  const all = (action: string) => ops.map((word) => ({ word, action }));
  switch (program) {
    case 'rm':
    case 'unlink':
    case 'rmdir':
    case 'shred':
      return all('deletes');
    case 'chmod':
    case 'chown':
    case 'chgrp': {
      const reference = args.some((a) => a.text.startsWith('--reference'));
      const action = program === 'chmod' ? 'changes the permissions of' : 'changes the owner of';
      // chmod -x is a mode, not an option: skip the first operand-like word (mode/owner).
      const rest = args.filter((a) => !/^--/.test(a.text) && !/^-[RfvcHLP]+$/.test(a.text));
      return (reference ? rest : rest.slice(1)).map((word) => ({ word, action }));
    }
    case 'sed': {
      const inPlace = args.some((a) => /^--in-place/.test(a.text) || /^-[nErsuz]*i/.test(a.text));
      if (!inPlace) return [];
      const explicitScript = args.some((a) => /^(-[nErsuz]*[ef]|--expression|--file)/.test(a.text));
      const position = new Map(args.map((a, i) => [a, i]));
      const isScript = (o: Word) => /^(-[nErsuz]*[ef]|--expression|--file)$/.test(args[position.get(o)! - 1]?.text ?? '');
      const files = explicitScript ? ops.filter((o) => !isScript(o)) : ops.slice(1);
      return files.map((word) => ({ word, action: 'edits' }));
    }
    case 'mv':
      return all('moves');
    case 'cp':
    case 'install':
    case 'ln':
    case 'rsync': {
      const t = optionValue(args, ['-t', '--target-directory']);
      if (t) return [{ word: args.find((a) => a.text === t || a.text.endsWith('=' + t))!, action: 'writes to' }];
      const last = ops[ops.length - 1];
      return last && ops.length > 1 ? [{ word: last, action: 'writes to' }] : [];
    }
    case 'tee':
    case 'touch':
    case 'mkdir':
    case 'truncate':
    case 'mknod':
    case 'mkfifo':
      return all('writes to');
    case 'dd':
      return args.filter((a) => a.text.startsWith('of=')).map((a) => ({ word: { text: a.text.slice(3), index: a.index }, action: 'writes to' }));
    case 'curl': {
      const out = optionValue(args, ['-o', '--output']);
      const w = out && args.find((a) => a.text === out || a.text.endsWith('=' + out));
      return w ? [{ word: { text: out, index: w.index }, action: 'writes to' }] : [];
    }
    case 'wget': {
      const out = optionValue(args, ['-O', '--output-document', '-P', '--directory-prefix']);
      const w = out && out !== '-' && args.find((a) => a.text === out || a.text.endsWith('=' + out));
      return w ? [{ word: { text: out, index: w.index }, action: 'writes to' }] : [];
    }
    case 'tar':
    case 'unzip': {
      const extract = program === 'unzip' || args.some((a) => /^-?[a-zA-Z]*x/.test(a.text) || a.text === '--extract');
      const dir = optionValue(args, program === 'tar' ? ['-C', '--directory'] : ['-d']);
      const w = extract && dir && args.find((a) => a.text === dir || a.text.endsWith('=' + dir));
      return w ? [{ word: { text: dir, index: w.index }, action: 'writes to' }] : [];
    }
    default:
      return [];
  }
}

/** A word that is the output of a download (`$(curl …)`, `<(wget …)`, backquotes). */
const SUBSTITUTED_DOWNLOAD = /^\s*(\$\(|<\(|`)\s*(\S*\/)?(curl|wget)\b/;

/** Analyse one simple command (exec form: `words` carry argv indexes). Nested scripts are analysed too. */
function analyseCommand(
  cmd: Word[],
  redirects: readonly { op: string; target: string }[],
  text: string,
  ctx: CommandContext,
  cwd: string | undefined,
  out: Mutation[],
  depth: number,
): void {
  for (const r of redirects) {
    const p = WRITE_REDIRECTS.has(r.op) ? systemPath(r.target, ctx) : undefined;
    if (p) out.push({ kind: 'systemPath', command: text, path: p, action: 'writes to' });
  }
  const { words, assignments } = unwrap(cmd);
  if (words.length === 0) return;
  const program = basename(words[0]!.text);
  const args = words.slice(1);
  // A shell (or su/eval) running a script: analyse the script.
  if (SHELLS.has(program) || program === 'su' || program === 'runuser') {
    const c = args.findIndex((a) => /^-[a-zA-Z]*c[a-zA-Z]*$/.test(a.text) || a.text === '--command');
    const script = c === -1 ? undefined : args[c + 1];
    if (script) {
      if (SUBSTITUTED_DOWNLOAD.test(script.text)) out.push({ kind: 'pipeToShell', command: text, word: script.index });
      else analyseScript(script.text, ctx, out, depth + 1, script.index);
      return;
    }
    if (args.some((a) => SUBSTITUTED_DOWNLOAD.test(a.text))) out.push({ kind: 'pipeToShell', command: text, word: words[0]!.index });
    return;
  }
  if (program === 'eval' || program === 'source' || program === '.') {
    const joined = args.map((a) => a.text).join(' ');
    if (SUBSTITUTED_DOWNLOAD.test(joined)) out.push({ kind: 'pipeToShell', command: text, word: words[0]!.index });
    else if (program === 'eval') analyseScript(joined, ctx, out, depth + 1, words[0]!.index);
    return;
  }
  if (isPackageInstall(program, args, assignments, ctx.inVolume, cwd)) {
    out.push({ kind: 'packageInstall', command: text, word: words[0]!.index });
    return;
  }
  for (const { word, action } of pathChanges(program, args)) {
    const p = systemPath(word.text, ctx);
    if (!p) continue;
    const kind = action === 'deletes' && under(p, BINARY_DIRS) ? 'deleteBinary' : 'systemPath';
    out.push({ kind, command: text, path: p, action, word: word.index });
  }
}

/** Analyse shell text; findings carry `word` (the argv index of the script) when given. */
export function analyseScript(script: string, ctx: CommandContext, out: Mutation[] = [], depth = 0, word?: number): Mutation[] {
  if (depth > 4) return out;
  let cwd = ctx.workingDir;
  for (const pipeline of parseShell(script)) {
    const found: Mutation[] = [];
    // Each command unwrapped once; the first downloader found once (not once per later command).
    const commands = pipeline.map((cmd: SimpleCommand) => {
      const words = cmd.words.map((text) => ({ text, index: -1 }));
      const first = unwrap(words).words;
      return { cmd, words, first, program: first[0] ? basename(first[0].text) : '' };
    });
    const downloader = commands.findIndex((c) => DOWNLOADERS.has(c.program));
    let pipelineText: string | undefined;
    commands.forEach(({ cmd, words, first, program }, i) => {
      if (program === 'cd') {
        const dir = first[1]?.text;
        cwd = dir?.startsWith('/') ? cleanPath(dir) : dir && cwd ? cleanPath(`${cwd}/${dir}`) : undefined;
        return;
      }
      if (i > 0 && INTERPRETERS.test(program) && !first.slice(1).some((a) => /^-[a-zA-Z]*c$/.test(a.text))) {
        if (downloader !== -1 && downloader < i) {
          pipelineText ??= pipeline.map((p) => p.text).join(' | ');
          found.push({ kind: 'pipeToShell', command: pipelineText });
          return;
        }
      }
      analyseCommand(words, cmd.redirects, cmd.text, ctx, cwd, found, depth);
    });
    for (const f of found) out.push(word === undefined ? f : { ...f, word });
  }
  return out;
}

/**
 * Analyse an exec-form argv (`command` + `args`, or a probe's or hook's `exec.command`). With
 * `programKnown: false` (only `args` given: the image's entrypoint runs them), only a shell
 * script among the args is analysed.
 */
export function analyseArgv(argv: readonly string[], ctx: CommandContext, programKnown: boolean): Mutation[] {
  const out: Mutation[] = [];
  const words = argv.map((text, index) => ({ text, index }));
  // A shell anywhere in the argv (`tini -- sh -c '...'`, args: ["sh", "-c", "..."]).
  const sh = words.findIndex((w, i) => SHELLS.has(basename(w.text)) && /^-[a-zA-Z]*c[a-zA-Z]*$/.test(words[i + 1]?.text ?? ''));
  if (sh !== -1 && words[sh + 2]) {
    const script = words[sh + 2]!;
    if (SUBSTITUTED_DOWNLOAD.test(script.text)) out.push({ kind: 'pipeToShell', command: script.text, word: script.index });
    else analyseScript(script.text, ctx, out, 0, script.index);
    return out;
  }
  if (!programKnown) {
    // args only: `-c script` handed to a shell entrypoint.
    if (/^-[a-zA-Z]*c$/.test(words[0]?.text ?? '') && words[1]) analyseScript(words[1].text, ctx, out, 0, 1);
    return out;
  }
  analyseCommand(words, [], argv.join(' '), ctx, ctx.workingDir, out, 0);
  return out;
}
