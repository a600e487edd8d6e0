import { parseParams, sitemapChunkParams } from '@/lib/paths/params'
import { getSitemapChunkXml, getSitemapCounts } from '@/lib/queries/sitemap'
import { SITEMAP_CACHE_CONTROL, sitemapChunkCount } from '@/lib/seo/sitemap'

/**
 * `/sitemaps/sitemap/<id>.xml`: the child sitemaps /sitemap.xml lists once the site passes 50,000
 * URLs (app/sitemap.xml/route.ts). A route of its own rather than Next's sitemap convention
 * (generateSitemaps), whose response Next caches as a Buffer it then measures byte by byte: the
 * document is cached as a string instead (lib/queries/sitemap.ts), and the route runs per request.
 */
export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ id: string }> }

export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const parsed = await parseParams(sitemapChunkParams, params)
  // Counted first (cached, cheap): an id past the last child never reads or builds the sitemap.
  if (!parsed || parsed.id >= sitemapChunkCount(await getSitemapCounts())) return new Response('Not found', { status: 404 })
  const xml = await getSitemapChunkXml(parsed.id)
  if (xml === null) return new Response('Not found', { status: 404 })
  return new Response(xml, { headers: { 'Content-Type': 'application/xml', 'Cache-Control': SITEMAP_CACHE_CONTROL } })
}
