import { ARTICLES, AUTHORS, BENEFITS, SERVICES, TOPICS } from '../collections'
import type { Benefit, Topic } from '../../payload-types'
import { tags } from '../cache/tags'
import { getPayloadClient } from '../config/payload'
import { buildSitemapEntries, splitSitemap, sitemapXml, type SitemapContent, type SitemapCounts } from '../seo/sitemap'
import { cachedQuery } from './cached'

const sitemapTags = () => [tags.articles, tags.benefits, tags.services, tags.authors, tags.topics, tags.media]

/** Only what a sitemap entry needs: the address, the last change and the page's image. */
const listed = { slug: true, updatedAt: true } as const
/**
 * The sizes the pages show (hero on articles, thumbnail on author profiles) and the original.
 * Payload computes each `url` from its `filename`: without it the URL comes back null.
 */
const imageUrl = { url: true, filename: true } as const
const sitemapImageSelect = { ...imageUrl, sizes: { hero: imageUrl, thumbnail: imageUrl } } as const

/**
 * Every published page-bearing document, read as an anonymous visitor (drafts are excluded by
 * access control; articles are also filtered on `_status` so a draft never slips in).
 * Depth 1 only populates the images.
 *
 * Benefits and topics are read through the database adapter (`payload.db.find`), skipping the
 * per-document work of `payload.find` (access checks, hooks, field traversal): three times faster
 * at 45,000 topics, which a sitemap past 50,000 URLs needs to render within its budget
 * (bench/scale.ts). Safe for these two only: anyone may read them, they have no drafts, and the
 * sitemap needs only their stored slug and date. Articles (drafts, access) and authors (photo URLs
 * computed on read) go through the Local API as visitors.
 */
export const getSitemapContent = cachedQuery('getSitemapContent', sitemapTags, async (): Promise<SitemapContent> => {
  const payload = await getPayloadClient()
  const all = { overrideAccess: false, pagination: false, limit: 0 } as const
  const [articles, benefits, authors, topics, services] = await Promise.all([
    payload.find({
      ...all,
      collection: ARTICLES,
      where: { _status: { equals: 'published' } },
      select: { ...listed, _status: true, heroImage: true },
      populate: { media: sitemapImageSelect },
      depth: 1,
      // The blog's order, so the builder can tell which articles each blog page lists.
      sort: '-publishedAt',
    }),
    payload.db.find<Pick<Benefit, 'id' | 'slug' | 'updatedAt'>>({ collection: BENEFITS, where: {}, select: listed, pagination: false, limit: 0, sort: 'slug' }),
    payload.find({
      ...all,
      collection: AUTHORS,
      select: { ...listed, photo: true },
      populate: { media: sitemapImageSelect },
      depth: 1,
      sort: 'slug',
    }),
    payload.db.find<Pick<Topic, 'id' | 'slug' | 'updatedAt'>>({ collection: TOPICS, where: {}, select: listed, pagination: false, limit: 0, sort: 'slug' }),
    payload.find({ ...all, collection: SERVICES, where: { _status: { equals: 'published' } }, select: { ...listed, _status: true }, depth: 0, sort: ['order', 'slug'] }),
  ])
  return { articles: articles.docs, benefits: benefits.docs, authors: authors.docs, topics: topics.docs, services: services.docs }
})

/** How many documents getSitemapContent lists of each kind, counted in the database. */
export const getSitemapCounts = cachedQuery('getSitemapCounts', sitemapTags, async (): Promise<SitemapCounts> => {
  const payload = await getPayloadClient()
  const visitor = { overrideAccess: false } as const
  const [articles, benefits, authors, topics, services] = await Promise.all([
    payload.count({ ...visitor, collection: ARTICLES, where: { _status: { equals: 'published' } } }),
    payload.count({ ...visitor, collection: BENEFITS }),
    payload.count({ ...visitor, collection: AUTHORS }),
    payload.count({ ...visitor, collection: TOPICS }),
    payload.count({ ...visitor, collection: SERVICES, where: { _status: { equals: 'published' } } }),
  ])
  return {
    articles: articles.totalDocs,
    benefits: benefits.totalDocs,
    authors: authors.totalDocs,
    topics: topics.totalDocs,
    services: services.totalDocs,
  }
})

/**
 * Child sitemap `id` as its XML document, or null past the last one. Cached as the string it is
 * (Next's data cache, purged by the same tags): a route handler's response cached by Next is kept
 * as a Buffer, which Next's cache measures with JSON.stringify as an array of every byte, about a
 * second for a 50,000-URL file (bench/scale.ts).
 */
export const getSitemapChunkXml = cachedQuery('getSitemapChunkXml', sitemapTags, async (id: number): Promise<string | null> => {
  const chunks = splitSitemap(buildSitemapEntries(await getSitemapContent()))
  return id < chunks.length ? sitemapXml(chunks[id]) : null
})
