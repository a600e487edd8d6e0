/**
 * Seeds a site of N articles for the scale benchmark (bench/scale.ts), into a fresh SQLite file:
 *
 *   npx tsx bench/seed-scale.ts --db /tmp/x/wellpress.db --count 5000 [--via local|db]
 *
 * It runs the first-start seed (janet, the five benefits, immune-health, the therapist's article),
 * then adds ~20 topics, a handful of uploaded hero images (reused; ~300 articles show one), and
 * `count` articles: unique titles, excerpts, rich text, 2–5 benefits in varied order, 1–3 topics,
 * publishedAt spread over six years, ~5 % drafts. `--via local` (default) writes through Payload's
 * Local API (hooks, validation, a version row per article); `--via db` through the adapter
 * (`payload.db.create`, as lib/backup/import.ts restores) in one transaction: no hooks, no version
 * rows, searchText filled by hand. Prints progress to stderr and a JSON report as the last stdout line.
 * Not a benchmark itself: it has no default export, so bench/run.ts skips it.
 *
 * Everything is derived from a fixed-seed PRNG, so two runs of the same size seed the same site.
 * Sentences come from the therapist's own article (lib/seed/content), recombined: real
 * vocabulary, real sentence lengths, real rich-text shape (headings, paragraphs, the benefit list).
 */
import { randomBytes } from 'node:crypto'
import { readdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { performance } from 'node:perf_hooks'

import type { Payload, PayloadRequest } from 'payload'
import sharp from 'sharp'

import { ARTICLES, AUTHORS, BENEFITS, MEDIA, TOPICS } from '../lib/collections'
import { block, editorState, heading, paragraph, type LexicalNode } from '../lib/richtext/lexical'
import { readFirstArticle } from '../lib/seed'
import { slugify } from '../lib/paths/slug'
import { openPayload } from './_payload'

/** Uploaded bench images are named with this prefix, so they can be removed from data/media after. */
export const BENCH_IMAGE_PREFIX = 'bench-scale-'

export const TOPIC_NAMES = [
  'Stress relief', 'Sleep', 'Back pain', 'Neck and shoulders', 'Sports recovery', 'Circulation', 'Posture',
  'Headaches', 'Pregnancy', 'Seniors', 'Desk workers', 'Self-care at home', 'Breathing', 'Anxiety',
  'Lymphatic health', 'Flexibility', 'Deep tissue', 'Swedish massage', 'Hot stones',
]

const HEADINGS = [
  'What the research says', 'How it feels on the table', 'Why it matters', 'A simple routine to try',
  'When to book a session', 'What to expect afterwards', 'Questions clients ask', 'The short version',
]
const TITLE_OPENERS = ['How', 'Why', 'When', 'What to know about how', 'Five ways', 'A therapist explains how']
const TITLE_SUBJECTS = [
  'regular massage', 'a weekly session', 'gentle pressure', 'deep tissue work', 'slow breathing on the table',
  'a hot stone massage', 'lymphatic drainage', 'a short self-massage', 'sports massage', 'Swedish massage',
]
const TITLE_VERBS = ['supports', 'eases', 'improves', 'calms', 'helps', 'changes', 'restores', 'strengthens']
const TITLE_OBJECTS = [
  'your sleep', 'tired muscles', 'immune function', 'circulation', 'stress at work', 'recovery after running',
  'tension headaches', 'posture at the desk', 'lower back pain', 'your mood', 'stiff shoulders', 'breathing',
]

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]
  /** `count` distinct items in random order. */
  const sample = <T>(items: readonly T[], count: number): T[] => {
    const pool = [...items]
    for (let i = pool.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1))
      ;[pool[i], pool[j]] = [pool[j], pool[i]]
    }
    return pool.slice(0, count)
  }
  return { next, int, pick, sample }
}
type Random = ReturnType<typeof prng>

export type Sentences = { body: string[] }

/** The therapist's article, as sentences to recombine. */
export async function loadSentences(): Promise<Sentences> {
  const article = await readFirstArticle()
  const texts = [
    ...article.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : [])),
    ...article.benefits.flatMap((b) => [b.summary, b.description]),
  ]
  const body = texts
    .flatMap((text) => text.split(/(?<=[.!?])\s+(?=[A-Z])/))
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length >= 30 && sentence.length <= 400)
  if (body.length < 10) throw new Error(`Only ${body.length} usable sentences in the seed article`)
  return { body }
}

/** A unique, readable title per index ("How gentle pressure eases tired muscles", then "…, part 2"). */
export function titleFor(index: number, random: Random, used: Set<string>): string {
  const base = `${random.pick(TITLE_OPENERS)} ${random.pick(TITLE_SUBJECTS)} ${random.pick(TITLE_VERBS)} ${random.pick(TITLE_OBJECTS)}`
  let title = base
  for (let part = 2; used.has(slugify(title)); part++) title = `${base}, part ${part}`
  used.add(slugify(title))
  void index
  return title
}

export function contentFor(sentences: Sentences, random: Random, withBenefitList: boolean) {
  const paragraphText = () =>
    Array.from({ length: random.int(3, 5) }, () => random.pick(sentences.body)).join(' ')
  const children: LexicalNode[] = [paragraph(paragraphText()), paragraph(paragraphText())]
  for (const title of random.sample(HEADINGS, random.int(2, 3))) {
    children.push(heading(title, 'h2'))
    for (let i = random.int(1, 3); i > 0; i--) children.push(paragraph(paragraphText()))
  }
  if (withBenefitList) children.splice(3, 0, block('benefitList', randomBytes(12).toString('hex')))
  return { content: editorState(children), excerpt: paragraphText().slice(0, 297).replace(/\s+\S*$/, '') + '…' }
}

/** A small PNG with a soft two-colour gradient (what a resized photo compresses like, roughly). */
export async function benchPng(index: number): Promise<Buffer> {
  const width = 1600
  const height = 900
  const hue = (index * 47) % 360
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="hsl(${hue},45%,70%)"/><stop offset="1" stop-color="hsl(${(hue + 60) % 360},40%,35%)"/>
    </linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>
    <circle cx="${400 + index * 90}" cy="450" r="220" fill="hsl(${(hue + 180) % 360},30%,85%)" opacity="0.5"/>
  </svg>`
  return sharp(Buffer.from(svg)).png({ compressionLevel: 9 }).toBuffer()
}

const IMAGE_ALTS = [
  'Warm towels folded on the end of a massage table',
  'A therapist working on a client\'s shoulders in soft light',
  'Smooth basalt stones lined up on a wooden tray',
  'A quiet treatment room with a plant beside the window',
  'Hands applying oil to a client\'s lower back',
  'A client resting face down under a white sheet',
]

export type ScaleSeedOptions = {
  /** Generated articles (the seeded first article comes on top). */
  count: number
  /** 'local': Payload's Local API (hooks, validation, versions). 'db': the adapter directly (like lib/backup/import.ts). */
  via: 'local' | 'db'
  /** Share of generated articles left as drafts. */
  draftShare?: number
  heroImages?: number
  imageFiles?: number
  topics?: number
  seed?: number
  log?: (line: string) => void
}

export type ScaleSeedReport = {
  via: 'local' | 'db'
  articles: number
  published: number
  drafts: number
  withHero: number
  topics: number
  images: number
  seconds: number
  articleSeconds: number
  docsPerSecond: number
  /** A published article, the busiest topic, and the newest published slug. */
  sample: { articleSlug: string; topicSlug: string; topicArticles: number }
}

const context = { disableRevalidate: true, seeding: true, benchScale: true }

async function findIds(payload: Payload, collection: typeof ARTICLES | typeof BENEFITS | typeof AUTHORS | typeof TOPICS) {
  const { docs } = await payload.find({ collection, limit: 0, pagination: false, depth: 0, overrideAccess: true, select: { slug: true } })
  return docs as unknown as { id: string; slug: string }[]
}

/**
 * Seeds `count` articles on top of the first-start seed (janet, the five benefits, immune-health,
 * the therapist's article), which must already be there.
 */
export async function seedScale(payload: Payload, options: ScaleSeedOptions): Promise<ScaleSeedReport> {
  const started = performance.now()
  const log = options.log ?? (() => {})
  const random = prng(options.seed ?? 20261128)
  const draftShare = options.draftShare ?? 0.05
  const heroTarget = options.heroImages ?? Math.min(300, Math.round(options.count * 0.3))
  const sentences = await loadSentences()

  const [author] = (await findIds(payload, AUTHORS)).filter((a) => a.slug === 'janet')
  const benefits = await findIds(payload, BENEFITS)
  if (!author || benefits.length < 5) throw new Error('Run the first-start seed before seedScale (janet and 5 benefits are missing)')

  // Topics: ~20 in all, created through the Local API (few, so speed does not matter).
  const existingTopics = await findIds(payload, TOPICS)
  const topicTarget = options.topics ?? 20
  for (const name of TOPIC_NAMES.slice(0, Math.max(0, topicTarget - existingTopics.length))) {
    if (existingTopics.some((t) => t.slug === slugify(name))) continue
    const topic = await payload.create({
      collection: TOPICS,
      data: { name, slug: slugify(name), description: `Articles about ${name.toLowerCase()} and massage therapy.` },
      overrideAccess: true,
      depth: 0,
      context,
    })
    existingTopics.push({ id: topic.id, slug: topic.slug as string })
  }
  const topics = existingTopics

  // A handful of uploaded images, reused as heroes.
  const images: string[] = []
  const imageFiles = heroTarget === 0 ? 0 : (options.imageFiles ?? 6)
  for (let i = 0; i < imageFiles; i++) {
    const data = await benchPng(i)
    const image = await payload.create({
      collection: MEDIA,
      data: { alt: IMAGE_ALTS[i % IMAGE_ALTS.length] },
      file: { data, mimetype: 'image/png', name: `${BENCH_IMAGE_PREFIX}${Date.now().toString(36)}-${i}.png`, size: data.length },
      overrideAccess: true,
      depth: 0,
      context,
    })
    images.push(image.id)
  }
  log(`topics ${topics.length}, images ${images.length} (${Math.round(performance.now() - started)} ms)`)

  const usedSlugs = new Set<string>([...(await findIds(payload, ARTICLES)).map((a) => a.slug)])
  const now = Date.now()
  const sixYears = 6 * 365 * 24 * 3600 * 1000
  const topicCounts = new Map<string, number>()
  let published = 0
  let drafts = 0
  let withHero = 0
  let sampleSlug = ''
  const articlesStarted = performance.now()
  // The adapter path writes everything in one transaction (one fsync instead of one per row).
  const transactionID = options.via === 'db' ? ((await payload.db.beginTransaction()) ?? undefined) : undefined
  const req = { transactionID, context } as Partial<PayloadRequest>

  for (let i = 0; i < options.count; i++) {
    const title = titleFor(i, random, usedSlugs)
    const slug = slugify(title)
    const isDraft = random.next() < draftShare
    const articleTopics = random.sample(topics, random.int(1, 3)).map((t) => t.id)
    const articleBenefits = random.sample(benefits, random.int(2, 5)).map((b) => b.id)
    // Spread over six years, evenly, with jitter: page N of the blog is a stable slice.
    const publishedAt = new Date(now - ((i + random.next()) / options.count) * sixYears).toISOString()
    const hero = images.length && withHero < heroTarget && random.next() < heroTarget / options.count ? random.pick(images) : null
    const { content, excerpt } = contentFor(sentences, random, articleBenefits.length > 0)
    const data = {
      title,
      slug,
      excerpt,
      content,
      benefits: articleBenefits,
      topics: articleTopics,
      author: author.id,
      heroImage: hero,
      publishedAt: isDraft ? null : publishedAt,
      _status: isDraft ? ('draft' as const) : ('published' as const),
    }
    if (options.via === 'local') {
      await payload.create({ collection: ARTICLES, data: data as never, draft: isDraft, overrideAccess: true, depth: 0, context })
    } else {
      const stamp = isDraft ? new Date(now).toISOString() : publishedAt
      await payload.db.create({
        collection: ARTICLES,
        data: { ...data, searchText: `${title}\n${excerpt}`, createdAt: stamp, updatedAt: stamp },
        req,
        returning: false,
      })
    }
    if (isDraft) drafts++
    else {
      published++
      for (const id of articleTopics) topicCounts.set(id, (topicCounts.get(id) ?? 0) + 1)
      if (!sampleSlug && i >= options.count / 2) sampleSlug = slug
    }
    if (hero) withHero++
    if ((i + 1) % 500 === 0) {
      const rate = (i + 1) / ((performance.now() - articlesStarted) / 1000)
      log(`${i + 1}/${options.count} articles, ${rate.toFixed(0)} docs/s`)
    }
  }
  if (transactionID !== undefined) await payload.db.commitTransaction(transactionID)

  const articleSeconds = (performance.now() - articlesStarted) / 1000
  const [busiestTopic, topicArticles] = [...topicCounts.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['', 0]
  return {
    via: options.via,
    articles: options.count,
    published,
    drafts,
    withHero,
    topics: topics.length,
    images: images.length,
    seconds: (performance.now() - started) / 1000,
    articleSeconds,
    docsPerSecond: options.count / articleSeconds,
    sample: { articleSlug: sampleSlug, topicSlug: topics.find((t) => t.id === busiestTopic)?.slug ?? '', topicArticles },
  }
}

/**
 * Adds `count` topics straight through the adapter (`payload.db.create`, one transaction): the
 * cheapest documents that each add a page (and a URL) to the sitemap, to push it past 50,000 URLs.
 */
export async function seedSitemapTopics(payload: Payload, count: number) {
  const started = performance.now()
  const transactionID = (await payload.db.beginTransaction()) ?? undefined
  const req = { transactionID, context } as Partial<PayloadRequest>
  const stamp = new Date().toISOString()
  for (let i = 0; i < count; i++) {
    await payload.db.create({
      collection: TOPICS,
      data: { name: `Bench topic ${i}`, slug: `bench-topic-${i}`, createdAt: stamp, updatedAt: stamp },
      req,
      returning: false,
    })
  }
  if (transactionID !== undefined) await payload.db.commitTransaction(transactionID)
  const seconds = (performance.now() - started) / 1000
  return { topics: count, seconds, docsPerSecond: count / seconds }
}

/** Removes the bench's uploaded images (and their generated sizes) from the project's data/media. */
export function removeBenchImages(mediaDir = path.resolve('data/media')) {
  let removed = 0
  try {
    for (const file of readdirSync(mediaDir)) {
      if (!file.startsWith(BENCH_IMAGE_PREFIX)) continue
      rmSync(path.join(mediaDir, file), { force: true })
      removed++
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  return removed
}

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`)
  return index === -1 ? undefined : process.argv[index + 1]
}

async function main() {
  const db = argument('db')
  const count = Number(argument('count') ?? 100)
  const extraTopics = Number(argument('extra-topics') ?? 0)
  const via = (argument('via') ?? 'local') as ScaleSeedOptions['via']
  if (!db || !Number.isInteger(count) || count < 0 || !Number.isInteger(extraTopics) || !['local', 'db'].includes(via)) {
    console.error('Usage: tsx bench/seed-scale.ts --db <file.db> --count <n> [--via local|db] [--extra-topics <n>]')
    process.exit(2)
  }
  const payload = await openPayload(db, { seed: true })
  try {
    const log = (line: string) => console.error(`[seed-scale] ${line}`)
    const report = count > 0 ? await seedScale(payload, { count, via, log }) : null
    const sitemapTopics = extraTopics > 0 ? await seedSitemapTopics(payload, extraTopics) : null
    console.log(JSON.stringify({ ...report, sitemapTopics }))
  } finally {
    await payload.destroy()
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main()
  process.exit(0)
}
