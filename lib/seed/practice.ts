import type { Payload } from 'payload'

import { PRACTICE } from '../collections'
import type { Service } from '../../payload-types'
import { PLACEHOLDER_PRACTICE } from '../practice/placeholder'
import { editorState, paragraph } from '../richtext/lexical'

/** Sample services, so the services page and the home page show what a filled-in one looks like. */
export const SAMPLE_SERVICES = [
  {
    title: 'Relaxation massage',
    slug: 'relaxation-massage',
    summary: 'A calm, full-body Swedish massage with long, flowing strokes to ease tension and quiet the mind.',
    durationMinutes: 60,
    price: 80,
    order: 1,
  },
  {
    title: 'Deep tissue massage',
    slug: 'deep-tissue-massage',
    summary: 'Slow, firm work on the deeper layers of muscle for chronic tightness in the back, neck and shoulders.',
    durationMinutes: 60,
    price: 95,
    order: 2,
  },
  {
    title: 'Lymphatic drainage',
    slug: 'lymphatic-drainage',
    summary: 'Gentle, rhythmic strokes that support lymph flow and help the body clear swelling.',
    durationMinutes: 45,
    price: 70,
    order: 3,
  },
] as const

export { PLACEHOLDER_PRACTICE }

export const sampleServiceData = (service: (typeof SAMPLE_SERVICES)[number]): Omit<Service, 'id' | 'createdAt' | 'updatedAt'> => ({
  ...service,
  currency: 'USD',
  description: editorState([paragraph(service.summary)]),
  _status: 'published',
})

/**
 * Fills the practice settings with the placeholders while they have never been saved (no name).
 * Settings she has saved are never touched.
 */
export async function seedPractice(payload: Payload, context: Record<string, unknown>): Promise<boolean> {
  const current = await payload.findGlobal({ slug: PRACTICE, depth: 0, overrideAccess: true })
  if (current.name) return false
  await payload.updateGlobal({ slug: PRACTICE, data: PLACEHOLDER_PRACTICE as never, depth: 0, overrideAccess: true, context })
  return true
}
