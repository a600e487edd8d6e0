import { draftMode, headers } from 'next/headers'
import type { TypedUser } from 'payload'
import { cache } from 'react'

import { getPayloadClient } from '../config/payload'
import type { PreviewParams } from '../paths/preview'
import { documentPath } from '../paths/routes'

/**
 * Who may preview, and where a document's latest version lives. Never cached across requests (no
 * cache tags): a draft changes with every autosave, and must reach no one but the logged-in
 * writer. The draft itself is read by the page's own query with its draft option
 * (lib/queries/articles.ts getArticleBySlug).
 */

/** The logged-in admin user who sent these headers (the `payload-token` cookie), or null. */
export async function authenticatePreviewer(requestHeaders: Headers): Promise<TypedUser | null> {
  const payload = await getPayloadClient()
  const { user } = await payload.auth({ headers: requestHeaders })
  return user
}

/**
 * Who is previewing this request: the logged-in user, when draft mode is on. Null for everyone
 * else, including a draft-mode cookie without a login (logged out since): they get public pages.
 */
export const getPreviewer = cache(async (): Promise<TypedUser | null> => {
  if (!(await draftMode()).isEnabled) return null
  return authenticatePreviewer(await headers())
})

/**
 * The site path of the document's latest version (draft or published), as the user may read it;
 * null when it does not exist for them or has no slug yet. Found by id, so a slug edited in the
 * draft leads to the draft's new address.
 */
export async function previewPath({ collection, id }: PreviewParams, user: TypedUser): Promise<string | null> {
  const payload = await getPayloadClient()
  const doc = await payload.findByID({
    collection,
    id,
    draft: true,
    overrideAccess: false,
    user,
    depth: 0,
    select: { slug: true },
    disableErrors: true,
  })
  return documentPath(collection, doc?.slug)
}
