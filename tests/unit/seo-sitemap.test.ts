import { resolveSitemap } from 'next/dist/build/webpack/loaders/metadata/resolve-route-data'
import { xml2js } from 'xml-js'
import { z } from 'zod'

import { buildRobots, DRAFT_PREVIEW_PATHS } from '@/lib/seo/robots'
import {
  buildSitemapEntries,
  buildSitemapIndex,
  SITEMAP_MAX_URLS,
  sitemapChunkCount,
  type SitemapContent,
  sitemapIndexXml,
  sitemapXml,
  splitSitemap,
} from '@/lib/seo/sitemap'

const SITE = 'https://wellpress.test'

const absoluteOnSite = z.url({ protocol: /^https$/ }).refine((url) => url.startsWith(`${SITE}/`), 'on SITE_URL')

/** What a crawler needs from every entry: an absolute URL, a real ISO date, absolute images. */
const sitemapEntry = z
  .object({
    url: absoluteOnSite,
    lastModified: z.iso.datetime().optional(),
    images: z.array(absoluteOnSite).min(1).optional(),
  })
  .strict()

const media = (name: string) => ({
  url: `/api/media/file/${name}.webp`,
  sizes: { hero: { url: `/api/media/file/${name}-1600x900.webp` }, thumbnail: { url: `/api/media/file/${name}-300x300.webp` } },
})

const content: SitemapContent = {
  articles: [
    { slug: 'newest', updatedAt: '2026-03-01T10:00:00.000Z', _status: 'published', heroImage: media('newest') },
    { slug: 'draft-idea', updatedAt: '2026-05-01T10:00:00.000Z', _status: 'draft' },
    { slug: 'middle', updatedAt: '2026-04-01T10:00:00.000Z', _status: 'published', heroImage: null },
    { slug: 'oldest', updatedAt: '2026-01-01T10:00:00.000Z', _status: 'published', heroImage: 'unpopulated-id' },
  ],
  benefits: [
    { slug: 'reduces-stress', updatedAt: '2026-02-01T00:00:00.000Z' },
    { slug: 'increases-circulation', updatedAt: '2026-02-15T00:00:00.000Z' },
  ],
  authors: [{ slug: 'janet', updatedAt: '2025-12-24T08:30:00.000Z', photo: media('janet') }],
  topics: [{ slug: 'immune-health', updatedAt: '2025-11-01T00:00:00.000Z' }],
}

const build = (input = content) => buildSitemapEntries(input, { siteUrl: SITE, postsPerPage: 2 })
const byUrl = (entries: ReturnType<typeof build>) => new Map(entries.map((entry) => [entry.url, entry]))

describe('buildSitemapEntries', () => {
  it('lists the list pages and every published document, each once, with absolute https URLs', () => {
    const entries = build()
    for (const entry of entries) expect(() => sitemapEntry.parse(entry)).not.toThrow()
    expect(entries.map((entry) => entry.url)).toEqual([
      `${SITE}/`,
      `${SITE}/blog`,
      `${SITE}/blog/page/2`,
      `${SITE}/benefits`,
      `${SITE}/blog/newest`,
      `${SITE}/blog/middle`,
      `${SITE}/blog/oldest`,
      `${SITE}/benefits/reduces-stress`,
      `${SITE}/benefits/increases-circulation`,
      `${SITE}/authors/janet`,
      `${SITE}/topics/immune-health`,
    ])
  })

  it('never lists a draft, even when one is handed in', () => {
    expect(build().map((entry) => entry.url).join(' ')).not.toContain('draft-idea')
  })

  it("dates each document page by the document's own updatedAt", () => {
    const entries = byUrl(build())
    expect(entries.get(`${SITE}/blog/middle`)?.lastModified).toBe('2026-04-01T10:00:00.000Z')
    expect(entries.get(`${SITE}/benefits/reduces-stress`)?.lastModified).toBe('2026-02-01T00:00:00.000Z')
    expect(entries.get(`${SITE}/authors/janet`)?.lastModified).toBe('2025-12-24T08:30:00.000Z')
    expect(entries.get(`${SITE}/topics/immune-health`)?.lastModified).toBe('2025-11-01T00:00:00.000Z')
  })

  it('dates each list page by the newest change among what it lists (drafts excluded)', () => {
    const entries = byUrl(build())
    expect(entries.get(`${SITE}/`)?.lastModified).toBe('2026-04-01T10:00:00.000Z')
    // Page 1 lists "newest" and "middle" (the blog's order), page 2 "oldest".
    expect(entries.get(`${SITE}/blog`)?.lastModified).toBe('2026-04-01T10:00:00.000Z')
    expect(entries.get(`${SITE}/blog/page/2`)?.lastModified).toBe('2026-01-01T10:00:00.000Z')
    expect(entries.get(`${SITE}/benefits`)?.lastModified).toBe('2026-02-15T00:00:00.000Z')
  })

  it('gives an empty site its list pages without inventing a date', () => {
    const entries = build({ articles: [], benefits: [], authors: [], topics: [] })
    expect(entries).toEqual([{ url: `${SITE}/` }, { url: `${SITE}/blog` }, { url: `${SITE}/benefits` }])
  })

  it('adds the image each page shows, absolute: the hero on articles, the photo on author profiles', () => {
    const entries = byUrl(build())
    expect(entries.get(`${SITE}/blog/newest`)?.images).toEqual([`${SITE}/api/media/file/newest-1600x900.webp`])
    expect(entries.get(`${SITE}/authors/janet`)?.images).toEqual([`${SITE}/api/media/file/janet-300x300.webp`])
    expect(entries.get(`${SITE}/blog/middle`)).not.toHaveProperty('images')
    expect(entries.get(`${SITE}/blog/oldest`)).not.toHaveProperty('images')
  })

  it('keeps image URLs already absolute, and makes them safe to write into XML unescaped', () => {
    const [article] = buildSitemapEntries(
      { ...content, articles: [{ slug: 'a', updatedAt: '2026-01-01T00:00:00.000Z', heroImage: { url: "https://cdn.example/Janet's & co.webp" } }] },
      { siteUrl: SITE },
    ).filter((entry) => entry.url === `${SITE}/blog/a`)
    expect(article.images).toEqual(['https://cdn.example/Janet%27s%20%26%20co.webp'])
  })
})

describe('splitting into a sitemap index', () => {
  const entries = build()

  it('keeps one sitemap up to the protocol limit of 50,000 URLs', () => {
    expect(SITEMAP_MAX_URLS).toBe(50_000)
    expect(splitSitemap(entries)).toEqual([entries])
    expect(splitSitemap([])).toEqual([[]])
  })

  it('splits into consecutive chunks of at most the limit, losing and repeating nothing', () => {
    const chunks = splitSitemap(entries, 3)
    expect(chunks.map((chunk) => chunk.length)).toEqual([3, 3, 3, 2])
    expect(chunks.flat()).toEqual(entries)
  })

  it('knows how many chunks there will be from the counts alone', () => {
    const published = { articles: 3, benefits: 2, authors: 1, topics: 1 }
    for (const maxUrls of [1, 2, 3, 4, 5, 11, 12, 13, 50_000]) {
      expect([maxUrls, sitemapChunkCount(published, { postsPerPage: 2, maxUrls })]).toEqual([maxUrls, splitSitemap(entries, maxUrls).length])
    }
    // Past the protocol limit: 49,990 topics and the rest make 50,002 URLs, two files.
    expect(sitemapChunkCount({ articles: 0, benefits: 0, authors: 0, topics: 49_999 }, { postsPerPage: 10 })).toBe(2)
    expect(sitemapChunkCount({ articles: 0, benefits: 0, authors: 0, topics: 0 })).toBe(1)
  })

  it('indexes each chunk at /sitemaps/sitemap/<id>.xml, dated by its newest page', () => {
    const index = buildSitemapIndex(splitSitemap(entries, 3), { siteUrl: SITE })
    expect(index).toEqual([
      { url: `${SITE}/sitemaps/sitemap/0.xml`, lastModified: '2026-04-01T10:00:00.000Z' },
      { url: `${SITE}/sitemaps/sitemap/1.xml`, lastModified: '2026-04-01T10:00:00.000Z' },
      { url: `${SITE}/sitemaps/sitemap/2.xml`, lastModified: '2026-02-15T00:00:00.000Z' },
      { url: `${SITE}/sitemaps/sitemap/3.xml`, lastModified: '2025-12-24T08:30:00.000Z' },
    ])
  })

  it('writes the index as a well-formed <sitemapindex>', () => {
    const xml = sitemapIndexXml(buildSitemapIndex(splitSitemap(entries, 3), { siteUrl: SITE }))
    const parsed = xml2js(xml, { compact: true }) as {
      sitemapindex: { _attributes: { xmlns: string }; sitemap: { loc: { _text: string }; lastmod: { _text: string } }[] }
    }
    expect(parsed.sitemapindex._attributes.xmlns).toBe('http://www.sitemaps.org/schemas/sitemap/0.9')
    expect(parsed.sitemapindex.sitemap.map((sitemap) => sitemap.loc._text)).toEqual(
      [0, 1, 2, 3].map((id) => `${SITE}/sitemaps/sitemap/${id}.xml`),
    )
  })

  it("serializes through Next's sitemap writer into a well-formed <urlset> with image entries", () => {
    const parsed = xml2js(resolveSitemap(entries), { compact: true }) as {
      urlset: { _attributes: Record<string, string>; url: { loc: { _text: string }; 'image:image'?: unknown }[] }
    }
    expect(parsed.urlset._attributes['xmlns:image']).toBe('http://www.google.com/schemas/sitemap-image/1.1')
    expect(parsed.urlset.url.map((url) => url.loc._text)).toEqual(entries.map((entry) => entry.url))
  })

  // /sitemap.xml and the child sitemaps are written with sitemapXml, in place of Next's own sitemap
  // convention: what crawlers get must stay what Next would have written.
  it('writes a sitemap byte for byte as Next writes its own sitemap routes', () => {
    expect(sitemapXml(entries)).toBe(resolveSitemap(entries))
    const withoutImages = entries.map(({ images: _images, ...entry }) => entry)
    expect(sitemapXml(withoutImages)).toBe(resolveSitemap(withoutImages))
    expect(sitemapXml([])).toBe(resolveSitemap([]))
  })
})

describe('buildRobots', () => {
  const robots = buildRobots({ siteUrl: SITE })

  it('allows the site and disallows the admin, the API, search and draft previews', () => {
    expect(robots.rules).toEqual([
      { userAgent: '*', allow: '/', disallow: ['/admin', '/api', '/search', '/next/preview', '/api/preview'] },
    ])
    expect(DRAFT_PREVIEW_PATHS).toEqual(['/next/preview', '/api/preview'])
  })

  it('names the sitemap by its absolute URL', () => {
    expect(robots.sitemap).toBe(`${SITE}/sitemap.xml`)
  })
})
