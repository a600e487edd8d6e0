import { startNginx, stopNginx, type Nginx } from '../nginx'
import { adminSession } from './auth'
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
