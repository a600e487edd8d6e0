import { PLACEHOLDER_PRACTICE_NAME } from '../../lib/practice/placeholder'
import { graphProblems, nodeOfType, type JsonLdNode } from '../seo-shapes'
import { postJson } from './client'
import { get, getAt, head, text, type Page } from './html'
import { startOwnServer, stopOwnServer, temporarySqliteUri, type OwnServer } from './ownServer'
import { baseUrl, TEST_SITE_URL } from './server'

/**
 * Her practice, not the product: every page, feed, share image and admin screen a visitor (or she)
 * sees names the practice from its settings, never "Wellpress". The shared server keeps the seeded
 * placeholder name; changing the settings happens on a server of this file's own, so no other
 * file ever sees its practice renamed underneath it.
 */
const ARTICLE = '/blog/massage-therapy-benefits-on-immune-function'
const SERVICE = '/services/relaxation-massage'

/** Every kind of page, feed, document and image a visitor can reach on the seeded site. */
const HTML_PAGES = [
  '/',
  '/blog',
  ARTICLE,
  '/benefits',
  '/benefits/reduces-stress',
  '/authors/janet',
  '/topics/immune-health',
  '/services',
  SERVICE,
  '/contact',
  '/contact/thanks',
  '/search',
  '/search?q=massage',
  '/blog/no-such-article',
  '/no-such-page',
]
const DOCUMENTS = ['/feed.xml', '/atom.xml', '/feed.json', '/sitemap.xml', '/robots.txt', '/manifest.webmanifest', '/favicon.svg']
const IMAGES = ['/og/site/default', `/og/articles/massage-therapy-benefits-on-immune-function`, '/og/benefits/reduces-stress', '/og/authors/janet', '/og/topics/immune-health']

/** The test site's own address (https://wellpress.test) is where it is hosted, not a name it shows. */
const withoutSiteAddress = (body: string) => body.split(new URL(TEST_SITE_URL).host).join('')
const PRODUCT_NAME = /wellpress/i

async function fetchBody(origin: string, pathname: string): Promise<{ status: number; type: string; body: string }> {
  const response = await fetch(`${origin}${pathname}`, { redirect: 'manual' })
  const bytes = Buffer.from(await response.arrayBuffer())
  return { status: response.status, type: response.headers.get('content-type') ?? '', body: bytes.toString('latin1') }
}

describe('the seeded site names her practice, never the product', () => {
  it.each(HTML_PAGES)('%s shows the practice name and nowhere "Wellpress"', async (pathname) => {
    const page = await get(pathname)
    expect([200, 404]).toContain(page.status)
    expect(withoutSiteAddress(page.html)).not.toMatch(PRODUCT_NAME)
    expect(text(page.doc.querySelector('header .site-name'))).toBe(PLACEHOLDER_PRACTICE_NAME)
    expect(text(page.doc.querySelector('footer.site-footer'))).toContain(PLACEHOLDER_PRACTICE_NAME)
  })

  it.each([...DOCUMENTS, ...IMAGES])('%s never names the product', async (pathname) => {
    const answer = await fetchBody(baseUrl(), pathname)
    expect({ pathname, status: answer.status }).toEqual({ pathname, status: 200 })
    expect(withoutSiteAddress(answer.body)).not.toMatch(PRODUCT_NAME)
  })

  it('feeds and the manifest are titled with the practice name', async () => {
    expect((await fetchBody(baseUrl(), '/feed.xml')).body).toContain(`<title>${PLACEHOLDER_PRACTICE_NAME}</title>`)
    expect(JSON.parse((await fetchBody(baseUrl(), '/feed.json')).body).title).toBe(PLACEHOLDER_PRACTICE_NAME)
    expect(JSON.parse((await fetchBody(baseUrl(), '/manifest.webmanifest')).body).name).toBe(PLACEHOLDER_PRACTICE_NAME)
  })

  it('the admin login names the practice, not the product', async () => {
    const login = await get('/admin/login')
    expect(login.status).toBe(200)
    expect(head(login).title).not.toMatch(PRODUCT_NAME)
    expect(text(login.doc)).not.toMatch(PRODUCT_NAME)
    expect(text(login.doc)).toContain(PLACEHOLDER_PRACTICE_NAME)
  })

  it('the phone header is one compact row: menu and search fold into a <details> that opens without script', async () => {
    const page = await get('/')
    const header = page.doc.querySelector('header.site-header')
    const disclosure = header?.querySelector('details.site-menu')
    expect(disclosure?.querySelector('summary')?.textContent).toBe('Menu')
    expect(disclosure?.querySelectorAll('nav[aria-label="Main"] a').map((link) => link.textContent)).toEqual([
      'Articles',
      'Services',
      'Benefits of massage',
      'Contact',
    ])
    expect(disclosure?.querySelector('form[role="search"] input[name="q"]')).not.toBeNull()
    expect(header?.querySelector('a.button')?.textContent).toBe('Book a session')
  })
})

/** JSON-LD graphs of a page. */
const graphs = (page: Page) => page.doc.querySelectorAll('script[type="application/ld+json"]').map((script) => JSON.parse(script.rawText))
const business = (page: Page) => nodeOfType<JsonLdNode>(graphs(page)[0], 'DaySpa')[0] ?? nodeOfType<JsonLdNode>(graphs(page)[0], 'HealthAndBeautyBusiness')[0]

describe('changing the practice settings (a server of its own)', () => {
  const ADMIN = { email: 'practice-owner@example.com', password: 'a-long-password-for-the-practice' }
  const NAME = `Quiet Hands Studio ${Date.now().toString(36)}`
  let server: OwnServer
  let database: ReturnType<typeof temporarySqliteUri>
  let token: string

  const page = (pathname: string) => getAt(server.baseUrl, pathname)
  const body = async (pathname: string) => (await fetchBody(server.baseUrl, pathname)).body
  const api = async (pathname: string, method = 'GET', data?: unknown) => {
    const response = await fetch(`${server.baseUrl}/api${pathname}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
      ...(data === undefined ? {} : { body: JSON.stringify(data) }),
    })
    return { status: response.status, json: await response.json() }
  }

  beforeAll(async () => {
    database = temporarySqliteUri()
    server = await startOwnServer(database.uri, { env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password } })
    const login = await postJson(server.baseUrl, '/api/users/login', ADMIN)
    expect(login.status).toBe(200)
    token = login.json().token
  }, 180_000)

  afterAll(() => {
    stopOwnServer(server)
    database?.cleanup()
  })

  it('shows a new name, hours and booking address on the very next request of every page, feed and sitemap', async () => {
    const paths = ['/', ARTICLE, '/contact', '/feed.xml', '/sitemap.xml', SERVICE, '/og/site/default']
    // Cached first: only the purge can make the next requests show the change.
    for (const pathname of paths) expect((await fetchBody(server.baseUrl, pathname)).status).toBe(200)
    const cardBefore = await body('/og/site/default')

    const saved = await api('/globals/practice', 'POST', {
      name: NAME,
      businessType: 'DaySpa',
      bookingUrl: 'https://book.quiet-hands.example/janet',
      openingHours: [
        { days: ['tuesday', 'thursday'], opens: '08:30', closes: '18:00' },
        { days: ['saturday'], opens: '09:00', closes: '13:00' },
      ],
    })
    expect(saved.status).toBe(200)

    const home = await page('/')
    expect(text(home.doc.querySelector('h1'))).toBe(NAME)
    expect(head(home).title?.startsWith(NAME)).toBe(true)
    expect(home.doc.querySelector('head meta[property="og:site_name"]')?.getAttribute('content')).toBe(NAME)
    expect(home.doc.querySelector('header a.button')?.getAttribute('href')).toBe('https://book.quiet-hands.example/janet')
    expect(business(home)).toMatchObject({ '@type': 'DaySpa', name: NAME })
    expect(graphProblems(graphs(home)[0])).toEqual([])

    const article = await page(ARTICLE)
    expect(head(article).title).toMatch(new RegExp(`^Massage Therapy Benefits on .* · ${NAME}$`))
    expect(article.doc.querySelector('main .article__book a.button')?.getAttribute('href')).toBe('https://book.quiet-hands.example/janet')
    expect(text(article.doc.querySelector('header .site-name'))).toBe(NAME)

    const contact = await page('/contact')
    const hours = contact.doc.querySelectorAll('.hours-table tr').map((row) => row.querySelectorAll('th, td').map(text).join(' '))
    expect(hours).toEqual([
      'Monday Closed',
      'Tuesday 08:30–18:00',
      'Wednesday Closed',
      'Thursday 08:30–18:00',
      'Friday Closed',
      'Saturday 09:00–13:00',
      'Sunday Closed',
    ])
    expect(business(contact)).toMatchObject({
      openingHoursSpecification: [
        { '@type': 'OpeningHoursSpecification', dayOfWeek: ['https://schema.org/Tuesday', 'https://schema.org/Thursday'], opens: '08:30', closes: '18:00' },
        { '@type': 'OpeningHoursSpecification', dayOfWeek: ['https://schema.org/Saturday'], opens: '09:00', closes: '13:00' },
      ],
    })

    expect(await body('/feed.xml')).toContain(`<title>${NAME}</title>`)
    expect(await body('/sitemap.xml')).toContain(`${TEST_SITE_URL}${SERVICE}`)
    expect(text((await page(SERVICE)).doc.querySelector('footer.site-footer'))).toContain(NAME)
    // The share card draws the name in its footer: a new drawing, not the cached one.
    expect(await body('/og/site/default')).not.toBe(cardBefore)
  })

  it('refuses an accent colour too light to read, saying why, and keeps what was saved', async () => {
    const refused = await api('/globals/practice', 'POST', { accentColor: '#ffd700' })
    expect(refused.status).toBe(400)
    expect(JSON.stringify(refused.json)).toMatch(/too light to read .* at least 4\.5:1/)
    expect((await api('/globals/practice?depth=0')).json.accentColor).toBe('#2f6b5b')
    const darker = await api('/globals/practice', 'POST', { accentColor: '#7a2e5c' })
    expect(darker.status).toBe(200)
    expect((await page('/')).doc.querySelector('html')?.getAttribute('style')).toContain('--color-accent:#7a2e5c')
  })

  it('a service added is on /services with its price on the next request, in the sitemap and in search', async () => {
    await page('/services')
    const created = await api('/services', 'POST', {
      title: 'Hot stone massage',
      summary: 'Warm basalt stones melt deep tension while the therapist works the muscles beneath.',
      durationMinutes: 90,
      price: 120.5,
      currency: 'USD',
      order: 4,
      _status: 'published',
    })
    expect(created.status).toBe(201)
    const services = await page('/services')
    const card = services.doc.querySelectorAll('.service-card').find((item) => text(item).includes('Hot stone massage'))
    expect(text(card)).toContain('1 h 30 min · $120.50')
    const graph = graphs(services)[0]
    expect(graphProblems(graph)).toEqual([])
    const offers = (business(services).hasOfferCatalog as { itemListElement: { price: string; itemOffered: { name: string } }[] }).itemListElement
    expect(offers.find((offer) => offer.itemOffered.name === 'Hot stone massage')).toMatchObject({ price: '120.50', priceCurrency: 'USD' })
    expect(await body('/sitemap.xml')).toContain(`${TEST_SITE_URL}/services/hot-stone-massage`)
    expect(text((await page('/search?q=basalt')).doc.querySelector('main'))).toContain('Hot stone massage')
    const own = await page('/services/hot-stone-massage')
    expect(nodeOfType<JsonLdNode>(graphs(own)[0], 'Service')[0]).toMatchObject({
      name: 'Hot stone massage',
      offers: { '@type': 'Offer', price: '120.50', priceCurrency: 'USD' },
      provider: { '@id': `${TEST_SITE_URL}/#organization` },
    })
  })

  it('the admin is titled with her practice', async () => {
    const login = await page('/admin/login')
    expect(text(login.doc)).toContain(NAME)
    expect(withoutSiteAddress(login.html)).not.toMatch(PRODUCT_NAME)
  })

  it('the menu follows a page it links to (renamed, unpublished), while saving an unrelated article leaves the practice cached', async () => {
    type Stats = { purges: number; recentPurges: { tags: string[] }[]; misses: Record<string, number> }
    const stats = async (): Promise<Stats> => (await api('/cache/stats')).json
    const LABEL = 'Our signature treatment'
    const menuHref = async (pathname: string) => {
      const entries = (await page(pathname)).doc.querySelectorAll('header nav.site-nav--wide a')
      return entries.find((entry) => text(entry) === LABEL)?.getAttribute('href') ?? null
    }
    const stamp = Date.now().toString(36)
    const created = await api('/services', 'POST', {
      title: 'Signature massage',
      slug: `signature-${stamp}`,
      summary: 'Her own blend of long strokes and stretches.',
      durationMinutes: 75,
      price: 110,
      currency: 'USD',
      _status: 'published',
    })
    expect(created.status).toBe(201)
    const serviceId = created.json.doc.id
    const saved = await api('/globals/practice', 'POST', {
      navigation: [
        { label: LABEL, link: { type: 'document', document: { relationTo: 'services', value: serviceId } } },
        { label: 'Articles', link: { type: 'url', url: '/blog' } },
      ],
    })
    expect(saved.status).toBe(200)
    expect(await menuHref('/contact')).toBe(`/services/signature-${stamp}`)
    await page('/blog')

    // An article the menu does not open: /blog renders again (it lists articles), the practice is read from the cache.
    const article = (await api(`/articles?where[slug][equals]=${ARTICLE.split('/').at(-1)}&depth=0`)).json.docs[0]
    const before = await stats()
    expect(before.misses['getPractice()']).toBeGreaterThan(0)
    expect((await api(`/articles/${article.id}`, 'PATCH', { excerpt: `Edited ${stamp}.`, _status: 'published' })).status).toBe(200)
    expect(text((await page('/blog')).doc.querySelector('main'))).toContain(`Edited ${stamp}.`)
    const after = await stats()
    expect(after.purges).toBeGreaterThan(before.purges)
    const purged = after.recentPurges.slice(before.purges - after.purges).flatMap((purge) => purge.tags)
    expect(purged).toContain('articles')
    expect(purged).not.toContain('practice')
    expect(after.misses['getArticlesPage(1)']).toBeGreaterThan(before.misses['getArticlesPage(1)'] ?? 0)
    expect(after.misses['getPractice()']).toBe(before.misses['getPractice()'])

    // The page the menu opens gets a new address: the next request of any page shows it.
    expect((await api(`/services/${serviceId}`, 'PATCH', { slug: `signature-renamed-${stamp}`, _status: 'published' })).status).toBe(200)
    expect(await menuHref('/contact')).toBe(`/services/signature-renamed-${stamp}`)
    expect(await menuHref('/blog')).toBe(`/services/signature-renamed-${stamp}`)

    // Unpublished, it leaves the menu (visitors could not open it).
    expect((await api(`/services/${serviceId}`, 'PATCH', { _status: 'draft' })).status).toBe(200)
    expect(await menuHref('/contact')).toBeNull()
  })
})
