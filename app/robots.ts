import type { MetadataRoute } from 'next'

import { buildRobots } from '@/lib/seo/robots'

// Cached after its first request (SITE_URL is read then, at run time: one build serves any domain).
export const revalidate = 60

export default function robots(): MetadataRoute.Robots {
  return buildRobots()
}
