import { createRequire } from 'node:module'

import { config } from '@/proxy'
import { canonicalPath, isCaseSensitivePath, isDecodablePath, withoutTrailingSlash } from '@/lib/paths/canonical'
import { isKnownRoutePath, proxyMatcherPattern } from '@/lib/paths/routes'

/**
 * proxy.ts runs only for the requests that may need it (its `config.matcher`, a literal Next reads
 * at build time). This compiles that matcher with Next's own code, as `next build` does, and checks
 * it against the rules the proxy applies: every request the proxy would answer differently from
 * Next must reach it, and the site's canonical addresses must not (they are served from the cache
 * without running any code of ours).
 */
const require = createRequire(import.meta.url)
const { getMiddlewareMatchers } = require('next/dist/build/analysis/get-page-static-info') as {
  getMiddlewareMatchers: (matcher: unknown, nextConfig: Record<string, unknown>) => { regexp: string }[]
}
const { getMiddlewareRouteMatcher } = require('next/dist/shared/lib/router/utils/middleware-route-matcher') as {
  getMiddlewareRouteMatcher: (matchers: { regexp: string }[]) => (pathname: string, request: unknown, query: unknown) => boolean
}
const reachesProxy = getMiddlewareRouteMatcher(getMiddlewareMatchers(config.matcher, {}))
const matches = (pathname: string) => reachesProxy(pathname, { headers: {} }, {})

/** What proxy.ts does with a path: anything but "pass it on untouched" needs the proxy. */
function proxyActsOn(pathname: string): boolean {
  if (pathname === '/_next/image') return true
  if (!isDecodablePath(pathname)) return true
  const canonical = isCaseSensitivePath(pathname) ? withoutTrailingSlash(pathname) : canonicalPath(pathname)
  return canonical !== pathname || !isKnownRoutePath(canonical)
}

const SITE_ADDRESSES = [
  '/',
  '/blog',
  '/blog/massage-therapy-benefits-on-immune-function',
  '/blog/page/2',
  '/benefits',
  '/benefits/reduces-stress',
  '/authors/janet',
  '/topics/immune-health',
  '/search',
  '/contact',
  '/contact/thanks',
  '/feed.xml',
  '/atom.xml',
  '/feed.json',
  '/robots.txt',
  '/sitemap.xml',
  '/sitemaps/sitemap/0.xml',
  '/og/articles/massage',
  '/favicon.svg',
  '/health',
  '/next/preview',
  '/_next/static/chunks/0abc.js',
  '/api/articles',
  '/api/media/file/IMG_2040.JPG',
  '/admin',
  '/admin/collections/articles',
]
const ODD_ADDRESSES = [
  '/Blog',
  '/blog/Massage-Therapy',
  '/BLOG/',
  '/blog/',
  '/blog/massage/',
  '/api/articles/',
  '/admin/collections/',
  '/blog/%E0%A4%A',
  '/api/articles/%E0%A4%A',
  '/admin/%ZZ',
  '/_next/image',
  '/old-page',
  '/2019/05/massage',
  '/blogs',
  '/apiary',
  '/nextjs',
  '/feed.xml.bak',
  '/index.html',
]

describe('proxy.ts matcher', () => {
  // A literal in proxy.ts (Next reads it at build time), derived here from the one table of paths:
  // a collection or section added to lib/paths/routes.ts without updating proxy.ts fails this.
  it('is the pattern the table of paths implies', () => {
    expect(config.matcher).toBe(proxyMatcherPattern())
  })

  it.each(SITE_ADDRESSES)('lets %s go straight to Next', (pathname) => {
    expect(proxyActsOn(pathname)).toBe(false)
    expect(matches(pathname)).toBe(false)
  })

  it.each(ODD_ADDRESSES)('sends %s through the proxy', (pathname) => {
    expect(proxyActsOn(pathname)).toBe(true)
    expect(matches(pathname)).toBe(true)
  })

  // The matcher may send a few more (a file's odd case, any percent-escape); the proxy passes them on.
  it('sends every path of every shape the proxy acts on through it', () => {
    const segments = ['blog', 'Blog', 'api', 'admin', 'x', 'feed.xml', 'a%20b', '%E0%A4', '_next', 'og', 'sitemap-1.xml', 'health', '']
    for (const first of segments) {
      for (const second of [null, ...segments]) {
        const pathname = second === null ? `/${first}` : `/${first}/${second}`
        if (proxyActsOn(pathname)) expect([pathname, matches(pathname)]).toEqual([pathname, true])
      }
    }
  })
})
