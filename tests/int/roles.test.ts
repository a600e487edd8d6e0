import type { Payload } from 'payload'

import type { User } from '@/payload-types'
import { editorState, paragraph } from '@/lib/richtext/lexical'
import { bootPayload, shutdown, temporarySqlite, type TestDatabase } from './helpers'

/**
 * Roles through the Local API, acting as each user with `overrideAccess: false` (as the admin UI
 * and REST do): admins manage users and everything; editors write and publish but never manage
 * accounts or roles.
 */
describe('roles: admin and editor', () => {
  let db: TestDatabase
  let payload: Payload
  let admin: User
  let editor: User
  let authorId: string

  const PASSWORD = 'a-long-test-password'
  const as = (user: User) => ({ user: { ...user, collection: 'users' as const }, overrideAccess: false })

  beforeAll(async () => {
    db = temporarySqlite()
    payload = await bootPayload(db)
    admin = await payload.create({ collection: 'users', data: { email: 'admin@example.com', password: PASSWORD, role: 'admin' } })
    editor = await payload.create({ collection: 'users', data: { email: 'editor@example.com', password: PASSWORD, role: 'editor', name: 'Ed' } })
    authorId = (await payload.create({ collection: 'authors', data: { name: 'Janet', slug: 'janet' } })).id
  })
  afterAll(async () => {
    await shutdown(payload, db)
  })

  const articleData = (title: string) => ({
    title,
    slug: title.toLowerCase().replace(/\W+/g, '-'),
    excerpt: 'A short summary.',
    content: editorState([paragraph('Body text.')]),
    author: authorId,
  })

  describe('an editor', () => {
    it('writes a draft and publishes it', async () => {
      const draft = await payload.create({ collection: 'articles', data: { ...articleData('Editor draft'), _status: 'draft' }, draft: true, ...as(editor) })
      expect(draft._status).toBe('draft')
      const published = await payload.update({ collection: 'articles', id: draft.id, data: { _status: 'published' }, ...as(editor) })
      expect(published._status).toBe('published')
      const anonymous = await payload.findByID({ collection: 'articles', id: draft.id, overrideAccess: false })
      expect(anonymous.title).toBe('Editor draft')
    })

    it('manages the other content: benefits, authors, topics and redirects', async () => {
      const benefit = await payload.create({ collection: 'benefits', data: { title: 'Eases tension', slug: 'eases-tension', summary: 'It eases tension.', order: 1 }, ...as(editor) })
      const topic = await payload.create({ collection: 'topics', data: { name: 'Sleep', slug: 'sleep' }, ...as(editor) })
      const author = await payload.create({ collection: 'authors', data: { name: 'Guest writer', slug: 'guest-writer' }, ...as(editor) })
      const redirect = await payload.create({
        collection: 'redirects',
        data: { from: '/old-sleep', to: { type: 'custom', url: '/topics/sleep' }, type: '301' },
        ...as(editor),
      })
      await payload.delete({ collection: 'benefits', id: benefit.id, ...as(editor) })
      await payload.delete({ collection: 'topics', id: topic.id, ...as(editor) })
      await payload.delete({ collection: 'authors', id: author.id, ...as(editor) })
      await payload.delete({ collection: 'redirects', id: redirect.id, ...as(editor) })
    })

    it('cannot create a user', async () => {
      await expect(
        payload.create({ collection: 'users', data: { email: 'sneaky@example.com', password: PASSWORD, role: 'editor' }, ...as(editor) }),
      ).rejects.toMatchObject({ status: 403 })
      expect((await payload.count({ collection: 'users', where: { email: { equals: 'sneaky@example.com' } } })).totalDocs).toBe(0)
    })

    it('sees only their own account', async () => {
      const { docs } = await payload.find({ collection: 'users', ...as(editor) })
      expect(docs.map((user) => user.email)).toEqual(['editor@example.com'])
      await expect(payload.findByID({ collection: 'users', id: admin.id, ...as(editor) })).rejects.toMatchObject({ status: 404 })
    })

    it('cannot promote themselves to admin, and stays an editor', async () => {
      await expect(
        payload.update({ collection: 'users', id: editor.id, data: { role: 'admin' }, ...as(editor) }),
      ).rejects.toMatchObject({ status: 403, message: 'Only an admin can change roles.' })
      expect((await payload.findByID({ collection: 'users', id: editor.id })).role).toBe('editor')
    })

    it('updates their own name and password (sending their unchanged role is fine)', async () => {
      const updated = await payload.update({
        collection: 'users',
        id: editor.id,
        data: { name: 'Edith', role: 'editor', password: 'a-new-long-password' },
        ...as(editor),
      })
      expect(updated.name).toBe('Edith')
      const login = await payload.login({ collection: 'users', data: { email: 'editor@example.com', password: 'a-new-long-password' } })
      expect(login.user?.role).toBe('editor')
    })

    it('cannot edit, demote or delete the admin', async () => {
      await expect(
        payload.update({ collection: 'users', id: admin.id, data: { name: 'Hacked' }, ...as(editor) }),
      ).rejects.toMatchObject({ status: 403 })
      await expect(
        payload.update({ collection: 'users', id: admin.id, data: { role: 'editor' }, ...as(editor) }),
      ).rejects.toMatchObject({ status: 403 })
      await expect(payload.delete({ collection: 'users', id: admin.id, ...as(editor) })).rejects.toMatchObject({ status: 403 })
      const stillAdmin = await payload.findByID({ collection: 'users', id: admin.id })
      expect(stillAdmin).toMatchObject({ role: 'admin', email: 'admin@example.com' })
      expect(stillAdmin.name ?? null).toBeNull()
    })
  })

  describe('an admin', () => {
    it('writes and publishes too', async () => {
      const article = await payload.create({ collection: 'articles', data: { ...articleData('Admin article'), _status: 'published' }, ...as(admin) })
      expect(article._status).toBe('published')
    })

    it('creates users (editors by default), reads all, promotes and deletes them', async () => {
      const created = await payload.create({ collection: 'users', data: { email: 'new@example.com', password: PASSWORD } as { email: string; password: string; role: 'editor' }, ...as(admin) })
      expect(created.role).toBe('editor')
      const { docs } = await payload.find({ collection: 'users', ...as(admin), limit: 10 })
      expect(docs.map((user) => user.email).sort()).toEqual(['admin@example.com', 'editor@example.com', 'new@example.com'])
      const promoted = await payload.update({ collection: 'users', id: created.id, data: { role: 'admin' }, ...as(admin) })
      expect(promoted.role).toBe('admin')
      await payload.delete({ collection: 'users', id: created.id, ...as(admin) })
      expect((await payload.count({ collection: 'users' })).totalDocs).toBe(2)
    })

    it('cannot demote or delete the last admin, so someone can always manage users', async () => {
      await expect(
        payload.update({ collection: 'users', id: admin.id, data: { role: 'editor' }, ...as(admin) }),
      ).rejects.toMatchObject({ status: 400, message: expect.stringContaining('at least one admin') })
      await expect(payload.delete({ collection: 'users', id: admin.id, ...as(admin) })).rejects.toMatchObject({ status: 400 })
      expect((await payload.findByID({ collection: 'users', id: admin.id })).role).toBe('admin')

      // With a second admin, the first may step down.
      await payload.update({ collection: 'users', id: editor.id, data: { role: 'admin' }, ...as(admin) })
      const steppedDown = await payload.update({ collection: 'users', id: admin.id, data: { role: 'editor' }, ...as(admin) })
      expect(steppedDown.role).toBe('editor')
    })
  })
})
