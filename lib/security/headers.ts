/**
 * The security headers every response carries, built here as plain data so they can be tested
 * without a server. They are all static (next.config.ts `headers()`, routes manifest, fixed at
 * `next build`): the site's pages are cached whole and served as they are (lib/cache/tags.ts),
 * so nothing may differ per request. That rules out a per-request nonce in the pages' CSP (Next
 * can only put a nonce on scripts it renders for that very request): see publicPageCsp.
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
 * The site's pages: scripts, styles, images, fonts and requests from this origin only; no
 * plugins, no foreign forms, no framing but Live Preview's; no eval in production.
 *
 * Scripts may be inline: Next writes each page's React Server Components payload into inline
 * `<script>` tags, and a page served from the cache cannot carry a per-request nonce, while a hash
 * list would differ per page and per content change (a header is fixed at build). So the guard
 * against injected script is the rendering itself: React escapes every value, rich text renders
 * from Lexical's JSON with no raw HTML (lib/richtext), and JSON-LD is serialized with `<` escaped.
 * Styles may be inline too: Next's own not-found and error markup writes <style> tags.
 */
export function publicPageCsp(env: SecurityEnv, overHttps: boolean): string {
  return serializeCsp({
    'default-src': ["'self'"],
    'script-src': ["'self'", "'unsafe-inline'", ...(env.production ? [] : ["'unsafe-eval'"])],
    'style-src': ["'self'", "'unsafe-inline'"],
    // Images are the site's own uploads (<img>, not next/image: no inline blur placeholders).
    'img-src': ["'self'"],
    'font-src': ["'self'"],
    // Client-side navigation and forms that post with fetch go to this origin only.
    'connect-src': ["'self'"],
    ...documentBase(env, overHttps),
  })
}

/**
 * Payload's admin. Its UI writes `<style>` tags (Payload's `@layer` rule, react-select's emotion
 * styles), inline `style` attributes everywhere, data: fonts and blob: workers. Everything still
 * comes from this origin only, and nothing may frame it but the site.
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
 * The site's HTML pages, as a `headers()` source: every path but Payload's (/api, /admin), Next's
 * files (/_next), share images (/og), child sitemaps (/sitemaps), the preview routes (/next, which
 * only redirect) and anything with a file extension (/feed.xml, /robots.txt, /favicon.svg).
 */
export const PAGE_SOURCE = '/:path((?!(?:api|admin|_next|og|sitemaps|next)(?:/|$))(?!.*\\.[A-Za-z0-9]+$).*)'

/** Payload's admin, and the GraphQL playground (an HTML page under /api, where it is enabled). */
export const ADMIN_SOURCE = '/:path(admin|admin/.*|api/graphql-playground)'

/**
 * next.config.ts `headers()`: later rules override earlier ones for the same header, so the page
 * and admin rules replace the catch-all's locked-down CSP. Few rules, each one pattern: Next
 * matches every rule against every request (bench/throughput.ts).
 */
export function securityHeaderRules(env: SecurityEnv): HeaderRule[] {
  const csp = (value: string) => [{ key: CSP_HEADER, value }]
  return [
    { source: '/:path*', headers: [...staticSecurityHeaders(env), { key: CSP_HEADER, value: RESOURCE_CSP }] },
    { source: PAGE_SOURCE, headers: csp(publicPageCsp(env, false)) },
    { source: PAGE_SOURCE, has: FORWARDED_OVER_HTTPS, headers: csp(publicPageCsp(env, true)) },
    { source: ADMIN_SOURCE, headers: csp(adminCsp(env, false)) },
    { source: ADMIN_SOURCE, has: FORWARDED_OVER_HTTPS, headers: csp(adminCsp(env, true)) },
  ]
}
