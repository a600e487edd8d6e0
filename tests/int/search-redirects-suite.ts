import type { Payload } from 'payload'

import type { Author } from '@/payload-types'
import { editorState, paragraph } from '@/lib/richtext/lexical'
import { bootPayload, shutdown, type TestDatabase } from './helpers'

/**
 * Site search and the redirects that keep old addresses alive, through Payload's Local API, run
 * once per database adapter: both `like` implementations (SQLite LIKE, MongoDB regex) must treat
 * the visitor's words as plain text.
 */
export function defineSearchAndRedirectSuite(makeDatabase: () => TestDatabase) {
  let db: TestDatabase
  let payload: Payload
  let janet: Author
  let searchSite: typeof import('@/lib/queries/search').searchSite
  let findRedirect: typeof import('@/lib/redirects/find').findRedirect

  beforeAll(async () => {
    db = makeDatabase()
    payload = await bootPayload(db)
    const { seedIfEmpty } = await import('@/lib/seed')
    await seedIfEmpty(payload)
    ;({ searchSite } = await import('@/lib/queries/search'))
    ;({ findRedirect } = await import('@/lib/redirects/find'))
    janet = (await payload.find({ collection: 'authors', where: { slug: { equals: 'janet' } } })).docs[0]
  })
  afterAll(async () => {
    await shutdown(payload, db)
  })

  const article = (title: string, slug: string, body: string, status: 'draft' | 'published') =>
    payload.create({
      collection: 'articles',
      data: { title, slug, excerpt: `About ${title}.`, content: editorState([paragraph(body)]), author: janet.id, _status: status },
      draft: status === 'draft',
    })

  const redirectsFrom = async (from: string) =>
    (await payload.find({ collection: 'redirects', where: { from: { equals: from } }, depth: 0 })).docs

  describe('site search', () => {
    beforeAll(async () => {
      await article('Sleep and massage', 'sleep-and-massage', 'Deep pressure helps 100% of sleepers_ relax.', 'published')
      await article('Secret plans', 'secret-plans', 'Lymphatic zebra wording nobody may see.', 'draft')
    })

    it('finds a published article by a word of its body, with a snippet around it', async () => {
      const results = await searchSite('microorganisms', 1)
      expect(results?.hits).toHaveLength(1)
      const [hit] = results?.hits ?? []
      expect(hit).toMatchObject({ collection: 'articles', href: '/blog/massage-therapy-benefits-on-immune-function' })
      expect(hit.snippet).toMatch(/microorganisms/i)
    })

    it('ranks title matches first', async () => {
      const results = await searchSite('immune', 1)
      expect(results?.hits[0].title).toBe('Massage Therapy Benefits on Immune Function')
      expect(results?.hits.map((hit) => hit.collection)).toContain('benefits')
      const lymph = await searchSite('lymphatic', 1)
      // The benefit and the seeded service both carry the word in their title.
      expect(lymph?.hits.map((hit) => [hit.collection, hit.title])).toEqual([
        ['benefits', 'Stimulates lymphatic flow'],
        ['services', 'Lymphatic drainage'],
      ])
      expect(lymph?.hits[1].href).toBe('/services/lymphatic-drainage')
    })

    it('finds authors by name', async () => {
      const results = await searchSite('Janet', 1)
      expect(results?.hits.find((hit) => hit.collection === 'authors')).toMatchObject({ title: 'Janet', href: '/authors/janet' })
    })

    it('requires every word', async () => {
      expect((await searchSite('lymphatic sleepers', 1))?.total).toBe(0)
      expect((await searchSite('deep sleepers', 1))?.hits.map((hit) => hit.title)).toEqual(['Sleep and massage'])
    })

    it('never finds drafts', async () => {
      expect((await searchSite('zebra', 1))?.total).toBe(0)
    })

    it('matches %, _ and regex characters literally, never as patterns', async () => {
      expect((await searchSite('100%', 1))?.hits.map((hit) => hit.title)).toEqual(['Sleep and massage'])
      expect((await searchSite('sleepers_', 1))?.hits.map((hit) => hit.title)).toEqual(['Sleep and massage'])
      // Only "Sleep and massage" holds a literal % and _; nothing holds the others.
      for (const hostile of ['%', '_', '%%', '.*(', '\\', '{"$gt":""}', '[a-z]+', "' OR 1=1 --"]) {
        const results = await searchSite(hostile, 1)
        const expected = ['%', '_'].includes(hostile) ? ['Sleep and massage'] : []
        expect({ hostile, titles: results?.hits.map((hit) => hit.title) }).toEqual({ hostile, titles: expected })
      }
    })

    it('has no page past the last', async () => {
      expect(await searchSite('lymphatic', 2)).toBeNull()
      expect(await searchSite('nothing-matches-this', 1)).toMatchObject({ total: 0, totalPages: 1 })
    })
  })

  describe('slug changes', () => {
    it('leave a permanent redirect from the old address to the document', async () => {
      const doc = await article('Renamed once', 'first-name', 'Body.', 'published')
      await payload.update({ collection: 'articles', id: doc.id, data: { slug: 'second-name' } })
      const [redirect] = await redirectsFrom('/blog/first-name')
      expect(redirect).toMatchObject({ type: '308', to: { type: 'reference', reference: { relationTo: 'articles', value: doc.id } } })
      expect(await findRedirect('/blog/first-name')).toEqual({ target: '/blog/second-name', status: 308 })
    })

    it('send every old address straight to the newest, and never loop when a slug comes back', async () => {
      const doc = await article('Renamed often', 'name-a', 'Body.', 'published')
      await payload.update({ collection: 'articles', id: doc.id, data: { slug: 'name-b' } })
      await payload.update({ collection: 'articles', id: doc.id, data: { slug: 'name-c' } })
      expect(await findRedirect('/blog/name-a')).toEqual({ target: '/blog/name-c', status: 308 })
      expect(await findRedirect('/blog/name-b')).toEqual({ target: '/blog/name-c', status: 308 })

      await payload.update({ collection: 'articles', id: doc.id, data: { slug: 'name-a' } })
      expect(await redirectsFrom('/blog/name-a')).toHaveLength(0)
      expect(await findRedirect('/blog/name-a')).toBeNull()
      expect(await findRedirect('/blog/name-b')).toEqual({ target: '/blog/name-a', status: 308 })
      expect(await findRedirect('/blog/name-c')).toEqual({ target: '/blog/name-a', status: 308 })
    })

    it('of a draft that was never published leave nothing behind', async () => {
      const doc = await article('Never public', 'draft-one', 'Body.', 'draft')
      await payload.update({ collection: 'articles', id: doc.id, data: { slug: 'draft-two' }, draft: true })
      // First publication under a third name: the earlier names were never visible.
      await payload.update({ collection: 'articles', id: doc.id, data: { slug: 'draft-three', _status: 'published' } })
      expect(await redirectsFrom('/blog/draft-one')).toHaveLength(0)
      expect(await redirectsFrom('/blog/draft-two')).toHaveLength(0)
    })

    it('redirect from the last published address even when a draft renamed it in between', async () => {
      const doc = await article('Live then drafted', 'live-name', 'Body.', 'published')
      await payload.update({ collection: 'articles', id: doc.id, data: { slug: 'draft-name' }, draft: true })
      expect(await redirectsFrom('/blog/live-name')).toHaveLength(0)
      await payload.update({ collection: 'articles', id: doc.id, data: { _status: 'published' } })
      expect(await findRedirect('/blog/live-name')).toEqual({ target: '/blog/draft-name', status: 308 })
    })

    it('work for benefits, authors and topics too', async () => {
      const topic = await payload.create({ collection: 'topics', data: { name: 'Sleep', slug: 'sleep' } })
      await payload.update({ collection: 'topics', id: topic.id, data: { slug: 'better-sleep' } })
      expect(await findRedirect('/topics/sleep')).toEqual({ target: '/topics/better-sleep', status: 308 })
      const author = await payload.create({ collection: 'authors', data: { name: 'Sam', slug: 'sam' } })
      await payload.update({ collection: 'authors', id: author.id, data: { slug: 'sam-lee' } })
      expect(await findRedirect('/authors/sam')).toEqual({ target: '/authors/sam-lee', status: 308 })
    })
  })

  describe('hand-made redirects', () => {
    it('store `from` as a lowercase path without a trailing slash, whatever was pasted', async () => {
      const created = await payload.create({
        collection: 'redirects',
        data: { from: 'https://wellpress.test/Old-Page/?ref=x', to: { type: 'custom', url: '/blog/massage-therapy-benefits-on-immune-function' }, type: '301' },
      })
      expect(created.from).toBe('/old-page')
      expect(await findRedirect('/old-page')).toEqual({ target: '/blog/massage-therapy-benefits-on-immune-function', status: 301 })
    })

    it('never lead to an unpublished article', async () => {
      const draft = await article('Hidden target', 'hidden-target', 'Body.', 'draft')
      await payload.create({
        collection: 'redirects',
        data: { from: '/to-a-draft', to: { type: 'reference', reference: { relationTo: 'articles', value: draft.id } }, type: '308' },
      })
      expect(await findRedirect('/to-a-draft')).toBeNull()
    })
  })
}
