/**
 * The security headers every response carries, built here as plain data so they can be tested
 * without a server. Two places apply them (a request passes through both):
 * - next.config.ts `headers()` (routes manifest, fixed at `next build`): the static headers on
 *   every response (pages, API, admin, feeds, files, 404s, redirects), the admin's CSP, and a
 *   locked-down CSP for everything that is not an HTML page of the site.
 * - proxy.ts (per request): the site's pages get a CSP with a fresh nonce, replacing the
 *   locked-down one. Next reads the nonce from the request's CSP header and puts it on its own
 *   scripts; pages are already rendered per request (lib/cache-tags.ts), so no page loses a cache.
 */

export type SecurityEnv = {
  /** `next build`/`next start` (NODE_ENV=production): no `'unsafe-eval'`, HSTS, upgrades. */
  production: boolean
  /** The public address is https (SITE_URL): HSTS and upgrade-insecure-requests make sense. */
  https: boolean
}

export function securityEnv(env: Record<string, string | undefined> = process.env): SecurityEnv {
  return {
    production: env.NODE_ENV === 'production',
    https: /^https:\/\//i.test(env.SITE_URL?.trim() ?? ''),
  }
}

type Directives = Record<string, string[]>

/** `{ 'default-src': ["'self'"] }` → `default-src 'self'`; a directive without values stands alone. */
export function serializeCsp(directives: Directives): string {
  return Object.entries(directives)
    .map(([name, values]) => [name, ...values].join(' '))
    .join('; ')
}

/**
 * Directives every HTML document here shares. `frame-ancestors 'self'`: the admin's Live Preview
 * frames the site from the same origin; nobody else may frame anything (clickjacking).
 * `upgrade-insecure-requests` only for a response that really went out over https (`overHttps`),
 * not merely because SITE_URL says https: served over plain http (`npm start` on a laptop, the
 * test server), it would send the Live Preview frame to an https address that answers nothing.
 */
function documentBase(env: SecurityEnv, overHttps: boolean): Directives {
  return {
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'self'"],
    ...(env.production && overHttps ? { 'upgrade-insecure-requests': [] } : {}),
  }
}

/**
 * The site's pages: no script runs unless it carries this response's nonce, or was loaded by one
 * that does (`'strict-dynamic'`: Next's runtime loads its chunks). JSON-LD blocks are data, never
 * executed, so script-src does not apply to them. Styles come from the site's CSS file and Next's
 * own nonced tags; no page renders a `style` attribute, so no `'unsafe-inline'` (development
 * excepted: Next's dev server injects styles without a nonce, and React's dev tools need eval).
 */
export function publicPageCsp(nonce: string, env: SecurityEnv, overHttps: boolean): string {
  const dev = !env.production
  return serializeCsp({
    'default-src': ["'self'"],
    'script-src': ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    'style-src': ["'self'", dev ? "'unsafe-inline'" : `'nonce-${nonce}'`],
    // Images are the site's own uploads (<img>, not next/image: no inline blur placeholders).
    'img-src': ["'self'"],
    'font-src': ["'self'"],
    // Client-side navigation and forms that post with fetch go to this origin only.
    'connect-src': ["'self'"],
    ...documentBase(env, overHttps),
  })
}

/** Whether a request reached the server over https, directly or through a TLS-terminating proxy. */
export function arrivedOverHttps(url: URL, headers: Headers): boolean {
  const forwarded = headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase()
  return forwarded === 'https' || url.protocol === 'https:'
}

/**
 * Payload's admin. It cannot have a nonce: proxy.ts does not run on /admin (its server-function
 * POSTs would pass through the proxy, which buffers request bodies and cuts them at 10 MB), and its
 * UI writes `<style>` tags with no nonce (Payload's `@layer` rule, react-select's emotion styles)
 * and inline `style` attributes everywhere. So scripts and styles may be inline here, and only
 * here; everything still comes from this origin only, and nothing may frame it but the site.
 * `blob:` images are upload previews; `frame-src 'self'` is the Live Preview pane.
 */
export function adminCsp(env: SecurityEnv, overHttps: boolean): string {
  return serializeCsp({
    'default-src': ["'self'"],
    'script-src': ["'self'", "'unsafe-inline'", ...(env.production ? [] : ["'unsafe-eval'"])],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'frame-src': ["'self'"],
    'worker-src': ["'self'", 'blob:'],
    ...documentBase(env, overHttps),
  })
}

/**
 * Everything that is not an HTML page: API JSON, uploaded media, feeds, the sitemap, share
 * images, Next's static files. Opened directly in a browser, such a response may load nothing and
 * run nothing (`sandbox`: an uploaded file can never act as this origin's page).
 */
export const RESOURCE_CSP = serializeCsp({
  'default-src': ["'none'"],
  'frame-ancestors': ["'self'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  sandbox: [],
})

export const HSTS = 'max-age=63072000; includeSubDomains'

/**
 * Features the site never uses, refused for it and anything it frames. Only names Chromium
 * recognises (an unknown one, like the obsolete `interest-cohort`, logs a console error).
 */
export const PERMISSIONS_POLICY = [
  'accelerometer',
  'browsing-topics',
  'camera',
  'geolocation',
  'gyroscope',
  'magnetometer',
  'microphone',
  'payment',
  'usb',
]
  .map((feature) => `${feature}=()`)
  .join(', ')

export type HeaderPair = { key: string; value: string }

/** The headers that are the same on every response. */
export function staticSecurityHeaders(env: SecurityEnv): HeaderPair[] {
  return [
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'Permissions-Policy', value: PERMISSIONS_POLICY },
    // For browsers without CSP frame-ancestors; SAMEORIGIN, not DENY: Live Preview frames the site.
    { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
    // Browsers ignore HSTS over plain http, and it must never pin a site that has no https.
    ...(env.production && env.https ? [{ key: 'Strict-Transport-Security', value: HSTS }] : []),
  ]
}

export const CSP_HEADER = 'Content-Security-Policy'

export type HeaderRule = { source: string; headers: HeaderPair[]; has?: { type: 'header'; key: string; value: string }[] }

/** A static rule cannot see the request's scheme, only this header of a TLS-terminating proxy. */
const FORWARDED_OVER_HTTPS = [{ type: 'header' as const, key: 'x-forwarded-proto', value: 'https' }]

/**
 * next.config.ts `headers()`: later rules override earlier ones for the same header, so the admin
 * rules replace the catch-all's locked-down CSP (and proxy.ts replaces it on the site's pages).
 */
export function securityHeaderRules(env: SecurityEnv): HeaderRule[] {
  // An HTML page under /api, only served where the GraphQL playground is enabled.
  const adminSources = ['/admin', '/admin/:path*', '/api/graphql-playground']
  const admin = (overHttps: boolean) => [{ key: CSP_HEADER, value: adminCsp(env, overHttps) }]
  return [
    { source: '/:path*', headers: [...staticSecurityHeaders(env), { key: CSP_HEADER, value: RESOURCE_CSP }] },
    ...adminSources.map((source) => ({ source, headers: admin(false) })),
    ...adminSources.map((source) => ({ source, has: FORWARDED_OVER_HTTPS, headers: admin(true) })),
  ]
}

/**
 * Whether a request the proxy sees is for one of the site's HTML pages (it gets the nonce CSP).
 * Not: files (`/feed.xml`, `/robots.txt`, `/favicon.svg`), share images, sitemap pages, nor the
 * preview routes (they only redirect); those keep the locked-down CSP from next.config.ts.
 * Client-side navigations (RSC requests) cannot be told apart here: Next removes their headers
 * before the proxy runs. They get a nonce they do not need, which costs a random number.
 */
export function isPageRequest(pathname: string): boolean {
  if (/\.[a-z0-9]+$/i.test(pathname)) return false
  return !/^\/(og|sitemaps|next)(\/|$)/i.test(pathname)
}

/** 128 random bits, base64: unguessable and fresh for every page response. */
export function createNonce(): string {
  const bytes = new Uint8Array(16)
  crypto.getRandomValues(bytes)
  return btoa(String.fromCharCode(...bytes))
}
