import type { Payload } from 'payload'

import { PRACTICE } from '@/lib/collections'
import type { Media } from '../../payload-types'
import { getPayloadClient } from '@/lib/config/payload'
import { PLACEHOLDER_PRACTICE_NAME } from '../../lib/practice/placeholder'

/** The admin's brand is her practice: its name and, once she uploads one, its logo. */
export async function practiceBrand(payload?: Payload): Promise<{ name: string; logoUrl: string | null }> {
  const client = payload ?? (await getPayloadClient())
  try {
    const practice = await client.findGlobal({ slug: PRACTICE, depth: 1, overrideAccess: true, select: { name: true, logo: true } })
    const logo = practice.logo && typeof practice.logo === 'object' ? (practice.logo as Media) : null
    return { name: practice.name?.trim() || PLACEHOLDER_PRACTICE_NAME, logoUrl: logo?.sizes?.thumbnail?.url ?? logo?.url ?? null }
  } catch {
    return { name: PLACEHOLDER_PRACTICE_NAME, logoUrl: null }
  }
}
