import { readFileSync } from 'node:fs';
import { builtinPolicies } from '../policies/index.js';

const HEADINGS = [
  '## What it checks',
  '## Why',
  '## Fix or suggestion',
  '## Options',
  '## How to exempt',
  '## Examples',
  '### Failing',
  '### Passing',
  '## Peers',
];

describe('policy doc pages', () => {
  it.each(builtinPolicies.map((p) => [p.id]))('%s.md has the same headings, in order, and matches the metadata', (id) => {
    const text = readFileSync(`policies/${id}.md`, 'utf8');
    expect(text.split('\n').filter((l) => /^#{2,3} /.test(l))).toEqual(HEADINGS);
    const p = builtinPolicies.find((x) => x.id === id)!;
    expect(text.startsWith(`# ${id}\n`)).toBe(true);
    expect(text).toContain(`**Default severity:** ${p.meta.defaultSeverity}`);
    expect(text).toContain(`**Fix:** ${p.meta.fixable ? 'yes' : 'no'}`);
    expect(p.meta.docsUrl).toBe(`https://github.com/kube-immutable/kube-immutable/blob/main/policies/${id}.md`);
  });
});
