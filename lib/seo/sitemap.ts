import type { MetadataRoute } from 'next'

import type { Media } from '../../payload-types'
import { populated } from '../queries/populated'
import { routes } from '../paths/routes'
import { site } from '../config/site'
import { toAbsoluteUrl } from '../paths/urls'

/** The sitemap protocol's limit of URLs per file (https://www.sitemaps.org/protocol.html). */
export const SITEMAP_MAX_URLS = 50_000

export type SitemapEntry = MetadataRoute.Sitemap[number]

type ImageDoc = Pick<Media, 'url'> & { sizes?: { hero?: { url?: string | null } | null; thumbnail?: { url?: string | null } | null } | null }
type SitemapDoc = { slug?: string | null; updatedAt: string; _status?: 'draft' | 'published' | null }

/** What the sitemap lists, as the sitemap query fetches it. */
export type SitemapContent = {
  /** Newest first, in the order the blog pages list them. */
  articles: (SitemapDoc & { heroImage?: string | ImageDoc | null })[]
  benefits: SitemapDoc[]
  /** Published services, in her order. */
  services?: SitemapDoc[]
  authors: (SitemapDoc & { photo?: string | ImageDoc | null })[]
  topics: SitemapDoc[]
}

type BuildOptions = { siteUrl?: string; postsPerPage?: number }

const isPublic = <T extends SitemapDoc>(doc: T): doc is T & { slug: string } => doc._status !== 'draft' && Boolean(doc.slug)

/** Latest of the given timestamps as ISO 8601, or undefined: a page never claims "now". */
const newestOf = (dates: string[]): string | undefined =>
  dates.length ? new Date(dates.reduce((latest, date) => Math.max(latest, Date.parse(date)), -Infinity)).toISOString() : undefined

const newest = (docs: SitemapDoc[]) => newestOf(docs.map((doc) => doc.updatedAt))

/**
 * The image a page shows, at the size it shows it (as components/MediaImage.tsx picks it), made
 * absolute. `&`, `'` and `"` are percent-encoded: Next writes sitemap URLs into XML unescaped.
 */
function imageUrls(image: string | ImageDoc | null | undefined, size: 'hero' | 'thumbnail', siteUrl: string): string[] {
  const doc = populated(image)
  const url = doc?.sizes?.[size]?.url ?? doc?.url
  return url ? [xmlSafeUrl(toAbsoluteUrl(url, siteUrl))] : []
}

function xmlSafeUrl(url: string): string {
  return new URL(url).href.replace(/&/g, '%26').replace(/'/g, '%27').replace(/"/g, '%22')
}

const entry = (url: string, lastModified: string | undefined, images: string[] = []): SitemapEntry => ({
  url,
  ...(lastModified ? { lastModified } : {}),
  ...(images.length ? { images } : {}),
})

/**
 * Every public page: the home page, each page of the blog, the benefits page, then every published
 * article, benefit, author and topic. `lastmod` is the document's own `updatedAt`; a list page's
 * is the newest `updatedAt` among what it lists.
 */
export function buildSitemapEntries(
  content: SitemapContent,
  { siteUrl = site.url, postsPerPage = site.postsPerPage }: BuildOptions = {},
): SitemapEntry[] {
  const absolute = (path: string) => `${siteUrl}${path}`
  const articles = content.articles.filter(isPublic)
  const benefits = content.benefits.filter(isPublic)
  const services = (content.services ?? []).filter(isPublic)
  const authors = content.authors.filter(isPublic)
  const topics = content.topics.filter(isPublic)

  const blogPageCount = Math.max(1, Math.ceil(articles.length / postsPerPage))
  const blogPages = Array.from({ length: blogPageCount }, (_, index) =>
    entry(absolute(routes.blog(index + 1)), newest(articles.slice(index * postsPerPage, (index + 1) * postsPerPage))),
  )

  return [
    // The home page shows the services, the latest articles, every benefit and the practice's therapist.
    entry(absolute(routes.home()), newest([...services, ...articles, ...benefits, ...authors])),
    ...blogPages,
    entry(absolute(routes.benefits()), newest(benefits)),
    ...(services.length > 0 ? [entry(absolute(routes.services()), newest(services))] : []),
    ...services.map((doc) => entry(absolute(routes.service(doc.slug)), newest([doc]))),
    ...articles.map((doc) =>
      entry(absolute(routes.article(doc.slug)), newest([doc]), imageUrls(doc.heroImage, 'hero', siteUrl)),
    ),
    ...benefits.map((doc) => entry(absolute(routes.benefit(doc.slug)), newest([doc]))),
    ...authors.map((doc) => entry(absolute(routes.author(doc.slug)), newest([doc]), imageUrls(doc.photo, 'thumbnail', siteUrl))),
    ...topics.map((doc) => entry(absolute(routes.topic(doc.slug)), newest([doc]))),
  ]
}

/** Consecutive chunks of at most `maxUrls` entries; always at least one (an empty site still has a sitemap). */
export function splitSitemap(entries: SitemapEntry[], maxUrls: number = SITEMAP_MAX_URLS): SitemapEntry[][] {
  const chunks: SitemapEntry[][] = []
  for (let start = 0; start < entries.length; start += maxUrls) chunks.push(entries.slice(start, start + maxUrls))
  return chunks.length ? chunks : [[]]
}

/** How many published documents of each kind the sitemap lists (lib/queries/sitemap.ts counts them). */
export type SitemapCounts = { articles: number; benefits: number; authors: number; topics: number; services?: number }

/**
 * How many child sitemaps buildSitemapEntries + splitSitemap make for content of these sizes,
 * without the content: the child sitemap route turns away an id past the last one with this, and
 * counting is far cheaper than reading 50,000 documents for an address that does not exist.
 */
export function sitemapChunkCount(
  counts: SitemapCounts,
  { postsPerPage = site.postsPerPage, maxUrls = SITEMAP_MAX_URLS }: Pick<BuildOptions, 'postsPerPage'> & { maxUrls?: number } = {},
): number {
  const blogPages = Math.max(1, Math.ceil(counts.articles / postsPerPage))
  // The home page and /benefits, the blog's pages, then one page per document.
  const services = counts.services ?? 0
  // …and /services with its services, when there are any.
  const urls = 2 + blogPages + counts.articles + counts.benefits + counts.authors + counts.topics + (services > 0 ? 1 + services : 0)
  return Math.max(1, Math.ceil(urls / maxUrls))
}

/** Where child sitemap `id` is served (app/sitemaps/sitemap/[id]/route.ts). */
export const sitemapChunkPath = (id: number) => `/sitemaps/sitemap/${id}.xml`

/**
 * A child sitemap's Cache-Control: what Next writes for /sitemap.xml and the pages (revalidate 60
 * s, next.config.ts `expireTime` a day), so a cache in front keeps every sitemap file alike. The
 * child route runs per request and writes it itself (tests/http/crawlers.test.ts holds the two equal).
 */
export const SITEMAP_CACHE_CONTROL = 's-maxage=60, stale-while-revalidate=86340'

export type SitemapIndexEntry = { url: string; lastModified?: string }

/** One index entry per chunk, dated by the newest page in it. */
export function buildSitemapIndex(chunks: SitemapEntry[][], { siteUrl = site.url }: BuildOptions = {}): SitemapIndexEntry[] {
  return chunks.map((chunk, id) => {
    const lastModified = newestOf(chunk.flatMap((item) => (item.lastModified ? [String(item.lastModified)] : [])))
    return { url: `${siteUrl}${sitemapChunkPath(id)}`, ...(lastModified ? { lastModified } : {}) }
  })
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')

/** A `<sitemapindex>` document; Next renders only `<urlset>`s, so the index is written here. */
export function sitemapIndexXml(entries: SitemapIndexEntry[]): string {
  const sitemaps = entries.map(
    ({ url, lastModified }) =>
      `<sitemap>\n<loc>${escapeXml(url)}</loc>\n${lastModified ? `<lastmod>${escapeXml(lastModified)}</lastmod>\n` : ''}</sitemap>\n`,
  )
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${sitemaps.join('')}</sitemapindex>\n`
}

/**
 * A `<urlset>` document, written exactly as Next writes its own sitemap routes (its sitemap.ts
 * convention; tests/unit/seo-sitemap.test.ts compares the two). /sitemap.xml and every child
 * sitemap are written with it. Covers the fields the site's entries use.
 */
export function sitemapXml(entries: SitemapEntry[]): string {
  const hasImages = entries.some((item) => Boolean(item.images?.length))
  const urls = entries.map((item) => {
    const images = (item.images ?? []).map((image) => `<image:image>\n<image:loc>${image}</image:loc>\n</image:image>\n`).join('')
    const lastModified = item.lastModified instanceof Date ? item.lastModified.toISOString() : item.lastModified
    return (
      `<url>\n<loc>${item.url}</loc>\n${images}` +
      (lastModified ? `<lastmod>${lastModified}</lastmod>\n` : '') +
      (item.changeFrequency ? `<changefreq>${item.changeFrequency}</changefreq>\n` : '') +
      (typeof item.priority === 'number' ? `<priority>${item.priority}</priority>\n` : '') +
      '</url>\n'
    )
  })
  const namespaces = `xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"${hasImages ? ' xmlns:image="http://www.google.com/schemas/sitemap-image/1.1"' : ''}`
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset ${namespaces}>\n${urls.join('')}</urlset>\n`
}
