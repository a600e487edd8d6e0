import type { CollectionSlug, Payload } from 'payload'
import sharp from 'sharp'

import type { User } from '@/payload-types'
import { cappedLimit, MAX_API_LIMIT } from '@/collections/hooks/capLimit'
import { editorState, paragraph } from '@/lib/richtext/lexical'
import { bootPayload, shutdown, temporarySqlite, type TestDatabase } from './helpers'

/**
 * Every collection × operation × role, through the Local API exactly as REST and GraphQL call it
 * (`overrideAccess: false`, the acting `user`). One table says who may do what; each cell is a
 * test that performs the operation and then checks the database (with access overridden) to see
 * that what was allowed happened and what was refused left nothing behind.
 */
type Role = 'anonymous' | 'editor' | 'admin'
const ROLES: Role[] = ['anonymous', 'editor', 'admin']

/** all: every document; published: only published ones; own: only the user's own account. */
type Read = 'all' | 'published' | 'own' | 'none'
/** A write is allowed, refused, or (accounts) allowed on the user's own document only. */
type Write = 'yes' | 'no' | 'own'

type Rules = { create: Record<Role, Write>; read: Record<Role, Read>; update: Record<Role, Write>; delete: Record<Role, Write> }

const content = (): Rules => ({
  create: { anonymous: 'no', editor: 'yes', admin: 'yes' },
  read: { anonymous: 'all', editor: 'all', admin: 'all' },
  update: { anonymous: 'no', editor: 'yes', admin: 'yes' },
  delete: { anonymous: 'no', editor: 'yes', admin: 'yes' },
})

const RULES: Record<string, Rules> = {
  articles: { ...content(), read: { anonymous: 'published', editor: 'all', admin: 'all' } },
  benefits: content(),
  authors: content(),
  topics: content(),
  media: content(),
  redirects: content(),
  // Visitors send inquiries; only logged-in staff read or handle them.
  inquiries: {
    create: { anonymous: 'yes', editor: 'yes', admin: 'yes' },
    read: { anonymous: 'none', editor: 'all', admin: 'all' },
    update: { anonymous: 'no', editor: 'yes', admin: 'yes' },
    delete: { anonymous: 'no', editor: 'yes', admin: 'yes' },
  },
  users: {
    create: { anonymous: 'no', editor: 'no', admin: 'yes' },
    read: { anonymous: 'none', editor: 'own', admin: 'all' },
    update: { anonymous: 'no', editor: 'own', admin: 'yes' },
    delete: { anonymous: 'no', editor: 'no', admin: 'yes' },
  },
  // Payload's own job queue (scheduled publishing): nobody reaches it through an API.
  'payload-jobs': {
    create: { anonymous: 'no', editor: 'no', admin: 'no' },
    read: { anonymous: 'none', editor: 'none', admin: 'none' },
    update: { anonymous: 'no', editor: 'no', admin: 'no' },
    delete: { anonymous: 'no', editor: 'no', admin: 'no' },
  },
}

let db: TestDatabase
let payload: Payload
let admin: User
let editor: User
let authorId: string
let png: Buffer
let counter = 0
const createdMedia: string[] = []

const PASSWORD = 'a-long-test-password'
const unique = (prefix: string) => `${prefix}-${++counter}-${Date.now().toString(36)}`

function actingAs(role: Role) {
  if (role === 'anonymous') return { overrideAccess: false as const }
  const user = role === 'admin' ? admin : editor
  return { overrideAccess: false as const, user: { ...user, collection: 'users' as const } }
}

/** Data for a new document of each collection, plus a field an update changes and reads back. */
const FIXTURES: Record<string, { data: () => Record<string, unknown>; field: string; value: () => unknown; file?: true }> = {
  articles: {
    data: () => {
      const slug = unique('article')
      return { title: slug, slug, excerpt: 'A short summary.', content: editorState([paragraph('Body.')]), author: authorId, _status: 'published' }
    },
    field: 'title',
    value: () => unique('Renamed'),
  },
  benefits: {
    data: () => ({ title: unique('Benefit'), slug: unique('benefit'), summary: 'It helps.', order: 1 }),
    field: 'summary',
    value: () => unique('Changed summary'),
  },
  authors: { data: () => ({ name: unique('Author'), slug: unique('author') }), field: 'name', value: () => unique('Renamed') },
  topics: { data: () => ({ name: unique('Topic'), slug: unique('topic') }), field: 'name', value: () => unique('Renamed') },
  media: {
    data: () => ({ alt: 'A therapist stretching a client’s forearm' }),
    field: 'alt',
    value: () => `A therapist easing a client’s shoulder ${++counter}`,
    file: true,
  },
  redirects: {
    data: () => ({ from: `/${unique('old')}`, to: { type: 'custom', url: '/blog' }, type: '301' }),
    field: 'from',
    value: () => `/${unique('moved')}`,
  },
  inquiries: {
    data: () => ({ name: 'Sam Visitor', email: 'sam@example.com', message: 'Do you work evenings?', consent: true }),
    field: 'status',
    value: () => 'replied',
  },
  users: { data: () => ({ email: `${unique('user')}@example.com`, password: PASSWORD, role: 'editor' }), field: 'name', value: () => unique('Renamed') },
  'payload-jobs': { data: () => ({ taskSlug: 'schedulePublish', input: {} }), field: 'queue', value: () => unique('queue') },
}

const fileFor = (slug: string) =>
  FIXTURES[slug].file ? { file: { data: png, mimetype: 'image/png', name: `${unique('forearm')}.png`, size: png.length } } : {}

/** A document made by the system (access overridden), as the target of a read, update or delete. */
async function fixture(slug: string): Promise<{ id: string } & Record<string, unknown>> {
  const doc = (await payload.create({ collection: slug as CollectionSlug, data: FIXTURES[slug].data() as never, ...fileFor(slug) })) as never as {
    id: string
  }
  if (slug === 'media') createdMedia.push(doc.id)
  return doc
}

/** The document as the database has it, or null: the check after every allowed or refused write. */
const stored = (slug: string, id: string) =>
  payload.findByID({ collection: slug as CollectionSlug, id, disableErrors: true, depth: 0, draft: true }) as Promise<Record<string, unknown> | null>

/** What an operation ended in: 'ok', or the HTTP status Payload would answer with. */
async function outcome(run: () => Promise<unknown>): Promise<'ok' | number> {
  try {
    await run()
    return 'ok'
  } catch (error) {
    const status = (error as { status?: number }).status
    if (!status) throw error
    return status
  }
}

beforeAll(async () => {
  db = temporarySqlite()
  payload = await bootPayload(db)
  admin = await payload.create({ collection: 'users', data: { email: 'admin@example.com', password: PASSWORD, role: 'admin' } })
  editor = await payload.create({ collection: 'users', data: { email: 'editor@example.com', password: PASSWORD, role: 'editor' } })
  authorId = (await payload.create({ collection: 'authors', data: { name: 'Janet', slug: 'janet' } })).id
  png = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#7a9' } }).png().toBuffer()
})

afterAll(async () => {
  for (const id of createdMedia) await payload.delete({ collection: 'media', id }).catch(() => undefined)
  await shutdown(payload, db)
})

const cases = Object.keys(RULES).flatMap((slug) => ROLES.map((role) => [slug, role] as const))

describe.each(cases)('%s as %s', (slug, role) => {
  const rules = RULES[slug]
  const collection = slug as CollectionSlug

  it(`create: ${rules.create[role]}`, async () => {
    const data = FIXTURES[slug].data()
    const total = async () => (await payload.count({ collection })).totalDocs
    const before = await total()
    let id: string | undefined
    const result = await outcome(async () => {
      const doc = await payload.create({ collection, data: data as never, ...fileFor(slug), ...actingAs(role) })
      id = (doc as { id: string }).id
      if (slug === 'media') createdMedia.push(id)
    })
    if (rules.create[role] === 'yes') {
      expect(result).toBe('ok')
      expect(await stored(slug, id as string)).not.toBeNull()
    } else {
      expect(result).toBe(403)
      expect(await total()).toBe(before)
    }
  })

  it(`read: ${rules.read[role]}`, async () => {
    const doc = await fixture(slug)
    const expected = rules.read[role]
    const ids = async (where = {}) =>
      (await payload.find({ collection, where, limit: 100, depth: 0, ...actingAs(role) })).docs.map((found) => (found as { id: string }).id)

    if (expected === 'none') {
      expect(await outcome(() => payload.find({ collection, ...actingAs(role) }))).toBe(403)
      expect(await outcome(() => payload.findByID({ collection, id: doc.id, ...actingAs(role) }))).toBe(403)
      expect(await outcome(() => payload.count({ collection, ...actingAs(role) }))).toBe(403)
      return
    }
    if (expected === 'own') {
      const self = role === 'admin' ? admin : editor
      expect(await ids()).toEqual([self.id])
      expect(await outcome(() => payload.findByID({ collection, id: doc.id, ...actingAs(role) }))).toBe(404)
      expect(await outcome(() => payload.findByID({ collection, id: self.id, ...actingAs(role) }))).toBe('ok')
      expect((await payload.count({ collection, ...actingAs(role) })).totalDocs).toBe(1)
      return
    }
    expect(await ids({ id: { equals: doc.id } })).toEqual([doc.id])
    expect(await outcome(() => payload.findByID({ collection, id: doc.id, ...actingAs(role) }))).toBe('ok')

    if (slug === 'articles') {
      // A draft: visible to staff (with `draft`), invisible to visitors however they ask.
      const draft = (await payload.create({ collection: 'articles', data: { ...FIXTURES.articles.data(), _status: 'draft' } as never, draft: true })) as {
        id: string
      }
      const sees = expected === 'all'
      const listed = (await payload.find({ collection, where: { id: { equals: draft.id } }, draft: true, depth: 0, ...actingAs(role) })).docs
      expect(listed.length).toBe(sees ? 1 : 0)
      expect(await outcome(() => payload.findByID({ collection, id: draft.id, draft: true, ...actingAs(role) }))).toBe(sees ? 'ok' : 404)
      expect((await payload.count({ collection, where: { id: { equals: draft.id } }, ...actingAs(role) })).totalDocs).toBe(sees ? 1 : 0)
    }
  })

  it(`update: ${rules.update[role]}`, async () => {
    const { field, value } = FIXTURES[slug]
    const targets: Array<{ id: string; allowed: boolean }> = []
    const other = await fixture(slug)
    targets.push({ id: other.id, allowed: rules.update[role] === 'yes' })
    if (rules.update[role] === 'own') targets.push({ id: (role === 'admin' ? admin : editor).id, allowed: true })

    for (const target of targets) {
      const before = await stored(slug, target.id)
      const next = value()
      const result = await outcome(() => payload.update({ collection, id: target.id, data: { [field]: next } as never, ...actingAs(role) }))
      if (target.allowed) {
        expect(result).toBe('ok')
        expect((await stored(slug, target.id))?.[field]).toBe(next)
      } else {
        expect(result).toBe(403)
        expect((await stored(slug, target.id))?.[field]).toEqual(before?.[field])
      }
    }
  })

  it(`delete: ${rules.delete[role]}`, async () => {
    const doc = await fixture(slug)
    const result = await outcome(() => payload.delete({ collection, id: doc.id, ...actingAs(role) }))
    if (rules.delete[role] === 'yes') {
      expect(result).toBe('ok')
      expect(await stored(slug, doc.id)).toBeNull()
    } else {
      expect(result).toBe(403)
      expect(await stored(slug, doc.id)).not.toBeNull()
    }
  })
})

describe.each(ROLES)('article versions as %s', (role) => {
  const allowed = role !== 'anonymous'

  it(`readVersions: ${allowed ? 'yes' : 'no'}`, async () => {
    const article = await fixture('articles')
    await payload.update({ collection: 'articles', id: article.id, data: { title: unique('Second version') } })
    const versions = () => payload.findVersions({ collection: 'articles', where: { parent: { equals: article.id } }, ...actingAs(role) })
    if (!allowed) {
      expect(await outcome(versions)).toBe(403)
      expect(await outcome(() => payload.countVersions({ collection: 'articles', ...actingAs(role) }))).toBe(403)
      const [version] = (await payload.findVersions({ collection: 'articles', where: { parent: { equals: article.id } } })).docs
      expect(await outcome(() => payload.findVersionByID({ collection: 'articles', id: version.id, ...actingAs(role) }))).toBe(403)
      return
    }
    const { docs } = await versions()
    expect(docs.length).toBeGreaterThanOrEqual(2)
    expect(await outcome(() => payload.findVersionByID({ collection: 'articles', id: docs[0].id, ...actingAs(role) }))).toBe('ok')
  })
})

describe('page size of API reads (collections/hooks/capLimit.ts)', () => {
  const TOTAL = MAX_API_LIMIT + 5
  const asRest = (role: Role) => ({ ...actingAs(role), req: { payloadAPI: 'REST' as const } })

  beforeAll(async () => {
    for (let i = 0; i < TOTAL; i++) await payload.create({ collection: 'topics', data: { name: `Paged ${i}`, slug: `paged-${i}` } })
  })

  it.each([
    ['anonymous', { limit: 100_000 }],
    ['anonymous', { limit: 0 }],
    ['anonymous', { pagination: false }],
    ['editor', { limit: 100_000 }],
    ['editor', { pagination: false }],
  ] as const)('REST as %s with %j gets at most the cap', async (role, options) => {
    const result = await payload.find({ collection: 'topics', where: { slug: { like: 'paged-' } }, depth: 0, ...options, ...asRest(role) })
    expect(result.docs.length).toBe(MAX_API_LIMIT)
    expect(result.totalDocs).toBe(TOTAL)
    expect(result.hasNextPage).toBe(true)
  })

  it('the admin, and the site’s own Local API reads, get everything they ask for', async () => {
    const where = { slug: { like: 'paged-' } }
    expect((await payload.find({ collection: 'topics', where, depth: 0, limit: 100_000, ...asRest('admin') })).docs.length).toBe(TOTAL)
    expect((await payload.find({ collection: 'topics', where, depth: 0, pagination: false, overrideAccess: false })).docs.length).toBe(TOTAL)
  })

  it.each([
    [undefined, undefined],
    [5, 5],
    [100, 100],
    [101, MAX_API_LIMIT],
    [0, MAX_API_LIMIT],
    [-3, 1],
    [2.7, 2],
    ['12', 12],
    ['abc', MAX_API_LIMIT],
    [Infinity, MAX_API_LIMIT],
  ])('cappedLimit(%p) = %p', (limit, expected) => {
    expect(cappedLimit(limit)).toBe(expected)
  })
})
