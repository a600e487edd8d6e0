import { TOPICS } from '../collections'
import { tags } from '../cache/tags'
import { getPayloadClient } from '../config/payload'
import { cachedQuery } from './cached'
import { populate } from './select'

export const getTopicBySlug = cachedQuery('getTopicBySlug', (slug: string) => [tags.topic(slug), tags.topics, tags.media], async (slug: string) => {
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    collection: TOPICS,
    overrideAccess: false,
    // Depth 1 brings the SEO share image's sizes along.
    depth: 1,
    populate,
    where: { slug: { equals: slug } },
    select: { name: true, slug: true, description: true, meta: true },
    limit: 1,
    pagination: false,
  })
  return docs[0] ?? null
})
