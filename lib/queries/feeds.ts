import { ARTICLES } from '../collections'
import { richTextLinkTags, tags } from '../cache/tags'
import { getPayloadClient } from '../config/payload'
import type { FeedArticle } from '../seo/feeds'
import { cachedQuery } from './cached'
import { benefitSummarySelect, imageSelect } from './select'

const feedTags = () => [...richTextLinkTags, tags.media]

/**
 * The newest published articles with everything a full-content feed entry shows. Images keep
 * `mimeType` and `filename`: Payload's HTML converter needs them for uploads inside the body.
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
      media: { ...imageSelect, mimeType: true, filename: true },
      authors: { name: true, slug: true },
      benefits: { ...benefitSummarySelect, description: true },
      topics: { name: true, slug: true },
      // Internal links in the body need only the linked article's slug.
      articles: { slug: true },
    },
    sort: '-publishedAt',
    limit,
    pagination: false,
  })
  return docs
})
