import { parseImageReference } from '../k8s/index.js';
import { DOCKER_HUB_HOST, registryHost } from './hosts.js';

export { DOCKER_HUB_HOST, registryHost } from './hosts.js';

/** Where an image's manifest lives: `<scheme>://<host>/v2/<repository>/manifests/<reference>`. */
export interface RegistryTarget {
  /** The image as written. */
  image: string;
  scheme: 'https' | 'http';
  /** Registry host with port, lowercased (`registry-1.docker.io`, `127.0.0.1:5000`). */
  host: string;
  /** Repository path in the registry (`library/nginx` for the official `nginx`). */
  repository: string;
  /** Tag (default `latest`, what a node pulls) or the digest when the image has one. */
  reference: string;
}

/**
 * The registry, repository and tag an image reference resolves against, or why it cannot be
 * resolved (an invalid reference). `http://` is used only for the hosts of `insecureRegistries`
 * (registry names as written, e.g. `registry.local:5000`, `127.0.0.1:5000`), which only the
 * person running the tool sets (`KUBE_IMMUTABLE_INSECURE_REGISTRIES`); all others, loopback
 * included, use `https://`. Whether the host may be asked at all is the allow-list's decision
 * (allow-list.ts).
 */
export function registryTarget(image: string, insecureRegistries: readonly string[] = []): RegistryTarget | { error: string } {
  const ref = parseImageReference(image);
  if (ref.problem) return { error: `invalid image reference: ${ref.problem}` };
  const host = registryHost(ref.registry);
  const repository = host === DOCKER_HUB_HOST && !ref.path.includes('/') ? `library/${ref.path}` : ref.path;
  const insecure = new Set(insecureRegistries.map((r) => registryHost(r.trim())));
  const scheme = insecure.has(host) ? 'http' : 'https';
  return { image, scheme, host, repository, reference: ref.digest ?? ref.tag ?? 'latest' };
}
