import type { Payload, RequiredDataFromCollectionSlug } from 'payload'
import sharp from 'sharp'

import { editorState, heading, list, paragraph } from '@/lib/richtext/lexical'
import type { Article, Author, User } from '@/payload-types'
import { bootPayload, shutdown, type TestDatabase } from './helpers'

/**
 * A new site's first minutes through the Local API, run once per adapter (SQLite always; MongoDB
 * when MONGODB_URI is set): the first admin writes as the seeded Janet, a title and a body are
 * enough to publish, a writer without a profile gets one, a profile belongs to one login at most,
 * articles without an excerpt get a summary from their body, and the dashboard's checklist ticks
 * itself off from the data.
 */
const PASSWORD = 'a-long-test-password-for-first-articles'
/** Payload's generated create type asks for every required field, the slug too: the save hook makes it from the title. */
const withoutSlug = (data: Omit<RequiredDataFromCollectionSlug<'articles'>, 'slug'>) => data as RequiredDataFromCollectionSlug<'articles'>

const OPENING = 'Warm hands, slow strokes and a quiet room: that is how a first massage should begin for everyone.'

export function defineFirstArticleSuite(makeDatabase: () => TestDatabase) {
  let db: TestDatabase
  let payload: Payload
  let janet: Author
  let owner: User
  let firstRunChecklist: typeof import('@/lib/onboarding/checklist').firstRunChecklist

  /** As the admin and REST do: this user's rights and defaults. */
  const as = (user: User) => ({ user: { ...user, collection: 'users' as const }, overrideAccess: false, depth: 0 })
  const fresh = async (user: User) => payload.findByID({ collection: 'users', id: user.id, depth: 0, overrideAccess: true })
  const body = (...paragraphs: string[]) => editorState(paragraphs.map((text) => paragraph(text)))
  const newUser = (email: string, name?: string) =>
    payload.create({ collection: 'users', data: { email, password: PASSWORD, role: 'editor', ...(name ? { name } : {}) }, overrideAccess: true, depth: 0 })

  beforeAll(async () => {
    db = makeDatabase()
    payload = await bootPayload(db)
    // Imported once the environment names the test database (lib/env reads it at import).
    ;({ firstRunChecklist } = await import('@/lib/onboarding/checklist'))
    const { seed } = await import('@/lib/seed')
    await seed(payload)
    janet = (await payload.find({ collection: 'authors', where: { slug: { equals: 'janet' } }, limit: 1 })).docs[0]
    // The first account, as Payload's first-register screen makes it.
    owner = await payload.create({ collection: 'users', data: { email: 'janet@example.com', password: PASSWORD, name: 'Janet Doe', role: 'editor' }, depth: 0 })
  })
  afterAll(async () => {
    await shutdown(payload, db)
  })

  const checklist = async () => {
    const user = await fresh(owner)
    return Object.fromEntries((await firstRunChecklist({ payload, user, adminRoute: '/admin' })).map((item) => [item.key, item]))
  }

  describe('the first admin', () => {
    it('is an admin (whatever role the form sent) writing as the seeded profile, the one no login had', () => {
      expect(owner.role).toBe('admin')
      expect(owner.author).toBe(janet.id)
    })

    it('finds every first-run item open: the seeded article and a draft of hers do not count as her first article', async () => {
      const before = await checklist()
      expect(Object.keys(before)).toEqual(['practice-name', 'author-profile', 'first-article'])
      expect(before['first-article']).toMatchObject({ done: false })
      await payload.create({ collection: 'articles', draft: true, data: { title: 'Only a draft', content: body('Text.') }, ...as(owner) })
      expect((await checklist())['first-article']).toMatchObject({ done: false })
    })

    it('publishes with only a title and a body: signed by Janet, addressed by the whole title, summarised from the body', async () => {
      const article = await payload.create({
        collection: 'articles',
        data: withoutSlug({ title: 'Why Your Shoulders Hold Tension', content: body(OPENING, 'A second paragraph.'), _status: 'published' }),
        ...as(owner),
      })
      expect(article).toMatchObject({
        _status: 'published',
        slug: 'why-your-shoulders-hold-tension',
        author: janet.id,
        summary: OPENING,
      })
      expect(article.excerpt ?? null).toBeNull()
      expect(article.publishedAt).toEqual(expect.any(String))
      // Visitors can read it, summary and byline included.
      const visible = await payload.find({ collection: 'articles', where: { slug: { equals: article.slug } }, depth: 1, overrideAccess: false })
      expect(visible.docs[0]).toMatchObject({ summary: OPENING, author: { slug: 'janet' } })
    })

    it('keeps a guest author she picks', async () => {
      const guest = await payload.create({ collection: 'authors', data: { name: 'Dr. Guest', slug: 'dr-guest' } })
      const article = await payload.create({
        collection: 'articles',
        data: withoutSlug({ title: 'A guest post', content: body('Written by a colleague of mine, about recovery after sport and rest days.'), author: guest.id, _status: 'published' }),
        ...as(owner),
      })
      expect(article.author).toBe(guest.id)
    })
  })

  describe('a writer without a profile', () => {
    it('gets one made from their name on their first article, linked to their login, and keeps it', async () => {
      const sam = await newUser('sam.writer@example.com', 'Sam Writer')
      expect(sam.author ?? null).toBeNull()
      const first = await payload.create({
        collection: 'articles',
        draft: true,
        data: { title: 'Sam’s first draft', content: body('Half a thought.') },
        ...as(sam),
      })
      const profile = await payload.findByID({ collection: 'authors', id: first.author as string, depth: 0 })
      expect(profile).toMatchObject({ name: 'Sam Writer', slug: 'sam-writer' })
      expect((await fresh(sam)).author).toBe(profile.id)

      const second = await payload.create({
        collection: 'articles',
        data: withoutSlug({ title: 'Sam’s second', content: body('Another thought, published this time, with enough words to summarise.'), _status: 'published' }),
        ...as(await fresh(sam)),
      })
      expect(second.author).toBe(profile.id)
      expect((await payload.count({ collection: 'authors', where: { name: { equals: 'Sam Writer' } } })).totalDocs).toBe(1)
    })

    it('without a name, gets one from the e-mail address; a name a guest has already gets its own address', async () => {
      const noName = await newUser('robin.lee@example.com')
      const byEmail = await payload.create({ collection: 'articles', draft: true, data: { title: 'Robin’s draft', content: body('Text.') }, ...as(noName) })
      expect(await payload.findByID({ collection: 'authors', id: byEmail.author as string, depth: 0 })).toMatchObject({ name: 'Robin Lee', slug: 'robin-lee' })

      const anotherJanet = await newUser('janet.two@example.com', 'Janet')
      const article = await payload.create({ collection: 'articles', draft: true, data: { title: 'Another Janet’s draft', content: body('Text.') }, ...as(anotherJanet) })
      expect(article.author).not.toBe(janet.id)
      expect(await payload.findByID({ collection: 'authors', id: article.author as string, depth: 0 })).toMatchObject({ name: 'Janet', slug: 'janet-2' })
    })

    it('writes as their profile by default when they open a new article (the admin form’s default)', async () => {
      const withProfile = await fresh((await payload.find({ collection: 'users', where: { email: { equals: 'sam.writer@example.com' } } })).docs[0])
      const field = payload.collections.articles.config.fields.find((candidate) => 'name' in candidate && candidate.name === 'author')
      const defaultValue = (field as { defaultValue?: unknown }).defaultValue as (args: { user: unknown }) => unknown
      expect(defaultValue({ user: withProfile })).toBe(withProfile.author)
      expect(defaultValue({ user: null })).toBeUndefined()
    })
  })

  describe('one login per profile', () => {
    it('refuses to link a second login to a profile, with a message beside the field', async () => {
      const editor = await newUser('second@example.com', 'Second')
      const attempt = payload.update({ collection: 'users', id: editor.id, data: { author: janet.id }, overrideAccess: true })
      await expect(attempt).rejects.toMatchObject({
        status: 400,
        data: { errors: [expect.objectContaining({ path: 'author', message: expect.stringMatching(/Another login already writes as this author profile/) })] },
      })
      await expect(
        payload.create({ collection: 'users', data: { email: 'third@example.com', password: PASSWORD, role: 'editor', author: janet.id }, overrideAccess: true }),
      ).rejects.toMatchObject({ status: 400 })
      expect((await payload.count({ collection: 'users', where: { author: { equals: janet.id } }, overrideAccess: true })).totalDocs).toBe(1)
    })

    it('lets a login keep (re-save) its own profile, and choose a free one', async () => {
      const again = await payload.update({ collection: 'users', id: owner.id, data: { author: janet.id, name: 'Janet D.' }, overrideAccess: true, depth: 0 })
      expect(again.author).toBe(janet.id)
      const spare = await payload.create({ collection: 'authors', data: { name: 'Spare profile', slug: 'spare-profile' } })
      const editor = (await payload.find({ collection: 'users', where: { email: { equals: 'second@example.com' } } })).docs[0]
      expect((await payload.update({ collection: 'users', id: editor.id, data: { author: spare.id }, overrideAccess: true, depth: 0 })).author).toBe(spare.id)
    })

    it('unlinks the login when its profile is deleted', async () => {
      const spare = (await payload.find({ collection: 'authors', where: { slug: { equals: 'spare-profile' } } })).docs[0]
      await payload.delete({ collection: 'authors', id: spare.id })
      const editor = (await payload.find({ collection: 'users', where: { email: { equals: 'second@example.com' } }, depth: 0 })).docs[0]
      expect(editor.author ?? null).toBeNull()
    })

    it('never shows a login through a byline: the populated author is the public profile only', async () => {
      const article = (await payload.find({ collection: 'articles', where: { slug: { equals: 'why-your-shoulders-hold-tension' } }, depth: 2, overrideAccess: false })).docs[0]
      expect(JSON.stringify(article)).not.toMatch(/janet@example\.com|"role"|"hash"/)
      expect(Object.keys(article.author as Author)).not.toContain('email')
    })
  })

  describe('the summary', () => {
    const summaryOf = async (id: string, draft = false) =>
      (await payload.findByID({ collection: 'articles', id, draft, depth: 0, select: { summary: true } })).summary

    it('is her excerpt when she wrote one, else the opening of the body (headings and lists skipped)', async () => {
      const withExcerpt = await payload.create({
        collection: 'articles',
        data: withoutSlug({ title: 'With excerpt', excerpt: 'Her own summary.', content: body(OPENING), _status: 'published' }),
        ...as(owner),
      })
      expect(withExcerpt.summary).toBe('Her own summary.')
      const fromBody = await payload.create({
        collection: 'articles',
        data: withoutSlug({
          title: 'From the body',
          content: editorState([heading('Before we start'), list('bullet', ['Water', 'Rest']), paragraph(OPENING)]),
          _status: 'published',
        }),
        ...as(owner),
      })
      expect(fromBody.summary).toBe(OPENING)
    })

    it('follows the text on every save, partial updates and drafts included; a summary sent from outside is ignored', async () => {
      const article = await payload.create({
        collection: 'articles',
        data: { title: 'Changing text', content: body(OPENING), summary: 'Injected from outside.', _status: 'published' } as Partial<Article> as never,
        ...as(owner),
      })
      expect(article.summary).toBe(OPENING)
      await payload.update({ collection: 'articles', id: article.id, data: { title: 'Changing text, retitled' }, ...as(owner) })
      expect(await summaryOf(article.id)).toBe(OPENING)

      const rewrite = 'A rewritten opening paragraph, still in the draft, that readers have not seen yet.'
      await payload.update({ collection: 'articles', id: article.id, draft: true, data: { content: body(rewrite) }, ...as(owner) })
      expect(await summaryOf(article.id, true)).toBe(rewrite)
      // The published version keeps the summary of the published text.
      const published = await payload.find({ collection: 'articles', where: { id: { equals: article.id } }, overrideAccess: false, depth: 0 })
      expect(published.docs[0].summary).toBe(OPENING)

      await payload.update({ collection: 'articles', id: article.id, data: { excerpt: 'Now with an excerpt.', _status: 'published' }, ...as(owner) })
      expect(await summaryOf(article.id)).toBe('Now with an excerpt.')
      await payload.update({ collection: 'articles', id: article.id, data: { excerpt: '', _status: 'published' }, ...as(owner) })
      expect(await summaryOf(article.id)).toBe(rewrite)
    })
  })

  describe('publishing with only a title and a body, without a signed-in user', () => {
    it('works through the Local API too (scripts), leaving the article unsigned', async () => {
      const article = await payload.create({
        collection: 'articles',
        data: withoutSlug({ title: 'Written by a script', content: body('A script wrote this article, with no one signed in at the time.'), _status: 'published' }),
      })
      expect(article).toMatchObject({ slug: 'written-by-a-script', _status: 'published' })
      expect(article.author ?? null).toBeNull()
    })

    it('still refuses a published article without a body or a title, naming the field', async () => {
      await expect(
        payload.create({ collection: 'articles', data: { title: 'No body', _status: 'published' } as never, ...as(owner) }),
      ).rejects.toMatchObject({ status: 400, data: { errors: [expect.objectContaining({ path: 'content' })] } })
      await expect(
        payload.create({ collection: 'articles', data: withoutSlug({ title: '!!!', content: body('Text.'), _status: 'published' }), ...as(owner) }),
      ).rejects.toMatchObject({ status: 400, data: { errors: [expect.objectContaining({ path: 'slug', message: expect.stringMatching(/made from the title/) })] } })
    })
  })

  describe('the first-run checklist', () => {
    it('asks her to check the seeded profile until it has her photo and her own bio', async () => {
      const before = await checklist()
      expect(before['author-profile']).toMatchObject({ done: false, href: `/admin/collections/authors/${janet.id}` })
      expect(before['author-profile'].detail).toMatch(/your photo and a bio in your own words\. Check your credentials too \("LMT"/)

      const photo = await payload.create({
        collection: 'media',
        data: { alt: 'Janet smiling in her practice room' },
        file: {
          data: await sharp({ create: { width: 400, height: 400, channels: 3, background: '#caa' } }).png().toBuffer(),
          name: 'janet.png',
          mimetype: 'image/png',
          size: 0,
        },
      })
      await payload.update({ collection: 'authors', id: janet.id, data: { photo: photo.id } })
      expect((await checklist())['author-profile']).toMatchObject({ done: false, detail: expect.stringMatching(/add a bio in your own words/) })

      await payload.update({ collection: 'authors', id: janet.id, data: { bio: body('I have practised massage therapy in this town for twelve years.') } })
      expect((await checklist())['author-profile']).toMatchObject({ done: true })
      await payload.delete({ collection: 'media', id: photo.id })
    })

    it('asks her to name her practice while it has the seeded placeholder name, and ticks off once it has hers', async () => {
      const { PLACEHOLDER_PRACTICE_NAME } = await import('../../lib/practice/placeholder')
      expect((await payload.findGlobal({ slug: 'practice', depth: 0 })).name).toBe(PLACEHOLDER_PRACTICE_NAME)
      const before = (await checklist())['practice-name']
      expect(before).toMatchObject({ done: false, label: 'Name your practice', href: '/admin/globals/practice' })
      expect(before.detail).toContain(PLACEHOLDER_PRACTICE_NAME)

      // Only the name matters: other settings she saves leave the item open.
      await payload.updateGlobal({ slug: 'practice', data: { tagline: 'Hands-on care in Springfield' }, ...as(owner) })
      expect((await checklist())['practice-name']).toMatchObject({ done: false })

      await payload.updateGlobal({ slug: 'practice', data: { name: 'Janet Doe Massage' }, ...as(owner) })
      const after = (await checklist())['practice-name']
      expect(after).toMatchObject({ done: true })
      expect(after.detail).toContain('Janet Doe Massage')

      // Back to the placeholder (say, a restored backup): open again.
      await payload.updateGlobal({ slug: 'practice', data: { name: `  ${PLACEHOLDER_PRACTICE_NAME} ` }, ...as(owner) })
      expect((await checklist())['practice-name']).toMatchObject({ done: false })
    })

    it('counts the article she published (the seeded one never did)', async () => {
      expect((await checklist())['first-article']).toMatchObject({ done: true, href: '/admin/collections/articles/create' })
    })
  })
}

