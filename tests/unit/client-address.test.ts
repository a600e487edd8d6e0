import { clientAddress, clientKey, isAddressOrBlock, resolveClientAddress, STAMP_HEADER, trustedProxyList } from '@/lib/runtime/clientAddress'
import { parseEnv } from '@/lib/config/env'

/**
 * Who a request comes from: the socket's address, unless that socket is a trusted proxy; then its
 * X-Forwarded-For, read from the right past every trusted hop. Whatever a client writes itself
 * is never believed (tests/http/client-address.test.ts shows it on the real server).
 */
const none = trustedProxyList([])
const nginx = trustedProxyList(['172.30.80.10'])
const chain = trustedProxyList(['10.0.0.0/8', '2001:db8:ffff::/48'])

describe('resolveClientAddress', () => {
  it('is the socket address when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(resolveClientAddress('203.0.113.7', undefined, none)).toBe('203.0.113.7')
    expect(resolveClientAddress('203.0.113.7', '198.51.100.1', none)).toBe('203.0.113.7')
    expect(resolveClientAddress('::ffff:203.0.113.7', '1.2.3.4, 5.6.7.8', none)).toBe('203.0.113.7')
    expect(resolveClientAddress(undefined, '1.2.3.4', none)).toBe('unknown')
  })

  it('believes a trusted proxy about the hop before it, and only that hop', () => {
    expect(resolveClientAddress('172.30.80.10', '198.51.100.1', nginx)).toBe('198.51.100.1')
    // nginx appended the address it saw; what the client claimed before that is ignored.
    expect(resolveClientAddress('172.30.80.10', '6.6.6.6, 198.51.100.1', nginx)).toBe('198.51.100.1')
    // A connection from anywhere else is its own address, however it dresses up.
    expect(resolveClientAddress('172.30.80.11', '198.51.100.1', nginx)).toBe('172.30.80.11')
    // A trusted proxy that says nothing: the proxy itself is all that is known.
    expect(resolveClientAddress('172.30.80.10', undefined, nginx)).toBe('172.30.80.10')
  })

  it('walks past every trusted hop, IPv4 and IPv6 blocks alike', () => {
    expect(resolveClientAddress('10.0.0.2', '198.51.100.1, 10.1.2.3', chain)).toBe('198.51.100.1')
    expect(resolveClientAddress('2001:db8:ffff::1', '2001:db8:1::5, 10.9.9.9', chain)).toBe('2001:db8:1::5')
    expect(resolveClientAddress('10.0.0.2', ['6.6.6.6', '10.0.0.3'], chain)).toBe('6.6.6.6')
  })

  it('stops at a hop that is no address, keeping the last trusted one', () => {
    expect(resolveClientAddress('10.0.0.2', 'not-an-ip, 10.0.0.3', chain)).toBe('10.0.0.3')
    expect(resolveClientAddress('10.0.0.2', 'unknown', chain)).toBe('10.0.0.2')
  })
})

describe('clientKey', () => {
  it('is an IPv4 address as it is, and an IPv6 address by its /64', () => {
    expect(clientKey('203.0.113.7')).toBe('203.0.113.7')
    expect(clientKey('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64')
    expect(clientKey('2001:0db8:0001:0002:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64')
    expect(clientKey('::1')).toBe('0:0:0:0::/64')
    expect(clientKey('unknown')).toBe('unknown')
  })
})

describe('clientAddress', () => {
  afterEach(() => {
    delete (globalThis as Record<symbol, unknown>)[STAMP_HEADER]
  })

  it('outside the server (Local API), is the caller’s last X-Forwarded-For entry', () => {
    expect(clientAddress(new Headers({ 'x-forwarded-for': '1.2.3.4, 203.0.113.9' }))).toBe('203.0.113.9')
    expect(clientAddress(new Headers())).toBe('unknown')
  })

  it('in the server, reads only the stamp the server wrote, never X-Forwarded-For', () => {
    ;(globalThis as Record<symbol, unknown>)[STAMP_HEADER] = 'x-wellpress-client-test'
    expect(clientAddress(new Headers({ 'x-wellpress-client-test': '203.0.113.7', 'x-forwarded-for': '1.2.3.4' }))).toBe('203.0.113.7')
    expect(clientAddress(new Headers({ 'x-forwarded-for': '1.2.3.4' }))).toBe('unknown')
  })
})

describe('TRUSTED_PROXIES', () => {
  it('takes IP addresses and CIDR blocks, comma- or space-separated', () => {
    expect(parseEnv({ TRUSTED_PROXIES: '172.30.80.10, 10.0.0.0/8 fd00::/8' }).TRUSTED_PROXIES).toEqual(['172.30.80.10', '10.0.0.0/8', 'fd00::/8'])
    expect(parseEnv({}).TRUSTED_PROXIES).toEqual([])
  })

  it.each(['nginx', '10.0.0.0/33', '300.1.1.1', '::1/129', '10.0.0.0/8/8', '10.0.0.0/'])('refuses %s', (entry) => {
    expect(isAddressOrBlock(entry)).toBe(false)
    expect(() => parseEnv({ TRUSTED_PROXIES: entry })).toThrow(/TRUSTED_PROXIES\.0: .* is not an IP address or CIDR block/)
  })
})
