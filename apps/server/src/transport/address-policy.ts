import ipaddr from 'ipaddr.js';

const LOOPBACK_NAME = /^(localhost|.+\.localhost)$/;

/**
 * Which addresses deliveries may connect to. Refused unless allowed: loopback, private,
 * link-local (cloud metadata at 169.254.169.254 among them), carrier-grade NAT, multicast,
 * unspecified, reserved and the IPv6 equivalents, including IPv4 written inside IPv6
 * (::ffff:127.0.0.1, 64:ff9b::/96 NAT64, 6to4, Teredo).
 */
export class AddressPolicy {
  private readonly allowedRanges: Array<[ipaddr.IPv4 | ipaddr.IPv6, number]>;
  private readonly allowedHostnames: Set<string>;

  constructor(
    private readonly allowPrivateNetworks: boolean,
    allowList: readonly string[] = [],
  ) {
    this.allowedRanges = allowList.filter((entry) => isCidrOrAddress(entry)).map(parseRange);
    this.allowedHostnames = new Set(allowList.filter((entry) => !isCidrOrAddress(entry)).map((host) => host.toLowerCase()));
  }

  isHostnameAllowed(hostname: string): boolean {
    return this.allowPrivateNetworks || this.allowedHostnames.has(hostname.toLowerCase());
  }

  /** Why connecting to `address` is refused, or undefined when it is allowed. */
  refusal(address: string, hostname?: string): string | undefined {
    if (this.allowPrivateNetworks || (hostname && this.allowedHostnames.has(hostname.toLowerCase()))) return undefined;
    if (!ipaddr.isValid(address)) return `${address} is not an IP address`;
    const parsed = normalize(ipaddr.parse(address));
    if (this.allowedRanges.some(([range, bits]) => range.kind() === parsed.kind() && parsed.match(range, bits))) return undefined;
    const range = parsed.range();
    if (range === 'unicast') return undefined;
    return `${address} is a ${range} address; deliveries to private networks are refused (HERALD_ALLOW_PRIVATE_NETWORKS or HERALD_ALLOWED_HOSTS permit them)`;
  }

  /**
   * Why a URL's host can never be connected to, judged without DNS (when a subscription is saved):
   * a literal address this policy refuses, or `localhost` and `*.localhost`, loopback by definition.
   * Other names are judged on the address they resolve to, when sending.
   */
  literalHostRefusal(hostname: string): string | undefined {
    const host = hostname
      .toLowerCase()
      .replace(/^\[(.*)\]$/, '$1')
      .replace(/\.$/, '');
    if (this.isHostnameAllowed(host)) return undefined;
    if (LOOPBACK_NAME.test(host)) {
      return `${host} is a loopback name; deliveries to private networks are refused (HERALD_ALLOW_PRIVATE_NETWORKS or HERALD_ALLOWED_HOSTS permit them)`;
    }
    return ipaddr.isValid(host) ? this.refusal(host, host) : undefined;
  }
}

/** IPv4 hidden in IPv6 is judged as the IPv4 address it carries. */
function normalize(address: ipaddr.IPv4 | ipaddr.IPv6): ipaddr.IPv4 | ipaddr.IPv6 {
  if (address.kind() === 'ipv4') return address;
  const v6 = address as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address();
  const parts = v6.parts;
  const range = v6.range();
  if (range === 'rfc6052' || range === 'rfc6145') return ipv4FromWords(parts[6]!, parts[7]!);
  if (range === '6to4') return ipv4FromWords(parts[1]!, parts[2]!);
  if (range === 'teredo') return ipv4FromWords(parts[6]! ^ 0xffff, parts[7]! ^ 0xffff);
  if (parts.slice(0, 6).every((part) => part === 0) && (parts[6]! !== 0 || parts[7]! > 1)) return ipv4FromWords(parts[6]!, parts[7]!);
  return v6;
}

function ipv4FromWords(high: number, low: number): ipaddr.IPv4 {
  return new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
}

function isCidrOrAddress(entry: string): boolean {
  return ipaddr.isValid(entry) || (entry.includes('/') && ipaddr.isValid(entry.split('/')[0]!));
}

function parseRange(entry: string): [ipaddr.IPv4 | ipaddr.IPv6, number] {
  if (entry.includes('/')) return ipaddr.parseCIDR(entry);
  const address = ipaddr.parse(entry);
  return [address, address.kind() === 'ipv4' ? 32 : 128];
}
