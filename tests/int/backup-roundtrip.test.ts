import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import sharp from 'sharp'
import { create as createTar, extract } from 'tar'

import { editorState, internalLink, paragraph, paragraphOf, text, upload } from '@/lib/richtext/lexical'
import { bootPayload, temporaryMongo, temporarySqlite, type TestDatabase } from './helpers'
import { probe, type ProbeOptions, type ProbeResult } from './backup-roundtrip-probe'

/**
 * `npm run export` → `npm run import` loses nothing: a seeded SQLite site with an article that has
 * a published version and a newer draft, a hand-made redirect, an inquiry, a user and an uploaded
 * PNG is exported by the real script, imported into an empty SQLite file (and into MongoDB, then
 * back to SQLite, when MONGODB_URI is set), and compared: the archives' documents, versions and
 * files, and what the restored site resolves (relationships, Lexical links and images, version
 * history, logins), which carries no ids and so also holds where MongoDB gave new ones.
 */
const repo = process.cwd()
const tsx = path.join(repo, 'node_modules', '.bin', 'tsx')
const work = mkdtempSync(path.join(os.tmpdir(), 'wellpress-backup-'))
const SECRET = 'backup-test-secret-backup-test-secret-01'
const USER = { email: 'therapist@example.com', password: 'correct horse battery staple 42', name: 'Janet' }
const ARTICLE_SLUG = 'backup-roundtrip-article'
const probeOptions: ProbeOptions = { articleSlug: ARTICLE_SLUG, email: USER.email, password: USER.password }

const sourceDb = temporarySqlite()
let payload: Payload
let source: ProbeResult
let sourceArchive: string

/** A site's working folder: media land in <dir>/data/media (Media's staticDir follows the working directory). */
function siteDir(name: string) {
  const dir = path.join(work, name)
  mkdirSync(dir, { recursive: true })
  return dir
}

function run(script: string, args: string[], cwd: string, databaseUri: string) {
  const result = spawnSync(tsx, [path.join(repo, script), ...args], {
    cwd,
    env: { ...process.env, NODE_ENV: 'test', DATABASE_URI: databaseUri, PAYLOAD_SECRET: SECRET, SEED: 'true' },
    encoding: 'utf8',
    timeout: 120_000,
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, output: `${result.stdout}\n${result.stderr}` }
}

function runOk(script: string, args: string[], cwd: string, databaseUri: string) {
  const result = run(script, args, cwd, databaseUri)
  if (result.status !== 0) throw new Error(`${script} ${args.join(' ')} exited ${result.status}:\n${result.output}`)
  return result
}

function probeOver(cwd: string, databaseUri: string, extra: Partial<ProbeOptions> = {}): ProbeResult {
  const { stdout } = runOk('tests/int/backup-roundtrip-probe.ts', [JSON.stringify({ ...probeOptions, ...extra })], cwd, databaseUri)
  const line = stdout.split('\n').find((candidate) => candidate.startsWith('PROBE '))
  if (!line) throw new Error(`the probe printed no result:\n${stdout}`)
  return JSON.parse(line.slice('PROBE '.length)) as ProbeResult
}

type Archive = {
  manifest: { source: { adapter: string }; collections: { slug: string; docs: number; versions: number | null }[]; uploads: { files: { path: string; sha256: string }[] } }
  docs: Record<string, Record<string, unknown>[]>
  versions: Record<string, Record<string, unknown>[]>
  files: Record<string, string>
}

async function readArchive(file: string): Promise<Archive> {
  const dir = mkdtempSync(path.join(work, 'read-'))
  await extract({ file, cwd: dir })
  const ndjson = (relative: string) => {
    try {
      return readFileSync(path.join(dir, relative), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line))
    } catch {
      return []
    }
  }
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Archive['manifest']
  const docs: Archive['docs'] = {}
  const versions: Archive['versions'] = {}
  for (const { slug } of manifest.collections) {
    docs[slug] = ndjson(`collections/${slug}.ndjson`)
    versions[slug] = ndjson(`versions/${slug}.ndjson`)
  }
  const mediaDir = path.join(dir, 'uploads', 'media')
  const files: Record<string, string> = {}
  for (const name of readdirSync(mediaDir, { withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name)) {
    files[name] = createHash('sha256').update(readFileSync(path.join(mediaDir, name))).digest('hex')
  }
  return { manifest, docs, versions, files }
}

/**
 * The archive's content with every document id replaced by a label found from the content itself
 * (collection, creation time, slug/e-mail/file name), and the values adapters store differently
 * (absent vs null, MongoDB's unset `latest`) made equal. Version ids are the adapter's own row ids
 * and are left out. Two archives of the same site are then deep-equal whatever their ids.
 */
function canonical(archive: Archive) {
  const labels = new Map<string, string>()
  for (const [slug, docs] of Object.entries(archive.docs)) {
    for (const doc of docs) {
      const key = doc.slug ?? doc.email ?? doc.filename ?? doc.from ?? doc.key ?? doc.name ?? ''
      labels.set(String(doc.id), `<${slug}:${String(doc.createdAt)}:${String(key)}>`)
    }
  }
  const clean = (value: unknown): unknown => {
    if (typeof value === 'string') return labels.get(value) ?? value
    if (Array.isArray(value)) return value.map(clean)
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value)
          .filter(([, item]) => item !== null && item !== undefined && !(Array.isArray(item) && item.length === 0))
          .map(([key, item]) => [key, clean(item)]),
      )
    }
    return value
  }
  const byKey = (a: { id?: unknown }, b: { id?: unknown }) => String(a.id).localeCompare(String(b.id))
  return {
    counts: archive.manifest.collections.map(({ slug, docs, versions }) => ({ slug, docs, versions })),
    docs: Object.fromEntries(
      Object.entries(archive.docs).map(([slug, docs]) => [slug, (clean(docs) as { id?: unknown }[]).sort(byKey)]),
    ),
    versions: Object.fromEntries(
      Object.entries(archive.versions).map(([slug, versions]) => [
        slug,
        versions.map(({ id: _versionRowId, latest, autosave, ...rest }) => clean({ ...rest, latest: Boolean(latest), autosave: Boolean(autosave) })),
      ]),
    ),
    files: archive.files,
  }
}

const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 180, g: 140, b: 110 } } }).png().toBuffer()

beforeAll(async () => {
  // Media's upload folder is fixed from the working directory when the config loads: give the
  // source site its own, so the export holds exactly this test's files.
  process.chdir(siteDir('source'))
  try {
    payload = await bootPayload(sourceDb)
  } finally {
    process.chdir(repo)
  }
  const { seed } = await import('@/lib/seed')
  await seed(payload)
  const context = { disableRevalidate: true }

  await payload.create({ collection: 'users', data: { ...USER, role: 'admin' }, context })
  const image = await payload.create({
    collection: 'media',
    data: { alt: 'Warm stones lined up on a folded towel' },
    file: { data: await png(1800, 1200), name: 'stones.png', mimetype: 'image/png', size: 0 },
    context,
  })
  const [janet] = (await payload.find({ collection: 'authors', where: { slug: { equals: 'janet' } }, limit: 1 })).docs
  const benefits = (await payload.find({ collection: 'benefits', sort: 'order', limit: 2 })).docs
  const [topic] = (await payload.find({ collection: 'topics', limit: 1 })).docs
  const [seeded] = (await payload.find({ collection: 'articles', limit: 1 })).docs

  const body = (words: string) =>
    editorState([
      paragraph(words),
      upload('media', image.id),
      paragraphOf([text('Read more in '), internalLink('the first article', 'articles', seeded.id), text('.')]),
    ])
  // Three versions: published, published again, then a newer draft that is not live.
  const article = await payload.create({
    collection: 'articles',
    data: {
      title: 'Hot stone massage, explained',
      slug: ARTICLE_SLUG,
      excerpt: 'What hot stones do in a massage, and who they suit.',
      content: body('Smooth basalt stones, warmed in water, hold heat for a long time.'),
      heroImage: image.id,
      author: janet.id,
      benefits: benefits.map((benefit) => benefit.id),
      topics: [topic.id],
      _status: 'published',
    },
    context,
  })
  await payload.update({
    collection: 'articles',
    id: article.id,
    data: { excerpt: 'What hot stones do in a massage, who they suit, and who should skip them.', _status: 'published' },
    context,
  })
  await payload.update({
    collection: 'articles',
    id: article.id,
    draft: true,
    data: { title: 'Hot stone massage, explained (draft rewrite)', content: body('A rewrite in progress.') },
    context,
  })
  await payload.create({
    collection: 'redirects',
    data: { from: '/stones', to: { type: 'reference', reference: { relationTo: 'articles', value: article.id } }, type: '301' },
    context,
  })
  await payload.create({
    collection: 'inquiries',
    data: {
      name: 'Sam Client',
      email: 'sam@example.com',
      preferredTime: 'evening',
      message: 'Do you offer hot stone massage on weekday evenings?',
      consent: true,
      sourcePath: `/blog/${ARTICLE_SLUG}`,
    },
    context,
  })

  // Her practice settings name the uploaded logo and an article: the global and its references travel.
  await payload.updateGlobal({
    slug: 'practice',
    data: {
      name: 'Stone & Stillness Massage',
      tagline: 'Warm hands in Springfield',
      accentColor: '#7a2e5c',
      logo: image.id,
      openingHours: [{ days: ['tuesday', 'friday'], opens: '08:00', closes: '16:00' }],
      navigation: [
        { label: 'Hot stones', link: { type: 'document', document: { relationTo: 'articles', value: article.id } } },
        { label: 'Contact', link: { type: 'url', url: '/contact' } },
      ],
    },
    context,
  })
  // A service with a published version and a newer draft beside it.
  const [firstService] = (await payload.find({ collection: 'services', sort: 'order', limit: 1 })).docs
  await payload.update({ collection: 'services', id: firstService.id, draft: true, data: { price: 85 }, context })

  source = await probe(payload, probeOptions)
  sourceArchive = path.join(work, 'source.tar.gz')
  const exported = runOk('scripts/export.ts', [sourceArchive], siteDir('source'), sourceDb.uri)
  expect(exported.stdout).toMatch(/^Backup complete: .*source\.tar\.gz: 16 documents, 8 versions, 7 files from sqlite/m)
  // Progress goes to stderr: per collection, and the files' bytes.
  expect(exported.stderr).toContain('articles: 2 documents, 4 versions')
  expect(exported.stderr).toContain('services: 3 documents, 4 versions')
  expect(exported.stderr).toContain('practice: settings')
  expect(exported.stderr).toMatch(/media files: 7\/7 files, [\d.]+ KB of [\d.]+ KB/)
}, 240_000)

afterAll(async () => {
  await payload?.destroy()
  sourceDb.cleanup()
  rmSync(work, { recursive: true, force: true })
})

it('sets up the source site the way the rest of the file assumes', () => {
  // Guards the comparisons below from passing on an empty site.
  expect(source.counts).toEqual({ articles: 2, services: 3, benefits: 5, authors: 1, topics: 1, media: 1, redirects: 1, inquiries: 1, users: 1 })
  expect(source.practice).toMatchObject({
    name: 'Stone & Stillness Massage',
    logo: expect.stringMatching(/^media\/stones.*\.webp$/),
    navigation: [{ label: 'Hot stones', to: `articles/${ARTICLE_SLUG}` }, { label: 'Contact', to: '/contact' }],
  })
  expect(source.services.map(({ slug, price }) => [slug, price])).toEqual([
    ['relaxation-massage', 85],
    ['deep-tissue-massage', 95],
    ['lymphatic-drainage', 70],
  ])
  expect(source.serviceVersions.length).toBeGreaterThanOrEqual(4)
  // The first account writes as the seeded profile: a user → author link to carry across.
  expect(source.loginWritesAs).toBe('authors/janet')
  expect(source.versions.map(({ status }) => status)).toEqual(['published', 'published', 'draft'])
  expect(source.latestDraft.title).toBe('Hot stone massage, explained (draft rewrite)')
  expect(source.article.title).toBe('Hot stone massage, explained')
  expect(source.article.uploadsInBody).toEqual([expect.stringMatching(/^media\/stones.*\.webp$/)])
  expect(source.article.linksInBody).toEqual(['articles/massage-therapy-benefits-on-immune-function'])
  expect(Object.keys(source.files)).toHaveLength(7) // the WebP, its four generated sizes and two AVIF twins
})

it('writes the archive readable by its owner only (it holds password hashes and visitors’ messages)', () => {
  expect(statSync(sourceArchive).mode & 0o777).toBe(0o600)
})

describe('SQLite → SQLite', () => {
  const target = temporarySqlite()
  const cwd = () => siteDir('sqlite-copy')
  let restored: ProbeResult
  afterAll(() => target.cleanup())

  it('imports into an empty database as a real process, then refuses to import over it', async () => {
    const imported = runOk('scripts/import.ts', [sourceArchive], cwd(), target.uri)
    expect(imported.stdout).toMatch(/Import complete into sqlite: \d+ documents, 8 versions, 7 files copied/)
    expect(imported.stdout).not.toContain('new ids')

    const again = run('scripts/import.ts', [sourceArchive], cwd(), target.uri)
    expect(again.status).toBe(1)
    expect(again.stderr).toMatch(/Import failed: The target database is not empty: it already holds .*articles \(2\)/)
  }, 120_000)

  it('holds the same documents, versions and files, with the same ids', async () => {
    const copy = path.join(work, 'sqlite-copy.tar.gz')
    runOk('scripts/export.ts', [copy], cwd(), target.uri)
    const [before, after] = [await readArchive(sourceArchive), await readArchive(copy)]
    expect(after.docs.articles.map((doc) => doc.id).sort()).toEqual(before.docs.articles.map((doc) => doc.id).sort())
    expect(canonical(after)).toEqual(canonical(before))
    // Password hashes and salts are in the backup and came back unchanged.
    expect(after.docs.users[0]).toMatchObject({ hash: before.docs.users[0].hash, salt: before.docs.users[0].salt })
    expect(before.docs.users[0].hash).toEqual(expect.any(String))
  }, 120_000)

  it('resolves every relationship, keeps the history and the bytes, and lets the user log in', () => {
    restored = probeOver(cwd(), target.uri)
    expect(restored).toEqual(source)
  }, 120_000)
})

/** The source archive unpacked, changed by `tamper`, and packed again. */
async function tampered(name: string, tamper: (dir: string) => void) {
  const dir = mkdtempSync(path.join(work, 'tamper-'))
  await extract({ file: sourceArchive, cwd: dir })
  tamper(dir)
  const file = path.join(work, name)
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
  await createTar({ gzip: true, file, cwd: dir }, entries)
  return file
}

describe('refusing a bad backup before writing anything', () => {
  it('refuses a damaged file and leaves the empty target empty', async () => {
    const file = await tampered('damaged.tar.gz', (dir) => {
      const media = path.join(dir, 'uploads', 'media')
      const [first] = readdirSync(media)
      const bytes = readFileSync(path.join(media, first))
      bytes[bytes.length - 1] ^= 0xff
      writeFileSync(path.join(media, first), bytes)
    })
    const target = temporarySqlite()
    try {
      const refused = run('scripts/import.ts', [file], siteDir('damaged'), target.uri)
      expect(refused.status).toBe(1)
      expect(refused.stderr).toMatch(/Import failed: media\/\S+ in the backup is damaged \(its SHA-256 does not match the manifest\)/)
      expect(readdirSync(siteDir('damaged'), { recursive: true }).filter((entry) => String(entry).startsWith(`data${path.sep}media${path.sep}`))).toEqual([])
      const after = runOk('scripts/export.ts', [path.join(work, 'damaged-target.tar.gz')], siteDir('damaged'), target.uri)
      expect(after.stdout).toContain(': 0 documents, 0 versions, 0 files from sqlite')
    } finally {
      target.cleanup()
    }
  }, 120_000)

  it('refuses a backup from a newer format, saying what to do', async () => {
    const file = await tampered('newer.tar.gz', (dir) => {
      const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'))
      writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ ...manifest, formatVersion: 99 }))
    })
    const { importBackup } = await import('@/lib/backup/import')
    await expect(importBackup(payload, file)).rejects.toThrow(/uses backup format 99; this Wellpress reads up to 2\. Update Wellpress/)
  })
})

const MONGODB_URI = process.env.MONGODB_URI
if (!MONGODB_URI) {
  console.warn('Backup round trip through MongoDB skipped: set MONGODB_URI (npm test starts the stand-in from scripts/mongo-standin.mjs).')
}
const describeMongo = MONGODB_URI ? describe : describe.skip

describeMongo('SQLite → MongoDB → SQLite (moving adapters)', () => {
  let mongo: TestDatabase
  const backToSqlite = temporarySqlite()
  afterAll(() => backToSqlite.cleanup())

  it('imports into MongoDB with new ids and every reference rewritten', async () => {
    mongo = temporaryMongo(MONGODB_URI as string)
    const imported = runOk('scripts/import.ts', [sourceArchive], siteDir('mongo'), mongo.uri)
    expect(imported.stdout).toMatch(/Import complete into mongodb: .*16 documents given MongoDB ids/)

    const copy = path.join(work, 'mongo.tar.gz')
    runOk('scripts/export.ts', [copy], siteDir('mongo'), mongo.uri)
    const [before, after] = [await readArchive(sourceArchive), await readArchive(copy)]
    expect(after.manifest.source.adapter).toBe('mongodb')
    // Not one SQLite id is left anywhere (a reference the import missed would still hold one).
    const sourceIds = Object.values(before.docs).flat().map((doc) => String(doc.id))
    const copyText = JSON.stringify(after.docs) + JSON.stringify(after.versions)
    expect(sourceIds.filter((id) => copyText.includes(id))).toEqual([])
    expect(canonical(after)).toEqual(canonical(before))

    expect(probeOver(siteDir('mongo'), mongo.uri)).toEqual(source)
  }, 180_000)

  it('moves back from MongoDB to SQLite unchanged', async () => {
    const fromMongo = path.join(work, 'mongo.tar.gz')
    runOk('scripts/import.ts', [fromMongo], siteDir('back-to-sqlite'), backToSqlite.uri)
    expect(probeOver(siteDir('back-to-sqlite'), backToSqlite.uri)).toEqual(source)
    // Leave the shared MongoDB server as we found it.
    probeOver(siteDir('mongo'), mongo.uri, { dropDatabase: true })
  }, 180_000)
})
