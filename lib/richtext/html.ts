import { convertLexicalToHTML, type HTMLConvertersFunction, LinkHTMLConverter } from '@payloadcms/richtext-lexical/html'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'

import { documentPath, isPublicPageCollection } from '../seo/paths'
import { toAbsoluteUrl } from '../seo/urls'

/**
 * Lexical content as an HTML string, for places that cannot render React (feeds). Mirrors what
 * components/RichText.tsx renders on the page: same node converters, same internal-link targets.
 */

/** Block converters by block slug; each returns ready HTML. */
export type HtmlBlocks = Record<string, () => string>

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

/** An internal link's target is the linked document's page; a link to anything else goes nowhere. */
const internalDocToHref = ({ linkNode }: { linkNode: { fields: { doc?: unknown } } }): string => {
  const doc = linkNode.fields.doc as { relationTo?: unknown; value?: { slug?: string } | string } | undefined
  const slug = typeof doc?.value === 'object' ? doc.value.slug : undefined
  const path = isPublicPageCollection(doc?.relationTo) ? documentPath(doc.relationTo, slug) : null
  return path ?? '#'
}

function isEditorState(data: unknown): data is SerializedEditorState {
  return typeof data === 'object' && data !== null && 'root' in data
}

export function lexicalToHtml(data: unknown, blocks: HtmlBlocks = {}): string {
  if (!isEditorState(data)) return ''
  const converters: HTMLConvertersFunction = ({ defaultConverters }) => ({
    ...defaultConverters,
    ...LinkHTMLConverter({ internalDocToHref }),
    blocks: Object.fromEntries(Object.entries(blocks).map(([slug, render]) => [slug, () => render()])),
  })
  return convertLexicalToHTML({ data, converters, disableContainer: true })
}

/** True when the document places a block of this type at its top level. */
export function hasTopLevelBlock(data: unknown, blockType: string): boolean {
  if (!isEditorState(data)) return false
  return data.root.children.some(
    (node) => node.type === 'block' && (node as { fields?: { blockType?: string } }).fields?.blockType === blockType,
  )
}

const URL_ATTRIBUTE = /\b(href|src|srcset|poster)="([^"]*)"/g

/**
 * Rewrites site-relative URLs (`/benefits/x`, `/api/media/file/y.webp`) in HTML attributes to
 * absolute ones: feed readers show content away from the site, where a relative link is broken.
 * Works on the double-quoted attributes the converters above write; `srcset` lists are rewritten
 * candidate by candidate.
 */
export function absolutizeHtmlUrls(html: string, siteUrl: string): string {
  const absolute = (url: string) => toAbsoluteUrl(url, siteUrl)
  return html.replace(URL_ATTRIBUTE, (_match, attribute: string, value: string) => {
    const rewritten =
      attribute === 'srcset'
        ? value
            .split(',')
            .map((candidate) => candidate.trim().replace(/^\S+/, absolute))
            .join(', ')
        : absolute(value)
    return `${attribute}="${rewritten}"`
  })
}
