import { richTextLinkTags, tags } from '../cache/tags'
import { REDIRECTS } from '../collections'
import { getPayloadClient } from '../config/payload'
import { cachedQuery } from '../queries/cached'
import { REDIRECT_POPULATE, REDIRECT_SELECT, redirectFromSpellings, resolveRedirect, type ResolvedRedirect } from './resolve'

export type { ResolvedRedirect } from './resolve'

/** A redirect leads to a page, whose slug and visibility decide where (and whether) it goes. */
const redirectTags = () => [tags.redirects, ...richTextLinkTags]

/**
 * The permanent redirect stored for a site path, resolved to where it leads today; `null` when
 * there is none, or its page is gone or not public. The matching rule is lib/redirects/resolve.ts's.
 */
export const findRedirect = cachedQuery('findRedirect', redirectTags, async (path: string): Promise<ResolvedRedirect | null> => {
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    collection: REDIRECTS,
    overrideAccess: false,
    depth: 1,
    where: { from: { in: redirectFromSpellings(path) } },
    select: REDIRECT_SELECT,
    populate: REDIRECT_POPULATE,
    limit: 1,
    pagination: false,
  })
  return resolveRedirect(docs[0], path)
})
