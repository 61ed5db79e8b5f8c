import { registryHost } from './reference.js';

/** Credentials for one registry: a user name and password (or access token), or a bearer token. */
export type RegistryCredential = { username: string; password: string } | { token: string };

/**
 * The environment variable holding registry credentials, as JSON keyed by registry host:
 * `{"ghcr.io": {"username": "me", "password": "<token>"}, "registry.example.com": {"token": "<bearer>"}}`.
 * Docker Hub is `docker.io` (any of its aliases).
 */
export const REGISTRY_AUTH_ENV = 'KUBE_IMMUTABLE_REGISTRY_AUTH';
/** The environment variable listing registries reached over plain http (comma-separated hosts). */
export const INSECURE_REGISTRIES_ENV = 'KUBE_IMMUTABLE_INSECURE_REGISTRIES';

/** Registry settings read from the environment, and what was wrong with them. */
export interface RegistryEnvironment {
  /** Credentials by registry host (as {@link registryHost} names it). */
  credentials: Record<string, RegistryCredential>;
  insecureRegistries: string[];
  problems: string[];
}

/**
 * Read {@link REGISTRY_AUTH_ENV} and {@link INSECURE_REGISTRIES_ENV}. Never throws: a malformed
 * value becomes a problem (which never includes the secret values) and is ignored.
 */
export function registryEnvironment(env: Readonly<Record<string, string | undefined>>): RegistryEnvironment {
  const credentials: Record<string, RegistryCredential> = {};
  const problems: string[] = [];
  const raw = env[REGISTRY_AUTH_ENV]?.trim();
  if (raw) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      problems.push(`${REGISTRY_AUTH_ENV} is not valid JSON; expected {"<registry host>": {"username": "...", "password": "..."} | {"token": "..."}}`);
    }
    if (parsed !== undefined && (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))) {
      problems.push(`${REGISTRY_AUTH_ENV} must be a JSON object keyed by registry host`);
    } else if (parsed !== undefined) {
      for (const [host, value] of Object.entries(parsed as Record<string, unknown>)) {
        const v = value as Record<string, unknown> | null;
        if (v && typeof v === 'object' && typeof v.token === 'string' && v.token !== '') credentials[registryHost(host)] = { token: v.token };
        else if (v && typeof v === 'object' && typeof v.username === 'string' && typeof v.password === 'string') {
          credentials[registryHost(host)] = { username: v.username, password: v.password };
        } else problems.push(`${REGISTRY_AUTH_ENV}: the entry of "${host}" needs "username" and "password" strings, or a "token" string`);
      }
    }
  }
  const insecureRegistries = (env[INSECURE_REGISTRIES_ENV] ?? '')
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  return { credentials, insecureRegistries, problems };
}
