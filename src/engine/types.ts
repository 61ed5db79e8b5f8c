import type { SkippedDocument } from '../k8s/index.js';
import type { ParseProblem, SourceRange, TextEdit } from '../yaml/index.js';
import type { Severity } from './policy.js';

/** A file to scan: its path (as shown to users, `/`-separated) and its text. */
export interface SourceFile {
  path: string;
  text: string;
  /**
   * Set when the file exists but its text could not be decoded (e.g. `not valid UTF-8 text`):
   * the reason. `text` is then ignored (`''` by convention) and the file is a `file-not-scanned`
   * finding at line 1, never only a warning.
   */
  unreadable?: string;
}

/** The object a finding is about. */
export interface FindingObject {
  apiVersion: string;
  kind: string;
  name: string;
  namespace: string | undefined;
  /** 0-based YAML document index in the file. */
  docIndex: number;
}

/** An alternative remedy: edits against the original text, not applied by `fix`. */
export interface FindingSuggestion {
  message: string;
  edits: TextEdit[];
}

/**
 * Why a finding is suppressed: an exemption annotation on the object (`inSource`) or an exemption
 * in the configuration (`external`), as SARIF names suppression kinds. Suppressed findings are
 * still reported (summary, JSON, SARIF) but never commented on, fixed or counted for fail-level.
 */
export interface Suppression {
  kind: 'inSource' | 'external';
  /** The reason given with the exemption. */
  justification: string;
  /** Where the exemption is: `annotation ignore.kube-immutable.io/all on Deployment/web`, `.github/kube-immutable.yaml:12`. */
  source: string;
  /** Expiry date (YYYY-MM-DD) when one was given. */
  expires?: string;
}

/**
 * An exemption from a configuration file: a policy id (or `*`), optional scope (file globs,
 * object kind/name/namespace, containers), a required reason and an optional expiry date
 * (YYYY-MM-DD; from that day on it no longer applies and a notice says so).
 */
export interface ConfigExemption {
  policy: string;
  files?: string[];
  kind?: string;
  name?: string;
  namespace?: string;
  containers?: string[];
  reason: string;
  expires?: string;
  /** `file:line` of the exemption, for messages. */
  source: string;
}

/** One finding of one policy. */
export interface Finding {
  policyId: string;
  severity: Severity;
  messageId: string;
  message: string;
  file: string;
  /** Exact range of the offending key, or of the container/object where a key is missing. */
  range: SourceRange;
  object: FindingObject | undefined;
  container: { name: string; type: string; index: number } | undefined;
  /** Stable across edits of unrelated lines: policy, file, object, container, message, detail. */
  fingerprint: string;
  /** Id of the verified {@link FixGroup} that fixes this finding, when there is one. */
  fixId: string | undefined;
  /** Why a fix was offered but dropped (it failed verification), when that happened. */
  fixProblem: string | undefined;
  suggestions: FindingSuggestion[];
  /** Set when an exemption applies: the finding is reported as suppressed only. */
  suppressed?: Suppression;
}

/**
 * All fixes of one container (or of one object, for object-level findings) merged into one
 * edit set against the original text, verified by re-parsing and re-checking.
 */
export interface FixGroup {
  id: string;
  file: string;
  docIndex: number;
  /** `Kind/namespace/name` of the object. */
  object: string;
  /** The container's name when the group is about one container. */
  container: string | undefined;
  /** Names of all containers the group fixes (several when their fixes share lines and were merged). */
  containers: string[];
  /** Fingerprints of the findings this group fixes. */
  findings: string[];
  /** Non-overlapping edits against the original text (empty when not verified). */
  edits: TextEdit[];
  verified: boolean;
  /** Why verification failed. */
  problem: string | undefined;
}

/** What happened to one file. */
export interface FileResult {
  path: string;
  /** Set when the whole file was skipped (unreadable, binary, too large, an unparseable Helm template); a `file-not-scanned` finding says so too. */
  skipped: string | undefined;
  skippedDocuments: SkippedDocument[];
  problems: ParseProblem[];
  /** Number of Kubernetes objects found. */
  manifests: number;
  /** The text with every verified fix applied, when at least one applies. */
  fixedText: string | undefined;
  /**
   * The edits (0-based offsets into the original text) that give `fixedText`, when it is set:
   * reports diff only the lines around them.
   */
  fixedEdits?: TextEdit[];
}

/** The result of a run over many files. */
export interface RunResult {
  files: FileResult[];
  findings: Finding[];
  fixes: FixGroup[];
}

/**
 * How a fix group is named to users: `container "nginx" of Deployment/web`, `containers "c1",
 * "c2" of Pod/holiday`, or the object alone.
 */
export function fixGroupLabel(group: Pick<FixGroup, 'containers' | 'object'>): string {
  const names = group.containers.map((c) => `"${c}"`).join(', ');
  if (group.containers.length > 1) return `containers ${names} of ${group.object}`;
  if (group.containers.length === 1) return `container ${names} of ${group.object}`;
  return group.object;
}
