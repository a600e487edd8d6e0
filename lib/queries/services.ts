import { SERVICES } from '../collections'
import { richTextLinkTags, tags } from '../cache/tags'
import { getPayloadClient } from '../config/payload'
import { cachedQuery } from './cached'
import { populate } from './select'

export const serviceSummarySelect = {
  title: true,
  slug: true,
  summary: true,
  durationMinutes: true,
  price: true,
  currency: true,
  bookingUrl: true,
  order: true,
} as const

/** The published services in her order: the services page, the home page and the offer catalog. */
export const getServices = cachedQuery('getServices', () => [tags.services], async () => {
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    collection: SERVICES,
    overrideAccess: false,
    depth: 0,
    select: serviceSummarySelect,
    sort: ['order', 'title'],
    limit: 100,
    pagination: false,
  })
  return docs
})

/** A service's page: its description's links may lead to any page; its share image is media. */
const serviceTags = (slug: string) => [tags.service(slug), ...richTextLinkTags, tags.media]

export const getServiceBySlug = cachedQuery('getServiceBySlug', serviceTags, async (slug: string) => {
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    collection: SERVICES,
    overrideAccess: false,
    depth: 1,
    populate,
    where: { slug: { equals: slug } },
    select: { ...serviceSummarySelect, description: true, meta: true },
    limit: 1,
    pagination: false,
  })
  return docs[0] ?? null
})

export type ServiceSummaryData = Awaited<ReturnType<typeof getServices>>[number]
