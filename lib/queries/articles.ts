import type { TypedUser } from 'payload'
import { cache } from 'react'

import { ARTICLES } from '../collections'
import { richTextLinkTags, tags } from '../cache/tags'
import { getPayloadClient } from '../config/payload'
import { site } from '../config/site'
import { cachedQuery } from './cached'
import { articleCardSelect, articlePagePopulate, articlePageSelect, populate } from './select'

/** Every frontend read runs with the visitor's rights: anonymous sees published work only. */
const publicRead = { overrideAccess: false, depth: 1, populate } as const

/** Article cards show the article, its author and its hero image. */
const cardTags = () => [tags.articles, tags.authors, tags.media]

export const getLatestArticles = cachedQuery('getLatestArticles', cardTags, async (limit: number) => {
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    ...publicRead,
    collection: ARTICLES,
    select: articleCardSelect,
    sort: '-publishedAt',
    limit,
    pagination: false,
  })
  return docs
})

/** One page of the blog. `null` when the page does not exist (so the route can 404). */
export const getArticlesPage = cachedQuery('getArticlesPage', cardTags, async (page: number) => {
  const payload = await getPayloadClient()
  const result = await payload.find({
    ...publicRead,
    collection: ARTICLES,
    select: articleCardSelect,
    sort: '-publishedAt',
    limit: site.postsPerPage,
    page,
  })
  // Page 1 of an empty blog still exists; any other page past the end does not.
  if (page > Math.max(result.totalPages, 1)) return null
  return result
})

/** The whole article: its body may link to any page, and it lists benefits and topics. */
const articleTags = (slug: string) => [tags.article(slug), ...richTextLinkTags, tags.media]

/**
 * The article page's read. With `previewer`, the latest draft as that user may read it (draft
 * preview); without, the published article as anyone may.
 */
async function readArticleBySlug(slug: string, previewer?: TypedUser) {
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    ...publicRead,
    populate: articlePagePopulate,
    collection: ARTICLES,
    where: { slug: { equals: slug } },
    select: articlePageSelect,
    limit: 1,
    pagination: false,
    ...(previewer ? { draft: true, user: previewer } : {}),
  })
  return docs[0] ?? null
}

const getPublishedArticleBySlug = cachedQuery('getArticleBySlug', articleTags, (slug: string) => readArticleBySlug(slug))

/**
 * Drafts are never cached across requests (no cache tags): a draft changes with every autosave and
 * must reach no one but the logged-in writer. React `cache` only shares one result within a render.
 */
const getArticleDraftBySlug = cache((slug: string, previewer: TypedUser) => readArticleBySlug(slug, previewer))

/** An article with what its page shows: the published one, or with `draftFor` (a previewer) the latest draft. */
export function getArticleBySlug(slug: string, { draftFor }: { draftFor?: TypedUser | null } = {}) {
  return draftFor ? getArticleDraftBySlug(slug, draftFor) : getPublishedArticleBySlug(slug)
}

const articlesWhere = cachedQuery('articlesWhere', cardTags, async (field: 'author' | 'topics' | 'benefits', id: string) => {
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    ...publicRead,
    collection: ARTICLES,
    where: { [field]: { in: [id] } },
    select: articleCardSelect,
    sort: '-publishedAt',
    limit: 100,
    pagination: false,
  })
  return docs
})

export const getArticlesByAuthor = (authorId: string) => articlesWhere('author', authorId)
export const getArticlesByTopic = (topicId: string) => articlesWhere('topics', topicId)
export const getArticlesByBenefit = (benefitId: string) => articlesWhere('benefits', benefitId)

export type ArticleCardData = Awaited<ReturnType<typeof getLatestArticles>>[number]
export type ArticleData = NonNullable<Awaited<ReturnType<typeof getArticleBySlug>>>
