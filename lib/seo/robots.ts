import type { MetadataRoute } from 'next'

import { routes } from '../paths/routes'
import { site } from '../config/site'

/** Where drafts are previewed: private by nature, and never to be indexed. */
export const DRAFT_PREVIEW_PATHS = ['/next/preview', '/api/preview'] as const

/** The admin, the API, search result pages (endless, thin) and draft previews. */
export const DISALLOWED_PATHS = ['/admin', '/api', routes.search(), ...DRAFT_PREVIEW_PATHS] as const

export function buildRobots({ siteUrl = site.url }: { siteUrl?: string } = {}): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: [...DISALLOWED_PATHS] }],
    sitemap: `${siteUrl}${routes.sitemap()}`,
  }
}
