import { ImageResponse } from 'next/og'

import { renderOnFirstRequest } from '@/lib/cache/static-params'
import { OG_IMAGE_SIZE, ogCard, ogParams } from '@/lib/og/content'
import { loadOgFonts } from '@/lib/og/load-fonts'
import { OgCardImage } from '@/lib/og/image'
import { parseParams } from '@/lib/paths/params'
import { getOgSubject } from '@/lib/queries/og'
import { site } from '@/lib/config/site'
import { getPractice } from '@/lib/queries/practice'

/**
 * `GET /og/<collection>/<slug>` and `/og/site/default`: the 1200×630 PNG that link previews show
 * for a page without an uploaded image. Lives outside both root layouts: a route handler needs none.
 * Drawn once, on its first request, then served from Next's cache like the pages (with their
 * Cache-Control, so the proxy in front keeps it a minute at a time), and purged by the same tags
 * (its read's, lib/queries/og.ts) when what it shows changes. The request itself is never read, so
 * a query string (`?x=1`) cannot ask for a fresh drawing.
 */
export const revalidate = 60
export const generateStaticParams = renderOnFirstRequest

type Context = { params: Promise<{ collection: string; slug: string }> }

export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const parsed = await parseParams(ogParams, params)
  const subject = parsed && (await getOgSubject(parsed))
  // Cached too (Next's cache, and a proxy in front for a minute, as the pages' Cache-Control
  // says): publishing the document purges it like its page.
  if (!subject) return new Response('Not found', { status: 404 })
  // Every card's footer names her practice: saving the settings purges the cards (its tag).
  const practice = await getPractice()
  const image = new ImageResponse(
    <OgCardImage card={ogCard(subject)} siteName={practice.name} siteHost={new URL(site.url).host} />,
    { ...OG_IMAGE_SIZE, fonts: await loadOgFonts() },
  )
  // next/og's own "max-age=0, must-revalidate" would keep the proxy from caching it at all;
  // without it, Next writes the cached pages' Cache-Control (s-maxage, stale-while-revalidate).
  image.headers.delete('cache-control')
  return image
}
