import { convertLexicalToHTML, type HTMLConvertersFunction } from '@payloadcms/richtext-lexical/html'
import type { SerializedEditorState, SerializedLexicalNode } from '@payloadcms/richtext-lexical/lexical'

import { toAbsoluteUrl } from '../paths/urls'
import { TEXT_FORMAT_TAGS } from './lexical'
import { type LinkFields, linkHref, newTabAttributes } from './links'

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

type LinkNodeArgs = {
  node: { fields: unknown; children: SerializedLexicalNode[] }
  nodesToHTML: (args: { nodes: SerializedLexicalNode[] }) => string[]
}

/** Links go where they go on the page (lib/richtext/links.ts); an unreadable target keeps only its words. */
const linkToHtml = ({ node, nodesToHTML }: LinkNodeArgs): string => {
  const children = nodesToHTML({ nodes: node.children }).join('')
  const fields = node.fields as LinkFields
  const href = linkHref(fields)
  if (!href) return children
  const { target, rel } = newTabAttributes(fields)
  return `<a href="${escapeHtml(href)}"${rel ? ` rel="${rel}"` : ''}${target ? ` target="${target}"` : ''}>${children}</a>`
}

type ImageDoc = { url?: string | null; alt?: string | null; width?: number | null; height?: number | null; sizes?: Record<string, unknown> | null }

/**
 * An image in the body as one `<img>` at its "hero" size (at most 1600 px wide), with its alt text
 * and dimensions. Payload's default turns every generated size into a `<source>`, which would show
 * the square-cropped thumbnail on narrow screens.
 */
const uploadToHtml = ({ node }: { node: { value?: unknown } }): string => {
  const image = node.value as ImageDoc | string | null | undefined
  if (!image || typeof image !== 'object' || !image.url) return ''
  const hero = image.sizes?.hero as ImageDoc | undefined
  const chosen = hero?.url ? hero : image
  const dimensions =
    chosen.width && chosen.height ? ` width="${Number(chosen.width)}" height="${Number(chosen.height)}"` : ''
  return `<img src="${escapeHtml(chosen.url ?? '')}" alt="${escapeHtml(image.alt ?? '')}"${dimensions}>`
}

type ElementArgs = {
  node: { children: SerializedLexicalNode[]; tag?: string }
  nodesToHTML: (args: { nodes: SerializedLexicalNode[] }) => string[]
}

/** Plain `<ul>`/`<ol>` and `<li>`: Payload's default writes empty `class` and `style` attributes. */
const listToHtml = ({ node, nodesToHTML }: ElementArgs): string => {
  const tag = node.tag === 'ol' ? 'ol' : 'ul'
  return `<${tag}>${nodesToHTML({ nodes: node.children }).join('')}</${tag}>`
}
const listItemToHtml = ({ node, nodesToHTML }: ElementArgs): string => `<li>${nodesToHTML({ nodes: node.children }).join('')}</li>`

/** Text with semantic tags for its formats, as on the page; no inline styles. */
const textToHtml = ({ node }: { node: { text: string; format: number } }): string =>
  TEXT_FORMAT_TAGS.reduce((html, [bit, tag]) => (node.format & bit ? `<${tag}>${html}</${tag}>` : html), escapeHtml(node.text))

function isEditorState(data: unknown): data is SerializedEditorState {
  return typeof data === 'object' && data !== null && 'root' in data
}

export function lexicalToHtml(data: unknown, blocks: HtmlBlocks = {}): string {
  if (!isEditorState(data)) return ''
  const converters: HTMLConvertersFunction = ({ defaultConverters }) => ({
    ...defaultConverters,
    text: textToHtml,
    link: linkToHtml,
    autolink: linkToHtml,
    upload: uploadToHtml,
    list: listToHtml,
    listitem: listItemToHtml,
    blocks: Object.fromEntries(Object.entries(blocks).map(([slug, render]) => [slug, () => render()])),
  })
  // Alignment and indent are not editor features (collections/Articles/editor.ts): no inline styles.
  return convertLexicalToHTML({ data, converters, disableContainer: true, disableIndent: true, disableTextAlign: true })
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
