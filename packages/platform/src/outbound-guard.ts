import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP } from 'node:net';

/**
 * The one guard for every outbound URL the product takes from a person or from configuration
 * (alert webhooks, SMS/Zalo gateways, the citizen webhook; later payment and identity providers).
 * It refuses loopback, link-local, private, shared, ULA, multicast and reserved addresses, IPv4
 * forms hidden in IPv6, other schemes than http(s) and other ports than 80/443, unless the
 * administrator allows a host in OUTBOUND_ALLOW (comma list of host names, addresses or CIDRs;
 * an allowed host may also use any port). Odd IPv4 spellings (2130706433, 0x7f.1) are normalised
 * by the URL parser first, so they are checked as the address they mean. When sending, the
 * connection goes to the very address that was checked (a custom DNS lookup), redirects are never
 * followed, and every network failure reads the same, so a delivery log cannot tell whether a
 * port answered.
 */
export class OutboundRefused extends Error {
  constructor(readonly reason: { vi: string; en: string }) {
    super(reason.en);
    this.name = 'OutboundRefused';
  }
}

const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.0.0.0', 24],
  ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const)
  blocked.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128], ['::1', 128], ['64:ff9b::', 96], ['64:ff9b:1::', 48], ['100::', 64], ['2001::', 32], ['2001:db8::', 32], ['2002::', 16], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8],
] as const)
  blocked.addSubnet(net, prefix, 'ipv6');

export interface OutboundPolicy {
  /** Host names, addresses or CIDRs an administrator allows even on a private address or another port. */
  allow: readonly string[];
}

export const parseOutboundAllow = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);

const bare = (host: string) => host.replace(/^\[|\]$/g, '').toLowerCase();

function allowedHost(policy: OutboundPolicy, host: string, address?: string): boolean {
  return policy.allow.some((entry) => {
    if (entry === host || (address && entry === address)) return true;
    const [net, bits] = entry.split('/');
    const ip = address ?? (isIP(host) ? host : undefined);
    if (!bits || !ip || !isIP(net!) || isIP(net!) !== isIP(ip)) return false;
    const list = new BlockList();
    list.addSubnet(net!, Number(bits), isIP(net!) === 6 ? 'ipv6' : 'ipv4');
    return list.check(ip, isIP(ip) === 6 ? 'ipv6' : 'ipv4');
  });
}

const REFUSED_ADDRESS = { vi: 'Địa chỉ này trỏ vào mạng nội bộ (loopback, link-local, mạng riêng); hãy dùng một địa chỉ công khai', en: 'This address points into a private network (loopback, link-local, private range); use a public address' };

// IPv4 hidden in IPv6 (::ffff:127.0.0.1, ::ffff:7f00:1): refused whole (a BlockList rule for
// ::ffff:0:0/96 would also match every plain IPv4 address).
const mappedV4 = (address: string) => isIP(address) === 6 && /^(0{0,4}:){0,5}:?ffff:/i.test(address.replace(/^::/, ':'));

function checkAddress(policy: OutboundPolicy, host: string, address: string): void {
  if (allowedHost(policy, host, address)) return;
  if (mappedV4(address)) throw new OutboundRefused(REFUSED_ADDRESS);
  if (blocked.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4')) throw new OutboundRefused(REFUSED_ADDRESS);
}

/** The URL's shape: scheme, port, credentials, and a literal address. Does not touch the network. */
export function checkOutboundShape(raw: string, policy: OutboundPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutboundRefused({ vi: 'Địa chỉ không hợp lệ', en: 'The address is not valid' });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new OutboundRefused({ vi: 'Chỉ nhận địa chỉ http:// hoặc https://', en: 'Only http:// and https:// addresses are accepted' });
  if (url.username || url.password) throw new OutboundRefused({ vi: 'Địa chỉ không được chứa tên đăng nhập hoặc mật khẩu', en: 'The address must not contain a user name or password' });
  const host = bare(url.hostname);
  if (url.port && !allowedHost(policy, host) && !['80', '443'].includes(url.port))
    throw new OutboundRefused({ vi: 'Chỉ dùng cổng chuẩn (80, 443); cổng khác cần quản trị viên cho phép (OUTBOUND_ALLOW)', en: 'Only the standard ports (80, 443) are accepted; another port needs the administrator’s allow-list (OUTBOUND_ALLOW)' });
  if (isIP(host)) checkAddress(policy, host, host);
  return url;
}

/**
 * Checks a URL before it is saved: its shape, then every address its name resolves to. A name
 * that does not resolve now is accepted (it is checked again, address by address, when sending).
 */
export async function checkOutboundUrl(raw: string, policy: OutboundPolicy): Promise<URL> {
  const url = checkOutboundShape(raw, policy);
  const host = bare(url.hostname);
  if (isIP(host)) return url;
  let addresses: dns.LookupAddress[] = [];
  try {
    addresses = await Promise.race([dns.promises.lookup(host, { all: true, verbatim: true }), new Promise<never>((_, reject) => setTimeout(() => reject(new Error('slow DNS')), 3000).unref())]);
  } catch {
    return url;
  }
  for (const a of addresses) checkAddress(policy, host, a.address);
  return url;
}

/** What a delivery log may say about a failed attempt: the same words for refused, closed, silent or reset. */
export const NO_ANSWER = 'no usable answer from the receiver (network error or timeout)';

/**
 * POSTs a body (JSON unless `headers` say otherwise, e.g. an encrypted Web Push message) to a guarded
 * URL: the connection goes to the address the guard checked, redirects are failures (never followed),
 * and network errors all read NO_ANSWER.
 */
export async function postGuarded(raw: string, headers: Record<string, string>, body: string | Buffer, policy: OutboundPolicy, timeoutMs: number): Promise<{ status: number; body: string }> {
  const url = checkOutboundShape(raw, policy);
  const host = bare(url.hostname);
  let refused: OutboundRefused | undefined;
  const lookup = (hostname: string, options: dns.LookupOptions, callback: (...args: any[]) => void) => {
    dns.lookup(hostname, { ...options, all: true, verbatim: true }, (err, addresses) => {
      if (err) return callback(err);
      try {
        for (const a of addresses) checkAddress(policy, host, a.address);
      } catch (e) {
        refused = e as OutboundRefused;
        return callback(e);
      }
      // Connect to exactly what was checked.
      if (options.all) callback(null, addresses);
      else callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
  const client = url.protocol === 'https:' ? https : http;
  // The answer's body is kept (up to 64 KB) for receivers whose answer matters, e.g. a payment gateway's query.
  const [status, answer] = await new Promise<[number, string]>((resolve, reject) => {
    const req = client.request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers }, lookup: lookup as never, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size <= 65_536) chunks.push(c);
      });
      res.on('end', () => resolve([res.statusCode ?? 0, Buffer.concat(chunks).toString('utf8')]));
      res.on('error', () => reject(new Error(NO_ANSWER)));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => reject(refused ?? new Error(NO_ANSWER)));
    req.end(body);
  });
  if (status >= 300 && status < 400) throw new Error(`HTTP ${status} from the receiver: redirects are not followed`);
  return { status, body: answer };
}
