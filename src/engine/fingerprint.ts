import * as crypto from 'node:crypto';

/** Node's one-shot `crypto.hash` (Node 20.12 and later): the same digest without a Hash object. */
const oneShotHash = (crypto as unknown as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;

/** A stable fingerprint: sha256 of the identifying fields joined by NUL, first 16 hex digits. */
export function fingerprintOf(parts: readonly (string | number | undefined)[]): string {
  let data = '';
  for (let i = 0; i < parts.length; i++) data += (i > 0 ? '\u0000' : '') + String(parts[i] ?? '');
  return (oneShotHash ? oneShotHash('sha256', data, 'hex') : crypto.createHash('sha256').update(data).digest('hex')).slice(0, 16);
}
