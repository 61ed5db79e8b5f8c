/**
 * `npm run corpus`: scan test/corpus with every built-in policy and print accuracy and fix
 * quality figures (see scripts/corpus/), then again with image configs read from a local
 * registry (--inspect-images; scripts/corpus/inspect.ts, needs docker-registry). `--write` regenerates docs/accuracy.md and
 * docs/peer-comparison.md. Exits 1 on a crash, a rejected fix that is not a known bug, or an
 * unexplained disagreement.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { compareMutations } from './corpus/mutations.js';
import { comparePeers } from './corpus/peers.js';
import { inspectCorpusImages } from './corpus/inspect.js';
import { inspectionSection, renderAccuracy, renderConsole, renderPeerComparison, type RunInfo } from './corpus/render.js';
import { KNOWN_FIX_BUGS } from './corpus/known-bugs.js';
import { cachedFindingsOf, scanCorpus } from './corpus/scan.js';

/** The checked-out commit, read from .git without running git. */
function commit(): string {
  try {
    const head = readFileSync('.git/HEAD', 'utf8').trim();
    if (!head.startsWith('ref: ')) return head.slice(0, 12);
    const ref = head.slice(5);
    if (existsSync(`.git/${ref}`)) return readFileSync(`.git/${ref}`, 'utf8').trim().slice(0, 12);
    const packed = readFileSync('.git/packed-refs', 'utf8')
      .split('\n')
      .find((l) => l.endsWith(` ${ref}`));
    return packed ? packed.slice(0, 12) : 'unknown';
  } catch {
    return process.env.GITHUB_SHA?.slice(0, 12) ?? 'unknown';
  }
}

const scan = scanCorpus();
const peers = comparePeers(cachedFindingsOf(scan));
console.log(renderConsole(scan, peers));
// The same corpus with image configs read from a local registry (needs docker-registry).
const inspection = await inspectCorpusImages();
const inspected = { scan: scanCorpus({ images: inspection.images }), inspection };
console.log(inspectionSection(scan, inspected));
if (process.argv.includes('--write')) {
  const info: RunInfo = { date: new Date().toISOString().slice(0, 10), node: process.version, commit: commit() };
  writeFileSync('docs/accuracy.md', renderAccuracy(scan, peers, info, inspected));
  writeFileSync('docs/peer-comparison.md', renderPeerComparison(peers, compareMutations(), info));
  console.log('wrote docs/accuracy.md, docs/peer-comparison.md');
}
const bad =
  scan.crashes.length +
  scan.fixFailures.filter((f) => !(f.file in KNOWN_FIX_BUGS)).length +
  peers.disagreements.filter((d) => !d.reason).length +
  peers.unmapped.length;
process.exit(bad > 0 ? 1 : 0);
