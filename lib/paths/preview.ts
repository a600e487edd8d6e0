import { z } from 'zod'

import { isPublicPageCollection, PUBLIC_PAGE_COLLECTIONS, type PublicPageCollection } from './routes'
import { DRAFT_PREVIEW_PATHS } from '../seo/robots'
import { sameSitePath } from './canonical'
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from './slug'

/**
 * Draft preview: the admin's "Preview" button and Live Preview open PREVIEW_PATH, which checks the
 * admin's login cookie, turns on Next's draft mode and redirects to the document's page. No secret
 * travels in the URL: the admin and the site are one origin, so the login cookie goes along.
 */

/** The first of the paths robots.txt keeps crawlers out of, so the two can never drift apart. */
export const PREVIEW_PATH: (typeof DRAFT_PREVIEW_PATHS)[0] = DRAFT_PREVIEW_PATHS[0]
export const EXIT_PREVIEW_PATH = '/next/exit-preview'

/** Sizes offered beside the editor (Payload adds "Responsive", the pane's own size). */
export const LIVE_PREVIEW_BREAKPOINTS = [
  { name: 'mobile', label: 'Mobile', width: 375, height: 667 },
  { name: 'tablet', label: 'Tablet', width: 768, height: 1024 },
  { name: 'desktop', label: 'Desktop', width: 1440, height: 900 },
]

/** SQLite's uuids and MongoDB's ObjectIds: letters, digits and hyphens only. */
const documentId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/)

export const previewParams = z.object({
  collection: z.enum(PUBLIC_PAGE_COLLECTIONS),
  id: documentId,
  // Not read by the route (the slug is looked up from the draft by id, so renames cannot break
  // the link); it only makes the admin's Live Preview URL change, and reload, when the slug does.
  slug: z.string().max(SLUG_MAX_LENGTH).regex(SLUG_PATTERN).optional(),
})
export type PreviewParams = z.infer<typeof previewParams>

/** `/next/preview?collection=articles&id=…&slug=…`: a site-relative URL the admin opens as is. */
export function previewUrl(collection: PublicPageCollection, doc: { id?: unknown; slug?: unknown }): string | null {
  const parsed = previewParams.safeParse({
    collection,
    id: doc.id,
    slug: typeof doc.slug === 'string' && doc.slug !== '' ? doc.slug : undefined,
  })
  if (!parsed.success) return null
  const query = new URLSearchParams({ collection: parsed.data.collection, id: parsed.data.id })
  if (parsed.data.slug) query.set('slug', parsed.data.slug)
  return `${PREVIEW_PATH}?${query}`
}

/**
 * Payload's `admin.livePreview.url`: the same preview URL, for whichever page collection the editor
 * has open (null, so no pane, for anything without a page of its own).
 */
export function livePreviewUrl({ collectionConfig, data }: { collectionConfig?: { slug: string }; data: Record<string, unknown> }) {
  const collection = collectionConfig?.slug
  return isPublicPageCollection(collection) ? previewUrl(collection, data) : null
}

/** Payload's `admin.preview` for one collection: the "Preview" button's address. */
export const previewButtonUrl = (collection: PublicPageCollection) => (doc: Record<string, unknown>) => previewUrl(collection, doc)

/**
 * Where leaving the preview returns to: the page the bar was on (from `?path=` or the Referer),
 * when it is a page of this site (sameSitePath decides); otherwise the home page. `siteHosts` are
 * this site's hosts: the request's Host and SITE_URL's (they differ behind a proxy). Never another
 * site (no open redirect), never back into the preview route (which would turn draft mode on again).
 */
export function exitPreviewTarget(candidate: string | null | undefined, siteHosts: readonly (string | null | undefined)[]): string {
  const path = sameSitePath(candidate, siteHosts)
  if (!path) return '/'
  const { pathname } = new URL(path, 'http://this-site.invalid')
  if ([PREVIEW_PATH, EXIT_PREVIEW_PATH].some((route) => pathname === route || pathname.startsWith(`${route}/`))) return '/'
  return path
}

/** A preview refusal the editor can read; never cached, never indexed. */
export function previewRefusal(status: 400 | 401 | 404, message: string): Response {
  return new Response(`${message}\n`, {
    status,
    headers: {
      'content-type': 'text/plain; charset=utf-8',
      'cache-control': 'private, no-store',
      'x-robots-tag': 'noindex',
    },
  })
}
