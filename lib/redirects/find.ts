import { REDIRECTS } from '@/lib/collections'
import { richTextLinkTags, tags } from '@/lib/cache/tags'
import { getPayloadClient } from '@/lib/config/payload'
import { absoluteUrl } from '@/lib/config/site'
import { redirectStatus, redirectTarget } from '@/lib/paths/canonical'
import { cachedQuery } from '@/lib/queries/cached'

export type ResolvedRedirect = { target: string; status: 301 | 308 }

/** A redirect leads to a page, whose slug and visibility decide where (and whether) it goes. */
const redirectTags = () => [tags.redirects, ...richTextLinkTags]

/**
 * The permanent redirect stored for a site path, resolved to where it leads today; `null` when
 * there is none, or its page is gone or not public. `from` is stored canonical (see
 * collections/hooks/normaliseRedirectFrom.ts); the other spellings cover rows saved before that.
 */
export const findRedirect = cachedQuery('findRedirect', redirectTags, async (path: string): Promise<ResolvedRedirect | null> => {
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    collection: REDIRECTS,
    overrideAccess: false,
    depth: 1,
    where: { from: { in: [path, `${path}/`, absoluteUrl(path)] } },
    select: { type: true, to: true },
    populate: {
      articles: { slug: true },
      benefits: { slug: true },
      authors: { slug: true },
      topics: { slug: true },
    },
    limit: 1,
    pagination: false,
  })
  const redirect = docs[0]
  const target = redirect ? redirectTarget(redirect) : null
  // A redirect to itself would loop forever; treat it as no redirect at all.
  if (!redirect || !target || target === path) return null
  return { target, status: redirectStatus(redirect.type) }
})
