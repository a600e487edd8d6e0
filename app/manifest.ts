import type { MetadataRoute } from 'next'

import { getPractice } from '@/lib/queries/practice'
import { DEFAULT_ICON, siteIcon } from '@/lib/seo/metadata'
import { routes } from '@/lib/paths/routes'

// Cached and purged with the practice's tag, like the pages (app/(frontend)/layout.tsx says why 60 s).
export const revalidate = 60

/** /manifest.webmanifest: her practice's name and icon when a visitor adds the site to a phone's home screen. */
export default async function manifest(): Promise<MetadataRoute.Manifest> {
  const practice = await getPractice()
  const icon = siteIcon(practice.logo)
  return {
    name: practice.name,
    short_name: practice.name,
    description: practice.tagline ?? undefined,
    start_url: routes.home(),
    display: 'browser',
    background_color: '#fbfaf7',
    theme_color: practice.accent.accent,
    icons: [icon.url === DEFAULT_ICON.url ? { src: DEFAULT_ICON.url, type: DEFAULT_ICON.type, sizes: 'any' } : { src: icon.url, ...(icon.type ? { type: icon.type } : {}) }],
  }
}
