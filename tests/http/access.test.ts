import { adminSession, api, lexicalParagraph, type ApiResult } from './auth'
import { get } from './html'
import { baseUrl, TEST_SITE_URL } from './server'

/**
 * Who may do what, through the production server's REST and GraphQL APIs and public pages, for an
 * anonymous visitor and an editor (the admin's rights are the Local API matrix's job:
 * tests/int/access-matrix.test.ts). Also cookie flags, CSRF and CORS, the page-size
 * cap and GraphQL's production settings. Every document here is this file's own.
 */
const RUN = `access${Date.now().toString(36)}`
const EDITOR = { email: `${RUN}-editor@example.com`, password: 'an-editor-long-password' }

let adminToken: string
let adminId: string
let editorToken: string
let editorId: string
let janetId: string
let draft: { id: string; slug: string; title: string }
let inquiryId: string

const json = (body: unknown) => JSON.stringify(body)
const graphql = (query: string, token?: string) => api('/graphql', { method: 'POST', token, body: json({ query }) })
const login = (email: string, password: string, headers: HeadersInit = {}) =>
  fetch(`${baseUrl()}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: json({ email, password }) })

beforeAll(async () => {
  adminToken = (await adminSession()).token
  adminId = (await api('/users/me', { token: adminToken })).body.user.id
  const editor = await api('/users', { method: 'POST', token: adminToken, body: json(EDITOR) })
  expect(editor.status).toBe(201)
  editorId = editor.body.doc.id
  editorToken = (await (await login(EDITOR.email, EDITOR.password)).json()).token
  janetId = (await api('/authors?where[slug][equals]=janet&depth=0')).body.docs[0].id

  const title = `Private notes ${RUN}`
  const created = await api('/articles?draft=true', {
    method: 'POST',
    token: editorToken,
    body: json({ title, excerpt: 'Not for visitors yet.', content: lexicalParagraph(`Secret body ${RUN}`), author: janetId, _status: 'draft' }),
  })
  expect(created.status).toBe(201)
  draft = { id: created.body.doc.id, slug: created.body.doc.slug, title }

  // Made by the admin, not a visitor: the contact form's rate limit is not this file's to spend.
  const inquiry = await api('/inquiries', {
    method: 'POST',
    token: adminToken,
    body: json({ name: 'Private Person', email: `${RUN}-client@example.com`, message: 'My health details.', consent: true }),
  })
  expect(inquiry.status).toBe(201)
  inquiryId = inquiry.body.doc.id
})

afterAll(async () => {
  if (draft) await api(`/articles/${draft.id}`, { method: 'DELETE', token: adminToken })
  if (inquiryId) await api(`/inquiries/${inquiryId}`, { method: 'DELETE', token: adminToken })
  if (editorId) await api(`/users/${editorId}`, { method: 'DELETE', token: adminToken })
})

/** Nothing secret in an answer: no account e-mail, no inquiry, no draft. */
function expectNothingPrivate(result: ApiResult | { raw: string }) {
  expect(result.raw).not.toContain('owner@example.com')
  expect(result.raw).not.toContain(EDITOR.email)
  expect(result.raw).not.toContain(`${RUN}-client@example.com`)
  expect(result.raw).not.toContain(draft.title)
}

describe('anonymous visitors, through REST', () => {
  it.each([
    ['/users', 403],
    ['/users/:admin', 403],
    ['/users/count', 403],
    ['/users?where[email][like]=owner', 403],
    ['/inquiries', 403],
    ['/inquiries/:inquiry', 403],
    ['/inquiries/count', 403],
    ['/inquiries?where[email][exists]=true', 403],
    ['/articles/versions', 403],
    ['/articles/versions/:version', 403],
    ['/payload-jobs', 403],
    ['/payload-preferences', 403],
    ['/payload-locked-documents', 403],
    // Payload serves no REST route for its migrations table at all.
    ['/payload-migrations', 501],
  ])('GET %s answers %i with nothing private', async (pathname, status) => {
    const version = (await api(`/articles/versions?where[parent][equals]=${draft.id}&depth=0`, { token: adminToken })).body.docs[0].id
    const read = await api(pathname.replace(':admin', adminId).replace(':inquiry', inquiryId).replace(':version', version))
    expect(read.status).toBe(status)
    expect(read.body.docs).toBeUndefined()
    expectNothingPrivate(read)
  })

  it('/users/me says nobody is logged in', async () => {
    const me = await api('/users/me')
    expect(me.status).toBe(200)
    expect(me.body.user).toBeNull()
  })

  it.each([
    `/articles?where[id][equals]=:draft`,
    `/articles?where[id][equals]=:draft&draft=true`,
    `/articles/count?where[id][equals]=:draft`,
    `/articles?where[_status][equals]=draft&draft=true`,
  ])('sees no draft in %s', async (pathname) => {
    const read = await api(pathname.replace(':draft', draft.id))
    expect(read.status).toBe(200)
    expect(read.body.totalDocs).toBe(0)
    expectNothingPrivate(read)
  })

  it('gets 404 for a draft by id', async () => {
    expect((await api(`/articles/${draft.id}?draft=true`)).status).toBe(404)
  })

  it.each(['articles', 'benefits', 'authors', 'topics', 'media', 'redirects', 'users', 'payload-jobs'])(
    'cannot create, change or delete %s',
    async (collection) => {
      const created = await api(`/${collection}`, { method: 'POST', body: json({ title: 'x', name: 'x', email: `${RUN}-x@example.com`, password: 'x-long-password' }) })
      expect(created.status).toBe(403)
      const target = collection === 'articles' ? draft.id : collection === 'users' ? adminId : (await api(`/${collection}?limit=1&depth=0`, { token: adminToken })).body.docs?.[0]?.id
      if (!target) return
      expect((await api(`/${collection}/${target}`, { method: 'PATCH', body: json({ title: 'Vandalised', name: 'Vandalised' }) })).status).toBe(403)
      expect((await api(`/${collection}/${target}`, { method: 'DELETE' })).status).toBe(403)
      expect((await api(`/${collection}/${target}`, { token: adminToken })).raw).not.toContain('Vandalised')
    },
  )

  it('cannot change or delete an inquiry, nor run the job queue', async () => {
    expect((await api(`/inquiries/${inquiryId}`, { method: 'PATCH', body: json({ status: 'closed' }) })).status).toBe(403)
    expect((await api(`/inquiries/${inquiryId}`, { method: 'DELETE' })).status).toBe(403)
    expect((await api(`/inquiries/${inquiryId}`, { token: adminToken })).body.status).toBe('new')
    const run = await api('/payload-jobs/run', { method: 'GET' })
    expect([401, 403]).toContain(run.status)
  })
})

describe('anonymous visitors, through GraphQL', () => {
  it.each([
    '{ Users { docs { email } } }',
    `{ User(id: "ADMIN") { email } }`,
    '{ countUsers { totalDocs } }',
    '{ Inquiries { docs { email message } } }',
    `{ Inquiry(id: "INQUIRY") { email message } }`,
    '{ versionsArticles { docs { version { title } } } }',
  ])('%s is refused', async (query) => {
    const result = await graphql(query.replace('ADMIN', adminId).replace('INQUIRY', inquiryId))
    expect(result.status).toBeLessThan(500)
    expect(result.body.errors?.length).toBeGreaterThan(0)
    expect(result.body.errors.map((error: { message: string }) => error.message).join(' ')).toMatch(/not allowed|Forbidden/i)
    expectNothingPrivate(result)
  })

  it('sees published articles but no draft', async () => {
    const result = await graphql(`{ Articles(draft: true, where: { id: { equals: "${draft.id}" } }) { totalDocs } Article(id: "${draft.id}", draft: true) { title } }`)
    expect(result.body.data.Articles.totalDocs).toBe(0)
    expectNothingPrivate(result)
    const published = await graphql('{ Articles { docs { slug } } }')
    expect(published.body.data.Articles.docs.map((doc: { slug: string }) => doc.slug)).toContain('massage-therapy-benefits-on-immune-function')
  })

  it('gets no introspection in production, and no playground', async () => {
    const introspection = await graphql('{ __schema { types { name fields { name } } } }')
    expect(introspection.body.errors?.[0]?.message).toMatch(/introspection/i)
    expect(introspection.raw).not.toContain('"Inquiry"')
    const typeProbe = await graphql('{ __type(name: "User") { fields { name } } }')
    expect(typeProbe.body.errors?.length).toBeGreaterThan(0)
    expect((await fetch(`${baseUrl()}/api/graphql-playground`)).status).toBe(404)
  })

  it('refuses a query above the complexity limit', async () => {
    const fields = Array.from({ length: 200 }, (_, i) => `a${i}: Articles(limit: 100) { docs { title slug excerpt } }`).join(' ')
    const result = await graphql(`{ ${fields} }`)
    expect(result.status).toBeLessThan(500)
    expect(result.body.errors?.[0]?.message).toMatch(/complexity/i)
  })
})

describe('public pages and files never show a draft', () => {
  it.each(['/feed.xml', '/atom.xml', '/feed.json', '/sitemap.xml', '/blog', '/'])('%s', async (pathname) => {
    const page = await get(pathname)
    expect(page.status).toBe(200)
    expect(page.html).not.toContain(draft.slug)
    expect(page.html).not.toContain(`Secret body ${RUN}`)
    expectNothingPrivate({ raw: page.html })
  })

  it('site search finds nothing of it (the page only repeats the words searched for)', async () => {
    for (const words of [draft.title, `Secret body ${RUN}`, RUN]) {
      const page = await get(`/search?q=${encodeURIComponent(words)}`)
      expect(page.status).toBe(200)
      expect(page.html).not.toContain(`/blog/${draft.slug}`)
      expect(page.doc.querySelector('[role="status"]')?.textContent).toMatch(/No results/)
    }
  })

  it('answers 404 at the draft’s address and its share image', async () => {
    expect((await get(`/blog/${draft.slug}`)).status).toBe(404)
    expect((await get(`/og/articles/${draft.slug}`)).status).toBe(404)
  })
})

describe('an editor, through REST and GraphQL', () => {
  it.each([
    ['benefits', { title: `Benefit ${RUN}`, summary: 'It helps.', order: 99 }, { summary: 'It helps a lot.' }],
    ['topics', { name: `Topic ${RUN}` }, { name: `Topic ${RUN} renamed` }],
    ['authors', { name: `Author ${RUN}` }, { name: `Author ${RUN} renamed` }],
    ['redirects', { from: `/${RUN}-old`, to: { type: 'custom', url: '/blog' }, type: '301' }, { type: '308' }],
    ['inquiries', { name: 'Walk-in', email: `${RUN}-walkin@example.com`, message: 'Booked by phone.', consent: true }, { status: 'replied' }],
  ])('creates, reads, updates and deletes %s', async (collection, data, patch) => {
    const created = await api(`/${collection}`, { method: 'POST', token: editorToken, body: json(data) })
    expect(created.status).toBe(201)
    const id = created.body.doc.id
    expect((await api(`/${collection}/${id}`, { token: editorToken })).status).toBe(200)
    const updated = await api(`/${collection}/${id}`, { method: 'PATCH', token: editorToken, body: json(patch) })
    expect(updated.status).toBe(200)
    expect(updated.body.doc).toMatchObject(patch)
    expect((await api(`/${collection}/${id}`, { method: 'DELETE', token: editorToken })).status).toBe(200)
    expect((await api(`/${collection}/${id}`, { token: editorToken })).status).toBe(404)
  })

  it('reads drafts and article versions', async () => {
    expect((await api(`/articles/${draft.id}?draft=true`, { token: editorToken })).body.title).toBe(draft.title)
    const versions = await api(`/articles/versions?where[parent][equals]=${draft.id}`, { token: editorToken })
    expect(versions.status).toBe(200)
    expect(versions.body.totalDocs).toBeGreaterThan(0)
  })

  it('reads inquiries, but of the accounts only their own', async () => {
    expect((await api(`/inquiries/${inquiryId}`, { token: editorToken })).body.email).toBe(`${RUN}-client@example.com`)
    const users = await api('/users', { token: editorToken })
    expect(users.body.docs.map((user: { email: string }) => user.email)).toEqual([EDITOR.email])
    expect((await api(`/users/${adminId}`, { token: editorToken })).status).toBe(404)
    const viaGraphql = await graphql('{ Users { docs { email } } }', editorToken)
    expect(viaGraphql.body.data.Users.docs).toEqual([{ email: EDITOR.email }])
  })

  it('cannot create, delete or unlock accounts', async () => {
    expect((await api('/users', { method: 'POST', token: editorToken, body: json({ email: `${RUN}-x@example.com`, password: 'long-password-x' }) })).status).toBe(403)
    expect((await api(`/users/${adminId}`, { method: 'DELETE', token: editorToken })).status).toBe(403)
    expect((await api('/users/unlock', { method: 'POST', token: editorToken, body: json({ email: 'owner@example.com' }) })).status).toBe(403)
  })
})

describe('sessions', () => {
  it('sets an HttpOnly, SameSite=Lax, Secure session cookie (SITE_URL is https)', async () => {
    const response = await login(EDITOR.email, EDITOR.password)
    const cookie = response.headers.getSetCookie().find((line) => line.startsWith('payload-token='))
    expect(cookie).toBeDefined()
    expect(cookie).toMatch(/;\s*HttpOnly/i)
    expect(cookie).toMatch(/;\s*SameSite=Lax/i)
    expect(cookie).toMatch(/;\s*Secure/i)
  })

  describe('CSRF: a login cookie counts only from a trusted origin', () => {
    let cookie: string
    beforeAll(async () => {
      const response = await login(EDITOR.email, EDITOR.password)
      cookie = (response.headers.getSetCookie().find((line) => line.startsWith('payload-token=')) as string).split(';')[0]
    })
    const whoAmI = async (headers: Record<string, string>) =>
      (await api('/users/me', { headers: { cookie, ...headers } })).body.user?.email ?? null

    it.each([
      [{ origin: TEST_SITE_URL }, true],
      [{ origin: 'http://127.0.0.1:PORT' }, true], // the test server's TRUSTED_ORIGINS entry
      [{ 'sec-fetch-site': 'same-origin' }, true],
      [{ origin: 'https://evil.example' }, false],
      [{ origin: 'https://wellpress.test.evil.example' }, false],
      [{ origin: 'null' }, false],
      [{ 'sec-fetch-site': 'cross-site' }, false],
      [{}, false], // a cookie without Origin or Sec-Fetch-Site is not a browser's: not trusted
    ])('%j → logged in: %s', async (headers, trusted) => {
      const resolved = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v.replace('http://127.0.0.1:PORT', new URL(baseUrl()).origin)]))
      expect(await whoAmI(resolved)).toBe(trusted ? EDITOR.email : null)
    })

    it('a cross-site POST with the cookie cannot write', async () => {
      const attempt = await api('/topics', { method: 'POST', headers: { cookie, origin: 'https://evil.example' }, body: json({ name: `CSRF ${RUN}` }) })
      expect(attempt.status).toBe(403)
      expect((await api(`/topics?where[name][equals]=CSRF ${RUN}`)).body.totalDocs).toBe(0)
    })
  })

  it.each([
    [TEST_SITE_URL, true],
    ['https://evil.example', false],
  ])('CORS: Origin %s is allowed to read API answers: %s', async (origin, allowed) => {
    for (const method of ['GET', 'OPTIONS']) {
      const response = await fetch(`${baseUrl()}/api/benefits?limit=1`, { method, headers: { origin, 'access-control-request-method': 'GET' } })
      expect(response.status).toBeLessThan(500)
      expect(response.headers.get('access-control-allow-origin')).toBe(allowed ? origin : null)
      if (allowed) expect(response.headers.get('access-control-allow-credentials')).toBe('true')
    }
  })
})

describe('API limits', () => {
  it.each(['limit=100000', 'limit=0', 'pagination=false', 'limit=-5', 'limit=1e9'])('?%s gives visitors at most 100 per page', async (query) => {
    const result = await api(`/benefits?${query}&depth=0`)
    expect(result.status).toBe(200)
    expect(result.body.limit).toBeGreaterThanOrEqual(1)
    expect(result.body.limit).toBeLessThanOrEqual(100)
    expect(result.body.docs.length).toBeLessThanOrEqual(100)
  })

  it('caps editors too, and GraphQL, but not the admin', async () => {
    expect((await api('/articles/versions?limit=100000', { token: editorToken })).body.limit).toBe(100)
    expect((await graphql('{ Benefits(limit: 100000) { limit } }')).body.data.Benefits.limit).toBe(100)
    expect((await api('/benefits?limit=100000&depth=0', { token: adminToken })).body.limit).toBe(100000)
  })
})
