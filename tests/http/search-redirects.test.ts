import path from 'node:path'

import { createClient } from '@libsql/client'

import { adminSession, api, lexicalParagraph } from './auth'
import { get, head, text } from './html'
import { baseUrl, readServerState } from './server'

/**
 * Site search (server-rendered, no JavaScript) and addresses that never break: old slugs, hand-made
 * redirects and odd spellings each reach their page in one permanent redirect.
 */
const ARTICLE_SLUG = 'massage-therapy-benefits-on-immune-function'
const ARTICLE = `/blog/${ARTICLE_SLUG}`
const RUN = Date.now().toString(36)

let token: string
let janetId: string
let seededArticleId: string

/** Where a redirect points, as a path + query on this site (Location may be relative or absolute). */
const location = (page: { headers: Headers }) => {
  const value = page.headers.get('location')
  if (!value) return null
  const url = new URL(value, baseUrl())
  return `${url.pathname}${url.search}`
}

const createArticle = async (slug: string, words: string, status: 'draft' | 'published') => {
  const created = await api(`/articles${status === 'draft' ? '?draft=true' : ''}`, {
    method: 'POST',
    token,
    body: JSON.stringify({
      title: `Test article ${slug}`,
      slug,
      excerpt: 'An article the search and redirect tests write.',
      content: lexicalParagraph(words),
      author: janetId,
      _status: status,
    }),
  })
  expect(created.status).toBe(201)
  return created.body.doc.id as string
}

const renameArticle = async (id: string, slug: string) => {
  const updated = await api(`/articles/${id}`, { method: 'PATCH', token, body: JSON.stringify({ slug, _status: 'published' }) })
  expect(updated.status).toBe(200)
}

beforeAll(async () => {
  token = (await adminSession()).token
  janetId = (await api('/authors?where[slug][equals]=janet&depth=0')).body.docs[0].id
  seededArticleId = (await api(`/articles?where[slug][equals]=${ARTICLE_SLUG}&depth=0`)).body.docs[0].id
})

describe('/search', () => {
  it('finds the article by a word of its body, marked, with the title escaped around it', async () => {
    const page = await get('/search?q=microorganisms')
    expect(page.status).toBe(200)
    const results = page.doc.querySelectorAll('main .search-results > li')
    expect(results.length).toBeGreaterThanOrEqual(1)
    const first = results[0]
    expect(first.querySelector('a')?.getAttribute('href')).toBe(ARTICLE)
    expect(first.querySelectorAll('mark').map((mark) => mark.textContent.toLowerCase())).toContain('microorganisms')
  })

  it('ranks title matches first', async () => {
    const page = await get('/search?q=immune')
    const titles = page.doc.querySelectorAll('main .search-results > li h2').map((h2) => text(h2))
    expect(titles[0]).toBe('Massage Therapy Benefits on Immune Function')
    expect(titles.length).toBeGreaterThan(1)
    expect(page.doc.querySelector('main .search-results > li h2 mark')?.textContent).toBe('Immune')
  })

  it('is titled after the query and kept out of search indexes', async () => {
    const page = await get('/search?q=immune')
    expect(head(page).title).toMatch(/^Search results for "immune"/)
    expect(page.doc.querySelector('head meta[name="robots"]')?.getAttribute('content')).toMatch(/noindex/)
    expect(text(page.doc.querySelector('h1'))).toBe('Search results for "immune"')
  })

  it('shows just the form for an empty query', async () => {
    const page = await get('/search?q=%20%20')
    expect(page.status).toBe(200)
    expect(page.doc.querySelector('main form[role="search"] input[name="q"]')).not.toBeNull()
    expect(page.doc.querySelector('main .search-results')).toBeNull()
    expect(page.html).not.toContain('No results')
  })

  it('offers a labelled GET search form in every page header', async () => {
    const page = await get('/')
    const form = page.doc.querySelector('header form[role="search"]')
    expect(form?.getAttribute('action')).toBe('/search')
    expect(form?.getAttribute('method')).toBe('get')
    const input = form?.querySelector('input[name="q"]')
    expect(form?.querySelector(`label[for="${input?.getAttribute('id')}"]`)).not.toBeNull()
  })

  it.each([
    'q=.*(',
    'q=%25',
    'q=_',
    'q=%5C',
    'q=%7B%22%24gt%22%3A%22%22%7D',
    'q[]=a&q[]=b',
    'q[$gt]=',
    'q=immune&q=zzz',
    'q=%00%FF',
    'q=<script>alert(1)</script>',
  ])('answers the hostile query %s with 200', async (query) => {
    const page = await get(`/search?${query}`)
    expect(page.status).toBe(200)
    expect(page.html).not.toContain('<script>alert(1)')
  })

  it('searches the first 200 characters of a 10,000-character query, and says so', async () => {
    const page = await get(`/search?q=${'immune'.repeat(1700).slice(0, 10_000)}`)
    expect(page.status).toBe(200)
    expect(text(page.doc.querySelector('main'))).toContain('first 200 characters')
  })

  it.each(['page=0', 'page=abc', 'page=9999', 'page=-1', 'page=1.5'])('answers 404 for a page that does not exist (%s)', async (query) => {
    expect((await get(`/search?q=immune&${query}`)).status).toBe(404)
  })

  it('never finds a draft', async () => {
    const word = `zanzibarish${RUN}`
    await createArticle(`search-draft-${RUN}`, `A private ${word} draft.`, 'draft')
    const page = await get(`/search?q=${word}`)
    expect(page.status).toBe(200)
    expect(page.doc.querySelector('main .search-results')).toBeNull()
    expect(page.html).not.toContain(`search-draft-${RUN}`)
  })
})

describe('a changed slug', () => {
  // A separate article, so the other test files' seeded URL never moves while they run.
  const first = `rename-me-${RUN}`
  const second = `renamed-once-${RUN}`
  const third = `renamed-twice-${RUN}`
  let id: string

  beforeAll(async () => {
    id = await createArticle(first, 'Words about renaming.', 'published')
    expect((await get(`/blog/${first}`)).status).toBe(200)
  })

  it('leaves the old address as a permanent redirect to the new one', async () => {
    await renameArticle(id, second)
    const old = await get(`/blog/${first}`)
    expect([301, 308]).toContain(old.status)
    expect(location(old)).toBe(`/blog/${second}`)
    expect((await get(`/blog/${second}`)).status).toBe(200)
  })

  it('sends the first address straight to the newest after a second rename (one hop)', async () => {
    await renameArticle(id, third)
    for (const old of [first, second]) {
      const page = await get(`/blog/${old}`)
      expect([301, 308]).toContain(page.status)
      expect(location(page)).toBe(`/blog/${third}`)
    }
    expect((await get(`/blog/${third}`)).status).toBe(200)
  })

  it('serves the page again, without a loop, when the slug changes back', async () => {
    await renameArticle(id, first)
    expect((await get(`/blog/${first}`)).status).toBe(200)
    for (const old of [second, third]) expect(location(await get(`/blog/${old}`))).toBe(`/blog/${first}`)
  })
})

describe('a hand-made redirect', () => {
  const addRedirect = async (from: string, type: '301' | '308') => {
    const created = await api('/redirects', {
      method: 'POST',
      token,
      body: JSON.stringify({ from, to: { type: 'reference', reference: { relationTo: 'articles', value: seededArticleId } }, type }),
    })
    expect(created.status).toBe(201)
  }

  it('from an address no route serves answers with its own permanent status, never 307', async () => {
    await addRedirect(`/old-page-${RUN}`, '301')
    await addRedirect(`https://wellpress.test/Older-Page-${RUN}/`, '308')
    const old = await get(`/old-page-${RUN}`)
    expect(old.status).toBe(301)
    expect(location(old)).toBe(ARTICLE)
    const older = await get(`/older-page-${RUN}`)
    expect(older.status).toBe(308)
    expect(location(older)).toBe(ARTICLE)
  })

  it('is reached in one hop from an odd spelling of its address', async () => {
    const page = await get(`/Old-Page-${RUN}/`)
    expect(page.status).toBe(301)
    expect(location(page)).toBe(ARTICLE)
  })

  // Rows are stored canonical since the redirects collection normalises `from` on save; rows written
  // before that (or by an import) keep their spelling. The proxy, which alone answers addresses no
  // route serves, finds them by the same rule as the pages (lib/redirects/resolve.ts).
  it('is found by the proxy whichever spelling its row was stored in', async () => {
    const state = readServerState()
    if (!state) throw new Error('no test server state')
    const database = createClient({ url: `file:${path.join(state.dataDir, 'wellpress.db')}` })
    try {
      for (const [canonical, stored] of [
        [`/legacy-slash-${RUN}`, `/legacy-slash-${RUN}/`],
        [`/legacy-absolute-${RUN}`, `https://wellpress.test/legacy-absolute-${RUN}`],
      ]) {
        await addRedirect(canonical, '301')
        const written = await database.execute({ sql: 'UPDATE redirects SET "from" = ? WHERE "from" = ?', args: [stored, canonical] })
        expect(written.rowsAffected).toBe(1)
        const page = await get(canonical)
        expect([canonical, page.status, location(page)]).toEqual([canonical, 301, ARTICLE])
      }
    } finally {
      database.close()
    }
  })

  it('leaves unknown addresses a 404', async () => {
    expect((await get(`/no-such-page-${RUN}`)).status).toBe(404)
  })
})

describe('odd spellings of an address', () => {
  it.each([
    ['/Blog/', '/blog'],
    ['/blog/', '/blog'],
    [`/BLOG/Massage-Therapy-Benefits-On-Immune-Function/`, ARTICLE],
    ['/Search?q=Immune', '/search?q=Immune'],
  ])('%s → one 308 to %s', async (from, to) => {
    const page = await get(from)
    expect(page.status).toBe(308)
    expect(location(page)).toBe(to)
    expect((await get(to)).status).toBe(200)
  })

  it('keeps trailing-slash redirects for the API', async () => {
    const page = await get('/api/topics/')
    expect(page.status).toBe(308)
    expect(location(page)).toBe('/api/topics')
  })
})
