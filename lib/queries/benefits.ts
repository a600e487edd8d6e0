import { BENEFITS } from '../collections'
import { richTextLinkTags, tags } from '../cache/tags'
import { getPayloadClient } from '../config/payload'
import { cachedQuery } from './cached'
import { benefitSummarySelect, populate } from './select'

export const getBenefits = cachedQuery('getBenefits', () => [tags.benefits], async () => {
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    collection: BENEFITS,
    overrideAccess: false,
    depth: 0,
    select: benefitSummarySelect,
    sort: ['order', 'title'],
    limit: 200,
    pagination: false,
  })
  return docs
})

/** The benefit, its share image, and a description whose links may lead to any page. */
const benefitTags = (slug: string) => [tags.benefit(slug), ...richTextLinkTags, tags.media]

export const getBenefitBySlug = cachedQuery('getBenefitBySlug', benefitTags, async (slug: string) => {
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    collection: BENEFITS,
    overrideAccess: false,
    // Depth 1 brings the SEO share image's sizes along.
    depth: 1,
    populate,
    where: { slug: { equals: slug } },
    select: { ...benefitSummarySelect, description: true, meta: true },
    limit: 1,
    pagination: false,
  })
  return docs[0] ?? null
})

export type BenefitSummaryData = Awaited<ReturnType<typeof getBenefits>>[number]
