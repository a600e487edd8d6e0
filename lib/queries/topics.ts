import { cache } from 'react'

import { TOPICS } from '../../collections/slugs'
import { getPayloadClient } from '../payload'
import { populate } from './select'

export const getTopicBySlug = cache(async (slug: string) => {
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
