import { createRequire } from 'node:module'

import {
  ADMIN_SOURCE,
  adminCsp,
  HSTS,
  PAGE_SOURCE,
  PERMISSIONS_POLICY,
  publicPageCsp,
  RESOURCE_CSP,
  securityEnv,
  securityHeaderRules,
  staticSecurityHeaders,
} from '@/lib/security/headers'

const PRODUCTION_HTTPS = { production: true, https: true }
const PRODUCTION_HTTP = { production: true, https: false }
const DEVELOPMENT = { production: false, https: false }

/** `a b; c d` → { a: ['b'], c: ['d'] } */
function parseCsp(csp: string): Record<string, string[]> {
  return Object.fromEntries(
    csp.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/)
      return [name, values]
    }),
  )
}

describe('securityEnv', () => {
  it('reads production from NODE_ENV and https from SITE_URL', () => {
    expect(securityEnv({ NODE_ENV: 'production', SITE_URL: 'https://example.com' })).toEqual(PRODUCTION_HTTPS)
    expect(securityEnv({ NODE_ENV: 'production', SITE_URL: 'http://localhost:3000' })).toEqual(PRODUCTION_HTTP)
    expect(securityEnv({ NODE_ENV: 'production' })).toEqual(PRODUCTION_HTTP)
    expect(securityEnv({ NODE_ENV: 'development', SITE_URL: 'https://example.com' })).toEqual({ production: false, https: true })
  })
})

describe('publicPageCsp', () => {
  it('loads everything from this origin only, with no plugins, foreign forms or eval in production', () => {
    const csp = parseCsp(publicPageCsp(PRODUCTION_HTTPS, true))
    expect(csp['default-src']).toEqual(["'self'"])
    // Inline: Next's RSC payload scripts, which a page served from the cache cannot nonce.
    expect(csp['script-src']).toEqual(["'self'", "'unsafe-inline'"])
    expect(csp['style-src']).toEqual(["'self'", "'unsafe-inline'"])
    expect(csp['img-src']).toEqual(["'self'"])
    expect(csp['connect-src']).toEqual(["'self'"])
    expect(csp['object-src']).toEqual(["'none'"])
    expect(csp['base-uri']).toEqual(["'self'"])
    expect(csp['form-action']).toEqual(["'self'"])
    expect(csp['frame-ancestors']).toEqual(["'self'"])
    expect(csp).toHaveProperty('upgrade-insecure-requests', [])
  })

  it('upgrades requests only in production, for a response that went out over https', () => {
    expect(parseCsp(publicPageCsp(PRODUCTION_HTTPS, false))).not.toHaveProperty('upgrade-insecure-requests')
    expect(parseCsp(publicPageCsp({ production: false, https: true }, true))).not.toHaveProperty('upgrade-insecure-requests')
  })

  it("allows eval only in development, where Next's dev server needs it", () => {
    expect(parseCsp(publicPageCsp(DEVELOPMENT, false))['script-src']).toContain("'unsafe-eval'")
    expect(parseCsp(publicPageCsp(PRODUCTION_HTTP, false))['script-src']).not.toContain("'unsafe-eval'")
  })
})

describe('adminCsp', () => {
  it('lets Payload run its inline scripts and styles, from this origin only, framing only itself', () => {
    const csp = parseCsp(adminCsp(PRODUCTION_HTTPS, true))
    expect(csp['default-src']).toEqual(["'self'"])
    expect(csp['script-src']).toEqual(["'self'", "'unsafe-inline'"])
    expect(csp['style-src']).toEqual(["'self'", "'unsafe-inline'"])
    expect(csp['frame-src']).toEqual(["'self'"])
    expect(csp['frame-ancestors']).toEqual(["'self'"])
    expect(csp['object-src']).toEqual(["'none'"])
    expect(csp).toHaveProperty('upgrade-insecure-requests', [])
    expect(parseCsp(adminCsp(PRODUCTION_HTTPS, false))).not.toHaveProperty('upgrade-insecure-requests')
    expect(parseCsp(adminCsp(DEVELOPMENT, false))['script-src']).toContain("'unsafe-eval'")
  })
})

describe('RESOURCE_CSP', () => {
  it('loads and runs nothing, and sandboxes the response when opened as a page', () => {
    const csp = parseCsp(RESOURCE_CSP)
    expect(csp['default-src']).toEqual(["'none'"])
    expect(csp).toHaveProperty('sandbox', [])
    expect(csp['frame-ancestors']).toEqual(["'self'"])
  })
})

describe('staticSecurityHeaders', () => {
  const byName = (env: typeof PRODUCTION_HTTPS) =>
    Object.fromEntries(staticSecurityHeaders(env).map(({ key, value }) => [key, value]))

  it('sends nosniff, the referrer and permissions policies and SAMEORIGIN framing everywhere', () => {
    for (const env of [PRODUCTION_HTTPS, PRODUCTION_HTTP, DEVELOPMENT]) {
      expect(byName(env)).toMatchObject({
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'strict-origin-when-cross-origin',
        'Permissions-Policy': PERMISSIONS_POLICY,
        'X-Frame-Options': 'SAMEORIGIN',
      })
    }
  })

  it('sends HSTS only for a production site on https', () => {
    expect(byName(PRODUCTION_HTTPS)['Strict-Transport-Security']).toBe(HSTS)
    expect(byName(PRODUCTION_HTTP)).not.toHaveProperty('Strict-Transport-Security')
    expect(byName({ production: false, https: true })).not.toHaveProperty('Strict-Transport-Security')
  })

  it('refuses the features the site never uses, and names no obsolete ones', () => {
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) {
      expect(PERMISSIONS_POLICY).toContain(`${feature}=()`)
    }
    expect(PERMISSIONS_POLICY).not.toContain('interest-cohort')
  })
})

describe('securityHeaderRules', () => {
  it('gives every path the static headers and the locked-down CSP, and the admin its own CSP after it', () => {
    const rules = securityHeaderRules(PRODUCTION_HTTPS)
    expect(rules[0].source).toBe('/:path*')
    expect(rules[0].headers).toContainEqual({ key: 'Content-Security-Policy', value: RESOURCE_CSP })
    const adminRules = rules.filter((rule) => rule.source === ADMIN_SOURCE)
    expect(adminRules.map((rule) => Boolean(rule.has))).toEqual([false, true])
    for (const rule of adminRules) {
      expect(rules.indexOf(rule)).toBeGreaterThan(0)
      // Over https (as a TLS-terminating proxy reports it) the admin's policy also upgrades requests.
      const overHttps = rule.has?.some((h) => h.key === 'x-forwarded-proto' && h.value === 'https') ?? false
      expect(rule.headers).toEqual([{ key: 'Content-Security-Policy', value: adminCsp(PRODUCTION_HTTPS, overHttps) }])
    }
  })
})

describe('PAGE_SOURCE', () => {
  // The matcher Next compiles `headers()` sources with.
  const { pathToRegexp } = createRequire(import.meta.url)('next/dist/compiled/path-to-regexp') as {
    pathToRegexp: (source: string) => RegExp
  }
  const isPage = (path: string) => pathToRegexp(PAGE_SOURCE).test(path)
  const isAdmin = (path: string) => pathToRegexp(ADMIN_SOURCE).test(path)

  it('tells the admin (and the GraphQL playground) from the rest', () => {
    for (const path of ['/admin', '/admin/login', '/admin/collections/articles/1', '/api/graphql-playground']) expect(isAdmin(path)).toBe(true)
    for (const path of ['/', '/administer', '/api/articles', '/blog/admin']) expect(isAdmin(path)).toBe(false)
  })

  it('matches the pages of the site, known or not', () => {
    for (const path of ['/', '/blog', '/blog/massage-therapy-benefits-on-immune-function', '/blog/page/2', '/search', '/no-such-page', '/apiary', '/nextjs-tips']) {
      expect(isPage(path)).toBe(true)
    }
  })

  it('leaves Payload, Next, files, share images, child sitemaps and preview routes the locked-down CSP', () => {
    for (const path of ['/api/articles', '/admin', '/admin/collections/articles', '/_next/static/chunks/a.js', '/feed.xml', '/robots.txt', '/favicon.svg', '/sitemap.xml', '/og/articles/x', '/sitemaps/sitemap/0.xml', '/next/preview']) {
      expect(isPage(path)).toBe(false)
    }
  })

  it('gives pages their CSP after the catch-all, over http and over https', () => {
    const rules = securityHeaderRules(PRODUCTION_HTTPS)
    const pageRules = rules.filter((rule) => rule.source === PAGE_SOURCE)
    expect(pageRules.map((rule) => Boolean(rule.has))).toEqual([false, true])
    for (const rule of pageRules) {
      expect(rules.indexOf(rule)).toBeGreaterThan(0)
      expect(rule.headers).toEqual([{ key: 'Content-Security-Policy', value: publicPageCsp(PRODUCTION_HTTPS, Boolean(rule.has)) }])
    }
  })
})
