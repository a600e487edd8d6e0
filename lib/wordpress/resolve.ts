import { createHash } from 'node:crypto'

import { editorState, paragraphOf, text, TEXT_FORMAT, type LexicalNode, type LexicalState } from '../richtext/lexical'
import { type ImageHints, MEDIA_REFERENCE, POST_REFERENCE } from './html'

/**
 * Swaps the references lib/wordpress/html.ts leaves in a converted body for documents: images for
 * media ids, links to other posts for article ids. What cannot be resolved keeps its words: an
 * image whose file was missing leaves its caption, a link to a post that was not imported keeps
 * its old address.
 */

export type ResolvedMedia = { id: string; url?: string | null; caption?: string | null }

export type Resolvers = {
  media: (key: string) => ResolvedMedia | null
  article: (postId: number) => string | null
}

type LinkFields = { linkType?: string; newTab?: boolean; url?: string; fallbackUrl?: string; doc?: { relationTo: string; value: unknown } }

export function resolveContent(state: LexicalState, resolvers: Resolvers, notes: string[] = []): LexicalState {
  const note = (message: string) => {
    if (!notes.includes(message)) notes.push(message)
  }
  const resolveList = (nodes: LexicalNode[]): LexicalNode[] => nodes.flatMap(resolveNode)
  const resolveNode = (node: LexicalNode): LexicalNode[] => {
    if (node.type === 'upload' && typeof node.value === 'string' && node.value.startsWith(MEDIA_REFERENCE)) {
      const { wordpress, ...upload } = node as LexicalNode & { wordpress?: ImageHints }
      const media = resolvers.media(node.value.slice(MEDIA_REFERENCE.length))
      const caption = wordpress?.caption ?? ''
      if (!media) return caption ? [paragraphOf([text(caption, TEXT_FORMAT.italic)])] : []
      const placed: LexicalNode = { ...upload, value: media.id }
      // The media's caption shows under every use of the image; a different one here stays as words.
      if (caption && caption !== (media.caption ?? '')) {
        note('an image shown with another caption than its first use (this caption kept as a line below it)')
        return [placed, paragraphOf([text(caption, TEXT_FORMAT.italic)])]
      }
      return [placed]
    }
    if (node.type === 'link') return [{ ...node, fields: resolveLink(node.fields as LinkFields), children: resolveList(node.children ?? []) }]
    return [node.children ? { ...node, children: resolveList(node.children) } : node]
  }
  const resolveLink = (fields: LinkFields): LinkFields => {
    const { fallbackUrl, ...rest } = fields
    const reference = rest.doc?.value
    if (rest.linkType === 'internal' && typeof reference === 'string' && reference.startsWith(POST_REFERENCE)) {
      const id = resolvers.article(Number(reference.slice(POST_REFERENCE.length)))
      if (id) return { linkType: 'internal', newTab: rest.newTab ?? false, doc: { relationTo: rest.doc!.relationTo, value: id } }
      return { linkType: 'custom', newTab: rest.newTab ?? false, url: rest.url ?? '' }
    }
    if (rest.linkType === 'custom' && rest.url?.startsWith(MEDIA_REFERENCE)) {
      const media = resolvers.media(rest.url.slice(MEDIA_REFERENCE.length))
      return { ...rest, url: media?.url ?? fallbackUrl ?? '' }
    }
    return rest
  }
  return editorState(resolveList(state.root.children))
}

/** The media keys and post ids a converted body refers to, in order of first use. */
export function referencesIn(state: LexicalState): { media: { key: string; hints: ImageHints | null }[]; posts: number[] } {
  const media = new Map<string, ImageHints | null>()
  const posts = new Set<number>()
  const visit = (node: LexicalNode) => {
    if (node.type === 'upload' && typeof node.value === 'string' && node.value.startsWith(MEDIA_REFERENCE)) {
      const key = node.value.slice(MEDIA_REFERENCE.length)
      // A link to the file may come first; the image itself carries the words (alt, caption).
      if (!media.get(key)) media.set(key, (node as { wordpress?: ImageHints }).wordpress ?? null)
    }
    const fields = node.fields as LinkFields | null | undefined
    if (node.type === 'link' && fields) {
      const reference = fields.doc?.value
      if (typeof reference === 'string' && reference.startsWith(POST_REFERENCE)) posts.add(Number(reference.slice(POST_REFERENCE.length)))
      if (fields.url?.startsWith(MEDIA_REFERENCE) && !media.has(fields.url.slice(MEDIA_REFERENCE.length))) {
        media.set(fields.url.slice(MEDIA_REFERENCE.length), null)
      }
    }
    node.children?.forEach(visit)
  }
  state.root.children.forEach(visit)
  return { media: [...media].map(([key, hints]) => ({ key, hints })), posts: [...posts] }
}

/** The fields of an article the importer writes and compares (never its status: see importer.ts). */
export type ArticleProjection = {
  title: string
  slug: string
  excerpt: string | null
  content: unknown
  heroImage: string | null
  author: string | null
  topics: string[]
  publishedAt: string | null
}

const idOf = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null
  if (typeof value === 'object') return idOf((value as { id?: unknown }).id)
  return String(value)
}

const isoOrNull = (value: unknown): string | null => {
  if (!value) return null
  const date = new Date(String(value))
  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}

/** The same projection from what the importer would write and from a stored article. */
export function articleProjection(doc: Record<string, unknown>): ArticleProjection {
  return {
    title: String(doc.title ?? ''),
    slug: String(doc.slug ?? ''),
    excerpt: typeof doc.excerpt === 'string' && doc.excerpt !== '' ? doc.excerpt : null,
    content: doc.content ?? null,
    heroImage: idOf(doc.heroImage),
    author: idOf(doc.author),
    topics: Array.isArray(doc.topics) ? doc.topics.map(idOf).filter((id): id is string => id !== null) : [],
    publishedAt: isoOrNull(doc.publishedAt),
  }
}

/** JSON with object keys in sorted order, so equal data hashes equal whatever order it was built in. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stableJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`
  }
  return JSON.stringify(value ?? null)
}

export function projectionHash(projection: ArticleProjection): string {
  return createHash('sha256').update(stableJson(projection)).digest('hex')
}
