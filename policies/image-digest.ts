import {
  type BuildArtifacts,
  containerLabel,
  definePolicy,
  forEachContainer,
  formatMessage,
  type ImageReference,
  type Manifest,
  parseImageReference,
  type ReportDescriptor,
  type Severity,
} from '../src/api/policy.js';

/** Options of `image-digest`. */
export interface ImageDigestOptions {
  /**
   * Images with a tag other than `latest` but no digest: reported as a warning (default), an
   * error, or not at all (`off`). Never more severe than the policy's configured severity.
   */
  tagWithoutDigest: 'warning' | 'error' | 'off';
}

/** All user-visible text; `hint*` entries fill the `{{hint}}` of the others. */
const MESSAGES = {
  noTag:
    '{{container}} uses image "{{image}}" without a tag or digest: the node pulls whatever "latest" points to at that moment, so the same manifest can run different code. Pin it by digest ({{example}}). {{hint}}',
  mutableTag:
    '{{container}} uses image "{{image}}" with the mutable tag "latest": the same manifest can run different code after every push. Pin it by digest ({{example}}). {{hint}}',
  tagWithoutDigest:
    '{{container}} uses image "{{image}}" by tag only: a tag can be moved to other content, so the same manifest can run different code. Pin it by digest ({{example}}). {{hint}}',
  skaffoldArtifact:
    '{{container}} uses image "{{image}}", which names a build artifact of {{config}}: it is a placeholder that skaffold run/deploy replace with the image Skaffold builds, referenced by its digest ({{name}}:<tag>@sha256:…) when pushed. Nothing to pin here; deploy this manifest through Skaffold.',
  invalidReference: '{{container}} has an invalid image reference "{{image}}": {{problem}}.',
  overrideMutableTag:
    '{{object}} sets the tag of image "{{name}}" to the mutable "latest" for everything it deploys ({{image}}): the same manifests can run different code after every push. Pin it by digest: set digest: sha256:… on this images entry.',
  overrideTagWithoutDigest:
    '{{object}} sets image "{{name}}" to {{image}} by tag only for everything it deploys: a tag can be moved to other content, so the same manifests can run different code. Pin it by digest: set digest: sha256:… on this images entry.',
  hintFix: 'The fix pins it to {{digest}}, the digest the registry gives for it now.',
  hintResolve: 'To get a fix that pins the current digest, run kube-immutable scan/fix with --resolve-digests (in the action: resolve-digests: true).',
  hintFailed: 'Resolving its digest failed: {{error}}',
};

const SHA256 = /^sha256:[a-f0-9]{64}$/;

/** The image pinned to `digest`: the tag is kept for readability, except `latest`, which is dropped. */
export function pinnedImage(ref: ImageReference, digest: string): string {
  const name = ref.tag === undefined ? ref.raw : ref.raw.slice(0, ref.raw.length - ref.tag.length - 1);
  return ref.tag === undefined || ref.tag === 'latest' ? `${name}@${digest}` : `${name}:${ref.tag}@${digest}`;
}

/** The API group of Flux's kustomize-controller, whose `Kustomization` is applied to a cluster. */
const FLUX_KUSTOMIZE_GROUP = 'kustomize.toolkit.fluxcd.io/';

/**
 * The `spec.images` entries of a Flux `kustomize.toolkit.fluxcd.io` `Kustomization` (the shape of
 * kustomize's `images:`: `name`, `newName`, `newTag`, `digest`; Flux kustomize-controller
 * api/v1 `KustomizationSpec.Images`) set the image of every container it deploys whose image is
 * `name`. An entry with a string `newTag` and no `digest` makes the result a bare tag, whatever
 * the deployed manifests say: reported at its `newTag` (`overrideMutableTag` for `latest`, else
 * `overrideTagWithoutDigest` by the option `tagWithoutDigest`). An entry with a digest, or only a
 * `newName` (the deployed tag or digest is kept), is not reported. No fix: a digest is looked up
 * for container images only.
 */
function checkImageOverrides(m: Manifest, opts: ImageDigestOptions, report: (d: ReportDescriptor<keyof typeof MESSAGES>) => void): void {
  if (m.kind !== 'Kustomization' || !m.apiVersion.startsWith(FLUX_KUSTOMIZE_GROUP)) return;
  const images = m.node.get('spec')?.get('images');
  if (images?.kind !== 'seq') return;
  images.items().forEach((entry, i) => {
    if (entry.kind !== 'map') return;
    const str = (key: string) => {
      const v = entry.get(key)?.value;
      return typeof v === 'string' && v !== '' ? v : undefined;
    };
    const name = str('name');
    const tagNode = entry.get('newTag');
    const tag = tagNode?.value;
    if (name === undefined || tagNode === undefined || (typeof tag !== 'string' && typeof tag !== 'number') || entry.get('digest')?.isNull === false) return;
    const messageId = String(tag) === 'latest' ? 'overrideMutableTag' : 'overrideTagWithoutDigest';
    if (messageId === 'overrideTagWithoutDigest' && opts.tagWithoutDigest === 'off') return;
    const descriptor: ReportDescriptor<keyof typeof MESSAGES> = {
      messageId,
      data: { object: `${m.kind} ${m.name || '(unnamed)'}`, name, image: `${str('newName') ?? name}:${String(tag)}` },
      node: tagNode,
      detail: `spec.images[${i}]`,
    };
    if (messageId === 'overrideTagWithoutDigest') descriptor.severity = opts.tagWithoutDigest as Severity;
    report(descriptor);
  });
}

/**
 * The image's name as written, without tag and digest (`gcr.io/acme/web:dev` → `gcr.io/acme/web`):
 * what Skaffold compares with its artifacts' image names (src/skaffold.ts).
 */
function nameWithoutTag(ref: ImageReference): string {
  const at = ref.raw.indexOf('@');
  const name = at < 0 ? ref.raw : ref.raw.slice(0, at);
  return ref.tag === undefined ? name : name.slice(0, name.length - ref.tag.length - 1);
}

/** The build artifact (of `artifacts`) whose image an unpinned reference names, if any. */
function artifactOf(ref: ImageReference, artifacts: readonly BuildArtifacts[]): BuildArtifacts | undefined {
  if (artifacts.length === 0 || ref.digest !== undefined) return undefined;
  const name = nameWithoutTag(ref);
  return artifacts.find((a) => a.images.includes(name));
}

/**
 * Every container, init container and ephemeral container references its image by digest
 * (`@sha256:` and 64 hex digits). No tag or `:latest` is reported with `noTag`/`mutableTag`;
 * another tag without a digest with `tagWithoutDigest` (option); an invalid reference with
 * `invalidReference`. The fix pins the image to a digest resolved from its registry, only when
 * the runner resolved one (`context.images.digests`, filled with `--resolve-digests`); the
 * message names a failed lookup (`context.images.digestErrors`). A Flux `Kustomization`'s
 * `spec.images` entries that set a tag without a digest are reported too (checkImageOverrides).
 * message names a failed lookup (`context.images.digestErrors`). An unpinned image that names a
 * build artifact of the Skaffold project deploying the file (`context.buildArtifacts`) is not an
 * error but an info finding, `skaffoldArtifact`, without a fix: Skaffold replaces it at deploy time.
 */
export default definePolicy<ImageDigestOptions, keyof typeof MESSAGES>({
  id: 'image-digest',
  meta: {
    description: 'Container images are pinned by digest (@sha256:…), never by :latest or a bare tag.',
    category: 'immutability',
    defaultSeverity: 'error',
    fixable: true,
    messages: MESSAGES,
    remediation:
      'Reference every image by digest, e.g. nginx:1.27@sha256:<64 hex>; run with --resolve-digests (action input resolve-digests) to have the fix look the digests up.',
    optionsSchema: {
      type: 'object',
      properties: {
        tagWithoutDigest: { enum: ['warning', 'error', 'off'] },
      },
      additionalProperties: false,
    },
    defaultOptions: { tagWithoutDigest: 'warning' },
    peers: { checkov: 'CKV_K8S_43', 'kube-linter': 'latest-tag', polaris: 'tagNotSpecified', trivy: 'KSV-0013', 'kube-score': 'container-image-tag' },
  },
  check(context) {
    const opts = context.options;
    checkImageOverrides(context.manifest, opts, context.report);
    forEachContainer(context, (c) => {
      if (c.image === undefined) return; // no image, or not a string: valid-manifest reports it
      const ref = parseImageReference(c.image);
      if (ref.pinned && !ref.problem) return;
      const node = c.node.get('image');
      const base = { container: containerLabel(c), image: c.image };
      if (ref.problem) {
        context.report({ messageId: 'invalidReference', data: { ...base, problem: ref.problem }, node, container: c });
        return;
      }
      const messageId = ref.tag === undefined ? 'noTag' : ref.tag === 'latest' ? 'mutableTag' : 'tagWithoutDigest';
      if (messageId === 'tagWithoutDigest' && opts.tagWithoutDigest === 'off') return;
      const artifact = artifactOf(ref, context.buildArtifacts);
      if (artifact) {
        const data = { ...base, config: artifact.config, name: nameWithoutTag(ref) };
        context.report({ messageId: 'skaffoldArtifact', data, node, container: c, severity: 'info' });
        return;
      }
      const resolved = context.images.digests.get(c.image);
      const digest = resolved !== undefined && SHA256.test(resolved) ? resolved : undefined;
      const failed = context.images.digestErrors.get(c.image);
      const hint = digest
        ? formatMessage(MESSAGES.hintFix, { digest })
        : failed !== undefined
          ? formatMessage(MESSAGES.hintFailed, { error: failed })
          : MESSAGES.hintResolve;
      const descriptor: ReportDescriptor<keyof typeof MESSAGES> = {
        messageId,
        data: { ...base, example: pinnedImage(ref, 'sha256:…'), hint },
        node,
        container: c,
        fix: digest ? (fixer) => [fixer.set(c.node, ['image'], pinnedImage(ref, digest))] : undefined,
      };
      // A tag without a digest is less severe than `:latest` or no tag (by default a warning).
      if (messageId === 'tagWithoutDigest') descriptor.severity = opts.tagWithoutDigest as Severity;
      context.report(descriptor);
    });
  },
});
