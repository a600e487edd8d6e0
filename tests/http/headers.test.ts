import { adminCsp, HSTS, PERMISSIONS_POLICY, publicPageCsp, RESOURCE_CSP, securityEnv } from '@/lib/security/headers'
import { adminSession } from './auth'
import { get, type Page } from './html'
import { TEST_SITE_URL } from './server'

/**
 * Security headers on every kind of response the production server gives (it runs with
 * NODE_ENV=production and SITE_URL=https://wellpress.test, so HSTS is on; it is reached over plain
 * http, so `upgrade-insecure-requests` appears only where a request says it came over https).
 */
const ARTICLE = '/blog/massage-therapy-benefits-on-immune-function'
const PRODUCTION = securityEnv({ NODE_ENV: 'production', SITE_URL: TEST_SITE_URL })

type Kind = 'page' | 'admin' | 'resource'

// Every response type: pages, a 404 page, redirects, API, admin, feeds, sitemap, share images,
// public files and Next's static files (one found on the home page, and a missing one).
const RESPONSES: { path: string; kind: Kind; status: number }[] = [
  { path: '/', kind: 'page', status: 200 },
  { path: ARTICLE, kind: 'page', status: 200 },
  { path: '/search?q=massage', kind: 'page', status: 200 },
  { path: '/blog/no-such-article', kind: 'page', status: 404 },
  { path: '/no-such-page', kind: 'page', status: 404 },
  // A redirect of a page's address (proxy.ts) carries the page policy: it has no body to apply it to.
  { path: '/Blog/', kind: 'page', status: 308 },
  { path: `/api/articles?limit=1&depth=0`, kind: 'resource', status: 200 },
  { path: '/api/no-such-collection', kind: 'resource', status: 404 },
  { path: '/api/users', kind: 'resource', status: 403 },
  { path: '/admin', kind: 'admin', status: 200 },
  { path: '/admin/login', kind: 'admin', status: 200 },
  { path: '/feed.xml', kind: 'resource', status: 200 },
  { path: '/atom.xml', kind: 'resource', status: 200 },
  { path: '/feed.json', kind: 'resource', status: 200 },
  { path: '/sitemap.xml', kind: 'resource', status: 200 },
  { path: '/robots.txt', kind: 'resource', status: 200 },
  { path: `/og/articles/massage-therapy-benefits-on-immune-function`, kind: 'resource', status: 200 },
  { path: '/favicon.svg', kind: 'resource', status: 200 },
  { path: '/_next/static/no-such-file.js', kind: 'resource', status: 404 },
]

function expectStaticHeaders(headers: Headers) {
  expect(headers.get('x-content-type-options')).toBe('nosniff')
  expect(headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
  expect(headers.get('permissions-policy')).toBe(PERMISSIONS_POLICY)
  expect(headers.get('x-frame-options')).toBe('SAMEORIGIN')
  expect(headers.get('strict-transport-security')).toBe(HSTS)
  expect(headers.get('x-powered-by')).toBeNull()
  // One CSP header, not two policies (fetch joins repeated headers with a comma; CSPs have none).
  expect(headers.get('content-security-policy')).not.toContain(',')
}

/**
 * A page's CSP: the same on every response (pages are served from Next's cache, so nothing may
 * differ per request), from this origin only, no plugins, framed only by the site itself.
 */
function expectPageCsp(page: Page, overHttps = false) {
  const csp = page.headers.get('content-security-policy') ?? ''
  expect(csp).toBe(publicPageCsp(PRODUCTION, overHttps))
  expect(csp).toMatch(/(^|; )frame-ancestors 'self'(;|$)/)
  expect(csp).toMatch(/(^|; )object-src 'none'(;|$)/)
  expect(csp).not.toMatch(/nonce-|'unsafe-eval'/)
}

describe.each(RESPONSES)('$path', ({ path, kind, status }) => {
  it(`answers ${status} with every security header and the ${kind} CSP`, async () => {
    const response = await get(path)
    expect(response.status).toBe(status)
    expectStaticHeaders(response.headers)
    const csp = response.headers.get('content-security-policy')
    if (kind === 'admin') expect(csp).toBe(adminCsp(PRODUCTION, false))
    if (kind === 'resource') expect(csp).toBe(RESOURCE_CSP)
    if (kind === 'page') expectPageCsp(response)
  })
})

describe('cached pages', () => {
  it('carry the same headers whether rendered or served from the cache', async () => {
    const responses = []
    for (let i = 0; i < 3; i++) responses.push(await get(ARTICLE))
    expect(responses.at(-1)?.headers.get('x-nextjs-cache')).toBe('HIT')
    for (const response of responses) {
      expectStaticHeaders(response.headers)
      expectPageCsp(response)
    }
  })

  it('and so do client-side navigations', async () => {
    // Followed: Next first answers a bare RSC request with a redirect to its cache-busting URL.
    const navigation = await get(ARTICLE, { headers: { rsc: '1' }, redirect: 'follow' })
    expect(navigation.status).toBe(200)
    expect(navigation.headers.get('content-type')).toMatch(/^text\/x-component/)
    expectStaticHeaders(navigation.headers)
    expectPageCsp(navigation)
  })
})

describe('a static file the site really loads', () => {
  it('carries the headers too', async () => {
    const home = await get('/')
    const src = home.doc.querySelector('script[src^="/_next/static/"]')?.getAttribute('src')
    expect(src).toBeDefined()
    const file = await get(src as string)
    expect(file.status).toBe(200)
    expectStaticHeaders(file.headers)
    expect(file.headers.get('content-security-policy')).toBe(RESOURCE_CSP)
  })
})

describe('the admin after login', () => {
  it('gets the admin CSP and every security header, on the dashboard and an edit page', async () => {
    const { token } = await adminSession()
    for (const path of ['/admin', '/admin/collections/articles']) {
      const page = await get(path, { headers: { cookie: `payload-token=${token}` } })
      expect(page.status).toBe(200)
      expectStaticHeaders(page.headers)
      expect(page.headers.get('content-security-policy')).toBe(adminCsp(PRODUCTION, false))
    }
  })
})

describe('behind a TLS-terminating proxy (x-forwarded-proto: https)', () => {
  const overHttps = { headers: { 'x-forwarded-proto': 'https' } }

  it('pages and the admin also upgrade insecure requests; over plain http they do not', async () => {
    const page = await get(ARTICLE, overHttps)
    expectPageCsp(page, true)
    expect(page.headers.get('content-security-policy')).toMatch(/; upgrade-insecure-requests$/)
    expect((await get(ARTICLE)).headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests')
    const admin = await get('/admin/login', overHttps)
    expect(admin.headers.get('content-security-policy')).toBe(adminCsp(PRODUCTION, true))
  })
})
