import { ImageResponse } from 'next/og'

import { OG_CACHE_CONTROL, OG_IMAGE_SIZE, ogCard, ogParams } from '../../../../lib/og/content'
import { loadOgFonts } from '../../../../lib/og/load-fonts'
import { OgCardImage } from '../../../../lib/og/image'
import { parseParams } from '../../../../lib/params'
import { getOgSubject } from '../../../../lib/queries/og'
import { site } from '../../../../lib/site'

/**
 * `GET /og/<collection>/<slug>` and `/og/site/default`: the 1200×630 PNG that link previews show
 * for a page without an uploaded image. Lives outside both root layouts: a route handler needs none.
 */
type Context = { params: Promise<{ collection: string; slug: string }> }

export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const parsed = await parseParams(ogParams, params)
  const subject = parsed && (await getOgSubject(parsed))
  if (!subject) {
    // A short shared cache: an article published a minute later gets its image soon after.
    return new Response('Not found', { status: 404, headers: { 'cache-control': 'public, max-age=0, s-maxage=60' } })
  }
  return new ImageResponse(
    <OgCardImage card={ogCard(subject)} siteName={site.name} siteHost={new URL(site.url).host} />,
    { ...OG_IMAGE_SIZE, fonts: await loadOgFonts(), headers: { 'cache-control': OG_CACHE_CONTROL } },
  )
}
