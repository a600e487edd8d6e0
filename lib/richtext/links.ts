import { documentPath, isPublicPageCollection } from '../paths/routes'

/**
 * Where a rich-text link points, for components/RichText.tsx: the article page and the feeds
 * render the same markup (components/ArticleBody.tsx), the feeds with absolute URLs.
 */

export type LinkFields = {
  linkType?: 'custom' | 'internal' | null
  url?: string | null
  newTab?: boolean | null
  doc?: { relationTo?: unknown; value?: unknown } | null
}

/**
 * An internal link's target: the linked document's page. `null` when the document is not
 * readable here (a draft, deleted, or not populated), so the caller renders the words unlinked
 * rather than a dead `#`.
 */
export function internalLinkPath(fields: LinkFields | undefined): string | null {
  const doc = fields?.doc
  const value = doc?.value
  const slug = value && typeof value === 'object' ? (value as { slug?: unknown }).slug : undefined
  if (!isPublicPageCollection(doc?.relationTo) || typeof slug !== 'string') return null
  return documentPath(doc.relationTo, slug)
}

const SAFE_URL = /^(?:https?:\/\/|mailto:|tel:|\/(?!\/)|#)/i

/**
 * A custom link's URL when it is one a reader can safely follow: web, mail, phone, or a path on
 * this site. Anything else (`javascript:`, `data:`, protocol-relative `//host`) gives `null`.
 */
export function safeCustomUrl(url: unknown): string | null {
  if (typeof url !== 'string') return null
  const trimmed = url.trim()
  return SAFE_URL.test(trimmed) ? trimmed : null
}

/** The `href` for any rich-text link, or null when it should render as plain words. */
export function linkHref(fields: LinkFields | undefined): string | null {
  return fields?.linkType === 'internal' ? internalLinkPath(fields) : safeCustomUrl(fields?.url)
}

/** A link opened in a new tab gets no handle on this page (`noopener`) and no referrer. */
export function newTabAttributes(fields: LinkFields | undefined): { target?: '_blank'; rel?: string } {
  return fields?.newTab ? { target: '_blank', rel: 'noopener noreferrer' } : {}
}
