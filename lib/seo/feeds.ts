import { Feed } from 'feed'

import type { Article, Author, Benefit, Media, Topic } from '../../payload-types'
import { populated, populatedList } from '../queries/populated'
import { routes } from '../paths/routes'
import { site } from '../config/site'
import { siteAbout, type SiteIdentity } from './metadata'
import { storedSummary } from './summary'
import { toAbsoluteUrl } from '../paths/urls'
import { escapeHtml } from './feedHtml'

/** How many of the newest articles the feeds carry. */
export const FEED_ITEM_LIMIT = 20

export const FEED_CONTENT_TYPES = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
} as const

type FeedImage = Pick<Media, 'url' | 'sizes'>
type FeedBenefit = Pick<Benefit, 'id' | 'title' | 'slug' | 'summary'> & Partial<Pick<Benefit, 'description'>>
type Reference = NonNullable<Article['references']>[number]

/** An article as the feed query fetches it: relations populated, only what a feed entry shows. */
export type FeedArticle = Pick<Article, 'id' | 'title' | 'slug' | 'excerpt' | 'summary' | 'content' | 'publishedAt' | 'updatedAt'> & {
  _status?: Article['_status']
  heroImage?: string | FeedImage | null
  author?: string | Pick<Author, 'name' | 'slug'> | null
  topics?: (string | Pick<Topic, 'name' | 'slug'>)[] | null
  benefits?: (string | FeedBenefit)[] | null
  references?: Reference[] | null
}

export type FeedFormat = 'rss' | 'atom' | 'json'

/**
 * An entry's full content as HTML with absolute URLs on `siteUrl`: the article page's own markup,
 * rendered by components/articleFeedHtml.ts (lib/ renders no components, ARCHITECTURE.md).
 */
export type ArticleHtml = (article: FeedArticle, siteUrl: string) => string

type BuildOptions = { siteUrl?: string; articleHtml: ArticleHtml }

/**
 * What readers of each format make of an entry's title and summary: HTML (RSS <description>,
 * Atom's `type="html"` <title> and <summary>, which the feed package always writes) or plain text
 * (RSS <title>, JSON Feed's title and summary). The therapist types plain text in both fields, so
 * where readers expect HTML it is escaped: a title "5 < 6 & more" or `<img src=x onerror=…>` then
 * shows as typed and never becomes markup in someone's feed reader.
 */
const ENTRY_TEXT: Record<FeedFormat, { title: 'html' | 'text'; summary: 'html' | 'text' }> = {
  rss: { title: 'text', summary: 'html' },
  atom: { title: 'html', summary: 'html' },
  json: { title: 'text', summary: 'text' },
}

/**
 * Plain text for a field the feed package wraps in CDATA (RSS <title>): a CDATA section ends at
 * the first `]]>`, and the package splits only the first one, so a second would close the section
 * and let the rest be read as XML. A zero-width space keeps every `]]>` from being one.
 */
const cdataSafe = (text: string) => text.replaceAll(']]>', ']]\u200b>')

export function entryText(text: string, as: 'html' | 'text', format: FeedFormat): string {
  if (as === 'html') return escapeHtml(text)
  return format === 'json' ? text : cdataSafe(text)
}

const newestDate = (dates: string[]): Date | undefined =>
  dates.length ? new Date(Math.max(...dates.map((date) => Date.parse(date)))) : undefined

/** The Feed for one format (they differ only in how entry text is written, ENTRY_TEXT). */
/** `practice`: whose feed it is (her practice settings name it, lib/queries/practice.ts). */
export function buildFeed(practice: SiteIdentity, articles: FeedArticle[], format: FeedFormat, { siteUrl = site.url, articleHtml }: BuildOptions): Feed {
  const text = ENTRY_TEXT[format]
  const absolute = (path: string) => `${siteUrl}${path}`
  // The query already excludes drafts; a draft handed in here must still never be syndicated.
  const published = articles.filter((article) => article._status !== 'draft')
  const updated = newestDate(published.map((article) => article.updatedAt))
  const feed = new Feed({
    id: absolute(routes.home()),
    link: absolute(routes.home()),
    title: practice.name,
    description: siteAbout(practice),
    language: site.locale,
    copyright: `© ${updated ? `${updated.getUTCFullYear()} ` : ''}${practice.name}. All rights reserved.`,
    // Without articles there is no content date; the feed package then writes the build time.
    updated,
    generator: false,
    feedLinks: { rss: absolute(routes.rssFeed()), atom: absolute(routes.atomFeed()), json: absolute(routes.jsonFeed()) },
  })
  for (const article of published) {
    const url = absolute(routes.article(article.slug))
    const author = populated(article.author)
    const hero = populated(article.heroImage)
    const image = hero?.sizes?.og?.url ?? hero?.url
    feed.addItem({
      id: url,
      link: url,
      title: entryText(article.title, text.title, format),
      description: entryText(storedSummary(article), text.summary, format),
      content: articleHtml(article, siteUrl),
      author: author ? [{ name: author.name, link: absolute(routes.author(author.slug)) }] : undefined,
      date: new Date(article.updatedAt),
      // publishedAt is set on first publish; a document imported without one counts from its last change.
      published: new Date(article.publishedAt ?? article.updatedAt),
      category: populatedList(article.topics).map((topic) => ({ name: topic.name, term: topic.slug })),
      image: image ? toAbsoluteUrl(image, siteUrl) : undefined,
    })
  }
  return feed
}

/** Each route's whole answer: the newest articles as RSS 2.0, Atom 1.0 or JSON Feed 1.1. */
export const feedDocument: Record<FeedFormat, (practice: SiteIdentity, articles: FeedArticle[], options: BuildOptions) => string> = {
  rss: (practice, articles, options) => buildFeed(practice, articles, 'rss', options).rss2(),
  atom: (practice, articles, options) => buildFeed(practice, articles, 'atom', options).atom1(),
  json: (practice, articles, options) => toJsonFeed11(buildFeed(practice, articles, 'json', options)),
}

type JsonFeedAuthor = { name?: string; url?: string; avatar?: string }
type JsonFeedItem = Record<string, unknown> & { author?: JsonFeedAuthor }

/**
 * JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). The feed package writes 1.0; 1.1 adds
 * `language` and replaces `author` with an `authors` list. `author` stays for 1.0 readers, as
 * the 1.1 spec suggests.
 */
export function toJsonFeed11(feed: Feed): string {
  const json = JSON.parse(feed.json1()) as Record<string, unknown> & { items: JsonFeedItem[] }
  return JSON.stringify({
    ...json,
    version: 'https://jsonfeed.org/version/1.1',
    language: feed.options.language,
    items: json.items.map((item) => (item.author ? { ...item, authors: [item.author] } : item)),
  })
}
