import { cache } from 'react'

import { AUTHORS } from '../../collections/slugs'
import { getPayloadClient } from '../payload'
import { authorPersonSelect, populate } from './select'

const authorProfileSelect = { ...authorPersonSelect, bio: true, meta: true } as const

export const getAuthorBySlug = cache(async (slug: string) => {
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    collection: AUTHORS,
    overrideAccess: false,
    depth: 1,
    populate,
    where: { slug: { equals: slug } },
    select: authorProfileSelect,
    limit: 1,
    pagination: false,
  })
  return docs[0] ?? null
})

/** The practice's own therapist for the home page: the first profile created. */
export const getFeaturedAuthor = cache(async () => {
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    collection: AUTHORS,
    overrideAccess: false,
    depth: 1,
    populate,
    select: authorProfileSelect,
    sort: 'createdAt',
    limit: 1,
    pagination: false,
  })
  return docs[0] ?? null
})

export type AuthorProfileData = NonNullable<Awaited<ReturnType<typeof getAuthorBySlug>>>
