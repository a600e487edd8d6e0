import { graphProblems, nodeOfType, type JsonLdNode } from '@/tests/seo-shapes'
import { adminSession, api, lexicalParagraph } from './auth'
import { get, text, type Page } from './html'
import { TEST_SITE_URL } from './server'

/**
 * What search engines and link previews read from each page type of the production server: the
 * head tags, the feeds, and the one JSON-LD graph, whose breadcrumb must match the visible trail.
 */
const ARTICLE = '/blog/massage-therapy-benefits-on-immune-function'
const ARTICLE_TITLE = 'Massage Therapy Benefits on Immune Function'
const BENEFIT_TITLES = [
  'Increases circulation',
  'Reduces stress',
  'Stimulates lymphatic flow',
  'Increases white blood cell production',
  'Boosts natural killer cell activity',
]
const FEEDS = [
  ['application/rss+xml', '/feed.xml'],
  ['application/atom+xml', '/atom.xml'],
  ['application/feed+json', '/feed.json'],
]

type Node = JsonLdNode & Record<string, any>

function seoTags(page: Page) {
  const content = (selector: string) => page.doc.querySelector(`head meta[${selector}]`)?.getAttribute('content') ?? null
  const all = (selector: string) => page.doc.querySelectorAll(`head meta[${selector}]`).map((m) => m.getAttribute('content'))
  return {
    title: page.doc.querySelector('head title')?.textContent ?? '',
    description: content('name="description"') ?? '',
    canonical: page.doc.querySelector('head link[rel="canonical"]')?.getAttribute('href') ?? '',
    robots: content('name="robots"'),
    og: (property: string) => content(`property="og:${property}"`),
    article: (property: string) => all(`property="article:${property}"`),
    twitter: (name: string) => content(`name="twitter:${name}"`),
    feed: (type: string) => page.doc.querySelector(`head link[rel="alternate"][type="${type}"]`),
  }
}

/** Every JSON-LD script's JSON, parsed (a parse error fails the test). */
const jsonLdScripts = (page: Page) =>
  page.doc.querySelectorAll('script[type="application/ld+json"]').map((script) => JSON.parse(script.rawText))

const visibleTrail = (page: Page) =>
  page.doc.querySelectorAll('nav[aria-label="Breadcrumb"] li').map((li) => ({
    name: text(li),
    href: li.querySelector('a')?.getAttribute('href') ?? null,
    current: li.getAttribute('aria-current') === 'page',
  }))

const absolute = (path: string) => (path === '/' ? TEST_SITE_URL : `${TEST_SITE_URL}${path}`)

const PAGES = [
  { path: '/', ogType: 'website', pageType: 'WebPage', trail: [] as string[] },
  { path: '/blog', ogType: 'website', pageType: 'CollectionPage', trail: ['Home', 'Articles'] },
  { path: ARTICLE, ogType: 'article', pageType: 'MedicalWebPage', trail: ['Home', 'Articles', ARTICLE_TITLE] },
  { path: '/benefits', ogType: 'website', pageType: 'CollectionPage', trail: ['Home', 'Benefits'] },
  { path: '/benefits/reduces-stress', ogType: 'website', pageType: 'WebPage', trail: ['Home', 'Benefits', 'Reduces stress'] },
  { path: '/authors/janet', ogType: 'profile', pageType: 'ProfilePage', trail: ['Home', 'Janet'] },
  { path: '/topics/immune-health', ogType: 'website', pageType: 'CollectionPage', trail: ['Home', 'Immune health'] },
  { path: '/services', ogType: 'website', pageType: 'CollectionPage', trail: ['Home', 'Services'] },
  { path: '/services/relaxation-massage', ogType: 'website', pageType: 'WebPage', trail: ['Home', 'Services', 'Relaxation massage'] },
  { path: '/contact', ogType: 'website', pageType: 'ContactPage', trail: ['Home', 'Contact'] },
]

describe.each(PAGES)('$path', ({ path, ogType, pageType, trail }) => {
  let page: Page
  beforeAll(async () => {
    page = await get(path)
    expect(page.status).toBe(200)
  })

  it('has a title within 70 characters naming the site, a 50–160 character description and its canonical URL', () => {
    const tags = seoTags(page)
    expect(tags.title.length).toBeLessThanOrEqual(70)
    expect(tags.title).toMatch(/ · Your Practice Name$|^Your Practice Name · /)
    expect(tags.description.length).toBeGreaterThanOrEqual(50)
    expect(tags.description.length).toBeLessThanOrEqual(160)
    expect(tags.canonical).toBe(absolute(path))
    expect(tags.robots).toBeNull()
  })

  it('has Open Graph and Twitter cards with an absolute 1200×630 image and its alt text', () => {
    const tags = seoTags(page)
    expect(tags.og('url')).toBe(tags.canonical)
    expect(tags.og('type')).toBe(ogType)
    expect(tags.og('site_name')).toBe('Your Practice Name')
    expect(tags.og('title')).toBeTruthy()
    expect(tags.og('description')).toBe(tags.description)
    expect(tags.og('image')).toMatch(new RegExp(`^${TEST_SITE_URL}/`))
    expect(tags.og('image:width')).toBe('1200')
    expect(tags.og('image:height')).toBe('630')
    expect(tags.og('image:alt')).toBeTruthy()
    expect(tags.twitter('card')).toBe('summary_large_image')
    expect(tags.twitter('title')).toBe(tags.og('title'))
    expect(tags.twitter('description')).toBe(tags.description)
    expect(tags.twitter('image')).toBe(tags.og('image'))
    expect(tags.twitter('image:alt')).toBe(tags.og('image:alt'))
  })

  it.each(FEEDS)('links the %s feed', (type, feedPath) => {
    const link = seoTags(page).feed(type)
    expect(link?.getAttribute('href')).toBe(`${TEST_SITE_URL}${feedPath}`)
    expect(link?.getAttribute('title')).toBeTruthy()
  })

  it('has one JSON-LD graph whose nodes have what search engines require', () => {
    const scripts = jsonLdScripts(page)
    expect(scripts).toHaveLength(1)
    expect(graphProblems(scripts[0])).toEqual([])
    const types = (scripts[0]['@graph'] as Node[]).map((node) => node['@type'])
    expect(types).toEqual(expect.arrayContaining(['WebSite', 'HealthAndBeautyBusiness', pageType]))
    const webPage = nodeOfType<Node>(scripts[0], pageType)[0]
    expect(webPage.url).toBe(absolute(path))
  })

  it('shows a breadcrumb trail that its BreadcrumbList describes, item for item', () => {
    const visible = visibleTrail(page)
    const lists = nodeOfType<Node>(jsonLdScripts(page)[0], 'BreadcrumbList')
    if (trail.length === 0) {
      expect(visible).toEqual([])
      expect(lists).toEqual([])
      return
    }
    expect(visible.map((crumb) => crumb.name)).toEqual(trail)
    expect(visible.map((crumb) => crumb.current)).toEqual(trail.map((_, index) => index === trail.length - 1))
    expect(lists).toHaveLength(1)
    const items = lists[0].itemListElement as { position: number; name: string; item: string }[]
    expect(items.map((item) => item.name)).toEqual(trail)
    // Each link in the trail goes where its JSON-LD item says; the last item is this page.
    visible.forEach((crumb, index) => {
      expect(items[index].item).toBe(crumb.href ? absolute(crumb.href) : absolute(path))
    })
  })
})

it('every page type has its own title', async () => {
  const titles = await Promise.all(PAGES.map(async ({ path }) => seoTags(await get(path)).title))
  expect(new Set(titles).size).toBe(PAGES.length)
})

describe('the article', () => {
  let page: Page
  let posting: Node
  beforeAll(async () => {
    page = await get(ARTICLE)
    posting = nodeOfType<Node>(jsonLdScripts(page)[0], 'MedicalWebPage')[0].mainEntity
  })

  it('tells Open Graph when it was published and changed, by whom, and under which topic', () => {
    const tags = seoTags(page)
    for (const time of [...tags.article('published_time'), ...tags.article('modified_time')]) {
      expect(Number.isNaN(Date.parse(time ?? ''))).toBe(false)
    }
    expect(tags.article('published_time')).toHaveLength(1)
    expect(tags.article('author')).toEqual([`${TEST_SITE_URL}/authors/janet`])
    expect(tags.article('section')).toEqual(['Immune health'])
    expect(tags.article('tag')).toEqual(['Immune health'])
  })

  it('is a BlogPosting by Janet, LMT, published by the practice, with its word count and keywords', () => {
    expect(posting.headline).toBe(ARTICLE_TITLE)
    expect(posting.author).toMatchObject({ name: 'Janet', url: `${TEST_SITE_URL}/authors/janet`, jobTitle: 'Licensed Massage Therapist' })
    expect(posting.author.hasCredential).toEqual([expect.objectContaining({ name: 'LMT' })])
    expect(posting.publisher).toEqual({ '@id': `${TEST_SITE_URL}/#organization` })
    expect(posting.wordCount).toBeGreaterThan(200)
    expect(posting.keywords).toEqual(['Immune health'])
    expect(posting.image.url).toBe(`${TEST_SITE_URL}/og/articles/massage-therapy-benefits-on-immune-function`)
  })

  it('lists its five benefits in order as an ItemList', () => {
    const list = nodeOfType<Node>(jsonLdScripts(page)[0], 'ItemList')[0]
    expect(list.itemListElement.map((item: Node) => item.name)).toEqual(BENEFIT_TITLES)
    expect(list.itemListElement[1].url).toBe(`${TEST_SITE_URL}/benefits/reduces-stress`)
  })

  it('says nothing about a medical review, because none is recorded', () => {
    expect(page.doc.querySelector('.review-note')).toBeNull()
    expect(text(page.doc.querySelector('main'))).not.toContain('Reviewed by')
    const webPage = nodeOfType<Node>(jsonLdScripts(page)[0], 'MedicalWebPage')[0]
    expect(webPage.reviewedBy).toBeUndefined()
    expect(webPage.lastReviewed).toBeUndefined()
  })
})

describe('the benefits page', () => {
  it('is a CollectionPage whose ItemList holds the five benefits in order', async () => {
    const graph = jsonLdScripts(await get('/benefits'))[0]
    const list = nodeOfType<Node>(graph, 'ItemList')[0]
    expect(list.itemListElement.map((item: Node) => item.name)).toEqual(BENEFIT_TITLES)
    expect(nodeOfType<Node>(graph, 'CollectionPage')[0].mainEntity).toEqual({ '@id': list['@id'] })
  })
})

describe('the author page', () => {
  it('is a ProfilePage about Janet', async () => {
    const graph = jsonLdScripts(await get('/authors/janet'))[0]
    expect(nodeOfType<Node>(graph, 'ProfilePage')[0].mainEntity).toMatchObject({ '@type': 'Person', name: 'Janet' })
  })
})

describe('an article with a medical review and its own SEO fields', () => {
  const title = `Massage after surgery, checked ${Date.now()}`
  const slug = title.toLowerCase().replace(/,/g, '').replace(/\s+/g, '-')
  const metaTitle = 'Massage after surgery: what to know · Your Practice Name'
  const metaDescription = 'When massage can help you recover after surgery, and when to wait: a checklist from a licensed therapist.'
  let page: Page
  let token: string
  let articleId: string

  beforeAll(async () => {
    ;({ token } = await adminSession())
    const janet = await api('/authors?where[slug][equals]=janet&depth=0')
    const created = await api('/articles', {
      method: 'POST',
      token,
      body: JSON.stringify({
        title,
        excerpt: 'How and when massage helps recovery after an operation.',
        content: lexicalParagraph('Gentle massage can ease swelling and stiffness once your surgeon agrees.'),
        author: janet.body.docs[0].id,
        reviewedBy: janet.body.docs[0].id,
        lastReviewedAt: '2026-11-01T12:00:00.000Z',
        meta: { title: metaTitle, description: metaDescription },
        _status: 'published',
      }),
    })
    expect(created.status).toBe(201)
    articleId = created.body.doc.id
    expect(created.body.doc.slug).toBe(slug)
    page = await get(`/blog/${slug}`)
    expect(page.status).toBe(200)
  })

  // The other HTTP files share this server and count on the seeded content: leave none behind.
  afterAll(async () => {
    if (articleId) expect((await api(`/articles/${articleId}`, { method: 'DELETE', token })).status).toBe(200)
  })

  it('shows "Reviewed by" with the reviewer and a machine-readable date, apart from the byline', () => {
    const note = page.doc.querySelector('.review-note')
    expect(text(note)).toBe('Reviewed by Janet, LMT on November 1, 2026')
    expect(note?.querySelector('time')?.getAttribute('datetime')).toBe('2026-11-01T12:00:00.000Z')
    expect(text(page.doc.querySelector('.byline'))).not.toContain('Reviewed')
  })

  it('names the reviewer and the review date in its MedicalWebPage', () => {
    const graph = jsonLdScripts(page)[0]
    expect(graphProblems(graph)).toEqual([])
    const webPage = nodeOfType<Node>(graph, 'MedicalWebPage')[0]
    expect(webPage.reviewedBy).toMatchObject({ '@type': 'Person', name: 'Janet' })
    expect(webPage.lastReviewed).toBe('2026-11-01T12:00:00.000Z')
  })

  it('uses its meta title as written and its meta description', () => {
    const tags = seoTags(page)
    expect(tags.title).toBe(metaTitle)
    expect(tags.og('title')).toBe(metaTitle)
    expect(tags.description).toBe(metaDescription)
    expect(tags.canonical).toBe(`${TEST_SITE_URL}/blog/${slug}`)
  })
})
