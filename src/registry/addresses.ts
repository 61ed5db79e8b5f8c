import { BlockList, isIP } from 'node:net';

/**
 * Address ranges no registry request may reach unless the user named the host explicitly
 * (see allow-list.ts): a registry name or token realm taken from a pull request must not turn
 * the runner into a client of its own machine or network (server-side request forgery).
 * IPv4-mapped IPv6 addresses (`::ffff:10.0.0.1`) are checked against the IPv4 ranges.
 */
const NON_PUBLIC: ReadonlyArray<readonly [string, number, 'ipv4' | 'ipv6', string]> = [
  ['0.0.0.0', 8, 'ipv4', '"this network" (RFC 1122)'],
  ['10.0.0.0', 8, 'ipv4', 'private (RFC 1918)'],
  ['100.64.0.0', 10, 'ipv4', 'shared address space (RFC 6598)'],
  ['127.0.0.0', 8, 'ipv4', 'loopback (RFC 1122)'],
  ['169.254.0.0', 16, 'ipv4', 'link-local (RFC 3927), e.g. cloud metadata services'],
  ['172.16.0.0', 12, 'ipv4', 'private (RFC 1918)'],
  ['192.0.0.0', 24, 'ipv4', 'IETF protocol assignments (RFC 6890)'],
  ['192.168.0.0', 16, 'ipv4', 'private (RFC 1918)'],
  ['198.18.0.0', 15, 'ipv4', 'benchmarking (RFC 2544)'],
  ['224.0.0.0', 4, 'ipv4', 'multicast (RFC 5771)'],
  ['240.0.0.0', 4, 'ipv4', 'reserved (RFC 1112), incl. broadcast'],
  ['::', 128, 'ipv6', 'unspecified (RFC 4291)'],
  ['::1', 128, 'ipv6', 'loopback (RFC 4291)'],
  ['fc00::', 7, 'ipv6', 'unique local (RFC 4193)'],
  ['fe80::', 10, 'ipv6', 'link-local (RFC 4291)'],
  ['ff00::', 8, 'ipv6', 'multicast (RFC 4291)'],
];

const RANGES = NON_PUBLIC.map(([net, prefix, family, why]) => {
  const list = new BlockList();
  list.addSubnet(net, prefix, family);
  return { list, why };
});

/**
 * Why `address` (an IPv4 or IPv6 literal, without brackets or port) is not a public internet
 * address — e.g. `loopback (RFC 1122)`, `private (RFC 1918)`, `unique local (RFC 4193)`,
 * `shared address space (RFC 6598)` — or undefined for a public address. A string that is not
 * an IP address gives undefined (names are checked after DNS resolution, see http.ts).
 */
export function nonPublicRange(address: string): string | undefined {
  const family = isIP(address);
  if (family === 0) return undefined;
  const type = family === 4 ? 'ipv4' : 'ipv6';
  return RANGES.find((r) => r.list.check(address, type))?.why;
}

/** True when `address` is an IP literal in one of the non-public ranges of {@link nonPublicRange}. */
export function isNonPublicAddress(address: string): boolean {
  return nonPublicRange(address) !== undefined;
}

/**
 * A registry host as registries name it (`ghcr.io`, `127.0.0.1:5000`, `[::1]:5000`) split into
 * its host name or address (IPv6 without brackets, lowercased) and its port (undefined when absent).
 */
export function splitHostPort(host: string): { hostname: string; port: number | undefined } {
  const h = host.toLowerCase();
  if (h.startsWith('[')) {
    const end = h.indexOf(']');
    const rest = h.slice(end + 1);
    return { hostname: h.slice(1, end), port: rest.startsWith(':') ? Number(rest.slice(1)) : undefined };
  }
  const m = /^(.*):(\d+)$/.exec(h);
  return m ? { hostname: m[1]!, port: Number(m[2]) } : { hostname: h, port: undefined };
}

/** True for `localhost` (and names below it), `127.x.x.x` and `[::1]`, with or without a port. */
export function isLoopbackHost(host: string): boolean {
  const { hostname } = splitHostPort(host);
  if (hostname === 'localhost' || hostname.endsWith('.localhost')) return true;
  return isIP(hostname) !== 0 && nonPublicRange(hostname)?.startsWith('loopback') === true;
}
