import { seoPlugin } from '@payloadcms/plugin-seo'
import type { GenerateDescription, GenerateTitle } from '@payloadcms/plugin-seo/types'
import type { Field } from 'payload'

import { MEDIA, PRACTICE } from '../collections'
import { site } from '../config/site'
import { currentPracticeName } from '../practice/sender'
import { toDescription } from './metadata'
import { documentPathPrefixes, PUBLIC_PAGE_COLLECTIONS } from '../paths/routes'
import { ownDescription, type SearchResultPreviewProps } from './summary'

type AnyDoc = Record<string, unknown>

const text = (value: unknown) => (typeof value === 'string' ? value : '')

/** The document's own name: articles and benefits have a title, authors and topics a name. */
const docName = (doc: AnyDoc) => text(doc.title) || text(doc.name)

/** "Generate" fills the meta title with what the page's <title> would show. */
const generateTitle: GenerateTitle<AnyDoc> = async ({ doc, req }) => `${docName(doc)} · ${await currentPracticeName(req.payload)}`

/** From the excerpt (or the article's opening), summary or description the page falls back to anyway. */
const generateDescription: GenerateDescription<AnyDoc> = async ({ doc, req }) => {
  const own = ownDescription(doc)
  if (own) return toDescription(own)
  const practice = await req.payload.findGlobal({ slug: PRACTICE, depth: 0, overrideAccess: true, select: { description: true } })
  return toDescription(practice.description ?? '')
}

/**
 * The search-result preview shows the page's real public address, title and description, drawn
 * from the form as she types (components/admin/SearchResultPreview.tsx) in place of the plugin's.
 */
const searchResultPreview: SearchResultPreviewProps = { siteUrl: site.url, pathPrefixes: documentPathPrefixes }

/** Meta title, description and share image on every collection with a public page. */
export const seo = seoPlugin({
  collections: [...PUBLIC_PAGE_COLLECTIONS],
  uploadsCollection: MEDIA,
  tabbedUI: false,
  generateTitle,
  generateDescription,
  fields: ({ defaultFields }) =>
    defaultFields.map((field): Field =>
      field.type === 'ui' && field.name === 'preview'
        ? { ...field, admin: { ...field.admin, components: { Field: { path: '/components/admin/SearchResultPreview#SearchResultPreview', clientProps: searchResultPreview } } } }
        : field,
    ),
})
