import { ADMIN, adminSession, api, lexicalParagraph } from './auth'
import { get, text } from './html'

/**
 * The branded admin as the server renders it: the dashboard's "Write a new article" and the
 * writer's drafts for a logged-in user, the site's name, mark and favicon, and nothing private
 * for a visitor who is not logged in.
 */
const DRAFT_TITLE = `Dashboard draft ${Date.now().toString(36)}`
// Published here rather than relying on the seeded article: other files publish on the shared
// server too, and the panel lists only the latest few.
const PUBLISHED_TITLE = `Dashboard published ${Date.now().toString(36)}`
let cookie: string
let draftId: string
let publishedId: string

beforeAll(async () => {
  const { token } = await adminSession()
  const janetId = (await api('/authors?where[slug][equals]=janet&depth=0')).body.docs[0].id
  const draft = await api('/articles?draft=true', {
    method: 'POST',
    token,
    body: JSON.stringify({ title: DRAFT_TITLE, excerpt: 'Still writing.', content: lexicalParagraph('Half a thought.'), author: janetId, _status: 'draft' }),
  })
  expect(draft.status).toBe(201)
  draftId = draft.body.doc.id
  const published = await api('/articles', {
    method: 'POST',
    token,
    body: JSON.stringify({ title: PUBLISHED_TITLE, content: lexicalParagraph('A finished thought.'), author: janetId, _status: 'published' }),
  })
  expect(published.status).toBe(201)
  publishedId = published.body.doc.id

  // Log in as a browser does: the session travels in the payload-token cookie (and, as a browser's
  // navigation does, the request says it is same-origin: Payload's CSRF check needs that).
  const login = await api('/users/login', { method: 'POST', body: JSON.stringify({ email: ADMIN.email, password: ADMIN.password }) })
  expect(login.status).toBe(200)
  const setCookie = login.headers.get('set-cookie') ?? ''
  const sessionToken = /payload-token=([^;]+)/.exec(setCookie)?.[1]
  expect(sessionToken).toBeTruthy()
  cookie = `payload-token=${sessionToken}`
})

afterAll(async () => {
  const { token } = await adminSession()
  if (draftId) await api(`/articles/${draftId}`, { method: 'DELETE', token })
  if (publishedId) await api(`/articles/${publishedId}`, { method: 'DELETE', token })
})

describe('admin dashboard', () => {
  it('starts with "Write a new article" and lists the draft just written, linking to its editor', async () => {
    const page = await get('/admin', { headers: { cookie, 'sec-fetch-site': 'same-origin' } })
    expect(page.status).toBe(200)
    const write = page.doc.querySelectorAll('a').find((link) => text(link) === 'Write a new article')
    expect(write?.getAttribute('href')).toBe('/admin/collections/articles/create')

    const draftLink = page.doc.querySelectorAll('a').find((link) => text(link) === DRAFT_TITLE)
    expect(draftLink?.getAttribute('href')).toBe(`/admin/collections/articles/${draftId}`)
    // A published article is under "Recently published", not among the drafts.
    expect(text(page.doc)).toContain('Recently published')
    const publishedLinks = page.doc.querySelectorAll('a').filter((link) => text(link) === PUBLISHED_TITLE)
    expect(publishedLinks.map((link) => link.getAttribute('href'))).toEqual([`/admin/collections/articles/${publishedId}`])
  })

  it('carries the site’s name, mark and favicon', async () => {
    const page = await get('/admin', { headers: { cookie, 'sec-fetch-site': 'same-origin' } })
    expect(page.doc.querySelector('head title')?.textContent).toContain('Wellpress admin')
    expect(page.doc.querySelector('head link[rel="icon"][href="/favicon.svg"]')).not.toBeNull()
    expect(page.doc.querySelector('[role="img"][aria-label="Wellpress"] svg circle')?.getAttribute('fill')).toBe('#2f5d50')

    const login = await get('/admin/login')
    expect(login.status).toBe(200)
    expect(text(login.doc)).toContain('Wellpress')
    expect(login.html).toContain('#2f5d50')
  })

  it('shows a visitor who is not logged in no drafts', async () => {
    const page = await get('/admin')
    expect(page.html).not.toContain(DRAFT_TITLE)
    expect(page.html).not.toContain('Write a new article')
  })
})
