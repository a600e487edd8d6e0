import { adminSession, api, lexicalParagraph } from './auth'

/**
 * Roles through the REST API on the production server: an editor (created by the shared admin)
 * writes and publishes articles but gets 403 on every attempt to manage accounts.
 */
const RUN = Date.now().toString(36)
const EDITOR = { email: `roles-editor-${RUN}@example.com`, password: 'an-editor-long-password', name: 'Editor' }

let adminToken: string
let adminId: string
let editorToken: string
let editorId: string
let janetId: string

beforeAll(async () => {
  adminToken = (await adminSession()).token
  adminId = (await api('/users/me', { token: adminToken })).body.user.id

  const created = await api('/users', { method: 'POST', token: adminToken, body: JSON.stringify(EDITOR) })
  expect(created.status).toBe(201)
  expect(created.body.doc.role).toBe('editor')
  editorId = created.body.doc.id

  const login = await api('/users/login', { method: 'POST', body: JSON.stringify({ email: EDITOR.email, password: EDITOR.password }) })
  expect(login.status).toBe(200)
  editorToken = login.body.token

  janetId = (await api('/authors?where[slug][equals]=janet&depth=0')).body.docs[0].id
})

afterAll(async () => {
  if (editorId) await api(`/users/${editorId}`, { method: 'DELETE', token: adminToken })
})

describe('an editor, through REST', () => {
  it('cannot list, read or change other accounts: only their own is visible', async () => {
    const list = await api('/users', { token: editorToken })
    expect(list.status).toBe(200)
    expect(list.body.docs.map((user: { email: string }) => user.email)).toEqual([EDITOR.email])
    expect((await api(`/users/${adminId}`, { token: editorToken })).status).toBe(404)
    expect((await api(`/users/${adminId}`, { method: 'PATCH', token: editorToken, body: JSON.stringify({ name: 'Taken over' }) })).status).toBe(403)
  })

  it('gets 403 creating a user', async () => {
    const created = await api('/users', {
      method: 'POST',
      token: editorToken,
      body: JSON.stringify({ email: `roles-sneaky-${RUN}@example.com`, password: 'another-long-password' }),
    })
    expect(created.status).toBe(403)
    const check = await api(`/users?where[email][equals]=roles-sneaky-${RUN}@example.com`, { token: adminToken })
    expect(check.body.totalDocs).toBe(0)
  })

  it('gets 403 promoting themselves to admin, and stays an editor', async () => {
    const promoted = await api(`/users/${editorId}`, { method: 'PATCH', token: editorToken, body: JSON.stringify({ role: 'admin' }) })
    expect(promoted.status).toBe(403)
    expect(promoted.raw).toContain('Only an admin can change roles.')
    expect((await api('/users/me', { token: editorToken })).body.user.role).toBe('editor')
  })

  it('gets 403 deleting the admin, who is still there', async () => {
    expect((await api(`/users/${adminId}`, { method: 'DELETE', token: editorToken })).status).toBe(403)
    expect((await api(`/users/${adminId}`, { token: adminToken })).body.role).toBe('admin')
  })

  it('may rename themselves', async () => {
    const renamed = await api(`/users/${editorId}`, { method: 'PATCH', token: editorToken, body: JSON.stringify({ name: 'Edie' }) })
    expect(renamed.status).toBe(200)
    expect(renamed.body.doc).toMatchObject({ name: 'Edie', role: 'editor' })
  })

  it('writes a draft, publishes it and deletes it', async () => {
    const title = `Editor's article ${RUN}`
    const draft = await api('/articles?draft=true', {
      method: 'POST',
      token: editorToken,
      body: JSON.stringify({ title, excerpt: 'Written by an editor.', content: lexicalParagraph('Editor text.'), author: janetId, _status: 'draft' }),
    })
    expect(draft.status).toBe(201)
    const id = draft.body.doc.id

    const published = await api(`/articles/${id}`, { method: 'PATCH', token: editorToken, body: JSON.stringify({ _status: 'published' }) })
    expect(published.status).toBe(200)
    expect(published.body.doc._status).toBe('published')
    expect((await api(`/articles/${id}?depth=0`)).body.title).toBe(title)

    expect((await api(`/articles/${id}`, { method: 'DELETE', token: editorToken })).status).toBe(200)
    expect((await api(`/articles/${id}`)).status).toBe(404)
  })
})

describe('the admin, through REST', () => {
  it('is told plainly that the last admin cannot step down', async () => {
    const admins = await api('/users?where[role][equals]=admin&depth=0', { token: adminToken })
    // Other files never add admins, so the shared admin is the only one.
    expect(admins.body.totalDocs).toBe(1)
    const demoted = await api(`/users/${adminId}`, { method: 'PATCH', token: adminToken, body: JSON.stringify({ role: 'editor' }) })
    expect(demoted.status).toBe(400)
    expect(demoted.body.errors[0].message).toBe('The site needs at least one admin: make someone else an admin first.')
  })

  it('promotes and demotes an account', async () => {
    const promoted = await api(`/users/${editorId}`, { method: 'PATCH', token: adminToken, body: JSON.stringify({ role: 'admin' }) })
    expect(promoted.status).toBe(200)
    expect(promoted.body.doc.role).toBe('admin')
    const demoted = await api(`/users/${editorId}`, { method: 'PATCH', token: adminToken, body: JSON.stringify({ role: 'editor' }) })
    expect(demoted.body.doc.role).toBe('editor')
  })
})
