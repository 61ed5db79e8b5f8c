/**
 * Peer agreement on test/corpus: each fixture with a verdict, mapped to our policy by its
 * concept (scripts/corpus/peer-map.ts), compared at the peer's granularity
 * (test/policies/peer-agreement.ts).
 */
import { deliberateReason, entryName, loadIndex, verdictFor, type FindingsOf, type PeerEntry } from '../../test/policies/peer-agreement.js';
import { NOT_COVERED, PEER_MAP } from './peer-map.js';

export interface Disagreement {
  peer: string;
  check: string;
  concept: string;
  policy: string;
  entry: string;
  expected: 'pass' | 'fail';
  ours: 'pass' | 'fail';
  /** The documented reason, or undefined: not explained (a bug candidate). */
  reason: string | undefined;
}

export interface AgreementCell {
  peer: string;
  policy: string;
  concepts: Set<string>;
  compared: number;
  agree: number;
  deliberate: number;
  unexplained: number;
  /** Entries of the mapped concepts without a peer verdict. */
  noVerdict: number;
}

export interface PeerComparison {
  cells: AgreementCell[];
  disagreements: Disagreement[];
  notCovered: { concept: string; reason: string; entries: number; peers: string[] }[];
  /** Concepts of the corpus in neither table (must be empty). */
  unmapped: string[];
}

/** Peer fixtures with a concept, except Polaris' mutation outputs (compared in mutations.ts). */
export function comparedEntries(): PeerEntry[] {
  return loadIndex().filter((e) => e.kind === 'peer-fixture' && e.concept && e.role !== 'mutation-expected-output');
}

export function comparePeers(findingsOf: FindingsOf): PeerComparison {
  const cells = new Map<string, AgreementCell>();
  const disagreements: Disagreement[] = [];
  const notCovered = new Map<string, { concept: string; reason: string; entries: number; peers: Set<string> }>();
  const unmapped = new Set<string>();
  for (const e of comparedEntries()) {
    const mapping = PEER_MAP[e.concept];
    if (!mapping) {
      const reason = NOT_COVERED[e.concept];
      if (reason === undefined) {
        unmapped.add(e.concept);
        continue;
      }
      const nc = notCovered.get(e.concept) ?? { concept: e.concept, reason, entries: 0, peers: new Set<string>() };
      nc.entries++;
      nc.peers.add(e.peer);
      notCovered.set(e.concept, nc);
      continue;
    }
    const key = `${e.peer}\u0000${mapping.policy}`;
    const cell = cells.get(key) ?? {
      peer: e.peer,
      policy: mapping.policy,
      concepts: new Set(),
      compared: 0,
      agree: 0,
      deliberate: 0,
      unexplained: 0,
      noVerdict: 0,
    };
    cells.set(key, cell);
    cell.concepts.add(e.concept);
    if (e.expected === null) {
      cell.noVerdict++;
      continue;
    }
    cell.compared++;
    const ours = verdictFor(e, mapping, findingsOf);
    if (ours === e.expected) {
      cell.agree++;
      continue;
    }
    const reason = deliberateReason(e, mapping.deliberate);
    if (reason) cell.deliberate++;
    else cell.unexplained++;
    disagreements.push({ peer: e.peer, check: e.check, concept: e.concept, policy: mapping.policy, entry: entryName(e), expected: e.expected, ours, reason });
  }
  return {
    cells: [...cells.values()].sort((a, b) => a.policy.localeCompare(b.policy) || a.peer.localeCompare(b.peer)),
    disagreements,
    notCovered: [...notCovered.values()].map((n) => ({ ...n, peers: [...n.peers].sort() })).sort((a, b) => a.concept.localeCompare(b.concept)),
    unmapped: [...unmapped].sort(),
  };
}

/** The line that lists a disagreement in docs/peer-comparison.md (the accuracy test looks it up). */
export const disagreementKey = (d: Pick<Disagreement, 'peer' | 'check' | 'entry'>) => `${d.peer} ${d.check} \`${d.entry}\``;
