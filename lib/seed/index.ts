import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import path from 'node:path'

import type { Payload } from 'payload'

import { ARTICLES, AUTHORS, BENEFITS, SERVICES, TOPICS } from '../collections'
import type { Article, Author, Benefit, Topic } from '../../payload-types'
import { block, editorState, heading, paragraph } from '../richtext/lexical'
import { slugify } from '../paths/slug'
import { parseArticle, type ParsedArticle } from './parse-article'
import { SAMPLE_SERVICES, sampleServiceData, seedPractice } from './practice'

export const FIRST_ARTICLE_FILE = 'massage-therapy-benefits-on-immune-function.txt'

/** Read at run time from the project (not ../shared): it ships with the app as seed data. */
export async function readFirstArticle(): Promise<ParsedArticle> {
  const file = path.join(process.cwd(), 'lib', 'seed', 'content', FIRST_ARTICLE_FILE)
  return parseArticle(await readFile(file, 'utf8'))
}

export type SeedReport = { created: string[]; kept: string[] }

/**
 * What the seed fills Janet's profile with until she writes her own: the dashboard's first-run
 * checklist (lib/onboarding/checklist.ts) asks her to check it while the bio is still this text.
 */
export const SAMPLE_AUTHOR = {
  slug: 'janet',
  credentials: 'LMT',
  bio: 'Janet is a massage therapist who helps her clients feel better in their bodies with therapeutic massage, and writes here about how massage supports health and well-being.',
} as const

/** Seeding is bulk work: hooks that refresh caches skip it (see `disableRevalidate`). */
const context = { disableRevalidate: true, seeding: true }

/**
 * Imports the therapist's first article, her author profile, its five benefits and its topic.
 * Idempotent and additive: anything that already exists (matched by slug) is left exactly as it
 * is, so re-running never overwrites or deletes what she has edited since.
 */
export async function seed(payload: Payload, source?: ParsedArticle): Promise<SeedReport> {
  const article = source ?? (await readFirstArticle())
  const report: SeedReport = { created: [], kept: [] }

  if (await seedPractice(payload, context)) report.created.push('practice')
  else report.kept.push('practice')
  for (const service of SAMPLE_SERVICES) {
    await findOrCreate(payload, report, SERVICES, service.slug, sampleServiceData(service))
  }

  const author = await findOrCreate<Author>(payload, report, AUTHORS, SAMPLE_AUTHOR.slug, {
    name: 'Janet',
    slug: SAMPLE_AUTHOR.slug,
    credentials: SAMPLE_AUTHOR.credentials,
    jobTitle: 'Licensed Massage Therapist',
    signOff: article.signOff ?? 'In Health, Janet',
    bio: editorState([paragraph(SAMPLE_AUTHOR.bio)]),
  })

  const benefits: Benefit[] = []
  for (const benefit of article.benefits) {
    const slug = slugify(benefit.title)
    benefits.push(
      await findOrCreate<Benefit>(payload, report, BENEFITS, slug, {
        title: benefit.title,
        slug,
        summary: benefit.summary,
        description: editorState([paragraph(benefit.description)]),
        order: benefit.position,
      }),
    )
  }

  const topic = await findOrCreate<Topic>(payload, report, TOPICS, 'immune-health', {
    name: 'Immune health',
    slug: 'immune-health',
    description: 'How massage therapy supports the immune system and the body\'s natural defences.',
  })

  const firstParagraph = article.blocks.find((b) => b.type === 'paragraph')
  await findOrCreate<Article>(payload, report, ARTICLES, slugify(article.title), {
    title: article.title,
    slug: slugify(article.title),
    excerpt: firstParagraph?.type === 'paragraph' ? firstParagraph.text.slice(0, 300) : article.title,
    content: editorState(
      article.blocks.map((b) =>
        b.type === 'paragraph'
          ? paragraph(b.text)
          : b.type === 'heading'
            ? heading(b.text, 'h2')
            : block('benefitList', randomBytes(12).toString('hex')),
      ),
    ),
    benefits: benefits.map((b) => b.id),
    author: author.id,
    topics: [topic.id],
    _status: 'published',
    publishedAt: new Date().toISOString(),
  })

  return report
}

/** Seeds only a brand-new database, so deleting the sample article later sticks. */
export async function seedIfEmpty(payload: Payload): Promise<SeedReport | null> {
  for (const collection of [ARTICLES, AUTHORS, BENEFITS] as const) {
    const { totalDocs } = await payload.count({ collection, overrideAccess: true })
    if (totalDocs > 0) {
      // A site from before the practice settings existed still gets their placeholders.
      await seedPractice(payload, context)
      return null
    }
  }
  const report = await seed(payload)
  payload.logger.info(`Seeded the first article: created ${report.created.join(', ')}`)
  return report
}

type SeedCollection = typeof ARTICLES | typeof AUTHORS | typeof BENEFITS | typeof SERVICES | typeof TOPICS

async function findOrCreate<T extends { id: string }>(
  payload: Payload,
  report: SeedReport,
  collection: SeedCollection,
  slug: string,
  data: Record<string, unknown>,
): Promise<T> {
  const label = `${collection}/${slug}`
  const existing = await payload.find({
    collection,
    where: { slug: { equals: slug } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    // Drafts count as existing: a slug she is still writing under is hers.
    ...(collection === ARTICLES || collection === SERVICES ? { draft: true } : {}),
  })
  if (existing.docs[0]) {
    report.kept.push(label)
    return existing.docs[0] as unknown as T
  }
  const created = await payload.create({
    collection,
    data: data as never,
    depth: 0,
    overrideAccess: true,
    context,
  })
  report.created.push(label)
  return created as unknown as T
}
