import { parseImageReference } from '../k8s/index.js';

/** The host that serves Docker Hub's registry API. */
export const DOCKER_HUB_HOST = 'registry-1.docker.io';
/** Names of Docker Hub in image references (all served by {@link DOCKER_HUB_HOST}). */
const DOCKER_HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);

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
 * The registry host an image's registry name stands for: Docker Hub's aliases (and no registry
 * at all) are {@link DOCKER_HUB_HOST}; others are lowercased.
 */
export function registryHost(registry: string | undefined): string {
  const host = (registry ?? 'docker.io').toLowerCase();
  return DOCKER_HUB_ALIASES.has(host) ? DOCKER_HUB_HOST : host;
}

/** True for `localhost`, `127.x.x.x` and `[::1]`, with or without a port. */
export function isLoopbackHost(host: string): boolean {
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.replace(/:\d+$/, '');
  return name === 'localhost' || name === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}

/**
 * The registry, repository and tag an image reference resolves against, or why it cannot be
 * resolved (an invalid reference). `http://` is used only for loopback hosts and the hosts of
 * `insecureRegistries` (registry names as written, e.g. `registry.local:5000`); all others use
 * `https://`.
 */
export function registryTarget(image: string, insecureRegistries: readonly string[] = []): RegistryTarget | { error: string } {
  const ref = parseImageReference(image);
  if (ref.problem) return { error: `invalid image reference: ${ref.problem}` };
  const host = registryHost(ref.registry);
  const repository = host === DOCKER_HUB_HOST && !ref.path.includes('/') ? `library/${ref.path}` : ref.path;
  const insecure = new Set(insecureRegistries.map((r) => registryHost(r.trim())));
  const scheme = isLoopbackHost(host) || insecure.has(host) ? 'http' : 'https';
  return { image, scheme, host, repository, reference: ref.digest ?? ref.tag ?? 'latest' };
}
