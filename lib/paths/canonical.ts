/**
 * URL path rules shared by proxy.ts, the redirects collection and the slug pages: one canonical
 * spelling per address (lowercase, no trailing slash), so every old or odd spelling reaches its
 * page in a single permanent redirect.
 */

/**
 * Lowercase letters, no trailing slash: `/Blog/Massage/` → `/blog/massage`. Percent-escapes are
 * left exactly as sent (`%C3%A9` and `%c3%a9` are the same character, and not worth a redirect).
 */
export function canonicalPath(pathname: string): string {
  const lowered = pathname.replace(/%[0-9a-f]{2}|[A-Z]+/gi, (part) => (part.startsWith('%') ? part : part.toLowerCase()))
  return withoutTrailingSlash(lowered)
}

/** Only trailing slashes removed: for paths whose case matters (API, admin, files). */
export function withoutTrailingSlash(pathname: string): string {
  const trimmed = pathname.replace(/\/+$/, '')
  return trimmed === '' ? '/' : trimmed
}

/** Paths served by Payload, Next or as files (share images too), where letter case is left alone. */
export function isCaseSensitivePath(pathname: string): boolean {
  return /^\/(api|admin|_next|og)(\/|$)/i.test(pathname) || /\.[a-z0-9]+$/i.test(pathname)
}

/** Stands in for this site while a candidate is parsed; no real address resolves to it. */
const THIS_SITE = 'http://this-site.invalid'

/**
 * The one judge of "may the site redirect here": the path on this site that `candidate` leads
 * to, or null when it leads anywhere else (or nowhere). Every redirect the site makes from
 * something it was given (a query parameter, a Referer, a stored redirect, a request path) goes
 * through it. A candidate is read the way a browser reads a Location: `//evil.example`,
 * `/\evil.example`, `https://evil.example` and `javascript:` lead elsewhere (null); so do absolute
 * URLs unless their host is one of `siteHosts`. What is left is a path, whose runs of slashes are
 * collapsed into one: `/.//evil.example/login` is this site's `/evil.example/login`, never a
 * scheme-relative `//evil.example/login` once normalised.
 */
export function sameSitePath(candidate: unknown, siteHosts: readonly (string | null | undefined)[] = []): string | null {
  if (typeof candidate !== 'string') return null
  const trimmed = candidate.trim()
  // Browsers drop tabs and newlines inside URLs (`/\t/evil.example` is `//evil.example`).
  if (trimmed === '' || /[\u0000-\u001f\u007f]/.test(trimmed)) return null
  let url: URL
  try {
    url = new URL(trimmed, THIS_SITE)
  } catch {
    return null
  }
  const onThisSite =
    url.origin === THIS_SITE || (['http:', 'https:'].includes(url.protocol) && siteHosts.some((host) => host && host.toLowerCase() === url.host))
  if (!onThisSite) return null
  const path = `${url.pathname.replace(/\/{2,}/g, '/')}${url.search}`
  // The URL parser has already turned backslashes into slashes; this only states the result.
  return /^\/(?![/\\])/.test(path) ? path : null
}

/**
 * Whether every `%xx` in a path decodes to valid UTF-8 (`/blog/%zz` or `%c0%ae` do not). Next
 * answers such paths with a 500 while decoding route params; the proxy refuses them with a 400.
 */
export function isDecodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname)
    return true
  } catch {
    return false
  }
}

/** Where uploaded files are served; the only thing /_next/image may resize (next.config.ts). */
export const MEDIA_FILE_PREFIX = '/api/media/file/'

/**
 * A `url` for /_next/image: an uploaded file's path, decodable, with no `..` segment. Next's
 * optimizer answers anything else (undecodable, or an upstream refusal) with a 500.
 */
export function isOptimizableImageUrl(url: string | null): boolean {
  if (!url || !url.startsWith(MEDIA_FILE_PREFIX) || !isDecodablePath(url)) return false
  const decoded = decodeURIComponent(url)
  return !decoded.includes('..') && !decoded.includes('\\')
}
