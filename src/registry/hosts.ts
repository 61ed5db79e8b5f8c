/** Registry host names (no dependency: the action's input reader uses it at start-up). */

/** The host that serves Docker Hub's registry API. */
export const DOCKER_HUB_HOST = 'registry-1.docker.io';
/** Names of Docker Hub in image references (all served by {@link DOCKER_HUB_HOST}). */
const DOCKER_HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);

/**
 * The registry host an image's registry name stands for: Docker Hub's aliases (and no registry
 * at all) are {@link DOCKER_HUB_HOST}; others are lowercased.
 */
export function registryHost(registry: string | undefined): string {
  const host = (registry ?? 'docker.io').toLowerCase();
  return DOCKER_HUB_ALIASES.has(host) ? DOCKER_HUB_HOST : host;
}
