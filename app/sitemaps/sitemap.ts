import type { MetadataRoute } from 'next'

import { env } from '@/lib/config/env'
import { getSitemapContent, getSitemapCounts } from '@/lib/queries/sitemap'
import { buildSitemapEntries, sitemapChunkCount, splitSitemap } from '@/lib/seo/sitemap'

/**
 * The child sitemaps, served by Next at /sitemaps/sitemap/<id>.xml (generateSitemaps). They live
 * here, not in app/sitemap.ts, because /sitemap.xml is app/sitemap.xml/route.ts: it must become
 * a sitemap index, which Next's metadata routes cannot write, and Next refuses both at one address.
 */

// Each child sitemap is cached whole and purged by tag, like the pages (app/(frontend)/layout.tsx).
export const revalidate = 60

const chunks = async () => splitSitemap(buildSitemapEntries(await getSitemapContent()))

export async function generateSitemaps() {
  // `next build` calls this for static params: the build does not read the articles (its output is
  // never served, lib/cache/startup.ts); other ids render on their first request.
  if (env.NEXT_PHASE === 'phase-production-build') return [{ id: 0 }]
  // Next asks again on every request for a child sitemap: counts, not 50,000 documents.
  return Array.from({ length: sitemapChunkCount(await getSitemapCounts()) }, (_, id) => ({ id }))
}

export default async function sitemap({ id }: { id: Promise<string> }): Promise<MetadataRoute.Sitemap> {
  return (await chunks())[Number(await id)] ?? []
}
