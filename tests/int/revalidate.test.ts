import type { Payload } from 'payload'

import type { Article, Author } from '@/payload-types'
import { editorState, paragraph } from '@/lib/richtext/lexical'
import { bootPayload, shutdown, temporarySqlite, type TestDatabase } from './helpers'

/**
 * What the revalidation hooks purge for each kind of change, through Payload's Local API on a real
 * database. The hooks hand their purge list to lib/cache/purge.ts, observed here with `onPurge`
 * (outside a Next server nothing else happens to it); the lists come from the pure planner in
 * lib/cache/tags.ts, unit-tested on its own.
 */
describe('cache purges planned by the collection hooks', () => {
  let db: TestDatabase
  let payload: Payload
  let janet: Author
  let purged: string[][] = []
  let stopObserving: () => void

  beforeAll(async () => {
    db = temporarySqlite()
    payload = await bootPayload(db)
    const { onPurge } = await import('@/lib/cache/purge')
    stopObserving = onPurge((tags) => purged.push([...tags]))
    janet = await payload.create({
      collection: 'authors',
      data: { name: 'Janet', slug: 'janet' },
      context: { disableRevalidate: true },
    })
  })
  afterAll(async () => {
    stopObserving?.()
    await shutdown(payload, db)
  })

  /** The tags purged while `change` ran, in order, each once. */
  async function purgesDuring(change: () => Promise<unknown>): Promise<string[]> {
    purged = []
    await change()
    return [...new Set(purged.flat())]
  }

  const articleData = (slug: string, title = `Title of ${slug}`) => ({
    title,
    slug,
    excerpt: `About ${slug}.`,
    content: editorState([paragraph('Gentle pressure.')]),
    author: janet.id,
  })

  const publish = (slug: string) =>
    payload.create({ collection: 'articles', data: { ...articleData(slug), _status: 'published' } }) as Promise<Article>
  const saveDraft = (id: string, title: string) =>
    payload.update({ collection: 'articles', id, data: { title, _status: 'draft' }, draft: true, autosave: true })

  it('purges the article and every list on publish', async () => {
    expect(await purgesDuring(() => publish('publish-me'))).toEqual(['articles', 'articles:publish-me'])
  })

  it('purges nothing for a new draft or its autosaves', async () => {
    let draft: Article | undefined
    expect(
      await purgesDuring(async () => {
        draft = (await payload.create({ collection: 'articles', data: { ...articleData('still-a-draft'), _status: 'draft' }, draft: true })) as Article
      }),
    ).toEqual([])
    expect(await purgesDuring(() => saveDraft(draft!.id, 'Typing…'))).toEqual([])
  })

  it('purges on publishing a draft', async () => {
    const draft = (await payload.create({ collection: 'articles', data: { ...articleData('late-bloomer'), _status: 'draft' }, draft: true })) as Article
    expect(await purgesDuring(() => payload.update({ collection: 'articles', id: draft.id, data: { _status: 'published' } }))).toEqual([
      'articles',
      'articles:late-bloomer',
    ])
  })

  it('purges nothing when a draft is saved beside the published article', async () => {
    const article = await publish('live-with-draft')
    expect(await purgesDuring(() => saveDraft(article.id, 'A better title, not yet published'))).toEqual([])
    // Still the published title for visitors.
    const live = await payload.find({ collection: 'articles', where: { slug: { equals: 'live-with-draft' } }, overrideAccess: false })
    expect(live.docs[0]?.title).toBe('Title of live-with-draft')
  })

  it('purges on an edit of the published article', async () => {
    const article = await publish('edit-me')
    expect(
      await purgesDuring(() => payload.update({ collection: 'articles', id: article.id, data: { title: 'Edited', _status: 'published' } })),
    ).toEqual(['articles', 'articles:edit-me'])
  })

  it('purges the old and the new address on a slug change, and the redirect it adds', async () => {
    const article = await publish('old-name')
    const tags = await purgesDuring(() =>
      payload.update({ collection: 'articles', id: article.id, data: { slug: 'new-name', _status: 'published' } }),
    )
    expect(tags).toEqual(expect.arrayContaining(['articles', 'articles:old-name', 'articles:new-name', 'redirects']))
    expect(tags).toHaveLength(4)
  })

  it('purges on unpublish, even with a newer draft pending', async () => {
    const plain = await publish('unpublish-me')
    expect(await purgesDuring(() => payload.update({ collection: 'articles', id: plain.id, data: { _status: 'draft' } }))).toEqual([
      'articles',
      'articles:unpublish-me',
    ])

    const withDraft = await publish('unpublish-with-draft')
    await saveDraft(withDraft.id, 'Half-written changes')
    expect(
      await purgesDuring(() => payload.update({ collection: 'articles', id: withDraft.id, data: { _status: 'draft' } })),
    ).toEqual(['articles', 'articles:unpublish-with-draft'])
    const live = await payload.find({ collection: 'articles', where: { slug: { equals: 'unpublish-with-draft' } }, overrideAccess: false })
    expect(live.docs).toHaveLength(0)
  })

  it('purges on deleting a published article, and nothing for deleting a draft', async () => {
    const article = await publish('delete-me')
    expect(await purgesDuring(() => payload.delete({ collection: 'articles', id: article.id }))).toEqual(['articles', 'articles:delete-me'])
    const draft = (await payload.create({ collection: 'articles', data: { ...articleData('never-seen'), _status: 'draft' }, draft: true })) as Article
    expect(await purgesDuring(() => payload.delete({ collection: 'articles', id: draft.id }))).toEqual([])
  })

  it('purges nothing when the change says disableRevalidate (seed, bulk import)', async () => {
    expect(
      await purgesDuring(() =>
        payload.create({
          collection: 'articles',
          data: { ...articleData('imported'), _status: 'published' },
          context: { disableRevalidate: true },
        }),
      ),
    ).toEqual([])
  })

  it('purges benefits, authors and topics on create, edit, rename and delete', async () => {
    const benefit = await payload.create({ collection: 'benefits', data: { title: 'Eases tension', slug: 'eases-tension', summary: 'Less tension.' } })
    expect(
      await purgesDuring(() => payload.update({ collection: 'benefits', id: benefit.id, data: { summary: 'Much less tension.' } })),
    ).toEqual(['benefits', 'benefits:eases-tension'])
    expect(await purgesDuring(() => payload.update({ collection: 'benefits', id: benefit.id, data: { slug: 'less-tension' } }))).toEqual(
      expect.arrayContaining(['benefits', 'benefits:eases-tension', 'benefits:less-tension', 'redirects']),
    )
    expect(await purgesDuring(() => payload.delete({ collection: 'benefits', id: benefit.id }))).toEqual(['benefits', 'benefits:less-tension'])

    expect(await purgesDuring(() => payload.update({ collection: 'authors', id: janet.id, data: { credentials: 'LMT' } }))).toEqual([
      'authors',
      'authors:janet',
    ])
    expect(
      await purgesDuring(() => payload.create({ collection: 'topics', data: { name: 'Sleep', slug: 'sleep' } })),
    ).toEqual(['topics', 'topics:sleep'])
  })

  describe('documents the practice menu links to', () => {
    let linkedService: { id: string }
    let linkedBenefit: { id: string }
    let unlinkedBenefit: { id: string }

    beforeAll(async () => {
      const quietly = { context: { disableRevalidate: true } }
      linkedService = await payload.create({
        collection: 'services',
        data: { title: 'Hot stones', slug: 'hot-stones', summary: 'Warm stones.', durationMinutes: 90, price: 120, currency: 'USD', _status: 'published' },
        ...quietly,
      })
      linkedBenefit = await payload.create({ collection: 'benefits', data: { title: 'Sleeps better', slug: 'sleeps-better', summary: 'Deeper sleep.' }, ...quietly })
      unlinkedBenefit = await payload.create({ collection: 'benefits', data: { title: 'Not in the menu', slug: 'not-in-menu', summary: 'Elsewhere.' }, ...quietly })
      await payload.updateGlobal({
        slug: 'practice',
        data: {
          name: 'Quiet Hands',
          navigation: [
            { label: 'Stones', link: { type: 'document', document: { relationTo: 'services', value: linkedService.id } } },
            { label: 'Sleep', link: { type: 'document', document: { relationTo: 'benefits', value: linkedBenefit.id } } },
            { label: 'Blog', link: { type: 'url', url: '/blog' } },
          ],
        },
        ...quietly,
      })
    })

    it('purge the practice when renamed, and only those', async () => {
      expect(await purgesDuring(() => payload.update({ collection: 'services', id: linkedService.id, data: { slug: 'warm-stones', _status: 'published' } }))).toEqual(
        expect.arrayContaining(['services', 'services:hot-stones', 'services:warm-stones', 'practice']),
      )
      expect(await purgesDuring(() => publish('unrelated-to-the-menu'))).not.toContain('practice')
      expect(await purgesDuring(() => payload.update({ collection: 'benefits', id: unlinkedBenefit.id, data: { slug: 'still-not-in-menu' } }))).not.toContain(
        'practice',
      )
    })

    it('purge the practice on unpublish and publish, not for a draft saved beside the live version', async () => {
      const draftSave = () =>
        payload.update({ collection: 'services', id: linkedService.id, data: { title: 'Hot stones, longer' }, draft: true, autosave: true })
      expect(await purgesDuring(draftSave)).toEqual([])
      expect(await purgesDuring(() => payload.update({ collection: 'services', id: linkedService.id, data: { _status: 'draft' } }))).toEqual([
        'services',
        'services:warm-stones',
        'practice',
      ])
      expect(await purgesDuring(() => payload.update({ collection: 'services', id: linkedService.id, data: { _status: 'published' } }))).toContain(
        'practice',
      )
    })

    it('purge the practice when deleted, though the delete also removes the menu link', async () => {
      expect(await purgesDuring(() => payload.delete({ collection: 'benefits', id: unlinkedBenefit.id }))).toEqual(['benefits', 'benefits:still-not-in-menu'])
      expect(await purgesDuring(() => payload.delete({ collection: 'benefits', id: linkedBenefit.id }))).toEqual([
        'benefits',
        'benefits:sleeps-better',
        'practice',
      ])
      const practice = await payload.findGlobal({ slug: 'practice', depth: 0 })
      const targets = (practice.navigation ?? []).map((row) => row.link?.document?.value ?? null)
      expect(targets).not.toContain(linkedBenefit.id)
    })
  })

  it('purges redirects when one is added by hand', async () => {
    expect(
      await purgesDuring(() =>
        payload.create({ collection: 'redirects', data: { from: '/old-page', to: { type: 'custom', url: '/blog' }, type: '308' } }),
      ),
    ).toEqual(['redirects'])
  })
})
