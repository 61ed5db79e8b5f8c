/**
 * Polaris' mutation fixtures: `mutated*.yaml` is what `polaris fix` makes of the check's failure
 * file (test/mutation_test.go). Run our fix on the same failure file and compare the data changes
 * path by path with theirs.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { run } from '../../src/engine/index.js';
import { parseYaml } from '../../src/yaml/index.js';
import { builtinPolicies } from '../../policies/index.js';
import { CORPUS } from '../../test/corpus-path.js';
import { loadIndex } from '../../test/policies/peer-agreement.js';

export interface PathChange {
  path: string;
  before: unknown;
  polaris: unknown;
  ours: unknown;
}

export interface MutationComparison {
  check: string;
  failure: string;
  mutated: string;
  /** Our findings on the failure file (policy/message ids). */
  findings: string[];
  /** Whether we produced a fixed text. */
  fixed: boolean;
  /** Paths both changed to the same value. */
  same: PathChange[];
  /** Paths both changed, to different values. */
  different: PathChange[];
  onlyPolaris: PathChange[];
  onlyOurs: PathChange[];
}

const MISSING = Symbol('missing');

/** Leaf values by path (`spec.containers[0].securityContext.privileged`); empty maps and lists are leaves. */
function flatten(v: unknown, at = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (Array.isArray(v) && v.length > 0) v.forEach((x, i) => flatten(x, `${at}[${i}]`, out));
  else if (v && typeof v === 'object' && !(v instanceof Date) && Object.keys(v).length > 0) {
    for (const [k, x] of Object.entries(v)) flatten(x, at ? `${at}.${k}` : k, out);
  } else out.set(at, v);
  return out;
}

const docs = (text: string) => parseYaml(text).documents.map((d) => d.data);

function changes(before: Map<string, unknown>, after: Map<string, unknown>): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const k of new Set([...before.keys(), ...after.keys()])) {
    const a = before.has(k) ? before.get(k) : MISSING;
    const b = after.has(k) ? after.get(k) : MISSING;
    if (!isDeepStrictEqual(a, b)) out.set(k, b);
  }
  return out;
}

const show = (v: unknown) => (v === MISSING ? '(absent)' : JSON.stringify(v));

export function compareMutations(): MutationComparison[] {
  const out: MutationComparison[] = [];
  for (const e of loadIndex().filter((x) => x.role === 'mutation-expected-output' && x.mutation_of)) {
    const failureText = readFileSync(resolve(CORPUS, e.mutation_of!), 'utf8');
    const theirs = readFileSync(resolve(CORPUS, e.file), 'utf8');
    const result = run([{ path: e.mutation_of!, text: failureText }], builtinPolicies);
    const ourText = result.files[0]!.fixedText ?? failureText;
    const before = flatten(docs(failureText));
    const pol = changes(before, flatten(docs(theirs)));
    const ours = changes(before, flatten(docs(ourText)));
    const c: MutationComparison = {
      check: e.check,
      failure: e.mutation_of!,
      mutated: e.file,
      findings: [...new Set(result.findings.map((f) => `${f.policyId}/${f.messageId}${f.fixId ? ' (fixed)' : ''}`))],
      fixed: result.files[0]!.fixedText !== undefined,
      same: [],
      different: [],
      onlyPolaris: [],
      onlyOurs: [],
    };
    for (const path of new Set([...pol.keys(), ...ours.keys()])) {
      const pc: PathChange = {
        path,
        before: before.has(path) ? before.get(path) : MISSING,
        polaris: pol.has(path) ? pol.get(path) : undefined,
        ours: ours.has(path) ? ours.get(path) : undefined,
      };
      if (pol.has(path) && ours.has(path)) (isDeepStrictEqual(pol.get(path), ours.get(path)) ? c.same : c.different).push(pc);
      else if (pol.has(path)) c.onlyPolaris.push(pc);
      else c.onlyOurs.push(pc);
    }
    out.push(c);
  }
  return out.sort((a, b) => a.mutated.localeCompare(b.mutated));
}

/** `path: before → value` for the report. */
export function describeChange(c: PathChange, side: 'polaris' | 'ours'): string {
  return `\`${c.path}\`: ${show(c.before)} → ${show(c[side])}`;
}
