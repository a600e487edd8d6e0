import { PUBLIC_PAGE_COLLECTIONS, documentPath, isPublicPageCollection } from '../paths/routes'
import { canonicalPath, sameSitePath } from '../paths/canonical'
import { absoluteUrl } from '../paths/urls'

/**
 * The one redirect resolver. Pages (lib/redirects/find.ts, through the Local API) and proxy.ts
 * (lib/redirects/proxy.ts, through the REST API over loopback) ask the same question with the same
 * rule: which stored `from` matches a path (redirectFromSpellings), which fields to read
 * (REDIRECT_SELECT, REDIRECT_POPULATE) and where the row leads today (resolveRedirect).
 */

export type ResolvedRedirect = { target: string; status: 301 | 308 }

/**
 * How a redirect's `from` is stored and looked up: a canonical path. Accepts what people paste
 * into the admin: `old-page`, `/Old-Page/`, `https://example.com/old-page?x=1#top`.
 * `null` when there is no usable path in it.
 */
export function normaliseRedirectFrom(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const trimmed = value.trim()
  if (trimmed === '') return null
  let pathname: string
  try {
    const isAbsolute = /^[a-z][a-z\d+.-]*:\/\//i.test(trimmed)
    pathname = new URL(isAbsolute ? trimmed : `/${trimmed.replace(/^\/+/, '')}`, 'http://placeholder.invalid').pathname
  } catch {
    return null
  }
  return canonicalPath(pathname)
}

/**
 * The spellings of a canonical path a stored `from` may have. New rows are stored canonical
 * (collections/hooks/normaliseRedirectFrom.ts); the others cover rows saved before that, or
 * written around the admin (an import).
 */
export function redirectFromSpellings(path: string): string[] {
  return [path, `${path}/`, absoluteUrl(path)]
}

/** The fields a redirect is resolved from. */
export const REDIRECT_SELECT = { type: true, to: true } as const

/** A referenced page is read with its slug only: enough to build its path. */
export const REDIRECT_POPULATE = Object.fromEntries(PUBLIC_PAGE_COLLECTIONS.map((collection) => [collection, { slug: true }])) as Record<
  (typeof PUBLIC_PAGE_COLLECTIONS)[number],
  { slug: true }
>

/** The redirect fields that decide where it leads (as the REST API or Local API return them). */
export type RedirectRecord = {
  type?: string | null
  to?: {
    type?: string | null
    url?: string | null
    reference?: { relationTo: string; value: unknown } | null
  } | null
}

/** An absolute http(s) URL the therapist chose as a redirect's destination (another site, on purpose). */
const EXTERNAL_TARGET = /^https?:\/\/[^/\\\s]+(?:[/?#]\S*)?$/i

/**
 * Where a redirect leads now: a referenced document's current path (only when the read
 * populated it, i.e. the visitor may see it: drafts stay ids), or the custom URL: a path on this
 * site (sameSitePath), or an absolute http(s) URL, which the therapist may point anywhere.
 */
export function redirectTarget(redirect: RedirectRecord): string | null {
  const to = redirect.to
  if (!to) return null
  if (to.type === 'custom') {
    const url = to.url?.trim()
    if (!url) return null
    return /^https?:/i.test(url) ? (EXTERNAL_TARGET.test(url) ? url : null) : sameSitePath(url)
  }
  const reference = to.reference
  if (!reference || !isPublicPageCollection(reference.relationTo)) return null
  const value = reference.value as { slug?: unknown; _status?: unknown } | null
  if (!value || typeof value !== 'object' || typeof value.slug !== 'string') return null
  if (value._status !== undefined && value._status !== 'published') return null
  return sameSitePath(documentPath(reference.relationTo, value.slug))
}

/** The stored type, as an HTTP status: both are permanent, 308 is the default. */
export function redirectStatus(type: string | null | undefined): 301 | 308 {
  return type === '301' ? 301 : 308
}

/**
 * Where a found row leads for a visitor at `path`, with its status; `null` when there is no row,
 * its page is gone or not public, or it would lead back to `path` (a loop, treated as no redirect).
 */
export function resolveRedirect(redirect: RedirectRecord | null | undefined, path: string): ResolvedRedirect | null {
  const target = redirect ? redirectTarget(redirect) : null
  if (!redirect || !target || target === path) return null
  return { target, status: redirectStatus(redirect.type) }
}
