import { extractManifests, toWorkload, type Container, type Manifest, type ManifestSet, type Workload } from '../k8s/index.js';
import { parseYaml, type ParseProblem, type ParsedFile, type SourceRange } from '../yaml/index.js';
import {
  formatMessage,
  SEVERITY_RANK,
  type Fixer,
  type FixKind,
  type AnyPolicy,
  type ImageFacts,
  type BuildArtifacts,
  type ReportDescriptor,
  type Severity,
} from './policy.js';
import { annotationExemptions, describeRefusals, exemptionCovers, findSuppression, isAtBase, refusalsOf, type AnnotationExemption } from './exemptions.js';
import type { ExemptionRecord, ExemptionRefusal, Finding, FindingObject } from './types.js';
import { appliesFix, type EngineOptions, type RawFinding } from './analysis-types.js';
import { fingerprintOf } from './fingerprint.js';
import { budgetSeconds, FILE_NOT_SCANNED_ID, fileStart, notScannedFinding, notScannedOptions, timeBudgetMs, type NotScannedMessageId } from './not-scanned.js';

export type { EngineOptions, RawFinding } from './analysis-types.js';
export { fingerprintOf } from './fingerprint.js';

/** The id of the check that reports problems with exemptions (policies/exemption.ts). */
export const EXEMPTION_CHECK_ID = 'exemption';

/** The analysis of one text: parse, objects and raw findings. */
export interface Analysis {
  parsed: ParsedFile | undefined;
  manifests: ManifestSet;
  skipped: string | undefined;
  raw: RawFinding[];
  /** Exemption annotations added or changed (against the base) or refused, in document order. */
  exemptions: ExemptionRecord[];
  /**
   * `performance.now()` by which the file's work must be done (its time budget), for fix
   * verification to honour too; undefined in verification analyses.
   */
  deadline?: number;
}

/** The fixer handed to policies: it only builds data. */
export const fixer: Fixer = {
  set: (target, path, value) => ({ kind: 'set', target, path: [...path], value }),
  append: (target, path, item) => ({ kind: 'append', target, path: [...path], item }),
  replace: (node, value) => {
    if (node.kind !== 'scalar') throw new TypeError(`fixer.replace: the node at ${node.path.join('.') || 'the document root'} is a ${node.kind}, not a scalar`);
    if (value !== null && typeof value === 'object') throw new TypeError('fixer.replace: the value must be a string, number, boolean or null');
    return { kind: 'replace', target: node, value };
  },
};

/** A template action on a line of its own: `{{- if ...}}`, `{{ include ...}}`, `{{ .Values.x | toYaml }}`. */
const HELM_CONTROL_LINE = /^[ \t]*\{\{-?\s*(?:if|else|end|range|with|define|template|include|block|toYaml|tpl|\.|\/\*)/m;
/**
 * An unquoted value or item that starts with `{{` (`name: {{ .Release.Name }}`): YAML would read
 * a flow map. Quoted `{{ $labels }}` in Prometheus rules and block scalars do not match.
 */
const HELM_UNQUOTED_VALUE = /^[^#\n'"]*(?::|^[ \t]*-)[ \t]+\{\{/m;

/** True when `text` holds Helm/Go template syntax: a template action on its own line, or an unquoted value starting with `{{`. */
export function hasTemplateSyntax(text: string): boolean {
  return text.includes('{{') && (HELM_CONTROL_LINE.test(text) || HELM_UNQUOTED_VALUE.test(text));
}

/**
 * Why a whole file cannot be read at all, or undefined: too large (more than `maxBytes` bytes of
 * UTF-8) or binary (a NUL). Template syntax is no reason: a file is skipped as a template only
 * when it also fails to parse (decided after parsing, see {@link analyse}); valid YAML is read,
 * whatever its block scalars hold.
 */
export function fileSkipReason(text: string, maxBytes: number): string | undefined {
  return unreadableFile(text, maxBytes)?.reason;
}

/** {@link fileSkipReason} with the finding it becomes. */
function unreadableFile(text: string, maxBytes: number): { reason: string; messageId: NotScannedMessageId; data: Record<string, string | number> } | undefined {
  // A UTF-16 code unit is at most 3 bytes of UTF-8: only long texts need counting.
  const bytes = text.length * 3 > maxBytes ? Buffer.byteLength(text, 'utf8') : text.length;
  if (bytes > maxBytes) {
    return {
      reason: `file is larger than ${maxBytes} bytes (${bytes} bytes); raise the size limit to scan it`,
      messageId: 'tooLarge',
      data: { size: bytes, limit: maxBytes },
    };
  }
  if (text.includes('\u0000')) return { reason: 'binary file (contains NUL bytes)', messageId: 'binary', data: {} };
  return undefined;
}

/**
 * A `.json` file is read by kubectl as JSON when it starts with `{` (apimachinery's
 * YAMLOrJSONDecoder), where comments and trailing commas are syntax errors — but YAML accepts
 * them and would read `// note` as a key. When such a file is not JSON, add a problem
 * `json-syntax` (at the first comment, else where JSON.parse stops) and mark every document as
 * having errors, so no misread object is analysed. Mutates `parsed`.
 */
function checkJson(text: string, parsed: ParsedFile): void {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Duplicate keys do not stop the check (JSON.parse accepts them; the document is still analysed).
  if (!body.trimStart().startsWith('{') || parsed.problems.some((p) => p.severity === 'error' && p.code !== 'duplicate-key')) return;
  let error: Error;
  try {
    JSON.parse(body);
    return;
  } catch (err) {
    error = err as Error;
  }
  const skip = text.length - body.length;
  const comment = firstJsonComment(body);
  const position = /position (\d+)/.exec(error.message);
  const offset = skip + (comment ?? (position ? Number(position[1]) : 0));
  const message =
    comment !== undefined
      ? 'comments are not allowed in JSON, and kubectl reads a .json file starting with { as JSON: remove the comment, or write the file as YAML'
      : `${error.message.replace(/ in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)$/, '')} (kubectl reads a .json file starting with { as JSON)`;
  const at = parsed.position(offset);
  parsed.problems.push({ code: 'json-syntax', message, severity: 'error', line: at.line, column: at.column, offset: at.offset, docIndex: 0 });
  for (const d of parsed.documents) {
    d.hasErrors = true;
    d.lastKeyWins = false;
  }
}

/** Offset of the first `//` or `/*` outside a JSON string, or undefined. */
function firstJsonComment(json: string): number | undefined {
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '/' && (json[i + 1] === '/' || json[i + 1] === '*')) return i;
  }
  return undefined;
}

/** The range of findings of a verification analysis (never reported). */
const NO_RANGE: SourceRange = Object.freeze({
  start: Object.freeze({ line: 1, column: 1, offset: 0 }),
  end: Object.freeze({ line: 1, column: 1, offset: 0 }),
}) as SourceRange;

const containerCounts = new WeakMap<Workload, Map<string, number>>();

/** How many containers of `w` have this type and name (counted once per workload). */
function containerNameCount(w: Workload, type: string, name: string): number {
  let counts = containerCounts.get(w);
  if (!counts) {
    counts = new Map();
    for (const x of w.containers) counts.set(`${x.type}\u0000${x.name}`, (counts.get(`${x.type}\u0000${x.name}`) ?? 0) + 1);
    containerCounts.set(w, counts);
  }
  return counts.get(`${type}\u0000${name}`) ?? 0;
}

/**
 * Parse `text` and run every enabled policy over it. A policy that throws becomes a finding
 * `policy-error` ("policy X failed on file Y: message") and the others still run. What is not
 * scanned is a `file-not-scanned` finding (src/engine/not-scanned.ts): `unreadable` (the reason a
 * file could not be decoded, e.g. `not valid UTF-8 text`; `text` is then ignored), a file too
 * large or binary, an unparseable template, documents or flow items past the limits, and the
 * checks left when the file's time budget ran out (`opts.timeBudgetMs`).
 */
export function analyse(path: string, text: string, policies: readonly AnyPolicy[], opts: EngineOptions = {}, unreadable?: string): Analysis {
  return analyseText(path, text, undefined, policies, opts, unreadable);
}

/**
 * {@link analyse} of a text whose parse is already at hand (`parsed`, of exactly `text`), as fix
 * verification has it: the same checks, one parse fewer. `parsed` undefined parses `text`.
 */
export function analyseText(
  path: string,
  text: string,
  parsedAlready: ParsedFile | undefined,
  policies: readonly AnyPolicy[],
  opts: EngineOptions = {},
  unreadable?: string,
): Analysis {
  const verifying = opts.verification === true;
  const started = performance.now();
  const deadline = verifying ? undefined : started + timeBudgetMs(opts);
  const notScanned = (n: NotScanned): RawFinding[] => {
    const r = notScannedFinding(path, n.messageId, n.data, n.range, n.detail, policies, opts);
    return r ? [r] : [];
  };
  const nothing = { manifests: [], skipped: [] };
  const unread = unreadText(text, opts, unreadable);
  if (unread) return { parsed: undefined, manifests: nothing, skipped: unread.reason, raw: notScanned(unread), deadline, exemptions: [] };
  const limits = notScannedOptions(opts);
  const parsed = parsedAlready ?? parseYaml(text, { maxDocuments: limits.maxDocuments, maxFlowItems: limits.maxFlowItems });
  const template = unparsedTemplate(text, parsed);
  if (template) return { parsed, manifests: nothing, skipped: template.reason, raw: notScanned(template), deadline, exemptions: [] };
  const manifests = readManifests(path, text, parsed, opts);
  // A file that does not parse and names no apiVersion or kind holds no object: one skipped
  // document (as a YAML file without objects has), no finding, its syntax problems not kept.
  const noManifest = unparsedNonManifest(text, parsed);
  if (noManifest !== undefined) {
    return {
      parsed: undefined,
      manifests: { manifests: [], skipped: [{ docIndex: 0, line: 1, reason: noManifest }] },
      skipped: undefined,
      raw: [],
      deadline,
      exemptions: [],
    };
  }
  const raw: RawFinding[] = [];
  const workloads = manifests.manifests.map((m) => toWorkload(m));
  const policyIds = new Set([...policies.map((p) => p.id), ...(opts.knownPolicyIds ?? [])]);
  // Documents and flow items past the limits were not read: findings of file-not-scanned.
  for (const n of limitsNotRead(parsed.problems)) raw.push(...notScanned(n));
  const enabled = policies.filter((p) => opts.severity?.[p.id] !== 'off');
  const fileRange = (): SourceRange => ({ start: parsed.position(0), end: parsed.position(0) });
  const fileRun: FileRun = {
    path,
    text,
    parsed,
    manifests: manifests.manifests,
    workloads,
    policyIds,
    images: imageFacts(opts),
    buildArtifacts: (opts.buildArtifacts && Object.hasOwn(opts.buildArtifacts, path) ? opts.buildArtifacts[path] : undefined) ?? [],
    opts,
    deadline,
    raw,
    seen: new Map(),
    ...findingDescriptions(),
    fileRange,
  };
  const outOfTime = runPolicies(fileRun, enabled);
  if (outOfTime) raw.push(...notScanned(timeBudgetNotScanned(enabled, manifests.manifests, outOfTime, opts)));
  const exemptions = applyExemptions(path, raw, manifests.manifests, workloads, policies, opts);
  return { parsed, manifests, skipped: undefined, raw, deadline, exemptions };
}

/** A `file-not-scanned` finding to make: its message id and data, where it points, its fingerprint detail. */
export interface NotScanned {
  messageId: NotScannedMessageId;
  data: Record<string, string | number>;
  range: SourceRange;
  detail: string;
}

/** The range of length 0 at a problem's position (1-based line and column, 0-based offset; copied). */
function pointAt(p: { line: number; column: number; offset: number }): SourceRange {
  const start = { line: p.line, column: p.column, offset: p.offset };
  return { start, end: start };
}

/**
 * Why the text is not read at all, or undefined: `unreadable` (the reason the file could not be
 * decoded) wins, then a size over `opts.maxFileSizeBytes` bytes of UTF-8 (default 5 MiB), then a
 * NUL. Returns the reason (`Analysis.skipped`) and the finding, at line 1.
 */
export function unreadText(text: string, opts: EngineOptions, unreadable: string | undefined): (NotScanned & { reason: string }) | undefined {
  if (unreadable !== undefined) return { reason: unreadable, messageId: 'unreadable', data: { reason: unreadable }, range: fileStart(), detail: 'unreadable' };
  const maxBytes = opts.maxFileSizeBytes ?? 5 * 1024 * 1024;
  const whole = unreadableFile(text, maxBytes);
  return whole && { reason: whole.reason, messageId: whole.messageId, data: whole.data, range: fileStart(), detail: whole.messageId };
}

/**
 * A text that does not parse (a problem of severity error in `parsed`) and holds template syntax
 * ({@link hasTemplateSyntax}) is left to chart rendering (a later issue), reported, never silent:
 * the reason (`Analysis.skipped`) and the finding at the first error. Undefined otherwise.
 */
export function unparsedTemplate(text: string, parsed: ParsedFile): (NotScanned & { reason: string }) | undefined {
  const firstError = parsed.problems.find((p) => p.severity === 'error');
  if (!firstError || !hasTemplateSyntax(text)) return undefined;
  const reason = 'Helm/Go template syntax ({{ ... }}) that is not valid YAML: render it first (e.g. `helm template`) and scan the output';
  return { reason, messageId: 'template', data: { line: firstError.line, message: firstError.message }, range: pointAt(firstError), detail: 'template' };
}

/**
 * Text without which no YAML or JSON reader (the yaml library, kubectl's go-yaml and
 * encoding/json) can find an `apiVersion` or `kind` key: the words themselves (any case:
 * encoding/json matches keys case-insensitively); a double-quoted escape that could spell them
 * (`\x6b`, `\u006b`, `\U0000006b`, an escaped line break joining `ki` and `nd` — a YAML 1.1 line
 * break, as go-yaml v2 reads one: LF, CR alone, NEL U+0085, LS U+2028, PS U+2029); a tag at the
 * start of a token (`!!binary a2luZA==` is the key `kind` to go-yaml; `%TAG` handles need a tag too).
 */
const MANIFEST_TEXT = /apiversion|kind|\\[xu]|\\[\r\n\u0085\u2028\u2029]|(?:^|[\s,[{:?-])!/im;

/** Parse problems that are limits of this tool's reader, not the file's syntax (src/yaml/parse.ts). */
const READER_LIMITS: ReadonlySet<string> = new Set(['nesting-limit', 'alias-limit', 'document-limit', 'flow-limit']);

/**
 * The reason a file is skipped as no manifest, or undefined: it does not parse (a problem of
 * severity error in `parsed`, a `.json` file's JSON errors included) AND no reader could find an
 * `apiVersion` or `kind` in it ({@link MANIFEST_TEXT}), e.g. a JSON Lines data file. Such a file
 * holds no Kubernetes object kubectl could apply, so its syntax is not this tool's business: the
 * analysis skips it as one document (line 1) with this reason, no finding, no parse problem. A
 * file that fails to parse and names either stays a syntax error: a broken manifest must not
 * become a quiet skip (docs/security.md), and so does a file that passed one of the reader's
 * limits ({@link READER_LIMITS}: those are reported, whatever the file names).
 */
export function unparsedNonManifest(text: string, parsed: ParsedFile): string | undefined {
  const firstError = parsed.problems.find((p) => p.severity === 'error');
  // A limit of this tool's reader (nesting, aliases, documents, flow items) is never a quiet skip: it is reported.
  if (!firstError || parsed.problems.some((p) => READER_LIMITS.has(p.code)) || MANIFEST_TEXT.test(text)) return undefined;
  const message = firstError.message.length > 120 ? `${firstError.message.slice(0, 119)}…` : firstError.message;
  return `no Kubernetes manifest: the file is not valid YAML (line ${firstError.line}: ${message}) and nowhere names an apiVersion or kind (e.g. a data file with one JSON object a line)`;
}

/**
 * The objects of a parsed file, after the parse problems that hold back objects are added (a
 * `.json` file that is not JSON: {@link checkJson}; an object kubectl would reject for its
 * apiVersion or kind is an `invalid-object` error, not a skipped document, added once), with
 * `opts.docIndexOffset` added to the document index of every object and problem. Mutates
 * `parsed.problems` (and the documents' `hasErrors`).
 */
export function readManifests(path: string, text: string, parsed: ParsedFile, opts: EngineOptions): ManifestSet {
  if (/\.json$/i.test(path)) checkJson(text, parsed);
  const manifests = extractManifests(parsed, { path, chartFolders: opts.chartFolders });
  for (const sk of manifests.skipped) {
    if (!sk.invalid || parsed.problems.some((p) => p.code === 'invalid-object' && p.offset === sk.invalid!.offset)) continue;
    const at = parsed.position(sk.invalid.offset);
    parsed.problems.push({
      code: 'invalid-object',
      message: sk.invalid.message,
      severity: 'error',
      line: at.line,
      column: at.column,
      offset: at.offset,
      docIndex: sk.docIndex,
    });
  }
  if (opts.docIndexOffset) {
    for (const m of manifests.manifests) m.docIndex += opts.docIndexOffset;
    for (const p of parsed.problems) p.docIndex += opts.docIndexOffset;
  }
  return manifests;
}

/** The `file-not-scanned` findings for the parse problems `document-limit` and `flow-limit` (documents and flow items not read), in order, each at its problem. */
export function limitsNotRead(problems: readonly ParseProblem[]): NotScanned[] {
  const out: NotScanned[] = [];
  for (const p of problems) {
    if (p.code !== 'document-limit' && p.code !== 'flow-limit') continue;
    out.push({
      messageId: p.code === 'document-limit' ? 'documentLimit' : 'flowLimit',
      data: { message: p.message },
      range: pointAt(p),
      detail: `${p.code}:${p.docIndex}`,
    });
  }
  return out;
}

/** Where the time budget ran out: the policy (index in the enabled policies) and the object (index in the file's manifests) not checked first. */
export interface OutOfTime {
  policy: number;
  manifest: number;
}

/**
 * The `timeBudget` finding: what was not checked (the policy from the object where it stopped on,
 * and the enabled policies after it on every object, `file-not-scanned` left out), at the start of
 * that object.
 */
export function timeBudgetNotScanned(
  enabled: readonly Pick<AnyPolicy, 'id'>[],
  manifests: readonly Pick<Manifest, 'docIndex' | 'kind' | 'name' | 'node'>[],
  outOfTime: OutOfTime,
  opts: EngineOptions,
): NotScanned {
  const objects = manifests.length;
  const left = enabled
    .slice(outOfTime.policy + 1)
    .map((p) => p.id)
    .filter((id) => id !== FILE_NOT_SCANNED_ID);
  const first = manifests[outOfTime.manifest]!;
  const what =
    `${enabled[outOfTime.policy]!.id} from document ${first.docIndex + 1} (${first.kind} ${first.name || '(unnamed)'}) on` +
    (left.length > 0 ? `, and ${left.join(', ')} on ${objects === 1 ? 'the object' : `all ${objects} objects`}, were` : ' was');
  const start = first.node.range.start;
  return { messageId: 'timeBudget', data: { budget: budgetSeconds(opts), what }, range: { start, end: start }, detail: 'time-budget' };
}

/** What every policy's reports of one file share (the file, its objects, options, the findings so far). */
interface FileRun {
  path: string;
  text: string;
  parsed: ParsedFile;
  manifests: readonly Manifest[];
  /** The workload view of each manifest (same index), when it has a PodSpec. */
  workloads: readonly (Workload | undefined)[];
  policyIds: ReadonlySet<string>;
  /** The `context.images` of every check. */
  images: ImageFacts;
  /** The `context.buildArtifacts` of every check. */
  buildArtifacts: readonly BuildArtifacts[];
  opts: EngineOptions;
  /** `performance.now()` by which the file's checks must be done; undefined: no limit. */
  deadline: number | undefined;
  /** The findings, in the order reported (appended to). */
  raw: RawFinding[];
  /** How many findings had each base fingerprint so far (a repeated one gets a numbered fingerprint). */
  seen: Map<string, number>;
  objectOf: (m: Manifest) => FindingObject;
  containerOf: (c: Container) => NonNullable<Finding['container']>;
  /** The range at the start of the file (findings of a file, not of an object). */
  fileRange: () => SourceRange;
}

const NO_FACTS: ReadonlyMap<string, never> = new Map<string, never>();

/** The `context.images` of a run: `opts.images`, a map it leaves out empty. */
function imageFacts(opts: EngineOptions): ImageFacts {
  const given = opts.images;
  return {
    digests: given?.digests ?? NO_FACTS,
    digestErrors: given?.digestErrors ?? NO_FACTS,
    configs: given?.configs ?? NO_FACTS,
    configErrors: given?.configErrors ?? NO_FACTS,
  };
}

/**
 * One object and one container description per manifest and container, shared by their findings
 * (never mutated): 100,000 findings need not carry 200,000 copies.
 */
function findingDescriptions(): Pick<FileRun, 'objectOf' | 'containerOf'> {
  const objects = new Map<Manifest, FindingObject>();
  const objectOf = (m: Manifest): FindingObject => {
    let o = objects.get(m);
    if (!o) objects.set(m, (o = { apiVersion: m.apiVersion, kind: m.kind, name: m.name, namespace: m.namespace, docIndex: m.docIndex }));
    return o;
  };
  const containers = new Map<Container, NonNullable<Finding['container']>>();
  const containerOf = (c: Container): NonNullable<Finding['container']> => {
    let o = containers.get(c);
    if (!o) containers.set(c, (o = { name: c.name, type: c.type, index: c.index }));
    return o;
  };
  return { objectOf, containerOf };
}

/** Run the `enabled` policies in order over the file; where the time budget ran out, or undefined when every check ran. */
function runPolicies(fileRun: FileRun, enabled: readonly AnyPolicy[]): OutOfTime | undefined {
  for (const [policyIndex, policy] of enabled.entries()) {
    const manifest = runPolicy(fileRun, policy);
    if (manifest !== undefined) return { policy: policyIndex, manifest };
  }
  return undefined;
}

/**
 * Run one policy over the file: its `checkFile` once, then its `check` once per object, each with
 * its context and `report` (which appends to `fileRun.raw`); a check that throws is a
 * `policy-error` finding. The time budget is checked before each object (a policy's check of one
 * object is not cut): returns the index of the object not checked when it ran out, else undefined.
 */
function runPolicy(fileRun: FileRun, policy: AnyPolicy): number | undefined {
  const { path, text, parsed, manifests, workloads, policyIds, images, buildArtifacts, opts, deadline, raw, seen, objectOf, containerOf, fileRange } = fileRun;
  const severityOverride = opts.severity?.[policy.id];
  if (severityOverride === 'off') return undefined;
  const severity: Severity = severityOverride ?? policy.meta.defaultSeverity;
  const options = { ...(policy.meta.defaultOptions ?? {}), ...(opts.options?.[policy.id] ?? {}) };
  const makeReport = (m: Manifest | undefined, w?: Workload, manifestIndex?: number) => (d: ReportDescriptor) => {
    const template = policy.meta.messages[d.messageId];
    if (template === undefined) throw new TypeError(`policy ${policy.id} reported unknown messageId ${JSON.stringify(d.messageId)}`);
    if (d.fix !== undefined && !policy.meta.fixable) throw new TypeError(`policy ${policy.id} reported a fix but its meta.fixable is false`);
    const suggest = d.suggest ?? [];
    for (const s of suggest) {
      if (policy.meta.messages[s.messageId] === undefined)
        throw new TypeError(`policy ${policy.id} suggested with unknown messageId ${JSON.stringify(s.messageId)}`);
    }
    const kind = d.fixKind ?? 'safe';
    if (!FIX_KINDS.has(kind)) throw new TypeError(`policy ${policy.id} reported an unknown fixKind ${JSON.stringify(kind)}`);
    if (d.fixMessageId !== undefined && policy.meta.messages[d.fixMessageId] === undefined)
      throw new TypeError(`policy ${policy.id} reported unknown fixMessageId ${JSON.stringify(d.fixMessageId)}`);
    // A fix the run does not apply (a guess or a behaviour change not asked for) becomes a suggestion of its kind.
    const applied = d.fix !== undefined && !opts.verification && appliesFix(kind, policy.id, opts.applyFixes);
    const held = d.fix !== undefined && !opts.verification && !applied && kind !== 'safe' ? [heldFixSuggestion(policy, d, kind)] : [];
    const message = formatMessage(template, d.data);
    const range = opts.verification ? NO_RANGE : d.node ? (d.key ? d.node.keyRange : d.node.range) : (d.range ?? (m ? m.node.range : fileRange()));
    const object = m && objectOf(m);
    const c = d.container;
    // A container is identified by its name; by its index too when the name is missing or
    // shared (an invalid pod), so that fixing one never hands its fingerprint to the other.
    const shared = c && (!c.name || (w ? containerNameCount(w, c.type, c.name) : 0) > 1);
    const containerId = c ? (shared ? `${c.name}#${c.index}` : c.name) : undefined;
    const base = fingerprintOf([policy.id, path, m?.kind, m?.namespace, m?.name, m?.docIndex, c?.type, containerId, d.messageId, d.detail]);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    const fingerprint = n === 0 ? base : fingerprintOf([base, n]);
    const objectLabel = m ? `${m.kind}/${m.namespace ? m.namespace + '/' : ''}${m.name || '(unnamed)'}` : path;
    const groupKey = c ? `${m?.docIndex}:${c.path.join('.')}` : `${m?.docIndex ?? -1}:${m ? m.node.path.join('.') : ''}:object`;
    raw.push({
      finding: {
        policyId: policy.id,
        severity: d.severity !== undefined && SEVERITY_RANK[d.severity] < SEVERITY_RANK[severity] ? d.severity : severity,
        messageId: d.messageId,
        message,
        file: path,
        range,
        object,
        container: c ? containerOf(c) : undefined,
        fingerprint,
        fixId: undefined,
        fixProblem: undefined,
        suggestions: [],
      },
      groupKey,
      groupLabel: { docIndex: m?.docIndex ?? -1, object: objectLabel, container: c?.name },
      manifestIndex,
      fix: applied ? d.fix!(fixer) : undefined,
      ...(applied && kind !== 'safe' ? { fixKind: kind } : {}),
      suggestions: opts.verification
        ? []
        : [
            ...held,
            ...suggest.map((s) => ({
              message: formatMessage(policy.meta.messages[s.messageId]!, s.data),
              ops: s.fix(fixer),
              ...(s.kind ? { kind: s.kind } : {}),
            })),
          ],
    });
  };
  const failed = (m: Manifest | undefined, err: unknown) => raw.push(policyErrorFinding(policy.id, path, m, err, fileRange));
  if (policy.checkFile) {
    try {
      policy.checkFile({ file: path, text, problems: parsed.problems, options, report: makeReport(undefined) });
    } catch (err) {
      failed(undefined, err);
    }
  }
  const fileObjects = manifests.map((manifest, i) => ({ manifest, workload: workloads[i] }));
  for (const [i, m] of manifests.entries()) {
    if (deadline !== undefined && performance.now() > deadline) return i;
    try {
      policy.check({
        file: path,
        policyIds,
        manifest: m,
        workload: workloads[i],
        fileObjects,
        options,
        images,
        buildArtifacts,
        report: makeReport(m, workloads[i], i),
      });
    } catch (err) {
      failed(m, err);
    }
  }
  return undefined;
}

const FIX_KINDS: ReadonlySet<string> = new Set<FixKind>(['safe', 'guess', 'behaviour']);

/** The message of a held-back fix without `fixMessageId`, by kind. */
const HELD_FIX_MESSAGE: Record<'guess' | 'behaviour', string> = {
  guess: 'The fix rests on a guess: check that it fits the workload before applying it.',
  behaviour: 'The fix can change what the workload does: apply it only when the workload does not need what it removes.',
};

/**
 * The suggestion a policy's `guess` or `behaviour` fix becomes when the run does not apply it:
 * the `fixMessageId` message (else {@link HELD_FIX_MESSAGE}), its kind, and why it is not applied.
 */
function heldFixSuggestion(policy: AnyPolicy, d: ReportDescriptor, kind: 'guess' | 'behaviour'): RawFinding['suggestions'][number] {
  const template = d.fixMessageId !== undefined ? policy.meta.messages[d.fixMessageId]! : HELD_FIX_MESSAGE[kind];
  const reason =
    kind === 'guess'
      ? 'a guess; applied only when guesses are included'
      : `a behaviour change; applied only when behaviour changes of ${policy.id} are applied`;
  return { message: formatMessage(template, d.data), ops: d.fix!(fixer), kind, reason, heldFix: true };
}

/**
 * The `policy-error` finding of policy `policyId` throwing `err` on object `m` (undefined: in its
 * `checkFile`) of file `path`: an error at the object, else at `fileRange()`, with the thrown
 * message (a non-Error as a string).
 */
export function policyErrorFinding(policyId: string, path: string, m: Manifest | undefined, err: unknown, fileRange: () => SourceRange): RawFinding {
  const detail = err instanceof Error ? err.message : String(err);
  return {
    finding: {
      policyId: 'policy-error',
      severity: 'error',
      messageId: 'policyFailed',
      message: `policy ${policyId} failed on file ${path}${m ? ` (${m.kind} ${m.name})` : ''}: ${detail}`,
      file: path,
      range: m ? m.node.range : fileRange(),
      object: m && { apiVersion: m.apiVersion, kind: m.kind, name: m.name, namespace: m.namespace, docIndex: m.docIndex },
      container: undefined,
      fingerprint: fingerprintOf(['policy-error', policyId, path, m?.docIndex, m?.kind, m?.name]),
      fixId: undefined,
      fixProblem: undefined,
      suggestions: [],
    },
    groupKey: `error:${policyId}:${m?.docIndex}`,
    groupLabel: { docIndex: m?.docIndex ?? -1, object: m?.name ?? path, container: undefined },
    manifestIndex: undefined,
    fix: undefined,
    suggestions: [],
  };
}

/** The `exemption` check's message ids for refusals that are findings (`notAtBase` is only listed). */
const REFUSAL_MESSAGES: Partial<Record<ExemptionRefusal, string>> = {
  annotationsDisabled: 'annotationsDisabled',
  policyNotAllowed: 'policyNotAllowed',
  expiryRequired: 'expiryRequired',
  expiryTooFar: 'expiryTooFar',
};

/**
 * Mark findings an exemption covers as suppressed (annotations on the object or its pod template
 * that the governance honours, then the configuration's exemptions), add an info finding of the
 * `exemption` check for each expired exemption that would have applied (the finding is back),
 * and a finding of that check (its configured severity) at each annotation the governance
 * refuses for a reason other than `notAtBase`. Returns the records of annotation exemptions
 * refused or not at the base commit.
 */
function applyExemptions(
  path: string,
  raw: RawFinding[],
  manifests: readonly Manifest[],
  workloads: readonly (Workload | undefined)[],
  policies: readonly AnyPolicy[],
  opts: EngineOptions,
): ExemptionRecord[] {
  const policyIds = new Set([...policies.map((p) => p.id), ...(opts.knownPolicyIds ?? [])]);
  const exemptionPolicy = policies.find((p) => p.id === EXEMPTION_CHECK_ID);
  const expiredTemplate =
    exemptionPolicy?.meta.messages.expired ?? 'The exemption {{source}} expired on {{expires}}: the findings it covered are reported again.';
  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  const config = opts.exemptions ?? [];
  const governance = opts.exemptionGovernance;
  const base = opts.baseExemptions ? (Object.hasOwn(opts.baseExemptions, path) ? opts.baseExemptions[path]! : []) : undefined;
  const records: ExemptionRecord[] = [];
  const recordOf = new Map<AnnotationExemption, ExemptionRecord>();
  const honoured = manifests.map((m, i) => {
    const all = annotationExemptions(m, workloads[i], policyIds).exemptions;
    const kept: AnnotationExemption[] = [];
    for (const a of all) {
      const refusals = refusalsOf(a, m, governance, base, today);
      const atBase = base === undefined ? undefined : refusals.includes('notAtBase') ? false : isAtBase(a, m, base);
      if (refusals.length === 0) kept.push(a);
      if (refusals.length === 0 && atBase !== false) continue;
      const at = a.node.keyRange.start;
      const record: ExemptionRecord = {
        file: path,
        line: at.line,
        column: at.column,
        object: { kind: m.kind, namespace: m.namespace, name: m.name },
        on: a.on,
        key: a.key,
        policy: a.policy,
        containers: a.containers,
        reason: a.reason,
        expires: a.expires,
        atBase,
        honoured: refusals.length === 0,
        refusals,
        why: describeRefusals(refusals, a, governance),
        fingerprints: [],
      };
      records.push(record);
      recordOf.set(a, record);
    }
    return { all, kept };
  });
  const expiredSeen = new Set<string>();
  const push = (finding: Finding, manifestIndex: number | undefined) =>
    raw.push({
      finding,
      groupKey: `exemption:${finding.fingerprint}`,
      groupLabel: { docIndex: finding.object?.docIndex ?? -1, object: path, container: undefined },
      manifestIndex,
      fix: undefined,
      suggestions: [],
    });
  for (const r of [...raw]) {
    const f = r.finding;
    if (f.policyId === 'policy-error' || f.policyId === EXEMPTION_CHECK_ID) continue;
    const own = r.manifestIndex !== undefined ? honoured[r.manifestIndex]! : { all: [], kept: [] };
    for (const a of own.all) {
      const record = recordOf.get(a);
      if (record && exemptionCovers(a, f)) record.fingerprints.push(f.fingerprint);
    }
    // What was not scanned is exempted only by a configuration exemption naming the check itself
    // (never by an annotation in the file, nor by `policy: "*"`).
    const notScanned = f.policyId === FILE_NOT_SCANNED_ID;
    const match = notScanned
      ? findSuppression(
          f,
          [],
          config.filter((e) => e.policy === FILE_NOT_SCANNED_ID),
          today,
        )
      : findSuppression(f, own.kept, config, today);
    if (!match) continue;
    if ('suppression' in match) {
      f.suppressed = match.suppression;
      continue;
    }
    const e = match.expired;
    const fingerprint = fingerprintOf([EXEMPTION_CHECK_ID, path, e.source, e.expires, f.policyId]);
    if (expiredSeen.has(fingerprint)) continue;
    expiredSeen.add(fingerprint);
    push(
      {
        policyId: EXEMPTION_CHECK_ID,
        severity: 'info',
        messageId: 'expired',
        message: formatMessage(expiredTemplate, { source: e.source, expires: e.expires }),
        file: path,
        range: e.range ?? f.range,
        object: f.object,
        container: undefined,
        fingerprint,
        fixId: undefined,
        fixProblem: undefined,
        suggestions: [],
      },
      r.manifestIndex,
    );
  }
  // Refusals the configuration's rules make (not a missing base): a finding at the annotation.
  const severity = opts.severity?.[EXEMPTION_CHECK_ID] ?? exemptionPolicy?.meta.defaultSeverity ?? 'warning';
  if (severity === 'off') return records;
  manifests.forEach((m, i) => {
    for (const a of honoured[i]!.all) {
      const record = recordOf.get(a);
      const messageId = record?.refusals.map((x) => REFUSAL_MESSAGES[x]).find((x) => x !== undefined);
      if (!record || !messageId) continue;
      const template = exemptionPolicy?.meta.messages[messageId] ?? 'The exemption {{source}} is not honoured: {{why}}.';
      const fingerprint = fingerprintOf([EXEMPTION_CHECK_ID, path, m.kind, m.namespace, m.name, m.docIndex, a.on, a.key, messageId]);
      const object: FindingObject = { apiVersion: m.apiVersion, kind: m.kind, name: m.name, namespace: m.namespace, docIndex: m.docIndex };
      push(
        {
          policyId: EXEMPTION_CHECK_ID,
          severity,
          messageId,
          message: formatMessage(template, { source: a.source, why: record.why, findings: String(record.fingerprints.length) }),
          file: path,
          range: opts.verification ? NO_RANGE : a.node.keyRange,
          object,
          container: undefined,
          fingerprint,
          fixId: undefined,
          fixProblem: undefined,
          suggestions: [],
        },
        i,
      );
    }
  });
  return records;
}
