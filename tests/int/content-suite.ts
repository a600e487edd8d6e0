import { readFileSync } from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'

import type { Article, Author, Benefit } from '@/payload-types'
import { editorState, heading, paragraph, toPlainText } from '@/lib/richtext/lexical'
import { slugify } from '@/lib/paths/slug'
import { bootPayload, shutdown, type TestDatabase } from './helpers'

const SOURCE = readFileSync(
  path.resolve(process.cwd(), 'lib/seed/content/massage-therapy-benefits-on-immune-function.txt'),
  'utf8',
)
const ARTICLE_SLUG = 'massage-therapy-benefits-on-immune-function'
const BENEFIT_SLUGS = [
  'increases-circulation',
  'reduces-stress',
  'stimulates-lymphatic-flow',
  'increases-white-blood-cell-production',
  'boosts-natural-killer-cell-activity',
]

/**
 * The content model's behaviour through Payload's Local API, run once per database adapter
 * (SQLite always; MongoDB when MONGODB_URI is set) so both behave alike.
 */
export function defineContentSuite(makeDatabase: () => TestDatabase) {
  let db: TestDatabase
  let payload: Payload
  let seedModule: typeof import('@/lib/seed')

  beforeAll(async () => {
    db = makeDatabase()
    payload = await bootPayload(db)
    seedModule = await import('@/lib/seed')
  })
  afterAll(async () => {
    await shutdown(payload, db)
  })

  const anonymousArticles = (where = {}) =>
    payload.find({ collection: 'articles', overrideAccess: false, where, depth: 0, limit: 100 })

  describe('the seed', () => {
    it('seeds an empty database, creating the practice settings, three services, the author, five benefits, a topic and the article', async () => {
      const report = await seedModule.seedIfEmpty(payload)
      expect(report?.created).toEqual([
        'practice',
        'services/relaxation-massage',
        'services/deep-tissue-massage',
        'services/lymphatic-drainage',
        'authors/janet',
        ...BENEFIT_SLUGS.map((slug) => `benefits/${slug}`),
        'topics/immune-health',
        `articles/${ARTICLE_SLUG}`,
      ])
    })

    it('imports the article faithfully: title, every paragraph and the heading, in order', async () => {
      const { docs } = await anonymousArticles({ slug: { equals: ARTICLE_SLUG } })
      expect(docs).toHaveLength(1)
      const [article] = docs as Article[]
      const sourceBlocks = SOURCE.split(/\n\s*\n/).map((block) => block.trim()).filter(Boolean)
      expect(article.title).toBe(sourceBlocks[0])
      expect(article._status).toBe('published')

      const expectedLines = sourceBlocks
        .slice(1)
        .filter((block) => !/^\d+\.\s/.test(block) && block !== 'In Health, Janet')
        .map((block) => (block.startsWith('How Massage Therapy Can Help') ? 'How Massage Therapy Can Help' : block))
      expect(toPlainText(article.content).split('\n')).toEqual(expectedLines)
      expect(expectedLines.at(-1)).toMatch(/^I look forward to learning more about you/)
      const headings = article.content.root.children.filter((node) => node.type === 'heading')
      expect(headings).toHaveLength(1)
      expect(headings[0]).toMatchObject({ tag: 'h2' })
      // The numbered list sits between "Here are some ways…" and the closing paragraph.
      const types = article.content.root.children.map((node) => node.type)
      expect(types.indexOf('block')).toBe(types.length - 2)
    })

    it('links the five benefits in order, each titled by its bold phrase and described by the sentence after it', async () => {
      const article = (await anonymousArticles({ slug: { equals: ARTICLE_SLUG } })).docs[0] as Article
      const populated = await payload.findByID({ collection: 'articles', id: article.id, depth: 1, overrideAccess: false })
      const benefits = populated.benefits as Benefit[]
      expect(benefits.map((b) => b.slug)).toEqual(BENEFIT_SLUGS)
      const items = [...SOURCE.matchAll(/^(\d+)\. ([^:]+): (.+)$/gm)]
      expect(items).toHaveLength(5)
      items.forEach(([, number, title, description], index) => {
        expect(benefits[index].title).toBe(title)
        expect(benefits[index].order).toBe(Number(number))
        expect(toPlainText(benefits[index].description)).toBe(description)
        expect(description.startsWith(benefits[index].summary)).toBe(true)
      })
    })

    it('fills the practice settings with placeholders she can edit, and publishes the sample services with prices', async () => {
      const practice = await payload.findGlobal({ slug: 'practice', depth: 0, overrideAccess: false })
      expect(practice).toMatchObject({
        name: 'Your Practice Name',
        businessType: 'HealthAndBeautyBusiness',
        bookingUrl: '/contact',
        address: { addressCountry: 'US' },
      })
      expect(practice.openingHours?.map((row) => row.days)).toEqual([['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], ['saturday']])
      expect(practice.navigation?.map((entry) => entry.label)).toEqual(['Articles', 'Services', 'Benefits of massage', 'Contact'])
      const services = await payload.find({ collection: 'services', overrideAccess: false, depth: 0, sort: 'order' })
      expect(services.docs.map((service) => [service.slug, service.price, service.currency, service.durationMinutes])).toEqual([
        ['relaxation-massage', 80, 'USD', 60],
        ['deep-tissue-massage', 95, 'USD', 60],
        ['lymphatic-drainage', 70, 'USD', 45],
      ])
    })

    it('refuses practice settings a visitor could not use, saying what to change', async () => {
      const attempt = (data: Record<string, unknown>) => payload.updateGlobal({ slug: 'practice', data, depth: 0 })
      await expect(attempt({ accentColor: '#f0e68c' })).rejects.toMatchObject({
        status: 400,
        data: { errors: [expect.objectContaining({ path: 'accentColor', message: expect.stringMatching(/contrast is 1\.\d+:1 .* at least 4\.5:1/) })] },
      })
      await expect(attempt({ openingHours: [{ days: ['monday'], opens: '9am', closes: '17:00' }] })).rejects.toMatchObject({
        status: 400,
        data: { errors: [expect.objectContaining({ path: 'openingHours.0.opens', message: expect.stringMatching(/HH:MM/) })] },
      })
      await expect(attempt({ address: { addressCountry: 'usa' } })).rejects.toMatchObject({ status: 400 })
      await expect(attempt({ bookingUrl: 'javascript:alert(1)' })).rejects.toMatchObject({ status: 400 })
      // Nothing of it was stored.
      expect((await payload.findGlobal({ slug: 'practice', depth: 0 })).accentColor).toBe('#2f6b5b')
    })

    it('gives the article its author Janet with her sign-off', async () => {
      const article = (await anonymousArticles({ slug: { equals: ARTICLE_SLUG } })).docs[0] as Article
      const populated = await payload.findByID({ collection: 'articles', id: article.id, depth: 1, overrideAccess: false })
      const author = populated.author as Author
      expect(author).toMatchObject({ name: 'Janet', slug: 'janet', signOff: 'In Health, Janet' })
      expect(author.credentials).toBeTruthy()
      expect(toPlainText(author.bio).length).toBeGreaterThan(20)
    })

    it('is idempotent and never overwrites what the therapist edited', async () => {
      const benefit = (await payload.find({ collection: 'benefits', where: { slug: { equals: 'reduces-stress' } } })).docs[0]
      await payload.update({ collection: 'benefits', id: benefit.id, data: { title: 'Lowers stress' } })
      const countsBefore = await counts()

      const report = await seedModule.seed(payload)
      expect(report.created).toEqual([])
      expect(report.kept).toHaveLength(12)
      expect(await counts()).toEqual(countsBefore)
      const after = await payload.findByID({ collection: 'benefits', id: benefit.id })
      expect(after.title).toBe('Lowers stress')
      expect(after.updatedAt).toBe((await payload.findByID({ collection: 'benefits', id: benefit.id })).updatedAt)
    })

    it('does not re-seed a database that already has content', async () => {
      expect(await seedModule.seedIfEmpty(payload)).toBeNull()
    })
  })

  describe('articles', () => {
    let janet: Author
    let benefits: Benefit[]
    beforeAll(async () => {
      janet = (await payload.find({ collection: 'authors', where: { slug: { equals: 'janet' } } })).docs[0]
      benefits = (await payload.find({ collection: 'benefits', sort: 'order', limit: 10 })).docs
    })

    const articleData = (title: string) => ({
      title,
      slug: slugify(title),
      excerpt: `About ${title}.`,
      content: editorState([heading('Section'), paragraph(`Body of ${title}.`)]),
      author: janet.id,
    })

    it('generates a lowercase-kebab slug from the title when none is given', async () => {
      const { slug: _omitted, ...withoutSlug } = articleData('Crème Brûlée & Massage: A Story')
      const created = await payload.create({ collection: 'articles', data: { ...withoutSlug, _status: 'draft' }, draft: true })
      expect(created.slug).toBe('creme-brulee-and-massage-a-story')
    })

    it('keeps hasMany benefits in the order chosen, and in a new order after reordering', async () => {
      const chosen = [benefits[3], benefits[0], benefits[4]]
      const created = await payload.create({
        collection: 'articles',
        data: { ...articleData('Ordered benefits'), benefits: chosen.map((b) => b.id), _status: 'published' },
      })
      expect(created.slug).toBe('ordered-benefits')
      const read = await payload.findByID({ collection: 'articles', id: created.id, depth: 1, overrideAccess: false })
      expect((read.benefits as Benefit[]).map((b) => b.slug)).toEqual(chosen.map((b) => b.slug))
      expect((read.author as Author).slug).toBe('janet')
      expect(read.publishedAt).toBeTruthy()

      await payload.update({ collection: 'articles', id: created.id, data: { benefits: [chosen[2].id, chosen[0].id] } })
      const reordered = await payload.findByID({ collection: 'articles', id: created.id, depth: 1, overrideAccess: false })
      expect((reordered.benefits as Benefit[]).map((b) => b.slug)).toEqual([chosen[2].slug, chosen[0].slug])
    })

    it('hides a draft from anonymous reads of every kind, and shows it to a logged-in user', async () => {
      const draft = await payload.create({
        collection: 'articles',
        data: { ...articleData('Secret draft'), _status: 'draft' },
        draft: true,
      })
      const titles = async (args: object) =>
        (await payload.find({ collection: 'articles', overrideAccess: false, limit: 100, ...args })).docs.map((d) => d.title)

      expect(await titles({})).not.toContain('Secret draft')
      expect(await titles({ draft: true })).not.toContain('Secret draft')
      expect(await titles({ where: { slug: { equals: draft.slug } } })).toEqual([])
      await expect(
        payload.findByID({ collection: 'articles', id: draft.id, overrideAccess: false }),
      ).rejects.toThrow()
      expect((await payload.count({ collection: 'articles', overrideAccess: false })).totalDocs).toBe(
        (await payload.count({ collection: 'articles', where: { _status: { equals: 'published' } } })).totalDocs,
      )

      const user = await payload.create({
        collection: 'users',
        data: { email: `writer-${Date.now()}@example.com`, password: 'a-long-test-password', role: 'editor' },
      })
      expect(await titles({ user, draft: true })).toContain('Secret draft')
    })

    it('serves the published version while a newer draft of it is being written', async () => {
      const live = await payload.create({
        collection: 'articles',
        data: { ...articleData('Live title'), _status: 'published' },
      })
      await payload.update({
        collection: 'articles',
        id: live.id,
        data: { title: 'Unfinished new title', _status: 'draft' },
        draft: true,
      })
      const anonymous = await payload.findByID({ collection: 'articles', id: live.id, overrideAccess: false })
      expect(anonymous.title).toBe('Live title')
      const latest = await payload.findByID({ collection: 'articles', id: live.id, draft: true })
      expect(latest.title).toBe('Unfinished new title')
    })

    it('refuses a malformed slug with a message that says what to do', async () => {
      const article = await payload.create({ collection: 'articles', data: { ...articleData('Slug rules'), _status: 'published' } })
      await expect(
        payload.update({ collection: 'articles', id: article.id, data: { slug: 'Not A Slug!', generateSlug: false } }),
      ).rejects.toThrow(/slug/i)
    })

    it('caps the excerpt at 300 characters', async () => {
      await expect(
        payload.create({
          collection: 'articles',
          data: { ...articleData('Long excerpt'), excerpt: 'x'.repeat(301), _status: 'published' },
        }),
      ).rejects.toThrow(/excerpt/i)
    })
  })

  describe('users', () => {
    it('are never readable anonymously', async () => {
      await expect(payload.find({ collection: 'users', overrideAccess: false })).rejects.toThrow()
    })
  })

  async function counts() {
    const result: Record<string, number> = {}
    for (const collection of ['articles', 'benefits', 'authors', 'topics'] as const) {
      result[collection] = (await payload.count({ collection })).totalDocs
    }
    return result
  }
}
