import { cache } from 'react'

import { BENEFITS } from '../../collections/slugs'
import { getPayloadClient } from '../payload'
import { benefitSummarySelect, populate } from './select'

export const getBenefits = cache(async () => {
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

export const getBenefitBySlug = cache(async (slug: string) => {
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
