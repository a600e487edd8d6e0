import { ARTICLES, AUTHORS, BENEFITS, MEDIA, PRACTICE, REDIRECTS, SERVICES, TOPICS } from '../collections'

/**
 * The cache tags shared by the data-access layer (lib/queries/, which tags what it caches) and the
 * collection hooks (collections/hooks/revalidate.ts, which purge by tag when content changes).
 *
 * How the site is cached, and why:
 * - Every public page, feed and sitemap is cached whole (ISR) after its first render, and every
 *   public read beneath it is cached too (`unstable_cache` with these tags, lib/queries/cached.ts).
 *   A page carries the tags of the reads it made, so one purge reaches both: a change calls
 *   `revalidateTag(tag, { expire: 0 })` and the next request renders afresh (the "max" profile
 *   would serve the old version once more).
 * - `next build` reads no articles (lib/cache/static-params.ts) and its prerenders of the
 *   param-less pages are expired when the server starts (lib/cache/startup.ts): the build needs
 *   no real database, and a page is never served from a database other than the live one.
 * - Not `'use cache'`: it needs `cacheComponents`, which turns every route's segment config into
 *   an error and is not proven with Payload's admin.
 * - Everything is kept in memory only (lib/cache/store.js): tag purges are remembered in memory
 *   (lib/cache/tag-purges.js), so a cache on disk would outlive what it knows about changes across
 *   a restart (or a database swapped underneath it) and serve old content.
 *
 * Collection tags cover everything a query shows from that collection: the documents it lists,
 * the ones it populates (an article card's author and image) and the ones rich text can link to.
 * Document tags (`article(slug)`) let a query that shows one document and nothing else (a share
 * image) survive changes to the others.
 */
export const tags = {
  articles: ARTICLES,
  article: (slug: string) => documentTag(ARTICLES, slug),
  benefits: BENEFITS,
  benefit: (slug: string) => documentTag(BENEFITS, slug),
  authors: AUTHORS,
  author: (slug: string) => documentTag(AUTHORS, slug),
  topics: TOPICS,
  topic: (slug: string) => documentTag(TOPICS, slug),
  services: SERVICES,
  service: (slug: string) => documentTag(SERVICES, slug),
  media: MEDIA,
  redirects: REDIRECTS,
  /** The practice settings (a global): every page, feed and share image shows them. */
  practice: PRACTICE,
} as const

export type CachedCollection =
  | typeof ARTICLES
  | typeof BENEFITS
  | typeof SERVICES
  | typeof AUTHORS
  | typeof TOPICS
  | typeof MEDIA
  | typeof REDIRECTS

export const CACHED_COLLECTIONS: readonly CachedCollection[] = [ARTICLES, BENEFITS, SERVICES, AUTHORS, TOPICS, MEDIA, REDIRECTS]

/**
 * The practice read (lib/queries/practice.ts), which every page makes: the settings and the logo and
 * hero image they show. Not the collections its menu may link to, or every save of any article
 * would purge every page: a document the menu links to purges the practice itself when it changes
 * (`linkedFromMenu` below), which keeps the menu's address of it right.
 */
export const practiceReadTags = [tags.practice, tags.media] as const

/** Rich text (article bodies, benefit descriptions, author bios) may link to any page. */
export const richTextLinkTags = [tags.articles, tags.benefits, tags.services, tags.authors, tags.topics] as const

/** Next refuses tags over 256 characters; a slug never gets near (slugs are capped well below). */
function documentTag(collection: string, slug: string): string {
  return `${collection}:${slug}`
}

/** What visitors could see of one document: its slug when public, `null` when not public. */
export type PublicState = { slug?: string | null } | null

/**
 * One change as visitors see it: the document's public state before and after. (A draft saved
 * beside a published article leaves the published one untouched: the hooks report no change.)
 * `linkedFromMenu`: the practice's menu has an entry opening this document.
 */
export type ContentChange = { collection: CachedCollection; before: PublicState; after: PublicState; linkedFromMenu?: boolean }

/**
 * The tags to purge for a change: the collection's tag (every list, page and feed showing any of
 * its documents), the document tags of its old and new slug and, for a document the menu links
 * to, the practice's (the menu shows its address; see `practiceReadTags`). Nothing when the
 * document was not public before and is not public after (a draft saved, an unpublished draft
 * deleted): the menu leaves out what visitors cannot open, so it does not change either.
 */
export function tagsToRevalidate({ collection, before, after, linkedFromMenu = false }: ContentChange): string[] {
  if (!before && !after) return []
  const slugs = [before?.slug, after?.slug].filter((slug): slug is string => typeof slug === 'string' && slug !== '')
  const documentTags = slugs.map((slug) => documentTag(collection, slug))
  return [...new Set([collection as string, ...documentTags, ...(linkedFromMenu ? [tags.practice] : [])])]
}
