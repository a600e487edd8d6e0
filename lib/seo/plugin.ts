import { seoPlugin } from '@payloadcms/plugin-seo'
import type { GenerateDescription, GenerateTitle, GenerateURL } from '@payloadcms/plugin-seo/types'

import { MEDIA } from '../../collections/slugs'
import { absoluteUrl, site } from '../site'
import { toDescription } from './metadata'
import { documentPath, isPublicPageCollection, PUBLIC_PAGE_COLLECTIONS } from './paths'

type AnyDoc = Record<string, unknown>

const text = (value: unknown) => (typeof value === 'string' ? value : '')

/** The document's own name: articles and benefits have a title, authors and topics a name. */
const docName = (doc: AnyDoc) => text(doc.title) || text(doc.name)

/** "Generate" fills the meta title with what the page's <title> would show. */
const generateTitle: GenerateTitle<AnyDoc> = ({ doc }) => `${docName(doc)} · ${site.name}`

/** From the excerpt, summary or description the page would fall back to anyway. */
const generateDescription: GenerateDescription<AnyDoc> = ({ doc }) =>
  toDescription(text(doc.excerpt) || text(doc.summary) || text(doc.description) || site.description)

/** The search-result preview shows the page's real public address. */
const generateURL: GenerateURL<AnyDoc> = ({ doc, collectionConfig }) => {
  const collection = collectionConfig?.slug
  const path = isPublicPageCollection(collection) ? documentPath(collection, text(doc.slug)) : null
  return absoluteUrl(path ?? '/')
}

/** Meta title, description and share image on every collection with a public page. */
export const seo = seoPlugin({
  collections: [...PUBLIC_PAGE_COLLECTIONS],
  uploadsCollection: MEDIA,
  tabbedUI: false,
  generateTitle,
  generateDescription,
  generateURL,
})
