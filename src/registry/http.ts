import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { Readable } from 'node:stream';
import { nonPublicRange } from './addresses.js';
import { mayBeNonPublic, type RegistryAccess } from './allow-list.js';
import { registryHost } from './hosts.js';

/**
 * The fetch-like function the registry client sends its requests with (a subset of `fetch`;
 * Node's global fetch fits, `redirect: 'manual'` keeps it from following redirects).
 */
export type RegistryFetch = (
  url: string | URL,
  init: { method?: string; headers?: Record<string, string>; signal?: AbortSignal; redirect?: 'manual' },
) => Promise<Response>;

/** A request refused before it was sent (a non-public address); its message is one line for the user. */
export class RegistryRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RegistryRefusal';
  }
}

/**
 * A fetch for registry requests that checks the address it connects to: the host name is
 * resolved by the `lookup` of the very connection (so a name cannot resolve to one address for
 * a check and another for the connection: no DNS-rebinding window), and when any address it
 * resolves to is non-public (loopback, RFC 1918 private, RFC 4193 unique local, RFC 6598 shared,
 * link-local…; see addresses.ts) the connection is refused with a {@link RegistryRefusal},
 * unless a user's exact allow-list entry (or the insecure list) names the host. IP literals are
 * checked the same way before connecting. It never follows redirects (the answer is given as
 * is; the client decides) and never decompresses. Errors: a RegistryRefusal, a Node system error
 * (`code` ECONNREFUSED, ENOTFOUND…), or the signal's abort reason.
 */
export function guardedFetch(access: RegistryAccess): RegistryFetch {
  return (input, init) => {
    const url = new URL(String(input));
    const host = registryHost(url.host);
    const permitted = mayBeNonPublic(access, host);
    const refuse = (address: string): RegistryRefusal | undefined => {
      const range = permitted ? undefined : nonPublicRange(address);
      return range === undefined
        ? undefined
        : new RegistryRefusal(
            `${url.hostname} is (or resolves to) ${address}, a ${range} address; no request was made (name the host exactly in ${access.setting} to allow it)`,
          );
    };
    const literal = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(literal) !== 0) {
      const r = refuse(literal);
      if (r) return Promise.reject(r);
    }
    const lookup: LookupFunction = (hostname, options, callback) => {
      dnsLookup(hostname, { ...(options as LookupOptions), all: true }, (err, addresses) => {
        if (err) return callback(err, '', 0);
        const list = addresses as LookupAddress[];
        const bad = list.map((a) => refuse(a.address)).find(Boolean);
        if (bad) return callback(bad, '', 0);
        if ((options as LookupOptions).all) (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
        else callback(null, list[0]!.address, list[0]!.family);
      });
    };
    const send = url.protocol === 'https:' ? httpsRequest : url.protocol === 'http:' ? httpRequest : undefined;
    if (!send) return Promise.reject(new RegistryRefusal(`${url.origin}: only https (and http for insecure registries) is used`));
    const method = init.method ?? 'GET';
    return new Promise<Response>((resolve, reject) => {
      const req = send(url, { method, headers: init.headers, lookup, signal: init.signal, agent: false }, (res: IncomingMessage) => {
        const headers = new Headers();
        for (const [k, v] of Object.entries(res.headers)) {
          if (v === undefined) continue;
          for (const one of Array.isArray(v) ? v : [v]) headers.append(k, one);
        }
        const status = res.statusCode ?? 500;
        const noBody = method === 'HEAD' || status === 204 || status === 304;
        if (noBody) res.on('error', () => undefined).resume();
        const body = noBody ? null : (Readable.toWeb(res) as ReadableStream<Uint8Array>);
        resolve(new Response(body, { status, statusText: res.statusMessage, headers }));
      });
      // Later errors (a reset while the body streams) reach the body's reader; none is unhandled.
      // An abort rejects with the signal's reason, whatever the caller gave abort(), as fetch does.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- see above
      req.on('error', (err) => reject(init.signal?.aborted ? init.signal.reason : err));
      req.end();
    });
  };
}

/**
 * Upper bound of a body read from a registry, in bytes: 4 MiB, the manifest size the OCI
 * distribution spec says registries should accept (a manifest, an error or a token is far
 * smaller). A larger answer is not read further.
 */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

/**
 * The body of `res`, at most `limit` bytes. Throws a {@link RegistryRefusal} naming `what`
 * when it is larger (by `Content-Length` or as it streams); stops reading then.
 */
export async function readBody(res: Response, what: string, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  const tooLarge = () => new RegistryRefusal(`${what} is larger than ${limit} bytes; not read`);
  if (declared > limit) {
    await res.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = res.body?.getReader();
  if (!reader) return Buffer.alloc(0);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
