import { draftMode } from 'next/headers'
import { redirect } from 'next/navigation'
import type { NextRequest } from 'next/server'

import { previewParams, previewRefusal } from '@/lib/paths/preview'
import { sameSitePath } from '@/lib/paths/canonical'
import { authenticatePreviewer, previewPath } from '@/lib/queries/preview'

/**
 * The admin's "Preview" button and Live Preview pane open this: for a logged-in user it turns on
 * draft mode and redirects (307) to the document's page, which then renders the latest draft.
 * Anyone else is refused before anything is looked up, and draft mode stays off.
 */
export async function GET(request: NextRequest) {
  const user = await authenticatePreviewer(request.headers)
  if (!user) return previewRefusal(401, 'Draft preview is only for logged-in editors: log in at /admin, then press Preview again.')

  const params = previewParams.safeParse(Object.fromEntries(request.nextUrl.searchParams))
  if (!params.success) return previewRefusal(400, 'This preview link is incomplete: it needs a collection and a document id.')

  const path = await previewPath(params.data, user)
  if (!path) return previewRefusal(404, 'Nothing to preview: the document does not exist or has no slug yet.')

  ;(await draftMode()).enable()
  redirect(sameSitePath(path) ?? '/')
}
