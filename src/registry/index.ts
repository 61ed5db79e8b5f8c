/**
 * The registry layer: the ONLY code that talks to container registries (OCI distribution API:
 * manifest digests, image configs, the anonymous or credentialed bearer-token flow, Basic credentials), and
 * only to the hosts of the allow-list (allow-list.ts), never to a non-public address a name
 * resolves to (http.ts).
 */
export * from './reference.js';
export * from './addresses.js';
export * from './allow-list.js';
export { guardedFetch, RegistryRefusal, type RegistryFetch } from './http.js';
export * from './credentials.js';
export { parseChallenge, basicAuthorization, fetchBearerToken, type Challenge, type TokenRequest } from './auth.js';
export * from './client.js';
export * from './resolve.js';
export * from './config.js';
