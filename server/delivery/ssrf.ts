import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';

export type ResolvedAddress = { address: string; family: 4 | 6 };
/** Resolves a host name to its addresses; injectable so tests can make a name point anywhere. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((entry) => ({
    address: entry.address,
    family: entry.family === 6 ? 6 : 4,
  }));

/** The target resolves to an address webhooks may not reach. */
export class ForbiddenTargetError extends Error {}

/**
 * Whether an address is on the public internet. Anything ipaddr.js does not classify as plain `unicast`
 * is refused: loopback, private, link-local (cloud metadata), CGNAT, unique-local, multicast, reserved,
 * and IPv6 forms that embed an IPv4 address (mapped, NAT64, 6to4, Teredo) unless the embedded one is public.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let ip = ipaddr.parse(address);
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress())
    ip = (ip as ipaddr.IPv6).toIPv4Address();
  return ip.range() === 'unicast';
}

/**
 * The address to connect to for `url`: a literal IP is checked as is; a name is resolved and every address it
 * has must be public (one private answer is enough to refuse: DNS can rotate). The caller connects to the
 * returned address, so a second lookup cannot swap in another one.
 */
export async function checkWebhookTarget(
  url: URL,
  options: { allowPrivate: boolean; resolver: Resolver },
): Promise<ResolvedAddress> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: ResolvedAddress[];
  if (ipaddr.isValid(host)) {
    addresses = [{ address: host, family: ipaddr.parse(host).kind() === 'ipv6' ? 6 : 4 }];
  } else {
    addresses = await options.resolver(host);
    if (addresses.length === 0) throw new Error(`${host} has no address`);
  }
  if (!options.allowPrivate) {
    const forbidden = addresses.find((entry) => !isPublicAddress(entry.address));
    if (forbidden) {
      throw new ForbiddenTargetError(
        `${host} resolves to ${forbidden.address}, a private or reserved address`,
      );
    }
  }
  return addresses[0];
}

/** Checks a URL when it is saved: http(s) only, and a literal private IP is refused at once. */
export function webhookUrlProblem(raw: string, allowPrivate: boolean): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'must be an absolute URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be http or https';
  if (url.username || url.password) return 'must not carry credentials';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate && (host === 'localhost' || host.endsWith('.localhost')))
    return 'must not point to localhost';
  if (!allowPrivate && ipaddr.isValid(host) && !isPublicAddress(host))
    return 'must not point to a private address';
  return undefined;
}
