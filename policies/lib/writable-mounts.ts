import {
  allocateVolumeName,
  caveatApplies,
  type Container,
  type ImageFacts,
  type Fixer,
  type FixOperation,
  isLikelyTypo,
  isPathWritable,
  isWritableMount,
  mountCovers,
  normalisePath,
  volumeMounts,
  volumeSources,
  type Workload,
  type WritablePath,
  writablePathHints,
  writablePathsFor,
  type YNode,
} from '../../src/api/policy.js';

/** The writable paths a container still lacks, with what the message should say about them. */
export interface MissingMounts {
  /** Paths to mount an emptyDir on. */
  paths: WritablePath[];
  /** Paths the image writes that are mounted read-only at exactly that path: no second mount can go there. */
  blocked: WritablePath[];
  /** Paths a writable mount misses by a typo (`/var/cache/nginc`): the fix corrects that mount's path. */
  typos: { path: WritablePath; mount: YNode; mountPath: string }[];
  /**
   * Paths the image writes where an emptyDir would hide a file the manifest names (a
   * `-javaagent:/tmp/agent.jar` in JAVA_TOOL_OPTIONS under `/tmp`): no fix mounts there, and a
   * read-only fix is not offered (the write would fail, the mount would hide the file).
   */
  hiding: { path: WritablePath; file: string }[];
  /**
   * Caveats of the image that break it under a read-only root filesystem in this container
   * (`yes`: no read-only fix; `maybe`: the fix is only a guess), as sentences.
   */
  breaks: { text: string; applies: 'yes' | 'maybe' }[];
  /**
   * Paths of `paths` only the inspected image config declares (a `VOLUME` the known image's table
   * entry does not list): what the image holds there is unknown (a Dockerfile may COPY files and
   * then declare the VOLUME; containerd copies them into the image's volume), and an emptyDir
   * starts empty, so a fix mounting one there is a guess. Empty for a guess (`image` undefined).
   */
  unverified: WritablePath[];
  /** The table entry's image name, or undefined for the `/tmp` guess. */
  image: string | undefined;
  guess: boolean;
  /**
   * Why the paths are a guess, as a clause (`the image "x:1" is not in the table of known images`,
   * `"busybox:1.36" is a base image (busybox) whose writes depend on the command it runs`); '' when known.
   */
  whyGuess: string;
  /** Sentence(s) for the message: which paths, why, guesses, PersistentVolumeClaim advice, typos. */
  explanation: string;
}

/**
 * The paths `container`'s image writes to that are not already writable through one of its
 * mounts: from the known-images table (src/k8s/image-table.ts) or, for an image it does not name,
 * the image's inspected config (`configs`, keyed by the image as written: `context.images.configs`)
 * and `/tmp` as a guess; plus the folders the container's own `env` names (PGDATA, TMPDIR,
 * XDG_CACHE_HOME, HF_HOME, `-Djava.io.tmpdir=`; src/k8s/writable-paths.ts writablePathHints).
 */
export function missingMounts(w: Workload, c: Container, configs?: ImageFacts['configs']): MissingMounts {
  // Several policies and the volume-name plan ask for the same container: computed once.
  const cached = missingCache.get(c);
  if (cached && cached.w === w && cached.configs === configs) return cached.result;
  const result = computeMissingMounts(w, c, configs);
  missingCache.set(c, { w, configs, result });
  return result;
}

const missingCache = new WeakMap<Container, { w: Workload; configs: ImageFacts['configs'] | undefined; result: MissingMounts }>();

/** File names whose extension says the process reads them (code, libraries, configuration, certificates), never writes them. */
const READ_FILE = /\.(?:jar|war|ear|so|js|mjs|cjs|py|rb|php|lua|sh|conf|cfg|cnf|ini|toml|ya?ml|json|xml|properties|crt|pem|key|p12|jks|keystore)$/i;

/**
 * Absolute file paths the container's `command`, `args` and literal `env` values name that it
 * reads (by extension: {@link READ_FILE}), e.g. `/tmp/opentelemetry-javaagent.jar` from
 * `-javaagent:/tmp/opentelemetry-javaagent.jar`.
 */
function filesRead(c: Container): string[] {
  const words: string[] = [];
  for (const key of ['command', 'args'] as const) {
    const v = c.data[key];
    if (Array.isArray(v)) for (const x of v) if (typeof x === 'string') words.push(x);
  }
  const env = c.data.env;
  if (Array.isArray(env))
    for (const e of env) if (e && typeof e === 'object' && typeof (e as { value?: unknown }).value === 'string') words.push((e as { value: string }).value);
  const files = new Set<string>();
  for (const w of words) {
    for (const m of w.matchAll(/(?:^|[\s=:,"'])(\/[^\s=:,"'$]+)/g)) {
      const path = normalisePath(m[1]!);
      if (READ_FILE.test(path)) files.add(path);
    }
  }
  return [...files];
}

/** The container's plain `env` entries with a literal value (what writablePathHints reads). */
function literalEnv(c: Container): { name: string; value: string }[] {
  const env = c.data.env;
  if (!Array.isArray(env)) return [];
  return env.flatMap((e: unknown) => {
    const { name, value } = (e ?? {}) as { name?: unknown; value?: unknown };
    return typeof name === 'string' && typeof value === 'string' ? [{ name, value }] : [];
  });
}

function computeMissingMounts(w: Workload, c: Container, configs: ImageFacts['configs'] | undefined): MissingMounts {
  const mounts = volumeMounts(c);
  const config = c.image === undefined ? undefined : configs?.get(c.image);
  const known = writablePathsFor(
    c.image,
    mounts.map((m) => m.mountPath),
    config,
  );
  // Folders the manifest itself says the process writes (PGDATA, TMPDIR…), not yet among the image's paths.
  const hints = writablePathHints({ env: literalEnv(c) }).filter((h) => !known.paths.some((p) => mountCovers(p.path, h.path)));
  const hidden = (path: string) => known.contents.some((k) => mountCovers(path, k.path));
  const all: WritablePath[] = [
    ...known.paths,
    ...hints.filter((h) => !hidden(h.path)).map((h) => ({ path: h.path, purpose: h.purpose, note: `${h.env} in the manifest` })),
  ];
  const notWritable = all.filter((p) => !isPathWritable(c, w, p.path));
  const mountedAt = (p: WritablePath) => mounts.find((m) => mountCovers(m.mountPath, p.path) && mountCovers(p.path, m.mountPath));
  const blocked = notWritable.filter((p) => mountedAt(p));
  const sources = volumeSources(w);
  const neededPaths = new Set(all.map((p) => normalisePath(p.path)));
  const typos: MissingMounts['typos'] = [];
  const used = new Set<YNode>();
  for (const p of notWritable) {
    if (mountedAt(p)) continue;
    // A writable mount whose path is one or two characters off, and is not itself a path the image needs.
    const node = (c.node.get('volumeMounts')?.items() ?? []).find((n) => {
      const mp = n.get('mountPath')?.value;
      const name = n.get('name')?.value;
      if (typeof mp !== 'string' || typeof name !== 'string' || used.has(n) || neededPaths.has(normalisePath(mp))) return false;
      return (
        isWritableMount({ name, mountPath: mp, readOnly: n.get('readOnly')?.value === true }, sources) &&
        isPathTypo(normalisePath(mp), p.path) &&
        !sharedWithAnotherContainer(w, c, name)
      );
    });
    if (node) {
      used.add(node);
      typos.push({ path: p, mount: node, mountPath: String(node.get('mountPath')!.value) });
    }
  }
  const rest = notWritable.filter((p) => !mountedAt(p) && !typos.some((t) => t.path === p));
  // A file the manifest names under a folder to mount: the emptyDir would hide it (unless a mount already provides it).
  const named = filesRead(c).filter((f) => !mounts.some((m) => mountCovers(m.mountPath, f)));
  const hiding: MissingMounts['hiding'] = [];
  for (const p of rest) {
    const file = named.find((f) => f !== normalisePath(p.path) && mountCovers(p.path, f));
    if (file) hiding.push({ path: p, file });
  }
  const paths = rest.filter((p) => !hiding.some((h) => h.path === p));
  const env = new Map(literalEnv(c).map((e) => [e.name, e.value]));
  // Variables the manifest does not show plainly (envFrom, valueFrom) could set what a caveat depends on.
  const opaqueEnv =
    c.data.envFrom !== undefined || (Array.isArray(c.data.env) && c.data.env.some((e: unknown) => !env.has(String((e as { name?: unknown })?.name))));
  const breaks = known.breaks.flatMap((b) => {
    const applies = caveatApplies(b, env, opaqueEnv);
    return applies === 'no' ? [] : [{ text: b.text, applies }];
  });
  const unverified = known.guess ? [] : paths.filter((p) => known.fromConfig.includes(p.path));
  const quoted = c.image ? `"${c.image}"` : '(none)';
  const whyGuess = !known.guess
    ? ''
    : known.baseImage
      ? `${quoted} is a base image (${known.baseImage}) whose writes depend on the command it runs`
      : `the image ${quoted} is not in the table of known images${config ? ' and its config matches none' : ''}`;
  const parts: string[] = [];
  for (const b of breaks) {
    parts.push(
      b.applies === 'yes'
        ? `${b.text} No read-only fix is offered: mount a writable copy of that folder (an emptyDir filled from the image by an init container that copies the folder into it) or change the settings that write there.`
        : `${b.text} Whether this container does depends on settings the manifest does not show plainly, so the fix is only a guess.`,
    );
  }
  if (known.matchedBy) parts.push(`${c.image ? `"${c.image}"` : 'The image'} is taken for ${known.image}: ${known.matchedBy}.`);
  for (const t of typos) parts.push(`The mount at ${t.mountPath} looks like a typo of ${t.path.path}: the fix corrects its mountPath.`);
  for (const p of blocked) {
    parts.push(
      `${p.path} is mounted read-only (volume "${mountedAt(p)!.name}"), but ${known.image ?? 'the image'} writes there: mount a writable volume there instead (no fix is offered).`,
    );
  }
  for (const h of hiding) {
    parts.push(
      `${h.path.path} must be writable, but the manifest names ${h.file} in it, which an emptyDir there would hide (an emptyDir starts empty): no fix is offered. Copy the file into the emptyDir before the container starts (an init container of the same image mounting the emptyDir elsewhere and copying ${h.file} into it), or point the writes at another folder (TMPDIR, -Djava.io.tmpdir).`,
    );
  }
  if (paths.length > 0) {
    const list = paths.map((p) => p.path).join(', ');
    const fromManifest = paths.filter((p) => hints.some((h) => h.path === p.path));
    const fromConfig = paths.filter((p) => known.fromConfig.includes(p.path));
    parts.push(
      known.guess
        ? `The suggested fix mounts an emptyDir at ${list}: a guess, since ${whyGuess}; check which paths it writes (it is not applied unless guesses are included).`
        : `The fix mounts emptyDir volumes at ${list}, which ${known.image} writes to.`,
    );
    if (fromConfig.length > 0) parts.push(`${fromConfig.map((p) => p.path).join(', ')}: declared by the image config (${config!.configDigest.slice(0, 19)}…).`);
    if (unverified.length > 0) {
      parts.push(
        `The config does not say what the image holds at ${unverified.map((p) => p.path).join(', ')}: an emptyDir starts empty and would hide files the image put there (containerd fills a VOLUME with them), so mounting it is only a guess.`,
      );
    }
    for (const p of fromManifest) parts.push(hints.find((h) => h.path === p.path)!.reason);
    const data = paths.filter((p) => p.purpose === 'data').map((p) => p.path);
    if (data.length > 0) {
      parts.push(`${data.join(', ')} holds data: use a PersistentVolumeClaim there instead of an emptyDir to keep it.`);
    }
  }
  return {
    paths,
    blocked,
    typos,
    hiding,
    breaks,
    unverified,
    image: known.image,
    guess: known.guess || breaks.some((b) => b.applies === 'maybe'),
    whyGuess,
    explanation: parts.join(' '),
  };
}

const plans = new WeakMap<Workload, { configs: ImageFacts['configs'] | undefined; plan: Map<Container, Map<string, string>> }>();

/**
 * The names of the new emptyDir volumes of a whole pod, planned once for all its containers in
 * order, so that every policy proposing mounts in the same pod uses the same, non-colliding
 * names (fix groups of different containers must combine into one valid pod).
 */
function volumeNamePlan(w: Workload, configs: ImageFacts['configs'] | undefined): Map<Container, Map<string, string>> {
  let entry = plans.get(w);
  if (entry?.configs !== configs) entry = undefined;
  if (!entry) {
    const plan = new Map<Container, Map<string, string>>();
    const taken = new Set(volumeSources(w).keys());
    for (const c of w.containers) {
      const names = new Map<string, string>();
      for (const p of missingMounts(w, c, configs).paths) names.set(p.path, allocateVolumeName(p.path, c.name, taken));
      plan.set(c, names);
    }
    entry = { configs, plan };
    plans.set(w, entry);
  }
  return entry.plan;
}

/**
 * Fix operations for missing mounts: correct the mountPath of each typo mount, and mount a new
 * emptyDir volume at each other path (a volumeMount on the container and a volume on the
 * PodSpec, named by the pod's volume-name plan). `configs`: as given to {@link missingMounts}.
 */
export function mountFixOps(
  fixer: Fixer,
  w: Workload,
  c: Container,
  missing: Pick<MissingMounts, 'paths' | 'typos'>,
  configs?: ImageFacts['configs'],
): FixOperation[] {
  const ops: FixOperation[] = missing.typos.map((t) => fixer.set(t.mount, ['mountPath'], t.path.path));
  const names = volumeNamePlan(w, configs).get(c);
  for (const p of missing.paths) {
    const name = names?.get(p.path);
    if (!name) throw new Error(`no volume name planned for ${p.path}`);
    ops.push(fixer.append(c.node, ['volumeMounts'], { name, mountPath: p.path }));
    ops.push(fixer.append(w.podSpec, ['volumes'], { name, emptyDir: {} }));
  }
  return ops;
}

/**
 * True when `mounted` looks like a typo of `wanted`: the same parent folder and a last segment a
 * character or two off (two only for segments of 8 characters or more), e.g. `/var/cache/nginc`
 * for `/var/cache/nginx` — but not `/app` for `/tmp`, a different short name.
 */
function isPathTypo(mounted: string, wanted: string): boolean {
  const cut = (p: string) => [p.slice(0, p.lastIndexOf('/') + 1), p.slice(p.lastIndexOf('/') + 1)] as const;
  const [mp, ms] = cut(mounted);
  const [wp, ws] = cut(wanted);
  if (mp !== wp || ms === ws) return false;
  return isLikelyTypo(ms, ws, Math.min(ms.length, ws.length) >= 8 ? 2 : 1);
}

const mountersCache = new WeakMap<Workload, Map<string, Set<Container>>>();

/** True when another container mounts the same volume: a deliberately shared folder, not a typo. */
function sharedWithAnotherContainer(w: Workload, c: Container, volume: string): boolean {
  // Who mounts each volume, built once per pod (not a walk of every container per question).
  let mounters = mountersCache.get(w);
  if (!mounters) {
    mounters = new Map();
    for (const o of w.containers) for (const m of volumeMounts(o)) mounters.set(m.name, (mounters.get(m.name) ?? new Set()).add(o));
    mountersCache.set(w, mounters);
  }
  const set = mounters.get(volume);
  return set !== undefined && (set.size > 1 || !set.has(c));
}
