import { AUTHORS } from '../collections'
import { richTextLinkTags, tags } from '../cache/tags'
import { getPayloadClient } from '../config/payload'
import { cachedQuery } from './cached'
import { authorPersonSelect, populate } from './select'

const authorProfileSelect = { ...authorPersonSelect, bio: true, meta: true } as const

/** A profile: the author, her photo, and a bio whose links may lead to any page. */
const profileTags = () => [...richTextLinkTags, tags.media]

export const getAuthorBySlug = cachedQuery('getAuthorBySlug', (slug: string) => [tags.author(slug), ...profileTags()], async (slug: string) => {
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
export const getFeaturedAuthor = cachedQuery('getFeaturedAuthor', profileTags, async () => {
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
