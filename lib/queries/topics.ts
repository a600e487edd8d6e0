import { cache } from 'react'

import { TOPICS } from '../../collections/slugs'
import { getPayloadClient } from '../payload'

export const getTopicBySlug = cache(async (slug: string) => {
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    collection: TOPICS,
    overrideAccess: false,
    depth: 0,
    where: { slug: { equals: slug } },
    select: { name: true, slug: true, description: true },
    limit: 1,
    pagination: false,
  })
  return docs[0] ?? null
})
