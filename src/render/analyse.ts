/**
 * The policies over RENDERED objects (Helm or Kustomize output), their findings moved to the
 * source file and line a person edits (src/render/attribute.ts): a Kustomize resource file by the
 * object's path; a Helm template by the nearest key of that path written in the template. Fixes
 * are computed against the rendered text, which is not a file anyone edits, so a finding on a
 * rendered object carries no fix here: it says where to make the change instead (a value a
 * Kustomize patch sets gets a fix in that patch, proven by rebuilding: kustomize-fixes.ts).
 */
import { fingerprintOf, run, type EngineOptions, type Finding, type FixGroup, type AnyPolicy, type RunResult } from '../engine/index.js';
import type { SourceRange } from '../yaml/index.js';
import { attributeOffset, follow, generatorEntry, nodeAtOffset, parseOnce, stepsTo, type InlinePatch, type PathStep } from './attribute.js';
import type { HelmValuesFixes } from './helm-fix.js';
import { KUSTOMIZATION_FILE_NAMES } from './roots.js';

/** One object an engine rendered, and the repository file it came from. */
export interface RenderedObject {
  /** The object as one standalone YAML document (engine annotations removed). */
  text: string;
  /** Repository-relative path (with `/`) of the file it came from (template, resource), when known and inside the repository. */
  sourceFile: string | undefined;
}

/** The objects of one render: a Helm chart with a values profile, or a Kustomize root. */
export interface RenderedUnit {
  kind: 'helm' | 'kustomize';
  /** Repository-relative folder of the chart or of the root kustomization. */
  root: string;
  /** How messages name the render: `kustomize build overlays/prod`, `helm template charts/web (values.yaml)`. */
  label: string;
  /** Helm: the name of the values profile rendered; absent means `default` (the chart's own values.yaml). Unused for Kustomize. */
  profile?: string;
  objects: RenderedObject[];
  /**
   * Kustomize: the patch files of the root's closure, the root's own last (the order they apply
   * in, roughly): a value no resource file sets is looked for in them, last writer first.
   */
  patches?: readonly string[];
  /** Kustomize: the inline patches of the root's closure (in kustomizations), looked for after the patch files, last first. */
  inlinePatches?: readonly InlinePatch[];
  /**
   * Helm: the fixes of this render moved to the values file and proven by rendering again
   * (src/render/helm-fix.ts), by object index and finding fingerprint.
   */
  valuesFixes?: HelmValuesFixes;
}

const runs = new WeakMap<object, { path: string; policies: readonly AnyPolicy[]; opts: EngineOptions; result: RunResult }>();

/**
 * `run([{ path, text: o.text }], policies, opts)` for one rendered object, kept while the object
 * lives: the values fixes, the rebuild proofs and the analysis read the same objects' findings,
 * and a run (policies and their verified fixes) is the costly part. The result is never mutated.
 */
export function runRendered(o: { text: string }, path: string, policies: readonly AnyPolicy[], opts: EngineOptions): RunResult {
  const hit = runs.get(o);
  if (hit && hit.path === path && hit.policies === policies && hit.opts === opts) return hit.result;
  const result = run([{ path, text: o.text }], policies, opts);
  runs.set(o, { path, policies, opts, result });
  return result;
}

/** The source text of a repository file (undefined when it cannot be read). */
export type SourceReader = (path: string) => string | undefined;

/** The first line of `text` (0-based offsets agreeing with the 1-based columns). */
const startOf = (text: string): SourceRange => {
  const n = text.indexOf('\n') < 0 ? text.length : text.indexOf('\n');
  return { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1 + n, offset: n } };
};

/**
 * The line of a Helm template where the rendered path is best written: the keys of `steps` are
 * looked for in order, each after the line of the one before (`securityContext:` after
 * `containers:`), and the last one found wins; a template that names none gives its first line.
 * 1-based lines. Pure.
 */
export function templateRange(template: string, steps: readonly PathStep[]): SourceRange {
  const lines = template.split('\n');
  let from = 0;
  let best: { line: number; column: number } | undefined;
  for (const s of steps) {
    if (!('key' in s)) continue;
    const re = new RegExp(`^(\\s*(?:-\\s+)?)${s.key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:`);
    const i = lines.findIndex((l, n) => n >= from && re.test(l));
    if (i < 0) continue;
    best = { line: i + 1, column: re.exec(lines[i]!)![1]!.length + 1 };
    from = i + 1;
  }
  if (!best) return startOf(template);
  const offset = lines.slice(0, best.line - 1).reduce((n, l) => n + l.length + 1, 0) + best.column - 1;
  return {
    start: { line: best.line, column: best.column, offset },
    end: { line: best.line, column: lines[best.line - 1]!.length + 1, offset: offset + lines[best.line - 1]!.length - (best.column - 1) },
  };
}

const SET_BY_PATCH = '; set by this patch';

/** Where a finding at `offset` of the rendered `text` lands in its source (file and range), and what the message adds. */
function placeIn(
  unit: RenderedUnit,
  o: RenderedObject,
  offset: number,
  end: number,
  read: SourceReader,
  policyId?: string,
): { file: string; range: SourceRange; note: string; inline?: InlinePatch } {
  const file = o.sourceFile ?? unit.root;
  const source = o.sourceFile === undefined ? undefined : read(o.sourceFile);
  if (source === undefined) return { file, range: startOf(''), note: o.sourceFile === undefined ? '; its source file is not known' : '' };
  if (unit.kind === 'kustomize') {
    const a = attributeOffset(o.text, offset, source, end);
    const rendered = parseOnce(o.text).documents.find((d) => d.root)?.root;
    const at = rendered === undefined ? undefined : nodeAtOffset(rendered, offset, end);
    // Identity fields (kind, apiVersion, metadata) name the object a patch targets; they are not what it sets.
    const first = at?.path[0];
    const valueSet = at?.kind === 'scalar' && first !== 'kind' && first !== 'apiVersion' && first !== 'metadata';
    // The resource writes this very value: it is the line to edit.
    if (a?.exact && !(valueSet && a.node.kind === 'scalar' && a.node.value !== at?.value)) return { file, range: a.range, note: '' };
    // A bad VALUE no resource file sets (privileged: true), or one a patch changed (the base says
    // true, the object false): the last patch that writes exactly it set it. A missing field (a
    // map lacking a key) stays with the resource, where it is added.
    for (const p of valueSet ? [...(unit.patches ?? [])].reverse() : []) {
      const text = read(p);
      const b = text === undefined ? undefined : attributeOffset(o.text, offset, text, end);
      if (b?.exact && (!a?.exact || b.node.value === at?.value)) return { file: p, range: b.range, note: SET_BY_PATCH };
    }
    for (const ip of valueSet ? [...(unit.inlinePatches ?? [])].reverse() : []) {
      const b = attributeOffset(o.text, offset, ip.text, end);
      if (b?.exact && (!a?.exact || b.node.value === at?.value)) return { file: ip.file, range: ip.rangeToFile(b.range), note: SET_BY_PATCH, inline: ip };
    }
    if (a?.exact) return { file, range: a.range, note: '' };
    if (a) return { file, range: a.range, note: `; ${a.missing.join('.')} is not set in this file` };
    // A generated ConfigMap or Secret: its generator entry — the root's own when it merges into
    // (or replaces) a base's generator (the root's options then win), else the one the origin names.
    const data = parseOnce(o.text).documents.find((d) => d.root)?.data as { kind?: unknown; metadata?: { name?: unknown } } | undefined;
    const rootFile = KUSTOMIZATION_FILE_NAMES.map((n) => (unit.root === '' || unit.root === '.' ? n : `${unit.root}/${n}`)).find((f) => read(f) !== undefined);
    const rootText = rootFile === undefined || rootFile === file ? undefined : read(rootFile);
    const merging = rootText === undefined ? undefined : generatorEntry(rootText, data?.kind, data?.metadata?.name);
    const behavior = merging?.entry.get('behavior')?.value;
    const g = merging && (behavior === 'merge' || behavior === 'replace') ? merging : generatorEntry(source, data?.kind, data?.metadata?.name);
    if (g) {
      const name = g.entry.get('name')!;
      return { file: g === merging ? rootFile! : file, range: name.pair ? name.keyRange : name.range, note: '' };
    }
    return { file, range: startOf(source), note: '' };
  }
  const root = parseOnce(o.text).documents.find((d) => d.root)?.root;
  const steps = root ? stepsTo(root, nodeAtOffset(root, offset, end)) : [];
  const range = templateRange(source, steps);
  const valuesFile = `${unit.root ? `${unit.root}/` : ''}values.yaml`;
  const hint = policyId === undefined ? undefined : helmValuesHint(policyId, source, range.start.line, read(valuesFile));
  return {
    file,
    range,
    note: hint
      ? `; the template takes it from .Values.${hint.key}${hint.line ? `, ${valuesFile} line ${hint.line}` : `, which ${valuesFile} does not set`}`
      : '',
  };
}

/** The values keys a policy's remedy goes through in a chart, by the names charts use for them. */
const VALUES_KEY: Record<string, RegExp> = {
  'read-only-root-filesystem': /\.Values\.((?:[\w-]+\.)*[\w-]*[sS]ecurityContext[\w.-]*)/,
  'no-privilege-escalation': /\.Values\.((?:[\w-]+\.)*[\w-]*[sS]ecurityContext[\w.-]*)/,
  'no-privileged-container': /\.Values\.((?:[\w-]+\.)*[\w-]*[sS]ecurityContext[\w.-]*)/,
  'drop-all-capabilities': /\.Values\.((?:[\w-]+\.)*[\w-]*[sS]ecurityContext[\w.-]*)/,
  'run-as-non-root': /\.Values\.((?:[\w-]+\.)*[\w-]*[sS]ecurityContext[\w.-]*)/,
  'seccomp-runtime-default': /\.Values\.((?:[\w-]+\.)*[\w-]*[sS]ecurityContext[\w.-]*)/,
  'image-digest': /\.Values\.((?:[\w-]+\.)*image(?:\.[\w-]+)*)/,
};

/**
 * The values key a Helm template reads for what a finding of `policyId` at 1-based `line` is
 * about (a `securityContext`-like key for the hardening policies, an `image` key for
 * image-digest), from that line to the end of its block (the next line indented as little), and
 * its 1-based line in `values` (the chart's values.yaml) when set there. Undefined when the
 * template reads none. A hint for the reader (the key is not proven by a render yet). Pure.
 */
export function helmValuesHint(
  policyId: string,
  template: string,
  line: number,
  values: string | undefined,
): { key: string; line: number | undefined } | undefined {
  const re = VALUES_KEY[policyId];
  if (!re) return undefined;
  const lines = template.split('\n');
  const indent = (l: string) => l.length - l.trimStart().length;
  const startIndent = indent(lines[line - 1] ?? '');
  for (let i = line - 1; i < lines.length; i++) {
    if (
      i > line - 1 &&
      lines[i]!.trim() !== '' &&
      !lines[i]!.trim().startsWith('{{') &&
      indent(lines[i]!) <= startIndent - (lines[line - 1]?.trimStart().startsWith('- ') ? 0 : 1)
    )
      break;
    const m = re.exec(lines[i]!);
    if (!m) continue;
    const key = m[1]!.replace(/\.$/, '');
    let valueLine: number | undefined;
    const root = values === undefined ? undefined : parseOnce(values).documents.find((d) => d.root)?.root;
    if (root) {
      const { node, depth } = follow(
        root,
        key.split('.').map((k) => ({ key: k })),
      );
      if (depth === key.split('.').length) valueLine = (node.pair ? node.keyRange : node.range).start.line;
    }
    return { key, line: valueLine };
  }
  return undefined;
}

/** One finding of a rendered object, and the source place it moves to (see {@link placeRendered}). */
export interface PlacedFinding {
  /** The finding as the policies gave it on the rendered object (offsets into `object.text`). */
  rendered: Finding;
  /** Its verified fix group on the rendered text (edits against `object.text`), when it has one. */
  fix: FixGroup | undefined;
  object: RenderedObject;
  /** The source file and range it moves to (1-based lines, 0-based offsets). */
  file: string;
  range: SourceRange;
  /** True when a patch file of the unit set the value (`file` is that patch). */
  setByPatch: boolean;
  /** When the patch is inline in a kustomization (`file`): the patch, and the way back to the file's offsets. */
  inline?: InlinePatch;
}

/**
 * Every finding of `policies` on the objects of `unit`, each with the source place
 * {@link analyseRendered} moves it to. Nothing merged, nothing dropped. Pure; never throws for
 * bad rendered text.
 */
export function placeRendered(unit: RenderedUnit, policies: readonly AnyPolicy[], opts: EngineOptions, read: SourceReader): PlacedFinding[] {
  const out: PlacedFinding[] = [];
  for (const o of unit.objects) {
    const r = runRendered(o, o.sourceFile ?? unit.root, policies, opts);
    for (const f of r.findings) {
      const { file, range, note, inline } = placeIn(unit, o, f.range.start.offset, f.range.end.offset, read, f.policyId);
      const fix = f.fixId === undefined ? undefined : r.fixes.find((g) => g.id === f.fixId && g.verified);
      out.push({ rendered: f, fix, object: o, file, range, setByPatch: note === SET_BY_PATCH, ...(inline ? { inline } : {}) });
    }
  }
  return out;
}

/**
 * Run `policies` over every object of `units` and move each finding to its source file and line
 * (see the module comment), with the render named in its message (`… (rendered by kustomize
 * build overlays/prod)`). A finding several renders give at the same source place (a base used by
 * two overlays) is kept once, naming every render. Fix groups are dropped and each finding's
 * fix is said to be not offered; suggestions (rendered-text edits) are dropped. The
 * `files` of the result name the source files, each once (its objects counted together). Each
 * finding's fingerprint names its unit ({@link renderUnitId}: the Kustomize root, or the chart and
 * its profile) besides the engine's fields, so re-runs give the same one and two overlays' findings
 * never share one; a finding several units give keeps the first unit's (sorted). Never throws for
 * bad rendered text (it is a finding like any file's).
 */
export function analyseRendered(units: readonly RenderedUnit[], policies: readonly AnyPolicy[], opts: EngineOptions, read: SourceReader): RunResult {
  const out: Finding[] = [];
  const byPlace = new Map<string, { finding: Finding; labels: string[]; origins: Array<{ unit: string; fingerprint: string }> }>();
  const files: RunResult['files'] = [];
  const byPath = new Map<string, RunResult['files'][number]>();
  const fixes = new Map<string, RunResult['fixes'][number]>();
  for (const unit of units) {
    const vf = unit.valuesFixes;
    for (const g of vf?.groups ?? []) if (!fixes.has(g.id)) fixes.set(g.id, g);
    if (vf?.file !== undefined && vf.fixedText !== undefined && !byPath.has(vf.file)) {
      const entry: RunResult['files'][number] = {
        path: vf.file,
        skipped: undefined,
        skippedDocuments: [],
        problems: [],
        manifests: 0,
        fixedText: vf.fixedText,
        fixedEdits: vf.fixedEdits,
      };
      byPath.set(vf.file, entry);
      files.push(entry);
    }
    for (const [index, o] of unit.objects.entries()) {
      const path = o.sourceFile ?? unit.root;
      const r = runRendered(o, path, policies, opts);
      // One file entry per source file (a template or base gives several objects, over several builds).
      const fr = r.files[0]!;
      const known = byPath.get(path);
      if (known) {
        known.manifests += fr.manifests;
        known.problems.push(...fr.problems);
        known.skippedDocuments.push(...fr.skippedDocuments);
      } else {
        const entry = { ...fr, path, problems: [...fr.problems], skippedDocuments: [...fr.skippedDocuments], fixedText: undefined, fixedEdits: undefined };
        byPath.set(path, entry);
        files.push(entry);
      }
      for (const f of r.findings) {
        const placed = placeIn(unit, o, f.range.start.offset, f.range.end.offset, read, f.policyId);
        const link = vf?.links.get(index)?.get(f.fingerprint);
        const why = vf?.notes.get(index)?.get(f.fingerprint);
        const { file, range } = link ?? placed;
        const note = link
          ? `; rendered from ${placed.file} line ${placed.range.start.line}; the fix goes through ${link.key}, proven by rendering the chart again`
          : placed.note;
        // The message too: two builds with different bad values at one base line stay two findings.
        // A values line several templates render: one finding per template line.
        const from = link ? `\0${placed.file}:${placed.range.start.line}` : '';
        const key = `${f.policyId}\0${f.messageId}\0${file}\0${range.start.offset}\0${f.container?.name ?? ''}\0${f.message}${from}`;
        const seen = byPlace.get(key);
        if (seen) {
          if (!seen.labels.includes(unit.label)) seen.labels.push(unit.label);
          seen.origins.push({ unit: renderUnitId(unit), fingerprint: f.fingerprint });
          continue;
        }
        const moved: Finding = {
          ...f,
          file,
          range,
          message: `${f.message}${note ? ` (${note.slice(2)})` : ''}`,
          fixId: link?.fixId,
          fixProblem: link?.fixId
            ? undefined
            : link?.suggestion
              ? f.fixProblem
              : f.fixId !== undefined || f.suggestions.length > 0
                ? why
                  ? `no fix in the chart's values: ${why}; make the change in ${file}`
                  : f.fixId !== undefined || f.suggestions.some((x) => x.kind !== undefined)
                    ? `fixes of rendered objects are not offered yet: make the change in ${file}`
                    : `its remedies are written for the rendered object: make the change in ${file}`
                : f.fixProblem,
          suggestions: link?.suggestion ? [link.suggestion] : [],
          ...(link ? { origin: { file: placed.file, range: placed.range } } : {}),
        };
        const entry = { finding: moved, labels: [unit.label], origins: [{ unit: renderUnitId(unit), fingerprint: f.fingerprint }] };
        byPlace.set(key, entry);
        out.push(moved);
      }
    }
  }
  for (const { finding, labels } of byPlace.values()) finding.message = `${finding.message} (rendered by ${labels.join(', ')})`;
  unitFingerprints(byPlace.values());
  // A fix group names the findings it fixes by their final fingerprints.
  for (const [id, g] of fixes) {
    const members = out.filter((f) => f.fixId === id).map((f) => f.fingerprint);
    fixes.set(id, { ...g, findings: [...new Set(members)] });
  }
  return { files, findings: out, fixes: [...fixes.values()] };
}

/**
 * The identity of a render for fingerprints: `kustomize` + the root's folder, or `helm` + the
 * chart's folder + the profile name (`default` when absent). NUL-joined; never shown.
 */
export function renderUnitId(unit: Pick<RenderedUnit, 'kind' | 'root' | 'profile'>): string {
  return unit.kind === 'kustomize' ? `kustomize\0${unit.root}` : `helm\0${unit.root}\0${unit.profile ?? 'default'}`;
}

/**
 * Give each rendered finding the fingerprint of (the unit, the engine's fingerprint of the
 * rendered finding): the engine's alone names the source file and the rendered object, so two
 * overlays of one base (same names) would share it. A finding several units gave keeps the
 * fingerprint of the first of them in sorted order (unit id, then fingerprint), whatever order
 * they rendered in. A fingerprint two findings would share gets a counter (`[fp, n]`, n from 1),
 * in finding order. Mutates the findings.
 */
function unitFingerprints(entries: Iterable<{ finding: Finding; origins: Array<{ unit: string; fingerprint: string }> }>): void {
  const given = new Map<string, number>();
  for (const { finding, origins } of entries) {
    const first = [...origins].sort((a, b) =>
      a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0,
    )[0]!;
    const fp = fingerprintOf(['rendered', first.unit, first.fingerprint]);
    const n = given.get(fp) ?? 0;
    given.set(fp, n + 1);
    finding.fingerprint = n === 0 ? fp : fingerprintOf([fp, n]);
  }
}
