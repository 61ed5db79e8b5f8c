/**
 * The fast reader checks itself against the installed yaml library once per process
 * (src/yaml/fast-parse.ts, SELF_CHECK_SAMPLE): on any difference it stays off for the process,
 * fastReaderStatus() says why, and every text is read by yaml — with the same findings.
 * The mismatch is injected with the internal hook recheckFastReader(tamper).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isSeq, LineCounter, visit, type Scalar } from 'yaml';
import { builtinPolicies } from '../../policies/index.js';
import { run } from '../../src/engine/run.js';
import { fastParseAll, fastReaderSelfCheck, isTreeData, recheckFastReader, SELF_CHECK_SAMPLE, type FastDocument } from '../../src/yaml/fast-parse.js';
import { fastReaderStatus, parseYaml, setFastReader } from '../../src/yaml/parse.js';
import { CORPUS } from '../corpus-path.js';
import { compareFast } from './fast-compare.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: nginx:1.27\n';

function sourceFiles(dir: string, out: { path: string; text: string }[] = []): { path: string; text: string }[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) sourceFiles(p, out);
    else if (/\.(ya?ml|json)$/i.test(name)) out.push({ path: relative(ROOT, p), text: readFileSync(p, 'utf8') });
  }
  return out;
}

/** The first scalar of the sample's first document whose value is `value`. */
function scalarOf(docs: FastDocument[], value: unknown): Scalar {
  let found: Scalar | undefined;
  visit(docs[0]!.doc, {
    Scalar: (_k, s) => {
      if (s.value !== value) return undefined;
      found = s;
      return visit.BREAK;
    },
  });
  if (!found) throw new Error(`no scalar ${String(value)} in the sample`);
  return found;
}

afterEach(() => recheckFastReader());

describe("the fast reader's self-check", () => {
  it('passes with the installed yaml: the reader is on', () => {
    expect(fastReaderSelfCheck()).toEqual({ ok: true });
    expect(fastReaderStatus()).toEqual({ enabled: true });
    expect(fastParseAll(POD, new LineCounter())).toBeDefined();
  });

  it('reads a sample of every form the reader reads, exactly as yaml does', () => {
    expect(compareFast(SELF_CHECK_SAMPLE)).toEqual({ accepted: true, differences: [] });
    const docs = fastParseAll(SELF_CHECK_SAMPLE, new LineCounter())!;
    expect(docs.length).toBeGreaterThan(1);
    const seen = new Set<string>();
    for (const { doc } of docs) {
      visit(doc, {
        Scalar: (_k, s) => void seen.add(`${s.type}${s.format ? ` ${s.format}` : ''} ${s.value === null ? 'null' : typeof s.value}`),
        Map: (_k, m) => void seen.add(m.flow ? 'flow map' : 'map'),
        Seq: (_k, q) => void seen.add(q.flow ? 'flow seq' : 'seq'),
      });
    }
    expect([...seen].sort()).toEqual(
      expect.arrayContaining([
        'BLOCK_LITERAL string',
        'PLAIN HEX number',
        'PLAIN OCT number',
        'PLAIN boolean',
        'PLAIN null',
        'PLAIN number',
        'PLAIN string',
        'QUOTE_DOUBLE string',
        'QUOTE_SINGLE string',
        'flow map',
        'flow seq',
        'map',
        'seq',
      ]),
    );
    expect(SELF_CHECK_SAMPLE).toMatch(/^# /m); // comments
    expect(SELF_CHECK_SAMPLE).toMatch(/^---/m); // several documents
    expect(SELF_CHECK_SAMPLE).toContain(': |-\n'); // a stripped literal block scalar
  });

  it('turns the reader off for the process on a mismatch (an injected range), says why, and yaml reads every text', () => {
    recheckFastReader((docs) => {
      const s = scalarOf(docs, 42);
      s.range = [s.range![0] + 1, s.range![1], s.range![2]];
    });
    const status = fastReaderStatus();
    expect(status.enabled).toBe(false);
    expect(status.reason).toMatch(
      /^its self-check failed: it read its sample differently from the yaml library: doc 0 \/integer\/: range \[\d+,\d+,\d+\], yaml \[\d+,\d+,\d+\]$/,
    );
    // Off for every later text, even one asking for the fast reader.
    expect(fastParseAll(POD, new LineCounter())).toBeUndefined();
    const parsed = parseYaml(POD, { fastReader: true });
    expect(parsed.documents[0]!.data).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: { containers: [{ name: 'a', image: 'nginx:1.27' }] },
    });
    expect(isTreeData(parsed.documents[0]!.data)).toBe(false); // read by yaml, not by the fast reader
  });

  it('fails on other mismatches too: a scalar value, a node kind, the documents, a throw', () => {
    const failing = (tamper: (docs: FastDocument[]) => void): string => {
      recheckFastReader(tamper);
      const check = fastReaderSelfCheck();
      if (check.ok) throw new Error('the check passed');
      return check.reason;
    };
    expect(failing((docs) => void (scalarOf(docs, 'a plain value').value = 'another value'))).toMatch(/doc 0 \/plain\/: scalar PLAIN "another value"/);
    expect(
      failing((docs) => {
        const root = docs[0]!.doc.contents;
        if (isMap(root)) root.items[0]!.value = (root.items.find((p) => isSeq(p.value))?.value ?? null) as never;
      }),
    ).toMatch(/doc 0 \/kind\/: seq, yaml scalar/);
    expect(failing((docs) => void docs.pop())).toMatch(/1 documents, yaml has 2$/);
    expect(
      failing(() => {
        throw new Error('boom');
      }),
    ).toBe('its self-check threw: boom');
  });

  it('keeps the findings, messages and fixes of a scan the same with the reader turned off by it', () => {
    const files = [...sourceFiles(join(ROOT, 'examples')), ...sourceFiles(join(CORPUS, 'real')).slice(0, 150)];
    expect(files.length).toBeGreaterThan(100);
    const opts = { today: '2026-11-21' };
    const withFast = JSON.stringify(run(files, builtinPolicies, opts));
    recheckFastReader((docs) => void docs.pop());
    expect(fastReaderStatus().enabled).toBe(false);
    const checkedOff = JSON.stringify(run(files, builtinPolicies, opts));
    recheckFastReader();
    const was = setFastReader(false);
    let yamlOnly: string;
    try {
      yamlOnly = JSON.stringify(run(files, builtinPolicies, opts));
    } finally {
      setFastReader(was);
    }
    expect(JSON.parse(withFast).findings.length).toBeGreaterThan(100);
    expect(checkedOff === withFast).toBe(true);
    expect(checkedOff === yamlOnly).toBe(true);
  });

  it('is checked again, for real, after the hook is reset; setFastReader(false) is a reason too', () => {
    recheckFastReader((docs) => void docs.pop());
    expect(fastReaderStatus().enabled).toBe(false);
    recheckFastReader();
    expect(fastReaderStatus()).toEqual({ enabled: true });
    const was = setFastReader(false);
    try {
      expect(fastReaderStatus()).toEqual({ enabled: false, reason: expect.stringMatching(/^turned off/) });
    } finally {
      setFastReader(was);
    }
  });
});
