import type { LexicalNode } from '../richtext/lexical'
import { textOf } from '../richtext/lexical'

/**
 * An article's summary: what its card, its meta and Open Graph descriptions, its feed entries and
 * its JSON-LD say about it. Her excerpt when she wrote one, else the opening of the body.
 *
 * Pure and free of server-only imports: the save hook stores it, and the admin shows the same
 * text as the excerpt field's placeholder while she types.
 */

/** A description search engines show whole. */
export const DESCRIPTION_MIN_LENGTH = 50
export const DESCRIPTION_MAX_LENGTH = 160

/** The longest excerpt she may write: two sentences for a card, with room to spare. */
export const EXCERPT_MAX_LENGTH = 300

/** One line: runs of whitespace (line breaks too) become one space. */
export const collapseWhitespace = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim()
const collapse = collapseWhitespace

/** Trims to at most `max` characters at a word boundary, ending with an ellipsis when cut. */
export function truncateAtWord(text: string | null | undefined, max: number): string {
  const clean = collapse(text)
  if (clean.length <= max) return clean
  const cut = clean.slice(0, max - 1)
  const atWord = cut.slice(0, Math.max(cut.lastIndexOf(' '), 0)) || cut
  return `${atWord.replace(/[\s,;:.!?-]+$/, '')}…`
}

const SENTENCE_END = /[.!?…]["'”’)]*$/

/** "Here is how:" → "Here is how." so two paragraphs read as two sentences once joined. */
const asSentence = (text: string) => (SENTENCE_END.test(text) ? text : `${text.replace(/[\s,;:–—-]+$/, '')}.`)

/**
 * The body's paragraphs of running text, in order: top-level paragraphs only, so headings, lists,
 * quotes, images and blocks (the benefit list) are skipped. Plain text: no markup survives.
 */
function paragraphsOf(content: unknown): string[] {
  const children = (content as { root?: { children?: unknown } } | null | undefined)?.root?.children
  if (!Array.isArray(children)) return []
  return (children as LexicalNode[])
    .filter((node) => node?.type === 'paragraph')
    .map((node) => collapse(textOf(node)))
    .filter(Boolean)
}

/**
 * A summary made from the body's opening text: the first paragraph, joined by the next ones
 * while it is shorter than a description should be (50 characters), then cut to at most 160 —
 * at the last full sentence that keeps it 50 or longer, else at a word, with an ellipsis.
 * Shorter only when the whole body is; empty when the body has no paragraph text.
 */
export function summaryFromBody(content: unknown): string {
  let text = ''
  for (const paragraph of paragraphsOf(content)) {
    text = text ? `${asSentence(text)} ${paragraph}` : paragraph
    if (text.length >= DESCRIPTION_MIN_LENGTH) break
  }
  if (text.length <= DESCRIPTION_MAX_LENGTH) return text
  const window = text.slice(0, DESCRIPTION_MAX_LENGTH + 1)
  const sentenceEnds = [...window.matchAll(/[.!?…]["'”’)]*(?=\s)/g)].map((match) => match.index + match[0].length)
  const lastSentence = sentenceEnds.filter((end) => end >= DESCRIPTION_MIN_LENGTH && end <= DESCRIPTION_MAX_LENGTH).at(-1)
  return lastSentence ? text.slice(0, lastSentence) : truncateAtWord(text, DESCRIPTION_MAX_LENGTH)
}

export type SummarySource = { excerpt?: unknown; content?: unknown }

/** What an article's summary is: her excerpt as written, or, without one, the body's opening. */
export function articleSummary({ excerpt, content }: SummarySource): string {
  return (typeof excerpt === 'string' ? collapse(excerpt) : '') || summaryFromBody(content)
}

/**
 * The summary of an article as read from the database: the stored `summary` (kept by the save
 * hook), or the excerpt of a document stored before that field existed (MongoDB sites and old
 * backups: every such article has an excerpt, which was required then).
 */
export function storedSummary(article: { summary?: string | null; excerpt?: string | null }): string {
  return article.summary || collapse(article.excerpt)
}

const plain = (value: unknown) => (typeof value === 'string' ? collapse(value) : '')

/**
 * The text a page describes itself with before any SEO field: an article's summary, a benefit's
 * summary, a topic's description. Empty for pages that have none of these (authors).
 */
export function ownDescription(doc: SummarySource & { summary?: unknown; description?: unknown }): string {
  return articleSummary(doc) || plain(doc.summary) || plain(doc.description)
}

/** What the admin's search-result preview (components/admin/SearchResultPreview.tsx) is given by the SEO plugin config. */
export type SearchResultPreviewProps = {
  /** SITE_URL, e.g. "https://janet-massage.example". */
  siteUrl: string
  /** Each collection's page address before the slug, e.g. `{ articles: '/blog/' }`. */
  pathPrefixes: Record<string, string>
}
