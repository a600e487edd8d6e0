import { adminSession, api, lexicalParagraph } from './auth'
import { get, text } from './html'

/**
 * Drafts written through the REST API (as the admin does) never reach any public page or API.
 * Runs against the production server, through the first-register flow a new site owner uses.
 */
let token: string
let janetId: string
const DRAFT_TITLE = `Unpublished thoughts ${Date.now()}`
const DRAFT_SLUG = DRAFT_TITLE.toLowerCase().replace(/\s+/g, '-')
let draftId: string

const content = lexicalParagraph

beforeAll(async () => {
  // Payload's first-register flow (shared by the HTTP files): the first account is an admin.
  const session = await adminSession()
  expect(session.role).toBe('admin')
  token = session.token

  const authors = await api('/authors?where[slug][equals]=janet&depth=0')
  janetId = authors.body.docs[0].id

  const created = await api('/articles?draft=true', {
    method: 'POST',
    token,
    body: JSON.stringify({
      title: DRAFT_TITLE,
      excerpt: 'A draft that must stay private until it is published.',
      content: content('Draft body text that nobody outside should read.'),
      author: janetId,
      topics: [],
      _status: 'draft',
    }),
  })
  expect(created.status).toBe(201)
  draftId = created.body.doc.id
  expect(created.body.doc.slug).toBe(DRAFT_SLUG)
})

describe('a draft', () => {
  it('is readable by its logged-in writer', async () => {
    const read = await api(`/articles/${draftId}?draft=true`, { token })
    expect(read.status).toBe(200)
    expect(read.body.title).toBe(DRAFT_TITLE)
  })

  it('answers 404 at its would-be address', async () => {
    expect((await get(`/blog/${DRAFT_SLUG}`)).status).toBe(404)
  })

  it.each(['/', '/blog', '/authors/janet', '/topics/immune-health', '/benefits'])('does not appear on %s', async (pathname) => {
    const page = await get(pathname)
    expect(page.status).toBe(200)
    expect(page.html).not.toContain(DRAFT_TITLE)
    expect(page.html).not.toContain('Draft body text')
  })

  it.each([
    '/articles',
    '/articles?draft=true',
    `/articles?where[slug][equals]=${DRAFT_SLUG}`,
    `/articles?where[_status][equals]=draft`,
    '/articles/:id',
    '/articles/:id?draft=true',
    '/articles/versions',
    '/articles/versions?where[parent][equals]=:id',
  ])('is absent from the anonymous REST read %s', async (pathname) => {
    const read = await api(pathname.replace(':id', draftId))
    expect(read.raw).not.toContain(DRAFT_TITLE)
    expect(read.status).not.toBeGreaterThanOrEqual(500)
  })

  it('is absent from anonymous GraphQL reads', async () => {
    const query = async (q: string) =>
      api('/graphql', { method: 'POST', body: JSON.stringify({ query: q }) })
    const list = await query('{ Articles(limit: 100) { docs { title slug } } }')
    expect(list.status).toBe(200)
    expect(list.body.data.Articles.docs.map((d: { slug: string }) => d.slug)).toContain(
      'massage-therapy-benefits-on-immune-function',
    )
    expect(list.raw).not.toContain(DRAFT_TITLE)
    const drafts = await query('{ Articles(draft: true, limit: 100) { docs { title } } }')
    expect(drafts.raw).not.toContain(DRAFT_TITLE)
    const byId = await query(`{ Article(id: "${draftId}", draft: true) { title } }`)
    expect(byId.raw).not.toContain(DRAFT_TITLE)
  })

  it('goes live when published, and its later draft edits stay private', async () => {
    const published = await api(`/articles/${draftId}`, {
      method: 'PATCH',
      token,
      body: JSON.stringify({ _status: 'published' }),
    })
    expect(published.status).toBe(200)
    const live = await get(`/blog/${DRAFT_SLUG}`)
    expect(live.status).toBe(200)
    expect(text(live.doc.querySelector('h1'))).toBe(DRAFT_TITLE)

    const edited = await api(`/articles/${draftId}?draft=true`, {
      method: 'PATCH',
      token,
      body: JSON.stringify({ title: 'A retitle still in draft', _status: 'draft' }),
    })
    expect(edited.status).toBe(200)
    const after = await get(`/blog/${DRAFT_SLUG}`)
    expect(text(after.doc.querySelector('h1'))).toBe(DRAFT_TITLE)
    expect(after.html).not.toContain('A retitle still in draft')
    expect((await api('/articles')).raw).not.toContain('A retitle still in draft')
  })
})

describe('users', () => {
  it('are never publicly readable', async () => {
    const list = await api('/users')
    expect(list.status).toBe(403)
    expect(list.raw).not.toContain('owner@example.com')
    const graphql = await api('/graphql', { method: 'POST', body: JSON.stringify({ query: '{ Users { docs { email } } }' }) })
    expect(graphql.raw).not.toContain('owner@example.com')
  })

  it('after the first, new accounts are editors unless an admin says otherwise', async () => {
    const created = await api('/users', {
      method: 'POST',
      token,
      body: JSON.stringify({ email: 'editor@example.com', password: 'another-long-password' }),
    })
    expect(created.status).toBe(201)
    expect(created.body.doc.role).toBe('editor')
  })
})
