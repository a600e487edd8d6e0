import { ARTICLES } from '../collections'
import { richTextLinkTags, tags } from '../cache/tags'
import { getPayloadClient } from '../config/payload'
import type { FeedArticle } from '../seo/feeds'
import { cachedQuery } from './cached'
import { articleBodyPopulate } from './select'

const feedTags = () => [...richTextLinkTags, tags.media]

/**
 * The newest published articles with everything a full-content feed entry shows: the body's
 * related documents read as the article page reads them, since the feeds render the page's markup.
 */
export const getFeedArticles = cachedQuery('getFeedArticles', feedTags, async (limit: number): Promise<FeedArticle[]> => {
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    collection: ARTICLES,
    overrideAccess: false,
    where: { _status: { equals: 'published' } },
    select: {
      title: true,
      slug: true,
      excerpt: true,
      summary: true,
      content: true,
      heroImage: true,
      benefits: true,
      references: true,
      author: true,
      topics: true,
      publishedAt: true,
      updatedAt: true,
      _status: true,
    },
    depth: 1,
    populate: {
      ...articleBodyPopulate,
      authors: { name: true, slug: true },
      topics: { name: true, slug: true },
    },
    sort: '-publishedAt',
    limit,
    pagination: false,
  })
  return docs
})
