/**
 * Holds the figures of docs/accuracy.md in CI (the documents themselves carry a date, so they are
 * not compared byte for byte): 0 crashes on the test corpus, every offered fix verified by the
 * engine and by the independent checks (known policy bugs excepted, scripts/corpus/known-bugs.ts),
 * and every peer disagreement listed with a reason in docs/peer-comparison.md.
 */
import { readFileSync } from 'node:fs';
import { KNOWN_FIX_BUGS } from '../scripts/corpus/known-bugs.js';
import { comparePeers, disagreementKey } from '../scripts/corpus/peers.js';
import { corpusImageConfigs, inspectCorpusImages, type CorpusInspection } from '../scripts/corpus/inspect.js';
import { inspectionSection } from '../scripts/corpus/render.js';
import { cachedFindingsOf, scanCorpus } from '../scripts/corpus/scan.js';

describe('accuracy on the test corpus', () => {
  const scan = scanCorpus();
  const peers = comparePeers(cachedFindingsOf(scan));

  it('scans with 0 crashes', () => {
    expect(scan.files).toBeGreaterThan(900);
    expect(scan.crashes).toEqual([]);
  });

  it('verifies 100 % of the fixes it offers (known policy bugs excepted)', () => {
    expect(scan.fixesOffered).toBeGreaterThan(500);
    expect(scan.fixesVerifiedByEngine).toBe(scan.fixesOffered);
    expect(scan.fixFailures.filter((f) => !(f.file in KNOWN_FIX_BUGS)).map((f) => `${f.file} ${f.group}: ${f.problem}`)).toEqual([]);
    // A known bug that no longer shows must leave the list.
    const failing = new Set(scan.fixFailures.map((f) => f.file));
    expect(Object.keys(KNOWN_FIX_BUGS).filter((f) => !failing.has(f))).toEqual([]);
  });

  it('with the default options, fixes change no privileged, host namespace, capability-add or user field and add no guessed mount', () => {
    expect(scan.forbiddenChanges).toEqual([]);
    // The remedies held back are still shown: as guesses (read-only /tmp) and behaviour changes.
    expect(scan.fixKinds.get('read-only-root-filesystem')!.guesses).toBeGreaterThan(0);
    expect(scan.fixKinds.get('no-privileged-container')!.fixes).toBe(0);
    expect(scan.fixKinds.get('no-host-namespaces')!.fixes).toBe(0);
  });

  describe('with --inspect-images (image configs from the test registry)', () => {
    let inspected: { scan: ReturnType<typeof scanCorpus>; inspection: CorpusInspection };
    beforeAll(async () => {
      const inspection = await inspectCorpusImages();
      inspected = { scan: scanCorpus({ images: inspection.images }), inspection };
    }, 240000);

    it('reads the reconstructed configs through the product and verifies every fix they bring', () => {
      const { scan: x, inspection } = inspected;
      expect(inspection.pushed).toBe(corpusImageConfigs().length - inspection.notPushed.length);
      expect(inspection.read).toBe(inspection.pushed);
      expect(x.crashes).toEqual([]);
      expect(x.fixesVerifiedByEngine).toBe(x.fixesOffered);
      expect(x.fixFailures.filter((f) => !(f.file in KNOWN_FIX_BUGS))).toEqual([]);
    });

    it('turns guesses into known facts, never the other way, and docs/accuracy.md states the share', () => {
      const ro = (r: ReturnType<typeof scanCorpus>) => r.fixKinds.get('read-only-root-filesystem')!;
      expect(ro(inspected.scan).findings).toBe(ro(scan).findings);
      expect(ro(inspected.scan).fixes).toBeGreaterThan(ro(scan).fixes);
      expect(ro(inspected.scan).guesses).toBeLessThan(ro(scan).guesses);
      const line = inspectionSection(scan, inspected)
        .split('\n')
        .find((l) => l.startsWith('Read-only findings with a known-fact fix'))!;
      expect(readFileSync('docs/accuracy.md', 'utf8')).toContain(line);
    });
  });

  it('maps every concept of the corpus to a policy or a reason', () => {
    expect(peers.unmapped).toEqual([]);
  });

  it('explains every peer disagreement in docs/peer-comparison.md', () => {
    const doc = readFileSync('docs/peer-comparison.md', 'utf8');
    expect(peers.disagreements.filter((d) => !d.reason).map(disagreementKey)).toEqual([]);
    const missing = peers.disagreements.filter((d) => {
      const line = doc.split('\n').find((l) => l.includes(disagreementKey(d)));
      return !line || !line.includes(d.reason!);
    });
    expect(missing.map(disagreementKey)).toEqual([]);
  });
});
