import { adminSession, api, lexicalParagraph } from './auth'
import { get } from './html'
import { TEST_SITE_URL } from './server'

/**
 * Publish → live on the very next request, on every page that shows the article, while pages are
 * still served from Next's data cache between changes. Each page is requested once before every
 * change, so the old version is cached: only the purge can make the next request show the change.
 * Other test files publish their own articles at the same time; nothing here depends on theirs.
 */
const stamp = Date.now().toString(36)
const TITLE = `Warm hands, calm mind ${stamp}`
const NEW_TITLE = `Warm hands, calmer mind ${stamp}`
const SLUG = `warm-hands-${stamp}`
const NEW_SLUG = `warm-hands-renamed-${stamp}`

let token: string
let articleId: string
let benefitSlug: string

type Stats = { purges: number; recentPurges: { via: string; tags: string[] }[]; misses: Record<string, number> }
const stats = async (): Promise<Stats> => (await api('/cache/stats', { token })).body

const article = (slug: string) => `/blog/${slug}`
/** Every list, feed and index that shows a published article of Janet's on immune health. */
const listings = () => ['/blog', '/', '/authors/janet', '/topics/immune-health', `/benefits/${benefitSlug}`, '/feed.xml', '/sitemap.xml']

/**
 * The listings that show the article right now. Home (the six newest), /blog (ten a page) and the
 * feed (the twenty newest) show only the newest articles, and other files publish while this one
 * runs: the article's place among the published ones, read from the REST API, says which of home
 * and the feed must show it and which page of /blog.
 */
async function listingsShowing(slug: string): Promise<string[]> {
  const published = await api('/articles?sort=-publishedAt&limit=100&depth=0&select[slug]=true')
  const position = (published.body.docs as { slug: string }[]).findIndex((doc) => doc.slug === slug)
  expect(position).toBeGreaterThanOrEqual(0)
  const blogPage = Math.floor(position / 10) + 1
  return listings()
    .map((pathname) => (pathname === '/blog' && blogPage > 1 ? `/blog/page/${blogPage}` : pathname))
    .filter((pathname) => (pathname === '/' ? position < 6 : pathname === '/feed.xml' ? position < 20 : true))
}

async function bodyOf(pathname: string): Promise<string> {
  const page = await get(pathname)
  expect({ pathname, status: page.status }).toEqual({ pathname, status: 200 })
  return page.html
}

/** Requests every page once, so what they show now is what the cache holds. */
async function warm(paths: string[]) {
  for (const pathname of paths) await get(pathname)
}

async function patchArticle(data: Record<string, unknown>) {
  const updated = await api(`/articles/${articleId}`, { method: 'PATCH', token, body: JSON.stringify(data) })
  expect(updated.status).toBe(200)
}

beforeAll(async () => {
  token = (await adminSession()).token
  const [janet, topic, benefits] = await Promise.all([
    api('/authors?where[slug][equals]=janet&depth=0'),
    api('/topics?where[slug][equals]=immune-health&depth=0'),
    api('/benefits?sort=order&limit=1&depth=0'),
  ])
  benefitSlug = benefits.body.docs[0].slug
  await warm([article(SLUG), ...listings()])

  const created = await api('/articles', {
    method: 'POST',
    token,
    body: JSON.stringify({
      title: TITLE,
      slug: SLUG,
      excerpt: 'How a few minutes of warmth settle the nervous system.',
      content: lexicalParagraph('Warmth tells the body it is safe to rest.'),
      author: janet.body.docs[0].id,
      topics: [topic.body.docs[0].id],
      benefits: [benefits.body.docs[0].id],
      _status: 'published',
    }),
  })
  expect(created.status).toBe(201)
  articleId = created.body.doc.id
})

describe('publishing an article', () => {
  it('shows it on the first request to its page, every list, the feed and the sitemap', async () => {
    expect(await bodyOf(article(SLUG))).toContain(TITLE)
    for (const pathname of await listingsShowing(SLUG)) {
      const body = await bodyOf(pathname)
      expect({ pathname, shows: body.includes(TITLE) || body.includes(`${TEST_SITE_URL}/blog/${SLUG}<`) }).toEqual({ pathname, shows: true })
    }
  })

  it('keeps serving an unchanged page from the cache, without a database query', async () => {
    const missesOfArticle = (current: Stats) => current.misses[`getArticleBySlug(${JSON.stringify(SLUG)})`] ?? 0
    // Other files' writes purge the article lists too; a round with a purge in it proves nothing
    // either way and is tried again (for up to half a minute: files publish in bursts).
    const deadline = Date.now() + 30_000
    while (Date.now() < deadline) {
      await get(article(SLUG))
      const before = await stats()
      await get(article(SLUG))
      const after = await stats()
      if (after.purges !== before.purges) {
        await new Promise((resolve) => setTimeout(resolve, 200))
        continue
      }
      expect(missesOfArticle(before)).toBeGreaterThan(0)
      expect(missesOfArticle(after)).toBe(missesOfArticle(before))
      return
    }
    throw new Error('Every round for 30 s saw a purge from another test file; could not observe a quiet cache')
  })
})

describe('editing the published article', () => {
  it('shows the new title everywhere on the next request', async () => {
    await warm([article(SLUG), ...(await listingsShowing(SLUG))])
    await patchArticle({ title: NEW_TITLE, _status: 'published' })
    const page = await bodyOf(article(SLUG))
    expect(page).toContain(NEW_TITLE)
    expect(page).not.toContain(TITLE)
    for (const pathname of (await listingsShowing(SLUG)).filter((path) => path !== '/sitemap.xml')) {
      const body = await bodyOf(pathname)
      expect({ pathname, old: body.includes(TITLE), updated: body.includes(NEW_TITLE) }).toEqual({ pathname, old: false, updated: true })
    }
  })

  it('moves it to its new address, the old one redirecting there', async () => {
    await warm([article(SLUG), article(NEW_SLUG), '/sitemap.xml'])
    await patchArticle({ slug: NEW_SLUG, _status: 'published' })
    expect(await bodyOf(article(NEW_SLUG))).toContain(NEW_TITLE)
    const old = await get(article(SLUG))
    expect(old.status).toBe(308)
    expect(old.headers.get('location')).toMatch(new RegExp(`/blog/${NEW_SLUG}$`))
    const sitemap = await bodyOf('/sitemap.xml')
    expect(sitemap).toContain(`${TEST_SITE_URL}/blog/${NEW_SLUG}<`)
    expect(sitemap).not.toContain(`${TEST_SITE_URL}/blog/${SLUG}<`)
  })

  it('purged those changes from the request that made them', async () => {
    const purges = (await stats()).recentPurges.filter((purge) => purge.tags.includes(`articles:${NEW_SLUG}`))
    expect(purges.length).toBeGreaterThan(0)
    expect(purges.every((purge) => purge.via === 'request')).toBe(true)
  })
})

describe('unpublishing and deleting', () => {
  it('answers 404 and drops it from every list, feed and the sitemap on unpublish', async () => {
    await warm([article(NEW_SLUG), ...listings()])
    await patchArticle({ _status: 'draft' })
    expect((await get(article(NEW_SLUG))).status).toBe(404)
    for (const pathname of listings()) {
      const body = await bodyOf(pathname)
      expect({ pathname, shows: body.includes(NEW_TITLE) || body.includes(`/blog/${NEW_SLUG}`) }).toEqual({ pathname, shows: false })
    }
  })

  it('answers 404 once a published article is deleted', async () => {
    await patchArticle({ _status: 'published' })
    expect(await bodyOf(article(NEW_SLUG))).toContain(NEW_TITLE)
    await warm(listings())
    const deleted = await api(`/articles/${articleId}`, { method: 'DELETE', token })
    expect(deleted.status).toBe(200)
    expect((await get(article(NEW_SLUG))).status).toBe(404)
    for (const pathname of ['/blog', '/', '/feed.xml', '/sitemap.xml']) {
      expect({ pathname, shows: (await bodyOf(pathname)).includes(`/blog/${NEW_SLUG}`) }).toEqual({ pathname, shows: false })
    }
  })
})

describe('the cache endpoints', () => {
  it('refuse a purge without the server’s own token', async () => {
    const refused = await api('/cache/purge', { method: 'POST', body: JSON.stringify({ tags: ['articles'] }) })
    expect(refused.status).toBe(403)
    const forged = await api('/cache/purge', {
      method: 'POST',
      headers: { 'x-purge-token': 'a'.repeat(64) },
      body: JSON.stringify({ tags: ['articles'] }),
    })
    expect(forged.status).toBe(403)
  })

  it('show statistics to logged-in users only', async () => {
    expect((await api('/cache/stats')).status).toBe(401)
    expect((await api('/cache/stats', { token })).status).toBe(200)
  })
})
