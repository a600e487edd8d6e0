import { randomBytes } from 'node:crypto'

import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import type { Payload } from 'payload'
import sharp from 'sharp'
import { xml2js } from 'xml-js'

import { block, editorState, externalLink, heading, internalLink, paragraph, paragraphOf, text, upload } from '@/lib/richtext/lexical'
import { bootPayload, shutdown, temporarySqlite, type TestDatabase } from './helpers'

/**
 * The feeds carry the article page's body, not a look-alike: for the seeded article, and for one
 * with what the seed lacks (an image with a caption, internal and external links, sources), each
 * feed's content is the markup the page renders from its own query, with absolute URLs and without
 * the site's classes. A change to the page's body, to either query or to the feeds' rendering that
 * makes the two differ fails here.
 */
const SITE = 'https://wellpress.test'
const SEEDED_SLUG = 'massage-therapy-benefits-on-immune-function'
const RICH_SLUG = 'what-a-feed-reader-should-see'

let db: TestDatabase
let payload: Payload
let mediaId: string | undefined

type Queries = {
  getArticleBySlug: typeof import('@/lib/queries/articles').getArticleBySlug
  getFeedArticles: typeof import('@/lib/queries/feeds').getFeedArticles
  getPractice: typeof import('@/lib/queries/practice').getPractice
}
let queries: Queries
let render: {
  ArticleBody: typeof import('@/components/ArticleBody').ArticleBody
  articleFeedHtml: typeof import('@/components/articleFeedHtml').articleFeedHtml
  feedDocument: typeof import('@/lib/seo/feeds').feedDocument
  FEED_ITEM_LIMIT: number
}

beforeAll(async () => {
  db = temporarySqlite()
  payload = await bootPayload(db)
  // Imported once the environment names the test database (lib/env reads it at import).
  const { seed } = await import('@/lib/seed')
  await seed(payload)
  // One at a time: jest's ESM loader fails modules imported in parallel that share a dependency.
  const articles = await import('@/lib/queries/articles')
  const feeds = await import('@/lib/queries/feeds')
  const practice = await import('@/lib/queries/practice')
  const body = await import('@/components/ArticleBody')
  const feedHtml = await import('@/components/articleFeedHtml')
  const seoFeeds = await import('@/lib/seo/feeds')
  queries = { getArticleBySlug: articles.getArticleBySlug, getFeedArticles: feeds.getFeedArticles, getPractice: practice.getPractice }
  render = {
    ArticleBody: body.ArticleBody,
    articleFeedHtml: feedHtml.articleFeedHtml,
    feedDocument: seoFeeds.feedDocument,
    FEED_ITEM_LIMIT: seoFeeds.FEED_ITEM_LIMIT,
  }

  const seeded = (await payload.find({ collection: 'articles', where: { slug: { equals: SEEDED_SLUG } }, limit: 1, depth: 0 })).docs[0]
  const png = await sharp({ create: { width: 1800, height: 1200, channels: 3, background: { r: 180, g: 140, b: 110 } } })
    .png()
    .toBuffer()
  const image = await payload.create({
    collection: 'media',
    data: { alt: 'Warm stones laid along a client’s back', caption: 'Stones warmed to 50 °C & no more' },
    file: { data: png, name: 'feed-stones.png', mimetype: 'image/png', size: png.length },
  })
  mediaId = image.id
  await payload.create({
    collection: 'articles',
    data: {
      title: 'What a feed reader should see',
      slug: RICH_SLUG,
      content: editorState([
        paragraph('Warm stones, then five reasons: 5 < 6 & more.'),
        heading('Why it matters'),
        paragraphOf([
          text('Read '),
          internalLink('our first article', 'articles', seeded.id),
          text(' and '),
          externalLink('a study', 'https://example.org/study', { newTab: true }),
          text('.'),
        ]),
        upload('media', image.id),
        block('benefitList', randomBytes(12).toString('hex')),
        heading('Why it matters'),
        paragraph('The end.'),
      ]) as never,
      benefits: seeded.benefits,
      references: [
        { title: 'A trial', url: 'https://example.org/trial', publisher: 'Journal', year: 2020 },
        { title: 'A book without a link', publisher: 'Press' },
      ],
      _status: 'published',
    },
  })
}, 120_000)

afterAll(async () => {
  if (mediaId) await payload.delete({ collection: 'media', id: mediaId }).catch(() => undefined)
  await shutdown(payload, db)
})

/** The article body as the article page renders it: ArticleBody with the page's query. */
async function pageBody(slug: string): Promise<string> {
  const article = await queries.getArticleBySlug(slug)
  if (!article) throw new Error(`no published article ${slug}`)
  return renderToStaticMarkup(createElement(render.ArticleBody, { article }))
}

type Xml = { _text?: string; _cdata?: string }
const asArray = <T>(value: T | T[]) => (Array.isArray(value) ? value : [value])

/** Each feed's full content for the article, as the three feed routes build them. */
async function feedContents(slug: string): Promise<Record<'rss' | 'atom' | 'json', string>> {
  const [practice, articles] = await Promise.all([queries.getPractice(), queries.getFeedArticles(render.FEED_ITEM_LIMIT)])
  const options = { siteUrl: SITE, articleHtml: render.articleFeedHtml }
  const url = `${SITE}/blog/${slug}`
  const rss = xml2js(render.feedDocument.rss(practice, articles, options), { compact: true }) as {
    rss: { channel: { item: Record<string, Xml> | Record<string, Xml>[] } }
  }
  const atom = xml2js(render.feedDocument.atom(practice, articles, options), { compact: true }) as {
    feed: { entry: Record<string, Xml> | Record<string, Xml>[] }
  }
  const json = JSON.parse(render.feedDocument.json(practice, articles, options)) as { items: { url: string; content_html: string }[] }
  const content = (found: string | undefined) => {
    if (!found) throw new Error(`no feed content for ${slug}`)
    return found
  }
  return {
    rss: content(asArray(rss.rss.channel.item).find((item) => item.link._text === url)?.['content:encoded']._cdata),
    atom: content(asArray(atom.feed.entry).find((entry) => entry.id._text === url)?.content._cdata),
    json: content(json.items.find((item) => item.url === url)?.content_html),
  }
}

/** Undoes what only the feeds do (lib/seo/feedHtml.ts): site-absolute URLs back to paths, no classes. */
const asOnThePage = (html: string) => html.replaceAll(`${SITE}/`, '/').replace(/ class="[^"]*"/g, '')
const withoutClasses = (html: string) => html.replace(/ class="[^"]*"/g, '')
const urlsIn = (html: string) =>
  [...html.matchAll(/ (?:href|src|srcset)="([^"]*)"/gi)].flatMap(([, value]) => value.split(',').map((candidate) => candidate.trim().split(' ')[0]))

describe.each([
  ['the seeded article', SEEDED_SLUG],
  ['an article with an image, links and sources', RICH_SLUG],
])('%s', (_name, slug) => {
  let page: string
  let feeds: Record<'rss' | 'atom' | 'json', string>
  beforeAll(async () => {
    page = await pageBody(slug)
    feeds = await feedContents(slug)
  })

  it.each(['rss', 'atom', 'json'] as const)('%s content is the page’s body markup, modulo absolute URLs and classes', (format) => {
    expect(page).toContain('benefit-list')
    expect(asOnThePage(feeds[format])).toBe(withoutClasses(page))
  })

  it('points every link and image at an absolute URL, and keeps the benefit-list class alone', () => {
    for (const url of urlsIn(feeds.rss)) expect(url).toMatch(/^(https?:|mailto:|tel:|#)/)
    expect([...feeds.rss.matchAll(/ class="([^"]*)"/g)].map(([, names]) => names)).toEqual(['benefit-list'])
  })
})

describe('what the richer article shows in the feeds, as on its page', () => {
  let rss: string
  beforeAll(async () => {
    rss = (await feedContents(RICH_SLUG)).rss
  })

  it('the body image in a figure with its caption, at its hero size, every candidate absolute', () => {
    expect(rss).toMatch(/<figure>(<picture>.*<\/picture>|<img [^>]*>)<figcaption>Stones warmed to 50 °C &amp; no more<\/figcaption><\/figure>/)
    expect(rss).toMatch(new RegExp(`<img src="${SITE}/api/media/file/feed-stones-[^"]+\\.webp"`))
  })

  it('internal links at the linked article’s absolute address, external ones as typed', () => {
    expect(rss).toContain(`<a href="${SITE}/blog/${SEEDED_SLUG}">our first article</a>`)
    expect(rss).toContain('<a href="https://example.org/study" target="_blank" rel="noopener noreferrer">a study</a>')
  })

  it('text escaped, headings with the page’s ids, sources last', () => {
    expect(rss).toContain('<p>Warm stones, then five reasons: 5 &lt; 6 &amp; more.</p>')
    expect(rss).toContain('<h2 id="why-it-matters">Why it matters</h2>')
    expect(rss).toContain('<h2 id="why-it-matters-2">Why it matters</h2>')
    expect(rss).toMatch(/<li>A book without a link \(Press\)<\/li><\/ol><\/section>$/)
  })
})
