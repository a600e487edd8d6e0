import type { MetadataRoute } from 'next'

import { buildRobots } from '../lib/seo/robots'

// SITE_URL is read at run time, so one build serves any domain.
export const dynamic = 'force-dynamic'

export default function robots(): MetadataRoute.Robots {
  return buildRobots()
}
