import type { GlobalAfterChangeHook } from 'payload'

import { tags } from '../../../lib/cache/tags'
import { purgeCacheTags } from '../../../lib/cache/purge'

/**
 * Every page, feed, sitemap and share image reads the practice (its name is in every header and
 * title), so each carries the practice's tag: saving the settings purges them all at once, live on
 * the next request. Skipped for the seed and bulk imports (`disableRevalidate`), like collections.
 */
export const purgeSiteAfterChange: GlobalAfterChangeHook = ({ doc, req }) => {
  if (!req.context.disableRevalidate) purgeCacheTags([tags.practice], req)
  return doc
}
