import { readFileSync } from 'node:fs'
import path from 'node:path'

import { api } from './auth'
import { get, head, pageWithExpected, text } from './html'
import { TEST_SITE_URL } from './server'

const ARTICLE = '/blog/massage-therapy-benefits-on-immune-function'
const SOURCE = readFileSync(
  path.resolve(process.cwd(), 'lib/seed/content/massage-therapy-benefits-on-immune-function.txt'),
  'utf8',
)
const BENEFIT_TITLES = [
  'Increases circulation',
  'Reduces stress',
  'Stimulates lymphatic flow',
  'Increases white blood cell production',
  'Boosts natural killer cell activity',
]

// Every public page type, on a production server that seeded itself on first start.
const PAGES = [
  { path: '/', title: /^Your Practice Name · / },
  { path: '/blog', title: /^Articles · Your Practice Name$/ },
  { path: ARTICLE, title: /^Massage Therapy Benefits on Immune Function · Your Practice Name$/ },
  { path: '/benefits', title: /^Benefits of massage therapy · Your Practice Name$/ },
  { path: '/benefits/reduces-stress', title: /^Reduces stress · Your Practice Name$/ },
  { path: '/authors/janet', title: /^Janet · Your Practice Name$/ },
  { path: '/topics/immune-health', title: /^Immune health · Your Practice Name$/ },
]

describe.each(PAGES)('$path', ({ path: pathname, title }) => {
  it('answers 200 with a unique title, a description, an absolute canonical URL from SITE_URL and landmarks', async () => {
    const page = await get(pathname)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toMatch(/^text\/html/)
    const tags = head(page)
    expect(tags.title).toMatch(title)
    expect(tags.description?.length).toBeGreaterThanOrEqual(50)
    expect(tags.description?.length).toBeLessThanOrEqual(160)
    // Next writes the home page's canonical as the bare origin.
    expect(tags.canonical).toBe(pathname === '/' ? TEST_SITE_URL : `${TEST_SITE_URL}${pathname}`)
    expect(tags.ogUrl).toBe(tags.canonical)
    expect(page.doc.querySelector('html')?.getAttribute('lang')).toBe('en')
    for (const landmark of ['header', 'nav', 'main', 'footer']) {
      expect(page.doc.querySelectorAll(landmark).length).toBeGreaterThan(0)
    }
    expect(page.doc.querySelectorAll('h1')).toHaveLength(1)
  })
})

describe('the article page', () => {
  it('server-renders every paragraph, the heading and the closing of the therapist\'s text, in order', async () => {
    const page = await get(ARTICLE)
    const article = page.doc.querySelector('main article')
    expect(article).not.toBeNull()
    const body = text(article)
    const paragraphs = SOURCE.split(/\n\s*\n/)
      .map((block) => block.trim())
      .filter((block) => block && !/^\d+\.\s/.test(block) && block !== 'In Health, Janet')
      .map((block) => (block.startsWith('How Massage Therapy Can Help') ? 'How Massage Therapy Can Help' : block))
    let cursor = 0
    for (const paragraph of paragraphs) {
      const at = body.indexOf(paragraph, cursor)
      expect({ paragraph, found: at >= cursor }).toEqual({ paragraph, found: true })
      cursor = at + paragraph.length
    }
    expect(text(article?.querySelector('h2'))).toBe('How Massage Therapy Can Help')
    expect(text(page.doc.querySelector('h1'))).toBe('Massage Therapy Benefits on Immune Function')
  })

  it('lists the five benefits as a numbered list with anchors, in order, after "Here are some ways"', async () => {
    const page = await get(ARTICLE)
    const items = page.doc.querySelectorAll('main article ol.benefit-list > li')
    expect(items.map((li) => text(li.querySelector('h3')))).toEqual(BENEFIT_TITLES)
    expect(items.map((li) => li.getAttribute('id'))).toEqual([
      'increases-circulation',
      'reduces-stress',
      'stimulates-lymphatic-flow',
      'increases-white-blood-cell-production',
      'boosts-natural-killer-cell-activity',
    ])
    expect(text(items[1])).toContain('Stress has been shown to have a negative impact on immune function.')
    const body = text(page.doc.querySelector('main article'))
    expect(body.indexOf('Here are some ways')).toBeLessThan(body.indexOf('Increases circulation'))
    expect(body.indexOf('Boosts natural killer cell activity')).toBeLessThan(body.indexOf('I look forward'))
  })

  it('has a byline with name and credentials, dates in <time datetime>, topics and the author card sign-off', async () => {
    const page = await get(ARTICLE)
    expect(text(page.doc.querySelector('.byline'))).toMatch(/^By Janet, LMT · Published .+ · Updated .+$/)
    const times = page.doc.querySelectorAll('.byline time')
    expect(times).toHaveLength(2)
    for (const time of times) expect(Number.isNaN(Date.parse(time.getAttribute('datetime') ?? ''))).toBe(false)
    expect(page.doc.querySelector('a[rel="tag"][href="/topics/immune-health"]')).not.toBeNull()
    expect(text(page.doc.querySelector('.author-card .sign-off'))).toBe('In Health, Janet')
  })

  it('renders its content in the HTML, with no client-side data fetching', async () => {
    const page = await get(ARTICLE)
    expect(page.html).toContain('Natural killer (NK) cells are a type of white blood cell')
    expect(page.html).not.toMatch(/fetch\(['"`]\/api\//)
  })
})

describe('list and detail pages', () => {
  // Other files publish articles and add benefits on this server at the same time: each list is
  // compared with what the REST API says it should hold, read just before and after it.
  const newestArticles = (limit: number) => async () =>
    ((await api(`/articles?sort=-publishedAt&limit=${limit}&depth=0&select[slug]=true`)).body.docs as { slug: string }[]).map(
      (doc) => `/blog/${doc.slug}`,
    )
  const cardLinks = (page: Awaited<ReturnType<typeof get>>) => page.doc.querySelectorAll('main .card .card__title a').map((link) => link.getAttribute('href'))

  it('home shows the practice name, the six newest articles, the benefits and a call to book', async () => {
    // Six, or fewer while fewer are published (the seeded article is always one).
    const { page, expected } = await pageWithExpected('/', newestArticles(6))
    const main = text(page.doc.querySelector('main'))
    expect(text(page.doc.querySelector('h1'))).toBe('Your Practice Name')
    expect(expected.length).toBeGreaterThan(0)
    expect(cardLinks(page)).toEqual(expected)
    for (const title of BENEFIT_TITLES) expect(main).toContain(title)
    expect(main).toMatch(/Meet Janet/)
    expect(page.doc.querySelector('main .author-intro a.button')).not.toBeNull()
  })

  it('/blog lists the ten newest articles as cards, newest first', async () => {
    const { page, expected } = await pageWithExpected('/blog', newestArticles(10))
    expect(expected.length).toBeGreaterThan(0)
    expect(cardLinks(page)).toEqual(expected)
  })

  it('/benefits lists every benefit in display order, each linking to its page', async () => {
    const benefits = async () =>
      ((await api('/benefits?sort=order,title&limit=100&depth=0&select[title]=true&select[slug]=true')).body.docs as { title: string; slug: string }[])
    const { page, expected } = await pageWithExpected('/benefits', benefits)
    const items = page.doc.querySelectorAll('main ol.benefit-list > li')
    expect(items.map((li) => text(li.querySelector('h2')))).toEqual(expected.map((benefit) => benefit.title))
    expect(items.map((li) => li.querySelector('a')?.getAttribute('href'))).toEqual(expected.map((benefit) => `/benefits/${benefit.slug}`))
    // The seeded five come first, in the therapist's order.
    expect(expected.slice(0, 5).map((benefit) => benefit.title)).toEqual(BENEFIT_TITLES)
  })

  it('a benefit page shows the benefit and every article that lists it', async () => {
    const page = await get('/benefits/stimulates-lymphatic-flow')
    expect(text(page.doc.querySelector('h1'))).toBe('Stimulates lymphatic flow')
    expect(text(page.doc.querySelector('main'))).toContain('The lymphatic system is responsible for removing waste')
    expect(page.doc.querySelector(`main a[href="${ARTICLE}"]`)).not.toBeNull()
  })

  it('the author page shows the profile and her articles', async () => {
    const page = await get('/authors/janet')
    expect(text(page.doc.querySelector('h1'))).toBe('Janet, LMT')
    expect(page.doc.querySelector(`main a[href="${ARTICLE}"]`)).not.toBeNull()
  })

  it('the topic page lists its articles', async () => {
    const page = await get('/topics/immune-health')
    expect(page.doc.querySelector(`main a[href="${ARTICLE}"]`)).not.toBeNull()
  })
})

describe('addresses that do not exist', () => {
  it.each([
    '/blog/no-such-article',
    // Upper case is first redirected to lower case (proxy.ts); an invalid slug in lower case is a 404.
    '/blog/not_a_slug',
    '/blog/%2e%2e%2fetc%2fpasswd',
    '/benefits/no-such-benefit',
    '/authors/nobody',
    '/topics/no-such-topic',
    // Far past the last page, however many articles other files have published.
    '/blog/page/9999',
    '/blog/page/0',
    '/blog/page/-1',
    '/blog/page/01',
    '/blog/page/abc',
    '/blog/page/99999999999999999999',
    `/blog/${'a'.repeat(500)}`,
  ])('%s answers 404, titled "Page not found" and kept out of search indexes', async (pathname) => {
    const page = await get(pathname)
    expect(page.status).toBe(404)
    expect(head(page).title).toBe('Page not found · Your Practice Name')
    expect(page.doc.querySelector('head meta[name="robots"]')?.getAttribute('content')).toMatch(/noindex/)
  })

  // components/NotFoundPage.tsx: a page whose document does not exist draws the not-found page in
  // the server's HTML, inside the site's layout, not Next's empty error document (vercel/next.js#62228).
  it.each(['/blog/no-such-article', '/topics/no-such-topic', '/services/no-such-service', '/authors/nobody', '/benefits/no-such-benefit', '/blog/page/9999', '/blog/page/abc'])(
    '%s answers with the not-found page in its layout, server-rendered',
    async (pathname) => {
      const page = await get(pathname)
      expect(page.status).toBe(404)
      expect(page.doc.querySelector('head meta[name="robots"]')?.getAttribute('content')).toMatch(/noindex/)
      expect(page.html).toMatch(/^<!DOCTYPE html><html lang="en"/)
      expect(page.html).not.toContain('__next_error__')
      expect(text(page.doc.querySelector('header.site-header .site-name'))).not.toBe('')
      expect(page.doc.querySelector('footer.site-footer')).not.toBeNull()
      expect(text(page.doc.querySelector('main h1'))).toBe('Page not found')
      expect(page.doc.querySelector('main a[href="/blog"]')).not.toBeNull()
    },
  )

  // The one in-page 404 left to Next: the search page renders on every request, where the boundary
  // would answer 200 (components/NotFoundPage.tsx). Still Next's empty error document; once this
  // fails, Next draws not-found boundaries on the server: NotFoundPage can become a plain notFound().
  it('a search page past the last still gets Next\'s empty error document (vercel/next.js#62228)', async () => {
    const page = await get('/search?page=2')
    expect(page.status).toBe(404)
    expect(page.html).toContain('<html id="__next_error__">')
    expect(page.doc.querySelector('main')).toBeNull()
  })

  it('an address no route matches gets the site\'s own server-rendered not-found page', async () => {
    const page = await get('/no-such-page')
    expect(page.status).toBe(404)
    expect(text(page.doc.querySelector('main h1'))).toBe('Page not found')
    expect(page.doc.querySelector('main a[href="/blog"]')).not.toBeNull()
    expect(page.doc.querySelector('html')?.getAttribute('lang')).toBe('en')
  })

  it('/blog/page/1 redirects permanently to /blog, its one address', async () => {
    const page = await get('/blog/page/1')
    expect(page.status).toBe(308)
    expect(page.headers.get('location')).toMatch(/\/blog$/)
  })
})

describe('Payload', () => {
  it('serves the admin at /admin and the REST API at /api', async () => {
    expect((await get('/admin')).status).toBe(200)
    const api = await fetch(`${(await import('./server')).baseUrl()}/api/articles?limit=1&sort=createdAt`)
    expect(api.status).toBe(200)
    const body = (await api.json()) as { docs: { slug: string }[] }
    expect(body.docs[0].slug).toBe('massage-therapy-benefits-on-immune-function')
  })
})
