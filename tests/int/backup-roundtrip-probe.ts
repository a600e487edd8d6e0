/**
 * What a site restored from a backup must still show, as plain data with no database ids in it, so
 * a copy on another adapter (where ids change) can be compared with the original: relationships
 * resolved to the documents they name, the version history, the files' bytes and a real login.
 *
 * Used in-process by tests/int/backup-roundtrip.test.ts, and run as a script against a database
 * the test process cannot open itself (lib/env reads DATABASE_URI once per process):
 *   DATABASE_URI=… tsx tests/int/backup-roundtrip-probe.ts <json-options> → JSON on stdout
 */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import type { CollectionSlug, Payload } from 'payload'

export type ProbeOptions = { articleSlug: string; email: string; password: string; dropDatabase?: boolean }

type LexicalNode = { type?: string; children?: LexicalNode[]; value?: unknown; relationTo?: string; fields?: { doc?: { relationTo: string; value: unknown } } }

function nodes(root: unknown, type: string): LexicalNode[] {
  const found: LexicalNode[] = []
  const visit = (node: LexicalNode | undefined) => {
    if (!node) return
    if (node.type === type) found.push(node)
    node.children?.forEach(visit)
  }
  visit((root as { root?: LexicalNode } | null)?.root)
  return found
}

const idOf = (value: unknown) => (value && typeof value === 'object' ? String((value as { id: unknown }).id) : String(value))

export async function probe(payload: Payload, options: ProbeOptions) {
  const label = async (collection: string, value: unknown) => {
    const doc = (await payload.findByID({ collection: collection as CollectionSlug, id: idOf(value), depth: 0, draft: true })) as unknown as Record<string, unknown>
    return `${collection}/${String(doc.slug ?? doc.filename ?? doc.email ?? doc.id)}`
  }

  const { docs } = await payload.find({ collection: 'articles', where: { slug: { equals: options.articleSlug } }, depth: 1, limit: 1 })
  const article = docs[0]
  if (!article) throw new Error(`no published article ${options.articleSlug}`)
  const draft = await payload.findByID({ collection: 'articles', id: article.id, draft: true, depth: 0 })
  const versions = await payload.findVersions({
    collection: 'articles',
    where: { parent: { equals: article.id } },
    sort: 'updatedAt',
    limit: 100,
    depth: 0,
  })
  const redirects = await payload.find({ collection: 'redirects', depth: 0, limit: 100, sort: 'from' })
  const inquiries = await payload.find({ collection: 'inquiries', depth: 0, limit: 100, sort: 'createdAt' })
  const login = await payload.login({ collection: 'users', data: { email: options.email, password: options.password } })
  const account = await payload.findByID({ collection: 'users', id: login.user!.id, depth: 0, overrideAccess: true })

  const mediaDir = path.resolve(String((payload.collections.media.config.upload as { staticDir: string }).staticDir))
  const files = existsSync(mediaDir)
    ? Object.fromEntries(
        readdirSync(mediaDir)
          .sort()
          .map((name) => [name, createHash('sha256').update(readFileSync(path.join(mediaDir, name))).digest('hex')]),
      )
    : {}

  const practice = await payload.findGlobal({ slug: 'practice', depth: 0 })
  const services = await payload.find({ collection: 'services', depth: 0, limit: 100, sort: 'order', draft: true })
  const serviceVersions = await payload.findVersions({ collection: 'services', depth: 0, limit: 100, sort: 'updatedAt' })

  const counts: Record<string, number> = {}
  for (const slug of ['articles', 'services', 'benefits', 'authors', 'topics', 'media', 'redirects', 'inquiries', 'users'] as const) {
    counts[slug] = (await payload.count({ collection: slug, overrideAccess: true })).totalDocs
  }

  return {
    counts,
    login: { email: login.user?.email, hasToken: Boolean(login.token) },
    // The author profile the login writes as (its link to `authors` survives new ids too).
    loginWritesAs: account.author ? await label('authors', account.author) : null,
    article: {
      title: article.title,
      status: article._status,
      publishedAt: article.publishedAt,
      createdAt: article.createdAt,
      updatedAt: article.updatedAt,
      author: await label('authors', article.author),
      heroImage: article.heroImage ? await label('media', article.heroImage) : null,
      benefits: await Promise.all((article.benefits ?? []).map((benefit) => label('benefits', benefit))),
      topics: await Promise.all((article.topics ?? []).map((topic) => label('topics', topic))),
      uploadsInBody: await Promise.all(nodes(article.content, 'upload').map((node) => label(String(node.relationTo), node.value))),
      linksInBody: await Promise.all(
        nodes(article.content, 'link')
          .filter((node) => node.fields?.doc)
          .map((node) => label(node.fields!.doc!.relationTo, node.fields!.doc!.value)),
      ),
    },
    latestDraft: { title: draft.title, status: draft._status },
    versions: versions.docs.map((version) => ({
      title: version.version.title,
      status: version.version._status,
      latest: Boolean(version.latest),
      autosave: Boolean((version as { autosave?: boolean }).autosave),
      updatedAt: version.updatedAt,
    })),
    redirects: await Promise.all(
      redirects.docs.map(async (redirect) => ({
        from: redirect.from,
        type: redirect.type,
        to: redirect.to?.reference ? await label(redirect.to.reference.relationTo, redirect.to.reference.value) : redirect.to?.url,
      })),
    ),
    // The practice settings (a global) and what they name: her logo and a menu entry's page.
    practice: {
      name: practice.name,
      tagline: practice.tagline,
      accentColor: practice.accentColor,
      openingHours: practice.openingHours?.map(({ days, opens, closes }) => ({ days, opens, closes })),
      logo: practice.logo ? await label('media', practice.logo) : null,
      navigation: await Promise.all(
        (practice.navigation ?? []).map(async (entry) => ({
          label: entry.label,
          to: entry.link?.document ? await label(entry.link.document.relationTo, entry.link.document.value) : entry.link?.url,
        })),
      ),
    },
    services: services.docs.map(({ title, slug, price, currency, durationMinutes, _status }) => ({ title, slug, price, currency, durationMinutes, _status })),
    serviceVersions: serviceVersions.docs.map((version) => ({ title: version.version.title, status: version.version._status, updatedAt: version.updatedAt })),
    inquiries: inquiries.docs.map(({ name, email, message, consent, status, createdAt }) => ({ name, email, message, consent, status, createdAt })),
    files,
  }
}

export type ProbeResult = Awaited<ReturnType<typeof probe>>

// Run as a script (not when jest imports the module): probe the database in DATABASE_URI.
if (process.argv[1]?.endsWith('backup-roundtrip-probe.ts')) {
  process.env.SEED = 'false'
  const options = JSON.parse(process.argv[2] ?? '{}') as ProbeOptions
  const { startPayload } = await import('../../scripts/startPayload')
  const payload = await startPayload()
  let exitCode = 0
  try {
    process.stdout.write(`PROBE ${JSON.stringify(await probe(payload, options))}\n`)
  } catch (error) {
    console.error(error)
    exitCode = 1
  } finally {
    if (options.dropDatabase) {
      await (payload.db as unknown as { connection?: { dropDatabase(): Promise<unknown> } }).connection?.dropDatabase()
    }
    await payload.destroy()
  }
  process.exit(exitCode)
}
