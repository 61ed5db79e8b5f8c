/**
 * Shared by the `*.peers.test.ts` files: the peer fixtures of ../shared/corpus with a verdict,
 * and our verdict at the peer's granularity (the whole file, or one resource of it).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { run, type Policy } from '../../src/engine/index.js';

const CORPUS = resolve('..', 'shared', 'corpus');

/** One entry of corpus/index.json (the fields used here). */
export interface PeerEntry {
  file: string;
  peer: string;
  check: string;
  concept: string;
  expected: 'pass' | 'fail' | null;
  resource: string | null;
  doc_index?: number | null;
}

/** The entry's name in test titles and skip lists: `file` or `file [Kind/name]`. */
export const entryName = (e: PeerEntry) => (e.resource ? `${e.file} [${e.resource}]` : e.file);

/** Entries with a verdict for `concept`, minus the `skipped` names (documented deliberate differences). */
export function peerEntries(concept: string, skipped: Readonly<Record<string, string>>): PeerEntry[] {
  const index = JSON.parse(readFileSync(resolve(CORPUS, 'index.json'), 'utf8')) as PeerEntry[];
  return index.filter((e) => e.concept === concept && e.expected !== null && !(entryName(e) in skipped) && !(e.file in skipped));
}

/** Our verdict on an entry: `fail` when `policy` reports a finding `relevant` accepts, in the file or in the entry's resource. */
export function ourVerdict(policy: Policy<any>, e: PeerEntry, relevant: (messageId: string) => boolean): 'pass' | 'fail' {
  const text = readFileSync(resolve(CORPUS, e.file), 'utf8');
  let findings = run([{ path: e.file, text }], [policy]).findings.filter((f) => relevant(f.messageId));
  if (e.resource) {
    const [kind, name] = e.resource.split('/');
    findings = findings.filter(
      (f) => f.object?.kind === kind && f.object.name === name && (e.doc_index === undefined || e.doc_index === null || f.object.docIndex === e.doc_index),
    );
  }
  return findings.length > 0 ? 'fail' : 'pass';
}
