import { startNginx, stopNginx, type Nginx } from '@/tests/nginx'
import { adminSession } from './auth'
import { addresses, send, type RawRequest } from './client'
import { baseUrl } from './server'

/**
 * docker-compose.yml's caching proxy, the very config, in a real nginx in front of the test
 * server: it keeps what the app marks cacheable for as long as the app says (s-maxage), serves it
 * without asking the app, and lets everything else through untouched.
 */
const ARTICLE = '/blog/massage-therapy-benefits-on-immune-function'

let nginx: Nginx

beforeAll(async () => {
  nginx = await startNginx(baseUrl())
})

afterAll(() => stopNginx(nginx))

const viaProxy = (pathname: string, init: RequestInit = {}) => fetch(`${nginx.baseUrl}${pathname}`, { redirect: 'manual', ...init })

/** The proxy's cache verdicts for n requests in a row. */
async function verdicts(pathname: string, n: number, init: RequestInit = {}) {
  const seen: (string | null)[] = []
  for (let i = 0; i < n; i++) {
    const response = await viaProxy(pathname, init)
    await response.arrayBuffer()
    seen.push(response.headers.get('x-cache-status'))
  }
  return seen
}

it('keeps a page the app marks cacheable and serves it again without asking the app', async () => {
  const direct = await fetch(`${baseUrl()}${ARTICLE}`)
  expect(direct.headers.get('cache-control')).toMatch(/s-maxage=60, stale-while-revalidate=\d+/)
  const [first, second] = [await viaProxy(ARTICLE), await viaProxy(ARTICLE)]
  expect([first.status, second.status]).toEqual([200, 200])
  expect(first.headers.get('x-cache-status')).toMatch(/^(MISS|HIT)$/)
  expect(second.headers.get('x-cache-status')).toBe('HIT')
  const [a, b] = [await first.text(), await second.text()]
  expect(b).toBe(a)
  expect(b).toContain('Massage Therapy Benefits on Immune Function')
  // The app's headers come along: the page's CSP and cache policy reach the visitor.
  expect(second.headers.get('content-security-policy')).toBe(direct.headers.get('content-security-policy'))
  expect(second.headers.get('cache-control')).toBe(direct.headers.get('cache-control'))
})

it('compresses for visitors who accept it', async () => {
  const response = await viaProxy(ARTICLE, { headers: { 'accept-encoding': 'gzip' } })
  expect(response.headers.get('content-encoding')).toBe('gzip')
  expect(await response.text()).toContain('</html>')
})

it('keeps feeds and the sitemap too, and never what the app marks no-store', async () => {
  expect((await verdicts('/feed.xml', 2))[1]).toBe('HIT')
  expect((await verdicts('/sitemap.xml', 2))[1]).toBe('HIT')
  // Search results are per query and no-store; /health must always ask the app.
  expect(await verdicts('/search?q=massage', 2)).toEqual(['MISS', 'MISS'])
  expect(await verdicts('/health', 2)).toEqual(['MISS', 'MISS'])
  // The API has no cache policy of its own: not kept.
  expect(await verdicts('/api/articles?limit=1&depth=0', 2)).toEqual(['MISS', 'MISS'])
})

it('never serves a signed-in writer from the cache, nor keeps what they see', async () => {
  const { token } = await adminSession()
  const signedIn = { headers: { cookie: `payload-token=${token}` } }
  expect(await verdicts(ARTICLE, 2, signedIn)).toEqual(['BYPASS', 'BYPASS'])
  const draftMode = { headers: { cookie: '__prerender_bypass=x' } }
  expect(await verdicts(ARTICLE, 1, draftMode)).toEqual(['BYPASS'])
})

it('passes form posts and the admin through', async () => {
  const post = await viaProxy('/api/inquiries', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({}),
  })
  expect(post.status).toBe(400)
  expect(post.headers.get('x-cache-status')).toBeNull()
  const admin = await viaProxy('/admin/login')
  expect(admin.status).toBe(200)
  expect(admin.headers.get('x-cache-status')).toBe('MISS')
})

describe('at the edge', () => {
  const RUN = Date.now().toString(36)
  const nextAddress = addresses(24)

  it('tells the app its own scheme: a client’s "X-Forwarded-Proto: https" over http is not believed, nor cached for others', async () => {
    const page = `/?scheme-check=${RUN}`
    const spoofed = await viaProxy(page, { headers: { 'x-forwarded-proto': 'https' } })
    await spoofed.arrayBuffer()
    const next = await viaProxy(page)
    await next.arrayBuffer()
    expect(next.headers.get('x-cache-status')).toBe('HIT')
    for (const response of [spoofed, next]) {
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'")
      expect(response.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests')
    }
  })

  it('keeps one copy of each share image, whatever query string is added to its address', async () => {
    const first = await viaProxy(`/og/site/default?x=${RUN}-1`)
    expect(first.status).toBe(200)
    await first.arrayBuffer()
    const second = await viaProxy(`/og/site/default?x=${RUN}-2`)
    expect(second.headers.get('content-type')).toBe('image/png')
    await second.arrayBuffer()
    expect(second.headers.get('x-cache-status')).toBe('HIT')
  })

  /** Statuses of `count` requests sent at once from one new address. */
  async function burst(count: number, path: string, init: RawRequest = {}) {
    const from = nextAddress()
    const responses = await Promise.all(Array.from({ length: count }, () => send(nginx.baseUrl, path, { ...init, from })))
    return responses.map((response) => response.status)
  }
  // Empty bodies: Payload answers them with a 400 before any limit of the app's own counts them.
  const emptyPost: RawRequest = { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }

  it.each([
    ['logins', '/api/users/login', emptyPost, 30],
    ['password resets', '/api/users/forgot-password', emptyPost, 10],
    ['the contact form’s API', '/api/inquiries', emptyPost, 15],
    ['the contact form on a page', '/contact', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' }, 15],
    ['search', `/search?q=${RUN}`, {}, 40],
    ['share images', `/og/site/default?x=${RUN}`, {}, 60],
  ] as const)('limits how fast one address may send %s (429 past the burst), and others are not held up', async (_label, path, init, count) => {
    const statuses = await burst(count, path, init)
    expect(statuses).toContain(429)
    expect(statuses.some((status) => status !== 429)).toBe(true)
    expect((await burst(1, path, init))[0]).not.toBe(429)
  })

  it('does not count page views as contact-form posts', async () => {
    const statuses = await burst(20, ARTICLE)
    expect(statuses.every((status) => status === 200)).toBe(true)
  })
})
