import { lookup } from 'node:dns/promises';
import type { LookupAddress, LookupOptions } from 'node:dns';
import { lookup as lookupCallback } from 'node:dns';
import ipaddr from 'ipaddr.js';

/**
 * Where a webhook may be sent (issue 17, SSRF): only to public unicast addresses. Loopback,
 * private networks (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16 with the cloud
 * metadata address 169.254.169.254, fe80::/10), carrier-grade NAT, multicast, broadcast,
 * unspecified and reserved ranges, and IPv6 forms that embed an IPv4 address (mapped, 6to4,
 * Teredo, NAT64) are internal. The ranges are `ipaddr.js`'s, not our own CIDR arithmetic.
 *
 * `allowPrivate` (SEATWISE_WEBHOOKS_ALLOW_PRIVATE=1, for tests and the demo on one machine) lets
 * loopback and private networks through; link-local and the metadata address stay refused.
 */
const PRIVATE_RANGES = new Set(['loopback', 'private', 'uniqueLocal', 'carrierGradeNat']);

/** The range name of an internal address, or null for a public one (or text that is no address). */
export function internalRange(address: string, allowPrivate: boolean): string | null {
  if (!ipaddr.isValid(address)) return null;
  // An IPv4-mapped IPv6 address (::ffff:127.0.0.1) is judged as the IPv4 address it is.
  const parsed = ipaddr.process(address);
  const range = parsed.range();
  if (range === 'unicast') return null;
  if (allowPrivate && PRIVATE_RANGES.has(range)) return null;
  return range;
}

/** A URL's host as an address or a name: `[::1]` → `::1`. */
export const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1');

/** Why `address` may not be reached, as logged with a failed delivery. */
export const refusalReason = (host: string, address: string, range: string) =>
  host === address ? `refused: ${address} is an internal address (${range})` : `refused: ${host} resolves to an internal address (${address}, ${range})`;

/**
 * The first internal address the host is or resolves to, with its range; null when every
 * address is public. A name that does not resolve (no such host, no network) has none: it is
 * accepted when saved, and its delivery fails to connect and is checked again then.
 */
export async function internalAddressOf(host: string, allowPrivate: boolean): Promise<{ address: string; range: string } | null> {
  const addresses = ipaddr.isValid(host) ? [host] : await lookup(host, { all: true, verbatim: true }).then((found) => found.map((entry) => entry.address), () => []);
  for (const address of addresses) {
    const range = internalRange(address, allowPrivate);
    if (range) return { address, range };
  }
  return null;
}

/** The error a refused connection fails with; its message is the reason the delivery log shows. */
export class InternalAddressError extends Error {
  readonly code = 'EWEBHOOKADDRESS';
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for `http.request` that checks the addresses the connection will actually use, after
 * DNS resolution at send time: a name that resolved to a public address when the endpoint was
 * saved and to an internal one now (DNS rebinding) is refused before any byte is sent.
 */
export function checkedLookup(allowPrivate: boolean) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback) => {
    lookupCallback(hostname, { ...options, all: true }, (error, found) => {
      if (error) return callback(error, []);
      const addresses = found as LookupAddress[];
      for (const { address } of addresses) {
        const range = internalRange(address, allowPrivate);
        if (range) return callback(new InternalAddressError(refusalReason(hostname, address, range)), []);
      }
      if (options.all) return callback(null, addresses);
      const [first] = addresses;
      if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), []);
      callback(null, first.address, first.family);
    });
  };
}
