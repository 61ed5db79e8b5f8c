/**
 * Shared by the `*.peers.test.ts` files, `npm run corpus` and test/accuracy.test.ts: the peer
 * fixtures of test/corpus with a verdict, and our verdict at the peer's granularity (the whole
 * file, one resource of it, or — for Checkov's graph check — the role a binding references).
 * Which policy and findings count per concept, and the deliberate differences, are in
 * scripts/corpus/peer-map.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { run, type Finding, type SourceFile, type AnyPolicy } from '../../src/engine/index.js';
import type { ConceptMapping } from '../../scripts/corpus/peer-map.js';
import { CORPUS } from '../corpus-path.js';

export { CORPUS };

/** One entry of corpus/index.json (the fields used here). */
export interface PeerEntry {
  file: string;
  kind?: 'peer-fixture' | 'real';
  peer: string;
  check: string;
  concept: string;
  expected: 'pass' | 'fail' | null;
  resource: string | null;
  doc_index?: number | null;
  granularity?: string;
  role?: string;
  mutation_of?: string;
}

/** Every entry of corpus/index.json. */
export function loadIndex(): PeerEntry[] {
  return JSON.parse(readFileSync(resolve(CORPUS, 'index.json'), 'utf8')) as PeerEntry[];
}

/** The entry's name in test titles and skip lists: `file` or `file [Kind/name]`. */
export const entryName = (e: Pick<PeerEntry, 'file' | 'resource'>) => (e.resource ? `${e.file} [${e.resource}]` : e.file);

/** The reason of a documented deliberate difference for an entry, by its name or its file. */
export function deliberateReason(e: PeerEntry, skipped: Readonly<Record<string, string>>): string | undefined {
  return skipped[entryName(e)] ?? skipped[e.file];
}

/** Entries with a verdict for `concept`, minus the `skipped` names (documented deliberate differences). */
export function peerEntries(concept: string, skipped: Readonly<Record<string, string>>): PeerEntry[] {
  return loadIndex().filter((e) => e.concept === concept && e.expected !== null && deliberateReason(e, skipped) === undefined);
}

/** Entries with a verdict for `concept` that ARE documented deliberate differences. */
export function deliberateEntries(concept: string, skipped: Readonly<Record<string, string>>): PeerEntry[] {
  return loadIndex().filter((e) => e.concept === concept && e.expected !== null && deliberateReason(e, skipped) !== undefined);
}

/** Runs the policies under comparison over files and returns their findings. */
export type FindingsOf = (files: readonly SourceFile[]) => readonly Finding[];

/** A {@link FindingsOf} running one policy. */
export const findingsOfPolicy =
  (policy: AnyPolicy): FindingsOf =>
  (files) =>
    run(files, [policy]).findings;

const splitResource = (resource: string) => {
  const slash = resource.indexOf('/');
  return { kind: resource.slice(0, slash), name: resource.slice(slash + 1) };
};

/** Our verdict from findings: `fail` when a relevant finding of `policyId` is in the file, or in the entry's resource. */
export function verdictFromFindings(findings: readonly Finding[], e: PeerEntry, policyId: string, relevant: (messageId: string) => boolean): 'pass' | 'fail' {
  let hits = findings.filter((f) => f.policyId === policyId && f.file === e.file && relevant(f.messageId));
  if (e.resource) {
    const { kind, name } = splitResource(e.resource);
    hits = hits.filter(
      (f) => f.object?.kind === kind && f.object.name === name && (e.doc_index === undefined || e.doc_index === null || f.object.docIndex === e.doc_index),
    );
  }
  return hits.length > 0 ? 'fail' : 'pass';
}

/**
 * Checkov's CKV2_K8S_2 verdicts are about bindings (a graph check): our verdict on the role the
 * binding references, found among the YAML files of its folder.
 */
export function bindingRoleVerdict(findingsOf: FindingsOf, e: PeerEntry, policyId: string): 'pass' | 'fail' {
  const dir = join(CORPUS, dirname(e.file));
  const binding = readFileSync(join(CORPUS, e.file), 'utf8');
  const roleRef = /roleRef:\s*\n\s*kind:\s*(\w+)\s*\n\s*name:\s*(\S+)/.exec(binding);
  if (!roleRef) return 'pass';
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ path: join(dirname(e.file), f), text: readFileSync(join(dir, f), 'utf8') }));
  const failed = findingsOf(files).some((f) => f.policyId === policyId && f.object?.kind === roleRef[1] && f.object.name === roleRef[2]);
  return failed ? 'fail' : 'pass';
}

/** Our verdict on an entry under a concept mapping (the mapping's policy, findings and scope). */
export function verdictFor(e: PeerEntry, mapping: ConceptMapping, findingsOf: FindingsOf): 'pass' | 'fail' {
  if (mapping.scope?.(e.peer) === 'binding-role') return bindingRoleVerdict(findingsOf, e, mapping.policy);
  const text = readFileSync(resolve(CORPUS, e.file), 'utf8');
  return verdictFromFindings(findingsOf([{ path: e.file, text }]), e, mapping.policy, (id) => mapping.relevant(id, e.check));
}

/** Our verdict on an entry: `fail` when `policy` reports a finding `relevant` accepts, in the file or in the entry's resource. */
export function ourVerdict(policy: AnyPolicy, e: PeerEntry, relevant: (messageId: string) => boolean): 'pass' | 'fail' {
  const text = readFileSync(resolve(CORPUS, e.file), 'utf8');
  return verdictFromFindings(run([{ path: e.file, text }], [policy]).findings, e, policy.id, relevant);
}
