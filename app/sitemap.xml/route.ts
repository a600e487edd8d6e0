import { getSitemapContent } from '@/lib/queries/sitemap'
import { buildSitemapEntries, buildSitemapIndex, sitemapIndexXml, sitemapXml, splitSitemap } from '@/lib/seo/sitemap'

/**
 * /sitemap.xml, the address robots.txt names: the whole `<urlset>` while it fits in one file,
 * a `<sitemapindex>` of the child sitemaps (app/sitemaps/sitemap/[id]/route.ts) once it does not.
 */

// Cached whole and purged by tag, like the pages (app/(frontend)/layout.tsx says why 60 s).
export const revalidate = 60

export async function GET() {
  const chunks = splitSitemap(buildSitemapEntries(await getSitemapContent()))
  // Written as the child sitemaps are (sitemapXml), so /sitemap.xml and /sitemaps/sitemap/0.xml are
  // byte for byte the same document.
  const xml = chunks.length === 1 ? sitemapXml(chunks[0]) : sitemapIndexXml(buildSitemapIndex(chunks))
  return new Response(xml, { headers: { 'Content-Type': 'application/xml' } })
}
