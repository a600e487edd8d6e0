import { BlockList, isIP } from 'node:net'

/**
 * Who is asking: the address per-client limits count by (logins, password resets, the contact
 * form). It is the connection's own address (the socket's), unless that connection comes from a
 * trusted proxy (TRUSTED_PROXIES): then the proxy's X-Forwarded-For says whom it serves, read from
 * the right, past every trusted hop.
 *
 * Why the server has to be patched for it: Next hands route handlers, server actions and Payload
 * a Request with headers only, no socket. Next's server does write the socket's address into
 * X-Forwarded-For, but only when the request has none (`x-forwarded-for ??= socket.remoteAddress`
 * in next/dist/server/base-server.js): a client that sends its own header is believed, whatever
 * it says. So `installClientAddressStamp` (lib/runtime/clientAddressStamp.ts, from instrumentation.ts) resolves the address on the socket,
 * as each request arrives, and writes it into a header whose name is random per process: a client
 * cannot send it, and `clientAddress` reads nothing else.
 */

/** `::ffff:192.0.2.1` (an IPv4 client on a dual-stack socket) is 192.0.2.1. */
export function normaliseAddress(address: string): string {
  const trimmed = address.trim()
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed)
  return mapped ? mapped[1] : trimmed.toLowerCase()
}

/** An IP address, or a CIDR block (`10.0.0.0/8`, `fd00::/8`): TRUSTED_PROXIES' entries. */
export function isAddressOrBlock(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/')
  const family = isIP(address)
  if (family === 0 || rest.length > 0) return false
  if (prefix === undefined) return true
  if (!/^\d{1,3}$/.test(prefix)) return false
  return Number(prefix) <= (family === 4 ? 32 : 128)
}

/** A matcher for TRUSTED_PROXIES' entries (already validated by lib/config/env.ts). */
export function trustedProxyList(entries: readonly string[]): BlockList {
  const list = new BlockList()
  for (const entry of entries) {
    const [address, prefix] = entry.split('/')
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4'
    if (prefix === undefined) list.addAddress(normaliseAddress(address), family)
    else list.addSubnet(normaliseAddress(address), Number(prefix), family)
  }
  return list
}

function isTrusted(address: string, trusted: BlockList): boolean {
  const family = isIP(address)
  return family !== 0 && trusted.check(address, family === 6 ? 'ipv6' : 'ipv4')
}

/**
 * The client behind a connection from `socketAddress` that carried `forwardedFor`: the socket's
 * address itself unless it is a trusted proxy; then the nearest X-Forwarded-For entry (from the
 * right) that is not a trusted proxy. A hop that is no address at all ends the walk at the last
 * trusted one: only what a trusted proxy wrote is ever taken.
 */
export function resolveClientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trusted: BlockList): string {
  let client = normaliseAddress(socketAddress ?? '')
  if (!client) return 'unknown'
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? ''))
    .split(',')
    .map((hop) => normaliseAddress(hop))
    .filter(Boolean)
  while (isTrusted(client, trusted) && hops.length > 0) {
    const next = hops.pop() as string
    if (isIP(next) === 0) break
    client = next
  }
  return client
}

/**
 * The key a per-client limit counts under: the address, or for IPv6 its /64 (one subscriber's
 * network: a single IPv6 client can pick any of 2^64 addresses to start afresh).
 */
export function clientKey(address: string): string {
  if (isIP(address) !== 6) return address
  const [head, tail = ''] = address.split('::')
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const groups = address.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`
}

/** Where the stamp's header name is kept (globalThis), random per process; unset until installed. */
export const STAMP_HEADER = Symbol.for('wellpress.clientAddressHeader')
export type StampHolder = typeof globalThis & { [STAMP_HEADER]?: string }

/**
 * The client's address for a request's headers. In the server, only the stamp counts ("unknown"
 * for the few requests that arrived before it was installed, while the server started). Outside
 * it (the Local API in scripts and tests, no HTTP request at all) the caller's last
 * X-Forwarded-For entry stands in.
 */
export function clientAddress(headers: Headers): string {
  const header = (globalThis as StampHolder)[STAMP_HEADER]
  if (header) return headers.get(header) ?? 'unknown'
  const forwarded = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  return forwarded.at(-1) ?? 'unknown'
}
