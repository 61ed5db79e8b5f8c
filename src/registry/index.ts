/**
 * The registry layer: the ONLY code that talks to container registries (OCI distribution API:
 * manifest digests, the anonymous or credentialed bearer-token flow, Basic credentials).
 */
export * from './reference.js';
export * from './credentials.js';
export { parseChallenge, basicAuthorization, fetchBearerToken, type Challenge, type TokenRequest } from './auth.js';
export * from './client.js';
export * from './resolve.js';
