import {
  adminCsp,
  arrivedOverHttps,
  createNonce,
  HSTS,
  isPageRequest,
  PERMISSIONS_POLICY,
  publicPageCsp,
  RESOURCE_CSP,
  securityEnv,
  securityHeaderRules,
  staticSecurityHeaders,
} from '../../lib/security/headers'

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
  const nonce = 'bm9uY2Utb2YtdGhlLXRlc3Q='

  it('runs only scripts carrying the nonce (and what they load), never inline or eval in production', () => {
    const csp = parseCsp(publicPageCsp(nonce, PRODUCTION_HTTPS, true))
    expect(csp['script-src']).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"])
    expect(csp['style-src']).toEqual(["'self'", `'nonce-${nonce}'`])
    expect(csp['img-src']).toEqual(["'self'"])
    expect(csp['connect-src']).toEqual(["'self'"])
    expect(csp['object-src']).toEqual(["'none'"])
    expect(csp['base-uri']).toEqual(["'self'"])
    expect(csp['form-action']).toEqual(["'self'"])
    expect(csp['frame-ancestors']).toEqual(["'self'"])
    expect(csp).toHaveProperty('upgrade-insecure-requests', [])
  })

  it('upgrades requests only in production, for a response that went out over https', () => {
    expect(parseCsp(publicPageCsp(nonce, PRODUCTION_HTTPS, false))).not.toHaveProperty('upgrade-insecure-requests')
    expect(parseCsp(publicPageCsp(nonce, { production: false, https: true }, true))).not.toHaveProperty('upgrade-insecure-requests')
  })

  it("allows eval and inline styles only in development, where Next's dev server needs them", () => {
    const csp = parseCsp(publicPageCsp(nonce, DEVELOPMENT, false))
    expect(csp['script-src']).toContain("'unsafe-eval'")
    expect(csp['script-src']).not.toContain("'unsafe-inline'")
    expect(csp['style-src']).toEqual(["'self'", "'unsafe-inline'"])
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
    const adminRules = rules.filter((rule) => rule.source.startsWith('/admin'))
    expect(adminRules.map((rule) => rule.source)).toEqual(['/admin', '/admin/:path*', '/admin', '/admin/:path*'])
    for (const rule of adminRules) {
      expect(rules.indexOf(rule)).toBeGreaterThan(0)
      // Over https (as a TLS-terminating proxy reports it) the admin's policy also upgrades requests.
      const overHttps = rule.has?.some((h) => h.key === 'x-forwarded-proto' && h.value === 'https') ?? false
      expect(rule.headers).toEqual([{ key: 'Content-Security-Policy', value: adminCsp(PRODUCTION_HTTPS, overHttps) }])
    }
    expect(adminRules.filter((rule) => rule.has)).toHaveLength(2)
  })
})

describe('arrivedOverHttps', () => {
  it('trusts the URL scheme and the first x-forwarded-proto of a TLS-terminating proxy', () => {
    expect(arrivedOverHttps(new URL('https://example.com/'), new Headers())).toBe(true)
    expect(arrivedOverHttps(new URL('http://127.0.0.1/'), new Headers({ 'x-forwarded-proto': 'https' }))).toBe(true)
    expect(arrivedOverHttps(new URL('http://127.0.0.1/'), new Headers({ 'x-forwarded-proto': 'https, http' }))).toBe(true)
    expect(arrivedOverHttps(new URL('http://127.0.0.1/'), new Headers({ 'x-forwarded-proto': 'http' }))).toBe(false)
    expect(arrivedOverHttps(new URL('http://127.0.0.1/'), new Headers())).toBe(false)
  })
})

describe('isPageRequest', () => {
  it('is true for the pages of the site', () => {
    for (const path of ['/', '/blog', '/blog/massage-therapy-benefits-on-immune-function', '/search', '/no-such-page']) {
      expect(isPageRequest(path)).toBe(true)
    }
  })

  it('is false for files, share images, sitemap pages and preview routes', () => {
    for (const path of ['/feed.xml', '/robots.txt', '/favicon.svg', '/sitemap.xml', '/og/articles/x', '/sitemaps/sitemap/0.xml', '/next/preview']) {
      expect(isPageRequest(path)).toBe(false)
    }
  })
})

describe('createNonce', () => {
  it('is 128 random bits in base64, different every time', () => {
    const nonces = new Set(Array.from({ length: 1000 }, createNonce))
    expect(nonces.size).toBe(1000)
    for (const nonce of nonces) expect(Buffer.from(nonce, 'base64')).toHaveLength(16)
  })
})
