import { draftMode } from 'next/headers'
import { redirect } from 'next/navigation'
import type { NextRequest } from 'next/server'

import { exitPreviewTarget } from '@/lib/paths/preview'
import { site } from '@/lib/config/site'

/**
 * "Exit" on the draft preview bar: turns draft mode off and returns to the page it was on (from
 * `?path=` or the Referer, this site only), now as the public sees it.
 */
export async function GET(request: NextRequest) {
  ;(await draftMode()).disable()
  const returnTo = request.nextUrl.searchParams.get('path') ?? request.headers.get('referer')
  redirect(exitPreviewTarget(returnTo, [request.headers.get('host'), new URL(site.url).host]))
}
