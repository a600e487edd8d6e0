import { adminSession, api, lexicalParagraph, ownAccount } from './auth'
import { get, text, type Page } from './html'
import { baseUrl } from './server'

/**
 * Draft preview through Next's draft mode, against the production server: only a logged-in user
 * turns it on, the page then shows the latest draft (noindex, with the exit bar), and nobody
 * without that login ever sees draft content. Uses its own articles; the seeded ones are untouched.
 */
const BYPASS = '__prerender_bypass'
const RUN = Date.now()
const NEVER_PUBLISHED = { title: `Preview only draft ${RUN}`, slug: `preview-only-draft-${RUN}` }
const PUBLISHED = { title: `Preview published ${RUN}`, slug: `preview-published-${RUN}` }
const NEWER_DRAFT_TITLE = `Preview newer draft title ${RUN}`

let token: string
/** `payload-token=…`, exactly as /api/users/login set it. */
let loginCookie: string
let draftId: string
let publishedId: string

/** `name=value` of a cookie a response set, or null. */
function setCookie(headers: Headers, name: string): string | null {
  const cookie = headers.getSetCookie().find((line) => line.startsWith(`${name}=`))
  return cookie ? cookie.split(';')[0] : null
}

const previewRoute = (id: string, collection = 'articles') => `/next/preview?collection=${collection}&id=${id}`
/**
 * Cookies as the admin's browser sends them on a same-site navigation: with `Sec-Fetch-Site`,
 * which Payload's CSRF check needs to accept a login cookie from a request without an Origin.
 */
const withCookies = (...cookies: (string | null)[]): RequestInit => ({
  headers: { cookie: cookies.filter(Boolean).join('; '), 'sec-fetch-site': 'same-origin' },
})

/** Opens the preview as the admin's browser would: returns the page path and draft-mode cookie. */
async function openPreview(id: string) {
  const response = await get(previewRoute(id), withCookies(loginCookie))
  expect(response.status).toBe(307)
  const bypass = setCookie(response.headers, BYPASS)
  expect(bypass).toMatch(new RegExp(`^${BYPASS}=.+`))
  return { location: response.headers.get('location') as string, bypass: bypass as string }
}

const robotsOf = (page: Page) => page.doc.querySelector('head meta[name="robots"]')?.getAttribute('content') ?? null
const previewBar = (page: Page) => page.doc.querySelector('.preview-bar')

beforeAll(async () => {
  token = (await adminSession()).token
  // A login of this file's own (a writer's browser after the admin's login form).
  const writer = await ownAccount()
  loginCookie = writer.cookie
  expect(loginCookie).toBe(`payload-token=${writer.token}`)

  const janet = (await api('/authors?where[slug][equals]=janet&depth=0')).body.docs[0].id
  const article = (title: string, body: string) => ({
    title,
    excerpt: 'An article written for the draft preview tests.',
    content: lexicalParagraph(body),
    author: janet,
  })
  const draft = await api('/articles?draft=true', {
    method: 'POST',
    token,
    body: JSON.stringify({ ...article(NEVER_PUBLISHED.title, 'Words nobody has published yet.'), _status: 'draft' }),
  })
  expect(draft.status).toBe(201)
  expect(draft.body.doc.slug).toBe(NEVER_PUBLISHED.slug)
  draftId = draft.body.doc.id

  const published = await api('/articles', {
    method: 'POST',
    token,
    body: JSON.stringify({ ...article(PUBLISHED.title, 'The published words.'), _status: 'published' }),
  })
  expect(published.status).toBe(201)
  publishedId = published.body.doc.id
  const newerDraft = await api(`/articles/${publishedId}?draft=true`, {
    method: 'PATCH',
    token,
    body: JSON.stringify({ title: NEWER_DRAFT_TITLE, _status: 'draft' }),
  })
  expect(newerDraft.status).toBe(200)
})

describe('the preview route', () => {
  it.each([
    ['a valid link', () => previewRoute(draftId)],
    ['a malformed link', () => '/next/preview?collection=users&id=x'],
  ])('refuses an anonymous visitor with %s (401) and leaves draft mode off', async (_label, path) => {
    const response = await get(path())
    expect(response.status).toBe(401)
    expect(response.html).toMatch(/only for logged-in editors/)
    expect(setCookie(response.headers, BYPASS)).toBeNull()
    expect(response.headers.get('cache-control')).toContain('no-store')
  })

  it('refuses a forged or expired login cookie', async () => {
    const response = await get(previewRoute(draftId), withCookies('payload-token=not-a-real-token'))
    expect(response.status).toBe(401)
    expect(setCookie(response.headers, BYPASS)).toBeNull()
  })

  it.each([
    ['an unknown collection', '/next/preview?collection=users&id=abc', 400],
    ['no id', '/next/preview?collection=articles', 400],
    ['an id that does not exist', '/next/preview?collection=articles&id=00000000-0000-4000-8000-000000000000', 404],
  ])('answers a logged-in user clearly for %s, without draft mode', async (_label, path, status) => {
    const response = await get(path, withCookies(loginCookie))
    expect(response.status).toBe(status)
    expect(response.html.trim().length).toBeGreaterThan(20)
    expect(setCookie(response.headers, BYPASS)).toBeNull()
  })

  it('turns draft mode on for a logged-in user and redirects (307) to the article page', async () => {
    const { location } = await openPreview(draftId)
    expect(location).toBe(`/blog/${NEVER_PUBLISHED.slug}`)
  })

  it('also accepts the JWT header an API client sends', async () => {
    const response = await get(previewRoute(publishedId), { headers: { authorization: `JWT ${token}` } })
    expect(response.status).toBe(307)
    expect(response.headers.get('location')).toBe(`/blog/${PUBLISHED.slug}`)
  })

  it('follows a slug edited in the draft, since it finds the document by id', async () => {
    const renamedSlug = `${NEVER_PUBLISHED.slug}-renamed`
    const renamed = await api(`/articles/${draftId}?draft=true`, {
      method: 'PATCH',
      token,
      body: JSON.stringify({ slug: renamedSlug, _status: 'draft' }),
    })
    expect(renamed.status).toBe(200)
    try {
      const { location, bypass } = await openPreview(draftId)
      expect(location).toBe(`/blog/${renamedSlug}`)
      const page = await get(location, withCookies(loginCookie, bypass))
      expect(text(page.doc.querySelector('h1'))).toBe(NEVER_PUBLISHED.title)
    } finally {
      await api(`/articles/${draftId}?draft=true`, {
        method: 'PATCH',
        token,
        body: JSON.stringify({ slug: NEVER_PUBLISHED.slug, _status: 'draft' }),
      })
    }
  })
})

describe('an article page in draft mode', () => {
  it('shows a never-published draft on the real layout, with the preview bar, noindex and no caching', async () => {
    const { location, bypass } = await openPreview(draftId)
    const page = await get(location, withCookies(loginCookie, bypass))
    expect(page.status).toBe(200)
    expect(text(page.doc.querySelector('h1'))).toBe(NEVER_PUBLISHED.title)
    expect(page.html).toContain('Words nobody has published yet.')
    expect(page.doc.querySelector('header.site-header')).not.toBeNull()
    expect(text(previewBar(page))).toMatch(/^Draft preview/)
    expect(previewBar(page)?.querySelector('a')?.getAttribute('href')).toBe('/next/exit-preview')
    expect(robotsOf(page)).toMatch(/noindex/)
    // One robots tag as served (the browser test allows for a moment with two during a refresh).
    expect(page.doc.querySelectorAll('meta[name="robots"]')).toHaveLength(1)
    expect(page.headers.get('cache-control')).toMatch(/no-store/)
  })

  it('shows the newer draft of a published article, while the public still gets the published one', async () => {
    const { location, bypass } = await openPreview(publishedId)
    const preview = await get(location, withCookies(loginCookie, bypass))
    expect(text(preview.doc.querySelector('h1'))).toBe(NEWER_DRAFT_TITLE)

    const publicPage = await get(location)
    expect(publicPage.status).toBe(200)
    expect(text(publicPage.doc.querySelector('h1'))).toBe(PUBLISHED.title)
    expect(publicPage.html).not.toContain(NEWER_DRAFT_TITLE)
    expect(previewBar(publicPage)).toBeNull()
    expect(robotsOf(publicPage)).toBeNull()
  })

  it('shows nothing of the draft to a visitor without the draft-mode cookie', async () => {
    const page = await get(`/blog/${NEVER_PUBLISHED.slug}`)
    expect(page.status).toBe(404)
    expect(page.html).not.toContain(NEVER_PUBLISHED.title)
  })

  it('shows nothing of the draft to a draft-mode cookie without a login (logged out since)', async () => {
    const { location, bypass } = await openPreview(draftId)
    const page = await get(location, withCookies(bypass))
    expect(page.status).toBe(404)
    expect(page.html).not.toContain(NEVER_PUBLISHED.title)
    const published = await get(`/blog/${PUBLISHED.slug}`, withCookies(bypass))
    expect(text(published.doc.querySelector('h1'))).toBe(PUBLISHED.title)
    expect(published.html).not.toContain(NEWER_DRAFT_TITLE)
  })

  it('ships no live-preview code to the public (it loads lazily, in draft mode only)', async () => {
    const publicPage = await get(`/blog/${PUBLISHED.slug}`)
    const sources = publicPage.doc.querySelectorAll('script[src]').map((script) => script.getAttribute('src') as string)
    expect(sources.length).toBeGreaterThan(0)
    const code = await Promise.all(sources.map(async (src) => (await fetch(`${baseUrl()}${src}`)).text()))
    // The message type RefreshRouteOnSave listens for: present only in the lazily loaded chunk.
    expect(code.filter((chunk) => chunk.includes('payload-document-event'))).toEqual([])
  })
})

describe('leaving draft mode', () => {
  it('clears the draft-mode cookie and returns to the page, now public', async () => {
    const { location, bypass } = await openPreview(publishedId)
    const exit = await get(`/next/exit-preview?path=${encodeURIComponent(location)}`, withCookies(loginCookie, bypass))
    expect(exit.status).toBe(307)
    expect(exit.headers.get('location')).toBe(location)
    const cleared = exit.headers.getSetCookie().find((line) => line.startsWith(`${BYPASS}=`))
    expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970|Max-Age=0/i)
  })

  it('returns to the page named by the Referer, and never to another site', async () => {
    const back = await get('/next/exit-preview', { headers: { referer: `${baseUrl()}/benefits` } })
    expect(back.headers.get('location')).toBe('/benefits')
    const away = await get('/next/exit-preview?path=https://evil.example/')
    expect(away.headers.get('location')).toBe('/')
  })
})

describe('the admin', () => {
  it('links the article editor to the preview route (Preview button and Live Preview)', async () => {
    const page = await get(`/admin/collections/articles/${draftId}`, withCookies(loginCookie))
    expect(page.status).toBe(200)
    // The preview URL travels in the server-rendered document view (escaped inside the RSC payload).
    expect(page.html.replace(/\\u0026|&amp;/g, '&')).toContain(`/next/preview?collection=articles&id=${draftId}&slug=${NEVER_PUBLISHED.slug}`)
  })
})
