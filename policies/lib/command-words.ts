/** Words of a command line and path helpers shared by the command analysers. */

/** A word with its argv index (-1 inside shell text). */
export interface Word {
  text: string;
  index: number;
}

/** Absolute path with single slashes and `.`/`..` resolved. */
export function cleanPath(p: string): string {
  const parts: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return '/' + parts.join('/');
}

export const basename = (w: string) => w.slice(w.lastIndexOf('/') + 1);
export const isFlag = (w: string) => w.startsWith('-') && w !== '-';

/** The value of option `names` (`--target X`, `--target=X`, `-t X`), if given. */
export function optionValue(words: readonly Word[], names: readonly string[]): string | undefined {
  for (let i = 0; i < words.length; i++) {
    const t = words[i]!.text;
    for (const n of names) {
      if (t === n) return words[i + 1]?.text;
      if (n.startsWith('--') && t.startsWith(n + '=')) return t.slice(n.length + 1);
    }
  }
  return undefined;
}
