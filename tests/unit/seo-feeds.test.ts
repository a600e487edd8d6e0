import { xml2js } from 'xml-js'
import { z } from 'zod'

import { block, editorState, heading, internalLink, type LexicalNode, paragraph, paragraphOf } from '@/lib/richtext/lexical'
import { articleFeedHtml } from '@/components/articleFeedHtml'
import { forFeedReaders } from '@/lib/seo/feedHtml'
import { buildFeed, type FeedArticle, feedDocument } from '@/lib/seo/feeds'
import { EVERY_NODE_TEXT as T, everyNodeDocument } from '@/tests/richtext-fixture'
import { practice } from '@/tests/seo-fixtures'

const SITE = 'https://wellpress.test'
/** The feed routes' options: entries carry the article page's markup (components/articleFeedHtml.ts). */
const OPTIONS = { siteUrl: SITE, articleHtml: articleFeedHtml }
const absoluteOnSite = z.url({ protocol: /^https$/ }).refine((url) => url.startsWith(`${SITE}/`), 'on SITE_URL')

const text = (value: string) => ({ type: 'text', text: value, detail: 0, format: 0, mode: 'normal', style: '', version: 1 })
const link = (fields: Record<string, unknown>, label: string): LexicalNode => ({
  type: 'paragraph',
  version: 1,
  children: [{ type: 'link', version: 3, fields: { newTab: false, ...fields }, children: [text(label)] }],
})
const upload: LexicalNode = {
  type: 'upload',
  version: 3,
  format: '',
  relationTo: 'media',
  fields: {},
  value: { url: '/api/media/file/hands.webp', mimeType: 'image/webp', alt: 'Hands', width: 800, height: 600, sizes: {} },
}

const benefits = [
  { id: 'b1', title: 'Increases circulation', slug: 'increases-circulation', summary: 'Blood & lymph move.' },
  {
    id: 'b2',
    title: 'Reduces stress',
    slug: 'reduces-stress',
    summary: 'Less cortisol.',
    description: editorState([paragraph('Stress hormones drop after a session.')]),
  },
]

const article: FeedArticle = {
  id: 'a1',
  title: 'Massage & Immunity',
  slug: 'massage-and-immunity',
  excerpt: 'How massage helps your immune system.',
  content: editorState([
    heading('Why it matters'),
    paragraph('Massage <helps>.'),
    block('benefitList', 'bl1'),
    link({ linkType: 'internal', doc: { relationTo: 'benefits', value: { slug: 'reduces-stress' } } }, 'stress'),
    link({ linkType: 'custom', url: '/benefits' }, 'all benefits'),
    link({ linkType: 'custom', url: 'https://example.org/study' }, 'a study'),
    upload,
  ]) as FeedArticle['content'],
  benefits,
  references: [{ id: 'r1', title: 'A trial', url: 'https://example.org/trial', publisher: 'Journal', year: 2020 }],
  author: { name: 'Janet', slug: 'janet' },
  topics: [{ name: 'Immune health', slug: 'immune-health' }, 'unpopulated-topic-id'],
  heroImage: { url: '/api/media/file/hero.webp', sizes: { og: { url: '/api/media/file/hero-1200x630.webp' } } },
  publishedAt: '2026-01-10T09:00:00.000Z',
  updatedAt: '2026-02-01T12:30:00.000Z',
  _status: 'published',
}

const older: FeedArticle = {
  ...article,
  id: 'a0',
  title: 'Older post',
  slug: 'older-post',
  content: editorState([paragraph('Short.')]) as FeedArticle['content'],
  heroImage: null,
  topics: [],
  references: [],
  publishedAt: '2025-06-01T09:00:00.000Z',
  updatedAt: '2025-06-02T09:00:00.000Z',
}

const draft: FeedArticle = { ...article, id: 'd1', title: 'Secret draft', slug: 'secret-draft', _status: 'draft' }

const ARTICLES = [article, draft, older]
const feed = buildFeed(practice, ARTICLES, 'rss', OPTIONS)

const attributeUrls = (html: string) => [...html.matchAll(/\b(?:href|src)="([^"]*)"/g)].map((match) => match[1])

describe('articleFeedHtml: the article page’s body, for feed readers', () => {
  const html = articleFeedHtml(article, SITE)

  it('renders the benefit-list block as an ordered list of the article’s benefits, linked, where it is placed', () => {
    expect(html).toContain(
      `<ol class="benefit-list"><li id="increases-circulation"><h3><a href="${SITE}/benefits/increases-circulation">Increases circulation</a></h3><p>Blood &amp; lymph move.</p></li>`,
    )
    // A description is rich text: on the page it sits in RichText's container, a bare <div> here.
    expect(html).toContain('<h3><a href="https://wellpress.test/benefits/reduces-stress">Reduces stress</a></h3><div><p>Stress hormones drop after a session.</p></div>')
    expect(html.indexOf('Massage &lt;helps&gt;.')).toBeLessThan(html.indexOf('benefit-list'))
    expect(html.indexOf('benefit-list')).toBeLessThan(html.indexOf('all benefits'))
    expect(html.match(/class="benefit-list"/g)).toHaveLength(1)
  })

  it('puts the list after the body when the writer placed no block, as the page does', () => {
    const html = articleFeedHtml({ ...older, benefits }, SITE)
    expect(html.indexOf('Short.')).toBeLessThan(html.indexOf('class="benefit-list"'))
  })

  it('makes every link and image absolute, internal links pointing at the linked page', () => {
    const urls = attributeUrls(html)
    expect(urls).toEqual(
      expect.arrayContaining([
        `${SITE}/benefits/reduces-stress`,
        `${SITE}/benefits`,
        'https://example.org/study',
        `${SITE}/api/media/file/hands.webp`,
        'https://example.org/trial',
      ]),
    )
    for (const url of urls) expect(url).toMatch(/^https:\/\//)
  })

  it('renders an image in the body as one <img> with its alt text, size and absolute addresses', () => {
    expect(html).toContain(
      `<img src="${SITE}/api/media/file/hands.webp" srcSet="${SITE}/api/media/file/hands.webp 800w" sizes="(min-width: 48rem) 46rem, 100vw" alt="Hands" width="800" height="600" loading="lazy" decoding="async"/>`,
    )
    expect(html).not.toContain('<source')
  })

  it('renders every node the article editor can produce, links to the pages they name', () => {
    const everything = articleFeedHtml(
      {
        ...older,
        benefits,
        content: everyNodeDocument({
          article: { slug: 'sleep-and-massage' },
          benefit: { slug: 'reduces-stress' },
          image: { url: '/api/media/file/s.webp', alt: 'Hot stones on a towel', width: 2400, height: 1600, sizes: { hero: { url: '/api/media/file/s-1600.webp', width: 1600, height: 1067 } } },
        }) as FeedArticle['content'],
      },
      SITE,
    )
    for (const fragment of [
      // Headings keep the page's ids, so `#why-massage-helps` names the same heading in both.
      `<h2 id="why-massage-helps">${T.h2}</h2>`,
      '<h3 id="circulation-and-lymph">Circulation &amp; lymph</h3>',
      `<h4 id="a-note-on-pressure">${T.h4}</h4>`,
      `<strong>${T.bold}</strong>`,
      `<em>${T.italic}</em>`,
      `<s>${T.strike}</s>`,
      `<br/>${T.afterBreak}`,
      `<ul><li>${T.bullets[0]}</li><li>${T.bullets[1]}</li></ul>`,
      `<ol><li>${T.numbered[0]}</li><li>${T.numbered[1]}</li></ol>`,
      `<blockquote>${T.quote}</blockquote>`,
      `<a href="${T.externalUrl}" target="_blank" rel="noopener noreferrer">${T.external}</a>`,
      `<a href="${SITE}/blog/sleep-and-massage">${T.articleLink}</a>`,
      `<a href="${SITE}/benefits/reduces-stress">${T.benefitLink}</a>`,
      `<a href="${T.autolinkUrl}">${T.autolinkUrl}</a>`,
      `<img src="${SITE}/api/media/file/s-1600.webp" srcSet="${SITE}/api/media/file/s-1600.webp 1600w"`,
      'alt="Hot stones on a towel" width="1600" height="1067"',
      '<hr',
      'class="benefit-list"',
    ]) {
      expect(everything).toContain(fragment)
    }
    expect(everything).not.toMatch(/unknown|style=/)
  })

  it('keeps the words of a link to a page that is not public, without a link', () => {
    const html = articleFeedHtml(
      { ...older, content: editorState([paragraphOf([internalLink('a draft', 'articles', 'draft-id')])]) as FeedArticle['content'] },
      SITE,
    )
    expect(html).toContain('<p>a draft</p>')
  })

  it('ends with the article’s references', () => {
    expect(html).toMatch(
      /<h2 id="references-heading">References<\/h2><ol><li><a href="https:\/\/example.org\/trial" rel="noopener noreferrer">A trial<\/a> \(Journal, 2020\)<\/li><\/ol><\/section>$/,
    )
  })
})

describe('forFeedReaders', () => {
  it('makes site paths absolute in href, src and every srcset candidate; leaves other URLs alone', () => {
    const markup =
      '<a href="/benefits/x">x</a><a href="https://example.org/y">y</a><a href="#z">z</a><a href="//cdn.example/w">w</a>' +
      '<picture><source type="image/avif" srcSet="/m/a-1600.avif 1600w" sizes="100vw"/><img src="/m/a.webp" srcSet="/m/a-800.webp 800w, /m/a-1600.webp 1600w"/></picture>'
    expect(forFeedReaders(markup, SITE)).toBe(
      `<a href="${SITE}/benefits/x">x</a><a href="https://example.org/y">y</a><a href="#z">z</a><a href="//cdn.example/w">w</a>` +
        `<picture><source type="image/avif" srcSet="${SITE}/m/a-1600.avif 1600w" sizes="100vw"/><img src="${SITE}/m/a.webp" srcSet="${SITE}/m/a-800.webp 800w, ${SITE}/m/a-1600.webp 1600w"/></picture>`,
    )
  })

  it('keeps only the benefit-list class, dropping the site’s styling classes and empty class attributes', () => {
    expect(forFeedReaders('<div class="prose"><ol class="benefit-list BenefitList-module__x__list"><li id="a" class="Chud7q_item">a</li></ol></div>', SITE)).toBe(
      '<div><ol class="benefit-list"><li id="a">a</li></ol></div>',
    )
  })

  it('never touches words that only look like attributes (React writes their quotes as &quot;)', () => {
    const words = '<p>Write href=&quot;/x&quot; and class=&quot;prose&quot; in the editor</p>'
    expect(forFeedReaders(words, SITE)).toBe(words)
  })
})

describe('buildFeed', () => {
  it('describes the site, dated by the newest article change, with self links for each format', () => {
    expect(feed.options).toMatchObject({
      id: `${SITE}/`,
      link: `${SITE}/`,
      title: practice.name,
      description: practice.description,
      language: 'en',
      copyright: `© 2026 ${practice.name}. All rights reserved.`,
      feedLinks: { rss: `${SITE}/feed.xml`, atom: `${SITE}/atom.xml`, json: `${SITE}/feed.json` },
    })
    expect(feed.options.updated?.toISOString()).toBe(article.updatedAt)
  })

  it('carries the published articles in the given order, and no draft', () => {
    expect(feed.items.map((item) => item.title)).toEqual(['Massage & Immunity', 'Older post'])
  })

  it('gives each item its absolute link, excerpt, full content, author, dates, topics and share image', () => {
    expect(feed.items[0]).toMatchObject({
      id: `${SITE}/blog/massage-and-immunity`,
      link: `${SITE}/blog/massage-and-immunity`,
      description: article.excerpt,
      content: articleFeedHtml(article, SITE),
      author: [{ name: 'Janet', link: `${SITE}/authors/janet` }],
      date: new Date(article.updatedAt),
      published: new Date('2026-01-10T09:00:00.000Z'),
      category: [{ name: 'Immune health', term: 'immune-health' }],
      image: `${SITE}/api/media/file/hero-1200x630.webp`,
    })
    expect(feed.items[1].image).toBeUndefined()
  })
})

type XmlText = { _text?: string; _cdata?: string }
const parseXml = <T>(xml: string) => xml2js(xml, { compact: true }) as T
const asArray = <T>(value: T | T[]) => (Array.isArray(value) ? value : [value])

describe('RSS 2.0', () => {
  const rssItem = z.object({
    title: z.object({ _cdata: z.string().min(1) }),
    link: z.object({ _text: absoluteOnSite }),
    guid: z.object({ _text: absoluteOnSite }),
    pubDate: z.object({ _text: z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'an RFC 822 date') }),
    description: z.object({ _cdata: z.string().min(1) }),
    'content:encoded': z.object({ _cdata: z.string().min(1) }),
  })
  const parsed = parseXml<{
    rss: { _attributes: Record<string, string>; channel: Record<string, XmlText> & { item: unknown[]; 'atom:link': { _attributes: Record<string, string> } } }
  }>(feedDocument.rss(practice, ARTICLES, OPTIONS))

  it('is well-formed <rss version="2.0"> describing the site', () => {
    expect(parsed.rss._attributes.version).toBe('2.0')
    expect(parsed.rss.channel.title._text).toBe(practice.name)
    expect(parsed.rss.channel.link._text).toBe(`${SITE}/`)
    expect(parsed.rss.channel.language._text).toBe('en')
    expect(parsed.rss.channel.lastBuildDate._text).toBe(new Date(article.updatedAt).toUTCString())
    expect(parsed.rss.channel['atom:link']._attributes).toMatchObject({ rel: 'self', href: `${SITE}/feed.xml` })
  })

  it('has items with absolute links, a guid, the publication date and the full content', () => {
    const items = parsed.rss.channel.item.map((item) => rssItem.parse(item))
    expect(items.map((item) => item.link._text)).toEqual([`${SITE}/blog/massage-and-immunity`, `${SITE}/blog/older-post`])
    expect(items[0].pubDate._text).toBe(new Date(article.publishedAt as string).toUTCString())
    expect(items[0]['content:encoded']._cdata).toContain('class="benefit-list"')
  })
})

describe('Atom 1.0', () => {
  const atomEntry = z.object({
    id: z.object({ _text: absoluteOnSite }),
    title: z.object({ _cdata: z.string().min(1) }),
    updated: z.object({ _text: z.iso.datetime() }),
    published: z.object({ _text: z.iso.datetime() }),
    link: z.array(z.object({ _attributes: z.object({ href: z.url() }) })),
    content: z.object({ _attributes: z.object({ type: z.literal('html') }), _cdata: z.string().min(1) }),
  })
  const parsed = parseXml<{
    feed: { _attributes: { xmlns: string }; id: XmlText; updated: XmlText; title: XmlText; entry: unknown[] }
  }>(feedDocument.atom(practice, ARTICLES, OPTIONS))

  it('is a well-formed <feed> with id, title and updated', () => {
    expect(parsed.feed._attributes.xmlns).toBe('http://www.w3.org/2005/Atom')
    expect(parsed.feed.id._text).toBe(`${SITE}/`)
    expect(parsed.feed.updated._text).toBe(article.updatedAt)
  })

  it('has entries with an absolute id, updated = updatedAt, and the full content', () => {
    const entries = parsed.feed.entry.map((entry) => atomEntry.parse({ ...(entry as object), link: asArray((entry as { link: unknown }).link) }))
    expect(entries[0].id._text).toBe(`${SITE}/blog/massage-and-immunity`)
    expect(entries[0].updated._text).toBe(article.updatedAt)
    expect(entries[0].published._text).toBe(article.publishedAt)
  })
})

describe('JSON Feed 1.1', () => {
  const jsonFeed = z.object({
    version: z.literal('https://jsonfeed.org/version/1.1'),
    title: z.literal(practice.name),
    home_page_url: absoluteOnSite,
    feed_url: absoluteOnSite,
    language: z.literal('en'),
    items: z.array(
      z.object({
        id: absoluteOnSite,
        url: absoluteOnSite,
        title: z.string().min(1),
        content_html: z.string().min(1),
        summary: z.string().min(1),
        date_published: z.iso.datetime(),
        date_modified: z.iso.datetime(),
        authors: z.array(z.object({ name: z.string(), url: absoluteOnSite })).min(1),
        tags: z.array(z.string()),
      }),
    ),
  })

  it('matches the 1.1 shape, with the full content and authors list', () => {
    const parsed = jsonFeed.parse(JSON.parse(feedDocument.json(practice, ARTICLES, OPTIONS)))
    expect(parsed.feed_url).toBe(`${SITE}/feed.json`)
    expect(parsed.items.map((item) => item.url)).toEqual([`${SITE}/blog/massage-and-immunity`, `${SITE}/blog/older-post`])
    expect(parsed.items[0]).toMatchObject({
      date_published: article.publishedAt,
      date_modified: article.updatedAt,
      authors: [{ name: 'Janet', url: `${SITE}/authors/janet` }],
      tags: ['Immune health'],
    })
  })
})

describe('text typed into titles and excerpts', () => {
  // What a writer might type, and what an attacker with an editor's login would.
  const title = 'Is 5 < 6 & more? <img src=x onerror=alert(1)> a]]>b]]><evil/>'
  const excerpt = 'Pressure 5 < 6 & more: <script>alert(1)</script> ]]><evil/>'
  const hostile: FeedArticle[] = [{ ...older, title, excerpt }]
  /** What a feed reader shows for an HTML field: the text once its markup is read. */
  const asHtmlText = (html: string) => {
    expect(html).not.toMatch(/<|>/)
    return html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
  }
  /** Plain text in a CDATA section: as typed, except that no `]]>` may survive in it. */
  const asCdataText = (text: string) => text.replace(/\u200b/g, '')

  it('RSS: the title stays plain text, the description (HTML) is escaped, and the XML stays whole', () => {
    const xml = feedDocument.rss(practice, hostile, OPTIONS)
    const item = parseXml<{ rss: { channel: { item: Record<string, XmlText & Record<string, unknown>> } } }>(xml).rss.channel.item
    expect(Object.keys(item)).not.toContain('evil')
    expect(asCdataText(item.title._cdata as string)).toBe(title)
    expect(asHtmlText(item.description._cdata as string)).toBe(excerpt)
  })

  it('Atom: title and summary, both type="html", are escaped', () => {
    const xml = feedDocument.atom(practice, hostile, OPTIONS)
    const entry = parseXml<{ feed: { entry: Record<string, XmlText & { _attributes?: { type?: string } }> } }>(xml).feed.entry
    expect(Object.keys(entry)).not.toContain('evil')
    expect(entry.title._attributes?.type).toBe('html')
    expect(asHtmlText(entry.title._cdata as string)).toBe(title)
    expect(entry.summary._attributes?.type).toBe('html')
    expect(asHtmlText(entry.summary._cdata as string)).toBe(excerpt)
  })

  it('JSON Feed: title and summary are plain text by the spec, so they stay as typed', () => {
    const [item] = JSON.parse(feedDocument.json(practice, hostile, OPTIONS)).items
    expect(item.title).toBe(title)
    expect(item.summary).toBe(excerpt)
    expect(item.content_html).not.toContain('<script>')
  })
})

describe('text typed into the body', () => {
  const typed = 'Pressure 5 < 6 & more: <script>alert(1)</script> a]]>b]]><evil/>'
  const hostile: FeedArticle[] = [{ ...older, benefits: [], content: editorState([paragraph(typed)]) as FeedArticle['content'] }]

  it('reaches RSS and Atom content escaped by React, so no `]]>` ends their CDATA and the XML stays whole', () => {
    const item = parseXml<{ rss: { channel: { item: Record<string, XmlText> } } }>(feedDocument.rss(practice, hostile, OPTIONS)).rss.channel.item
    const entry = parseXml<{ feed: { entry: Record<string, XmlText> } }>(feedDocument.atom(practice, hostile, OPTIONS)).feed.entry
    for (const [fields, content] of [
      [item, item['content:encoded']._cdata],
      [entry, entry.content._cdata],
    ] as const) {
      expect(Object.keys(fields)).not.toContain('evil')
      expect(content).toBe('<div><p>Pressure 5 &lt; 6 &amp; more: &lt;script&gt;alert(1)&lt;/script&gt; a]]&gt;b]]&gt;&lt;evil/&gt;</p></div>')
    }
  })
})
