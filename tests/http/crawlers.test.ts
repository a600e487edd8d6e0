import { randomBytes } from 'node:crypto'

import { xml2js } from 'xml-js'
import { z } from 'zod'

import { block, editorState, paragraph } from '@/lib/richtext/lexical'
import { adminSession, api, lexicalParagraph } from './auth'
import { baseUrl, TEST_SITE_URL } from './server'

/**
 * The files crawlers and feed readers fetch (sitemap, robots.txt, RSS, Atom, JSON Feed), on the
 * production server: they list exactly the published content, with absolute URLs on SITE_URL,
 * and a draft written through the REST API appears in none of them.
 */
const ARTICLE_SLUG = 'massage-therapy-benefits-on-immune-function'
const ARTICLE_URL = `${TEST_SITE_URL}/blog/${ARTICLE_SLUG}`
const BENEFIT_SLUGS = [
  'increases-circulation',
  'reduces-stress',
  'stimulates-lymphatic-flow',
  'increases-white-blood-cell-production',
  'boosts-natural-killer-cell-activity',
]
const SEEDED_URLS = [
  ARTICLE_URL,
  ...BENEFIT_SLUGS.map((slug) => `${TEST_SITE_URL}/benefits/${slug}`),
  `${TEST_SITE_URL}/authors/janet`,
  `${TEST_SITE_URL}/topics/immune-health`,
  `${TEST_SITE_URL}/services/relaxation-massage`,
]
const LIST_URLS = [`${TEST_SITE_URL}/`, `${TEST_SITE_URL}/blog`, `${TEST_SITE_URL}/benefits`, `${TEST_SITE_URL}/services`]

const DRAFT_TITLE = `Crawler-invisible draft ${Date.now()}`
const DRAFT_SLUG = DRAFT_TITLE.toLowerCase().replace(/\s+/g, '-')
/**
 * The feeds carry the twenty newest articles, and other files publish while this one runs: the
 * feeds are checked on an article this file publishes just before, written as the seeded one is
 * (text, then its benefits as a numbered list).
 */
const FEED_SLUG = `feed-reader-article-${Date.now().toString(36)}`
const FEED_ARTICLE_URL = `${TEST_SITE_URL}/blog/${FEED_SLUG}`

const onSite = z.string().refine((url) => url.startsWith(`${TEST_SITE_URL}/`), `an absolute URL on ${TEST_SITE_URL}`)

async function fetchText(pathname: string) {
  const response = await fetch(`${baseUrl()}${pathname}`, { redirect: 'manual' })
  return { status: response.status, contentType: response.headers.get('content-type'), body: await response.text() }
}

const parseXml = <T>(xml: string) => xml2js(xml, { compact: true }) as T
const asArray = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value])

/** Page URLs of every published document, as an anonymous visitor reads them from the REST API. */
async function publishedDocumentUrls(): Promise<Set<string>> {
  const pages = { articles: 'blog', benefits: 'benefits', services: 'services', authors: 'authors', topics: 'topics' } as const
  const lists = await Promise.all(
    Object.entries(pages).map(async ([collection, prefix]) => {
      const read = await api(`/${collection}?limit=1000&depth=0&select[slug]=true`)
      expect(read.status).toBe(200)
      return (read.body.docs as { slug: string }[]).map((doc) => `${TEST_SITE_URL}/${prefix}/${doc.slug}`)
    }),
  )
  return new Set(lists.flat())
}

beforeAll(async () => {
  const { token } = await adminSession()
  const janet = await api('/authors?where[slug][equals]=janet&depth=0')
  const topic = await api('/topics?where[slug][equals]=immune-health&depth=0')
  const created = await api('/articles?draft=true', {
    method: 'POST',
    token,
    body: JSON.stringify({
      title: DRAFT_TITLE,
      excerpt: 'A draft no crawler or feed reader may see.',
      content: lexicalParagraph('Private draft words for the crawler test.'),
      author: janet.body.docs[0].id,
      topics: [topic.body.docs[0].id],
      _status: 'draft',
    }),
  })
  expect(created.status).toBe(201)
  expect(created.body.doc.slug).toBe(DRAFT_SLUG)

  const benefits = await api('/benefits?sort=order&limit=5&depth=0&select[slug]=true')
  expect(benefits.body.docs.map((doc: { slug: string }) => doc.slug)).toEqual(BENEFIT_SLUGS)
  const published = await api('/articles', {
    method: 'POST',
    token,
    body: JSON.stringify({
      title: `What a feed reader sees ${FEED_SLUG}`,
      slug: FEED_SLUG,
      excerpt: 'Every word of an article, in every feed.',
      content: editorState([paragraph('Here are five ways massage helps:'), block('benefitList', randomBytes(12).toString('hex'))]),
      author: janet.body.docs[0].id,
      topics: [topic.body.docs[0].id],
      benefits: benefits.body.docs.map((doc: { id: string }) => doc.id),
      _status: 'published',
    }),
  })
  expect(published.status).toBe(201)
})

const expectNoDraft = (body: string) => {
  expect(body).not.toContain(DRAFT_TITLE)
  expect(body).not.toContain(DRAFT_SLUG)
}

type UrlEntry = { loc: { _text: string }; lastmod?: { _text: string } }
/** xml-js gives one child as an object, several as an array. */
type UrlSet = { urlset: { url: UrlEntry | UrlEntry[] } }

describe('/sitemap.xml', () => {
  it('is a well-formed urlset of exactly the list pages and the published documents, on SITE_URL', async () => {
    // Other test files publish content while this one runs: what the sitemap lists must lie
    // between what was public just before and just after it was fetched.
    const before = await publishedDocumentUrls()
    const sitemap = await fetchText('/sitemap.xml')
    const after = await publishedDocumentUrls()

    expect(sitemap.status).toBe(200)
    expect(sitemap.contentType).toMatch(/^application\/xml/)
    const urls = asArray(parseXml<UrlSet>(sitemap.body).urlset.url)
    const locs = urls.map((url) => onSite.parse(url.loc._text))
    expect(new Set(locs).size).toBe(locs.length)
    expect(locs).toEqual(expect.arrayContaining([...LIST_URLS, ...SEEDED_URLS]))
    const documentLocs = locs.filter((loc) => !LIST_URLS.includes(loc) && !/\/blog\/page\/\d+$/.test(loc))
    for (const loc of before) expect(documentLocs).toContain(loc)
    for (const loc of documentLocs) expect(after).toContain(loc)
    expectNoDraft(sitemap.body)
  })

  it("dates the article by its updatedAt, never by the time of the request", async () => {
    const requestedAt = Date.now()
    const [sitemap, article] = await Promise.all([
      fetchText('/sitemap.xml'),
      api(`/articles?where[slug][equals]=${ARTICLE_SLUG}&depth=0&select[updatedAt]=true`),
    ])
    const entry = asArray(parseXml<UrlSet>(sitemap.body).urlset.url).find((url) => url.loc._text === ARTICLE_URL)
    expect(entry?.lastmod?._text).toBe(new Date(article.body.docs[0].updatedAt).toISOString())
    expect(Date.parse(entry?.lastmod?._text ?? '')).toBeLessThan(requestedAt)
  })

  it('has its child sitemap at /sitemaps/sitemap/0.xml while everything fits in one, and no other', async () => {
    const child = await fetchText('/sitemaps/sitemap/0.xml')
    expect(child.status).toBe(200)
    expect(child.contentType).toMatch(/^application\/xml/)
    expect(asArray(parseXml<UrlSet>(child.body).urlset.url).map((url) => url.loc._text)).toContain(ARTICLE_URL)
    expectNoDraft(child.body)
    expect((await fetchText('/sitemaps/sitemap/1.xml')).status).toBe(404)
  })

  it('serves the child sitemap with the Cache-Control of /sitemap.xml, and 404s what is not a child sitemap', async () => {
    const request = (pathname: string) => fetch(`${baseUrl()}${pathname}`, { redirect: 'manual' })
    const [index, child] = await Promise.all([request('/sitemap.xml'), request('/sitemaps/sitemap/0.xml')])
    expect(child.headers.get('cache-control')).toMatch(/^s-maxage=\d+/)
    expect(child.headers.get('cache-control')).toBe(index.headers.get('cache-control'))
    for (const path of ['/sitemaps/sitemap/00.xml', '/sitemaps/sitemap/0', '/sitemaps/sitemap/-1.xml', '/sitemaps/sitemap/x.xml', '/sitemaps/sitemap/9999999.xml']) {
      expect([path, (await request(path)).status]).toEqual([path, 404])
    }
  })
})

describe('/robots.txt', () => {
  it('allows the site, keeps crawlers out of the admin, API, search and previews, and names the sitemap', async () => {
    const robots = await fetchText('/robots.txt')
    expect(robots.status).toBe(200)
    expect(robots.contentType).toMatch(/^text\/plain/)
    const lines = robots.body.split('\n')
    expect(lines).toEqual(
      expect.arrayContaining([
        'User-Agent: *',
        'Allow: /',
        'Disallow: /admin',
        'Disallow: /api',
        'Disallow: /search',
        'Disallow: /next/preview',
        'Disallow: /api/preview',
        `Sitemap: ${TEST_SITE_URL}/sitemap.xml`,
      ]),
    )
  })
})

/** An article's entry must carry its full text, with its benefits as a linked, ordered list. */
function expectFullArticleHtml(html: string) {
  expect(html).toContain('<ol class="benefit-list">')
  for (const slug of BENEFIT_SLUGS) expect(html).toContain(`href="${TEST_SITE_URL}/benefits/${slug}"`)
  for (const [, url] of html.matchAll(/\b(?:href|src)="([^"]*)"/g)) expect(url).toMatch(/^(https?:|mailto:|#)/)
}

describe('/feed.xml (RSS 2.0)', () => {
  type Rss = { rss: { _attributes: { version: string }; channel: { link: { _text: string }; item: unknown } } }
  const rssItem = z.object({
    link: z.object({ _text: onSite }),
    guid: z.object({ _text: z.string().min(1) }),
    pubDate: z.object({ _text: z.string().refine((date) => !Number.isNaN(Date.parse(date))) }),
    'content:encoded': z.object({ _cdata: z.string() }),
  })

  it('is well-formed RSS of the published articles, with full content and absolute links', async () => {
    const feed = await fetchText('/feed.xml')
    expect(feed.status).toBe(200)
    expect(feed.contentType).toBe('application/rss+xml; charset=utf-8')
    const rss = parseXml<Rss>(feed.body).rss
    expect(rss._attributes.version).toBe('2.0')
    expect(rss.channel.link._text).toBe(`${TEST_SITE_URL}/`)
    const items = asArray(rss.channel.item).map((item) => rssItem.parse(item))
    const entry = items.find((item) => item.link._text === FEED_ARTICLE_URL)
    expect(entry).toBeDefined()
    expectFullArticleHtml(entry?.['content:encoded']._cdata ?? '')
    expectNoDraft(feed.body)
  })
})

describe('/atom.xml (Atom 1.0)', () => {
  type Atom = { feed: { _attributes: { xmlns: string }; id: { _text: string }; updated: { _text: string }; entry: unknown } }
  const atomEntry = z.object({
    id: z.object({ _text: onSite }),
    updated: z.object({ _text: z.iso.datetime() }),
    content: z.object({ _cdata: z.string() }),
  })

  it('is a well-formed Atom feed with entries carrying id, updated and full content', async () => {
    const feed = await fetchText('/atom.xml')
    expect(feed.status).toBe(200)
    expect(feed.contentType).toBe('application/atom+xml; charset=utf-8')
    const atom = parseXml<Atom>(feed.body).feed
    expect(atom._attributes.xmlns).toBe('http://www.w3.org/2005/Atom')
    expect(atom.id._text).toBe(`${TEST_SITE_URL}/`)
    expect(atom.updated._text).toMatch(/^\d{4}-\d{2}-\d{2}T/)
    const entries = asArray(atom.entry).map((entry) => atomEntry.parse(entry))
    const entry = entries.find((candidate) => candidate.id._text === FEED_ARTICLE_URL)
    expect(entry).toBeDefined()
    expectFullArticleHtml(entry?.content._cdata ?? '')
    expectNoDraft(feed.body)
  })
})

describe('/feed.json (JSON Feed 1.1)', () => {
  const jsonFeed = z.object({
    version: z.literal('https://jsonfeed.org/version/1.1'),
    home_page_url: z.literal(`${TEST_SITE_URL}/`),
    feed_url: z.literal(`${TEST_SITE_URL}/feed.json`),
    items: z.array(
      z.object({ id: onSite, url: onSite, content_html: z.string(), date_published: z.iso.datetime(), tags: z.array(z.string()) }),
    ),
  })

  it('is a JSON Feed 1.1 of the published articles with full content', async () => {
    const feed = await fetchText('/feed.json')
    expect(feed.status).toBe(200)
    expect(feed.contentType).toBe('application/feed+json; charset=utf-8')
    const parsed = jsonFeed.parse(JSON.parse(feed.body))
    const entry = parsed.items.find((item) => item.url === FEED_ARTICLE_URL)
    expect(entry?.tags).toContain('Immune health')
    expectFullArticleHtml(entry?.content_html ?? '')
    expectNoDraft(feed.body)
  })
})
