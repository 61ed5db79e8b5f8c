/**
 * Skaffold projects (`skaffold.yaml`): which images a project builds, and which manifests it
 * deploys, so that an `image:` naming one of its build artifacts is known as a placeholder
 * (EngineOptions.buildArtifacts) rather than reported as an unpinned image.
 *
 * Skaffold's rule (GoogleContainerTools/skaffold, pkg/skaffold/kubernetes/manifest/images.go,
 * `imageReplacer.Visit`): at deploy (`skaffold run`/`deploy`, after rendering) every `image` value
 * of the manifests it deploys is parsed as an image reference; one that carries a digest is left
 * as it is; otherwise, when its name without the tag (`docker.ParseReference(...).BaseName`, the
 * name exactly as written, not normalised: `nginx` and `docker.io/library/nginx` differ) equals an
 * artifact's `image`, it is replaced by the built image — `name:tag@sha256:digest` when pushed
 * (skaffold.dev/docs/taggers, "How tagging works": Skaffold always uses immutable references).
 * A tag written in the manifest is thus ignored. Artifact images carry no tag (Skaffold refuses
 * one); an artifact written with a tag or digest is not used here.
 *
 * What is read: every YAML document of the file whose `apiVersion` starts with `skaffold/`
 * (several configs separated by `---`), each one's `build.artifacts[].image` and
 * `profiles[].build.artifacts[].image` (every profile: any may be active), its manifests
 * (`manifests.rawYaml` of schema v3/v4, `deploy.kubectl.manifests` of v1/v2, and the same in
 * profiles), and its `requires[].path` (another skaffold.yaml, or a folder holding one; git and
 * remote requirements are not followed), whose artifacts the requiring project builds too.
 * Manifest globs are relative to the folder of the skaffold.yaml that lists them; a URL or an
 * absolute path is not used; a project that lists no manifests covers its folder's tree.
 * JSON patches of profiles are not applied.
 */
import { posix } from 'node:path';
import { minimatch } from 'minimatch';
import type { BuildArtifacts, EngineOptions } from './engine/index.js';
import { parseImageReference } from './k8s/index.js';
import { parseYaml } from './yaml/index.js';

/** The file name Skaffold reads by default. */
export const SKAFFOLD_FILE = 'skaffold.yaml';

/** How many `requires` levels are followed (a cycle stops at a file already read). */
const MAX_REQUIRES_DEPTH = 10;

/** One Skaffold project as kube-immutable reads it. */
export interface SkaffoldProject {
  /** Path of the skaffold.yaml (POSIX, relative to the root the reader reads from). */
  config: string;
  /** The artifacts' image names (no tag or digest), its own and its required configs', each once. */
  images: string[];
  /** Globs of the manifests deployed (relative to the same root), each once; never empty. */
  manifests: string[];
  /** Why something was not used (a syntax error, a tagged artifact, a required file not found), one line each. */
  problems: string[];
}

/** Where skaffold.yaml files are read from: text of a POSIX path, undefined when absent (or refused). */
export interface SkaffoldFiles {
  read(path: string): Promise<string | undefined>;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const listOf = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const stringsOf = (v: unknown): string[] => listOf(v).filter((s): s is string => typeof s === 'string' && s !== '');

/** The artifact images, manifest globs and required paths of one config (or profile) object. */
function partsOf(o: Record<string, unknown>): { images: unknown[]; manifests: string[]; requires: string[] } {
  const build = isRecord(o.build) ? o.build : {};
  const images = listOf(build.artifacts).map((a) => (isRecord(a) ? a.image : undefined));
  const manifests = isRecord(o.manifests) ? stringsOf(o.manifests.rawYaml) : [];
  const deploy = isRecord(o.deploy) && isRecord(o.deploy.kubectl) ? stringsOf(o.deploy.kubectl.manifests) : [];
  const requires = listOf(o.requires).flatMap((r) => (isRecord(r) && typeof r.path === 'string' && r.path !== '' ? [r.path] : []));
  return { images, manifests: [...manifests, ...deploy], requires };
}

/** The name of an artifact image, or why it is not used. */
function artifactName(v: unknown): { name: string } | { problem: string } | undefined {
  if (typeof v !== 'string' || v === '') return undefined;
  const ref = parseImageReference(v);
  if (ref.problem) return { problem: `artifact image "${v}" is not a valid image name (${ref.problem})` };
  if (ref.tag !== undefined || ref.digest !== undefined) return { problem: `artifact image "${v}" has a tag or digest, which Skaffold refuses` };
  return { name: v };
}

/**
 * The project of the skaffold.yaml at `configPath` (POSIX, relative to the reader's root), read
 * through `files` with the configs it requires; undefined when the file is absent or holds no
 * Skaffold config. Never throws for bad content (a syntax error is a problem); rejects only when
 * `files.read` rejects.
 */
export async function readSkaffoldProject(configPath: string, files: SkaffoldFiles): Promise<SkaffoldProject | undefined> {
  const images = new Set<string>();
  const manifests = new Set<string>();
  const problems: string[] = [];
  const seen = new Set<string>();
  const readOne = async (path: string, depth: number): Promise<boolean> => {
    if (seen.has(path)) return true;
    seen.add(path);
    const text = await files.read(path);
    if (text === undefined) return false;
    const parsed = parseYaml(text);
    const dir = posix.dirname(path);
    let configs = 0;
    for (const doc of parsed.documents) {
      if (doc.hasErrors) {
        problems.push(`${path}: a document has a YAML syntax error; it was not read`);
        continue;
      }
      const data = doc.data;
      if (!isRecord(data) || typeof data.apiVersion !== 'string' || !data.apiVersion.startsWith('skaffold/')) continue;
      configs++;
      const parts = [partsOf(data), ...listOf(data.profiles).flatMap((p) => (isRecord(p) ? [partsOf(p)] : []))];
      const own = parts.flatMap((p) => p.manifests).filter((g) => !g.includes('://') && !g.startsWith('/'));
      if (own.length === 0) manifests.add(dir === '.' ? '**' : `${dir}/**`);
      for (const g of own) manifests.add(posix.normalize(posix.join(dir, g)));
      for (const v of parts.flatMap((p) => p.images)) {
        const a = artifactName(v);
        if (a && 'name' in a) images.add(a.name);
        else if (a) problems.push(`${path}: ${a.problem}; it was not used`);
      }
      for (const r of parts.flatMap((p) => p.requires)) {
        if (r.startsWith('/') || depth >= MAX_REQUIRES_DEPTH) continue;
        const target = posix.normalize(posix.join(dir, r));
        const file = /\.ya?ml$/.test(target) ? target : posix.join(target, SKAFFOLD_FILE);
        if (!(await readOne(file, depth + 1))) problems.push(`${path}: the required config ${file} was not found`);
      }
    }
    return configs > 0;
  };
  if (!(await readOne(configPath, 0))) return undefined;
  return { config: configPath, images: [...images], manifests: [...manifests], problems };
}

/** True when `file` (POSIX, same root as the project) is among the manifests `project` deploys. */
export function deploysFile(project: SkaffoldProject, file: string): boolean {
  return project.manifests.some((g) => minimatch(file, g, { dot: true }));
}

/**
 * The folders from `file`'s own up to the root (`a/b/x.yaml` → `a/b`, `a`, `.`); none for a path
 * that is absolute or leaves the root (`../x.yaml`): no project of the tree deploys it.
 */
function foldersUp(file: string): string[] {
  if (file.startsWith('/') || file === '..' || file.startsWith('../')) return [];
  const out: string[] = [];
  let dir = posix.dirname(file);
  for (;;) {
    out.push(dir);
    if (dir === '.' || dir === '') return out;
    dir = posix.dirname(dir);
  }
}

/**
 * For each of `files` (POSIX paths relative to the reader's root): the artifacts of the Skaffold
 * projects that deploy it — a skaffold.yaml in the file's folder or any folder above it, up to
 * the root, whose manifest globs cover the file. Files without any are left out (so are projects
 * without artifacts). `projects` lists every project read (for messages), `problems` theirs.
 * Each skaffold.yaml is read once; one `lookIn` (default: all) says false for is not asked for
 * at all (a hint to save requests; what is read still comes from `reader` alone). Rejects only
 * when `files.read` rejects.
 */
export async function skaffoldArtifacts(
  files: readonly string[],
  reader: SkaffoldFiles,
  lookIn: (config: string) => boolean = () => true,
): Promise<{ byFile: Record<string, BuildArtifacts[]>; projects: SkaffoldProject[]; problems: string[] }> {
  const projects = new Map<string, SkaffoldProject | undefined>();
  const byFile: Record<string, BuildArtifacts[]> = {};
  for (const file of files) {
    const found: BuildArtifacts[] = [];
    for (const dir of foldersUp(file)) {
      const config = posix.join(dir, SKAFFOLD_FILE);
      if (!projects.has(config)) projects.set(config, lookIn(config) ? await readSkaffoldProject(config, reader) : undefined);
      const p = projects.get(config);
      if (p && p.images.length > 0 && deploysFile(p, file)) found.push({ tool: 'skaffold', config: p.config, images: p.images });
    }
    if (found.length > 0) Object.defineProperty(byFile, file, { value: found, enumerable: true, writable: true, configurable: true });
  }
  const read = [...projects.values()].filter((p): p is SkaffoldProject => p !== undefined);
  return { byFile, projects: read, problems: read.flatMap((p) => p.problems) };
}

/**
 * `engine` with `buildArtifacts` for `files` (see {@link skaffoldArtifacts}), read through
 * `reader` — which must give only files the run trusts: the user's own tree in the CLI, the
 * base commit's git objects in the action, never a pull request's. `engine` is returned as it is
 * when no scanned file is deployed by a project with artifacts. `lookIn`: see
 * {@link skaffoldArtifacts}.
 */
export async function withBuildArtifacts(
  engine: EngineOptions,
  files: readonly string[],
  reader: SkaffoldFiles,
  lookIn?: (config: string) => boolean,
): Promise<{ engine: EngineOptions; projects: SkaffoldProject[]; problems: string[] }> {
  const { byFile, projects, problems } = await skaffoldArtifacts(files, reader, lookIn);
  if (Object.keys(byFile).length === 0) return { engine, projects, problems };
  return { engine: { ...engine, buildArtifacts: { ...engine.buildArtifacts, ...byFile } }, projects, problems };
}
